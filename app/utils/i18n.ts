import type { InitOptions } from "i18next";
import type nl from "~/locales/nl/index.ts";

// Shared by the server and the browser. Dutch first; French and English follow its keys.

export const supportedLanguages = ["nl", "fr", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "nl";
export const defaultNamespace = "common";
export const namespaces = [
  "common",
  "auth",
  "account",
  "people",
  "mail",
  "shifts",
  "planning",
  "regions",
  "courses",
  "coursePlanning",
  "training",
  "events",
  "eventPlanning",
  "profile",
  "shiftReports",
  "experience",
  "community",
  "reports",
] as const;
export type Namespace = (typeof namespaces)[number];

/** The locale used for dates and numbers: Belgian Dutch and French, British English. */
export const intlLocale: Record<Language, string> = { nl: "nl-BE", fr: "fr-BE", en: "en-GB" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: defaultNamespace,
  ns: [...namespaces],
  // React escapes; escaping twice would show "&amp;" to the reader.
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
} satisfies InitOptions;

/** Loads one catalog; the browser fetches only the language it shows. */
export const loadCatalog: Record<Language, () => Promise<{ default: typeof nl }>> = {
  nl: () => import("~/locales/nl/index.ts"),
  fr: () => import("~/locales/fr/index.ts"),
  en: () => import("~/locales/en/index.ts"),
};

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof nl;
  }
}
