import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import en from "~/locales/en.ts";
import fr from "~/locales/fr.ts";
import nl from "~/locales/nl.ts";
import { fallbackLanguage, i18nOptions, supportedLanguages } from "./i18n.ts";

export const resources = {
  nl: { common: nl },
  fr: { common: fr },
  en: { common: en },
};

/** The reader's chosen language; a first visit falls back to the Accept-Language header. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  // Holds only a language code, so it may also travel over plain HTTP on a local network.
  secure: false,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: { ...i18nOptions, resources },
});
