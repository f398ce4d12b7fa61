import { createCookie } from "@remix-run/node";
import { type TFunction, createInstance } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import en from "~/locales/en/index.ts";
import fr from "~/locales/fr/index.ts";
import nl from "~/locales/nl/index.ts";
import {
  type Language,
  type Namespace,
  fallbackLanguage,
  i18nOptions,
  isLanguage,
  supportedLanguages,
} from "./i18n.ts";

export const resources = { nl, fr, en };

/** The reader's chosen language; a first visit falls back to the Accept-Language header. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  // Holds only a language code, so it may also travel over plain HTTP on a local network.
  secure: false,
  maxAge: 60 * 60 * 24 * 365,
});

const detector = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
});

/** The language to answer this request in. */
export async function getLanguage(request: Request): Promise<Language> {
  const detected = await detector.getLocale(request);
  return isLanguage(detected) ? detected : fallbackLanguage;
}

// One i18next instance per language for the whole process: the catalogs never change while it
// runs, and building an instance per request cost more than rendering the page
// (bench/home-and-health.ts). Nothing on the server changes an instance's language.
const instances = Object.fromEntries(
  supportedLanguages.map((language) => {
    const instance = createInstance();
    void instance
      .use(initReactI18next)
      .init({ ...i18nOptions, lng: language, resources, initImmediate: false });
    return [language, instance];
  }),
) as Record<Language, ReturnType<typeof createInstance>>;

/** A translate function for one language, for loaders, meta and emails. */
export function getFixedT<N extends Namespace = "common">(
  language: Language,
  namespace?: N,
): TFunction<N> {
  return instances[language].getFixedT(language, namespace ?? "common") as TFunction<N>;
}

/** The i18next instance that renders pages in this language. */
export function i18nFor(language: Language) {
  return instances[language];
}
