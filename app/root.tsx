import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { LanguageSwitch } from "~/components/language-switch.tsx";
import { SiteMenu } from "~/components/site-menu.tsx";
import { UserMenu } from "~/components/user-menu.tsx";
import { getAuth } from "~/modules/auth/guards.server.ts";
import { commitCsrfToken } from "~/utils/csrf.server.ts";
import { clearOutcome } from "~/utils/flash.server.ts";
import { MainNavigation } from "~/components/main-navigation.tsx";
import stylesHref from "~/styles/app.css";
import { fallbackLanguage, isLanguage } from "~/utils/i18n.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { navigationFor } from "~/utils/navigation.ts";
import { useNonce } from "~/utils/nonce.tsx";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await getLanguage(request);
  const t = getFixedT(locale);
  const { actor, setCookie } = await getAuth(request, context);
  const [csrfToken, csrfCookie] = await commitCsrfToken(request, context.secret);
  // The page's own loader reads the last action's outcome on this same request; it shows once.
  const outcomeCookie = await clearOutcome(request, context);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (csrfCookie) headers.append("Set-Cookie", csrfCookie);
  if (outcomeCookie) headers.append("Set-Cookie", outcomeCookie);
  return data(
    {
      locale,
      csrfToken,
      user: actor ? { name: actor.name } : null,
      navigation: navigationFor(actor ? actor.roles.map((r) => r.role) : null),
      // Page titles for the error pages, whose meta cannot translate on its own.
      titles: {
        app: t("app.name"),
        notFound: t("errors.notFoundTitle"),
        error: t("errors.errorTitle"),
      },
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [];
  const titles = data?.titles;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title = status === 404 ? titles?.notFound : titles?.error;
  return [{ title: title ? `${title} · ${titles?.app}` : "Digihelpers" }];
};

export const handle = { i18n: "common" };

export function headers() {
  // The same URL answers in the reader's language.
  return { Vary: "Accept-Language, Cookie" };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const location = useLocation();
  const locale = data?.locale ?? (isLanguage(i18n.language) ? i18n.language : fallbackLanguage);
  useChangeLanguage(locale);

  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("shell.skipToContent")}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="brand" href="/">
              {t("app.name")}
            </a>
            <SiteMenu label={t("shell.menu")}>
              <MainNavigation items={data?.navigation ?? navigationFor(null)} />
              <UserMenu user={data?.user ?? null} />
              <LanguageSwitch current={locale} redirectTo={location.pathname + location.search} />
            </SiteMenu>
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t("shell.footer")}</p>
          <nav aria-label={t("shell.footerLinks")}>
            <ul className="site-footer__links">
              <li>
                <a href="/privacy">{t("shell.privacy")}</a>
              </li>
              <li>
                <a href="/accessibility">{t("shell.accessibility")}</a>
              </li>
            </ul>
          </nav>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
