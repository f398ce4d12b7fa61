import { RemixBrowser } from "@remix-run/react";
import i18next, { type BackendModule } from "i18next";
import { type ReactNode, StrictMode, startTransition, useEffect } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { holdEventsUntilHydrated } from "~/utils/hydration.client.ts";
import { fallbackLanguage, i18nOptions, isLanguage, loadCatalog } from "~/utils/i18n.ts";

// Another language's catalog is fetched when the language changes without a reload (signing in
// switches from the browser's language to the profile's): i18next loads every namespace through
// this backend first and only then switches, so no string ever shows as its key.
const catalogBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    loadCatalog[language]().then(
      (catalog) => callback(null, catalog.default[namespace as keyof typeof catalog.default]),
      (error: Error) => callback(error, null),
    );
  },
};

/** Calls `onHydrated` once the document it wraps is hydrated (effects run after the commit). */
function Hydrated({ children, onHydrated }: { children: ReactNode; onHydrated: () => void }) {
  useEffect(onHydrated, [onHydrated]);
  return children;
}

async function hydrate() {
  // The server wrote the reader's language on <html lang>; load only that catalog.
  const htmlLang = document.documentElement.lang;
  const lng = isLanguage(htmlLang) ? htmlLang : fallbackLanguage;
  const catalog = await loadCatalog[lng]();
  await i18next
    .use(catalogBackend)
    .use(initReactI18next)
    .init({
      ...i18nOptions,
      lng,
      resources: { [lng]: catalog.default },
      // The page's own catalog is bundled above; others come through the backend when needed.
      partialBundledLanguages: true,
      // Every key exists in every language (tests/unit/i18n-catalogs.test.ts), so the browser
      // needs no second catalog to fall back on.
      fallbackLng: false,
    });

  // Taps and keys before hydration ends take their native course (docs/decisions/033).
  const letEventsThrough = holdEventsUntilHydrated();
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <Hydrated onHydrated={letEventsThrough}>
            <RemixBrowser />
          </Hydrated>
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
