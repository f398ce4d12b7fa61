import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "./csrf-field.tsx";

export function UserMenu({ user }: { user: { name: string } | null }) {
  const { t } = useTranslation("auth");
  if (!user) {
    return (
      <Link className="header-link" to="/login">
        {t("login.title")}
      </Link>
    );
  }
  return (
    <Form method="post" action="/logout" className="user-menu">
      <CsrfField />
      <span className="user-menu__name">{t("logout.signedInAs", { name: user.name })}</span>
      <button type="submit" className="header-button">
        {t("logout.submit")}
      </button>
    </Form>
  );
}
