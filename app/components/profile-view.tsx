import { useTranslation } from "react-i18next";
import { PARTS_OF_DAY, WEEKDAYS } from "~/modules/people/profile-codes.ts";

// A volunteer's profile, read-only: as their coordinators see it at /people/<id>/profile.

export interface ProfileViewData {
  since: string | null;
  digibanks: Array<{ id: number; name: string }>;
  municipalities: Array<{ id: number; name: string }>;
  languages: string[];
  availability: string[];
  introduction: string;
  skills: Array<{ code: string; source: "declared" | "course" }>;
}

export function ProfileView({
  profile,
  since,
}: {
  profile: ProfileViewData;
  since: string | null;
}) {
  const { t } = useTranslation("profile");
  const { t: tCommon } = useTranslation();
  const list = (items: string[]) => (items.length ? items.join(", ") : t("none"));
  return (
    <dl className="profile-view">
      <dt>{t("since.label")}</dt>
      <dd>{since ?? t("notSet")}</dd>
      <dt>{t("digibanks.title")}</dt>
      <dd>{list(profile.digibanks.map((d) => d.name))}</dd>
      <dt>{t("municipalities.legend")}</dt>
      <dd>{list(profile.municipalities.map((m) => m.name))}</dd>
      <dt>{t("languages.legend")}</dt>
      <dd>{list(profile.languages.map((code) => t(`language.${code}` as never, code)))}</dd>
      <dt>{t("skills.title")}</dt>
      <dd>
        {list(
          profile.skills.map(
            (s) =>
              `${tCommon(`skill.${s.code}` as never, s.code)} (${t(s.source === "course" ? "skills.earned" : "skills.declared")})`,
          ),
        )}
      </dd>
      <dt>{t("availability.legend")}</dt>
      <dd>
        {profile.availability.length ? (
          <ul className="plain-list">
            {WEEKDAYS.filter((day) =>
              PARTS_OF_DAY.some((p) => profile.availability.includes(`${day}_${p}`)),
            ).map((day) => (
              <li key={day}>
                {t(`day.${day}`)}:{" "}
                {PARTS_OF_DAY.filter((p) => profile.availability.includes(`${day}_${p}`))
                  .map((p) => t(`part.${p}`))
                  .join(", ")}
              </li>
            ))}
          </ul>
        ) : (
          t("none")
        )}
      </dd>
      <dt>{t("introduction.label")}</dt>
      <dd className="profile-view__text">{profile.introduction || t("notSet")}</dd>
    </dl>
  );
}
