import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type Language, supportedLanguages } from "~/utils/i18n.ts";
import { CsrfField } from "./csrf-field.tsx";

/**
 * One button per language, each named in its own language. A full page load follows, so the
 * browser fetches the catalog of the language chosen.
 */
export function LanguageSwitch({ current, redirectTo }: { current: Language; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/language" reloadDocument className="language-switch">
      <fieldset>
        <legend className="visually-hidden">{t("shell.languageLabel")}</legend>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {supportedLanguages.map((lng) => (
          <button
            key={lng}
            type="submit"
            name="lng"
            value={lng}
            lang={lng}
            aria-current={lng === current ? "true" : undefined}
          >
            {t(`languages.${lng}`)}
          </button>
        ))}
      </fieldset>
    </Form>
  );
}
