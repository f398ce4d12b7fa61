import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What an emailed link that was used or has expired shows: what happened, and how to get a new one. */
export function InvalidLinkPage({
  section,
  askAgainAt,
}: {
  section: "link" | "reset";
  askAgainAt: string;
}) {
  const { t } = useTranslation("auth");
  return (
    <div className="page page--narrow">
      <h1>{t(`${section}.invalidTitle`)}</h1>
      <p>{t(`${section}.invalidText`)}</p>
      <p>
        <Link className="button" to={askAgainAt}>
          {t("link.askNew")}
        </Link>
      </p>
    </div>
  );
}
