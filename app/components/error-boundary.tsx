import { Link, type MetaDescriptor, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// The one error page. A route that can answer 404 or 403 exports an ErrorBoundary built on it, so
// the error shows inside the site's header and menu, in the reader's language, and says where to
// go next; the root's boundary catches the rest.

interface StatusText {
  /** What happened, in the words of this page (replaces the general text for this status). */
  text: string;
  /** Where to go instead. */
  link?: { to: string; label: string };
}

/** The catalog keys of an error page's title and text. */
function errorTexts(status: number) {
  const kind =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 413
          ? "tooLarge"
          : status === 415
            ? "unsupported"
            : status === 503
              ? "unavailable"
              : status >= 400 && status < 500
                ? "badRequest"
                : "error";
  return [`errors.${kind}Title`, `errors.${kind}Text`] as const;
}

export function GeneralErrorBoundary({
  statusHandlers = {},
}: {
  statusHandlers?: Partial<Record<number, StatusText>>;
}) {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // In the browser only: on the server, handleError (entry.server.tsx) has logged it already.
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") console.error(error);
  const [title, text] = errorTexts(status).map((key) => t(key));
  const handler = statusHandlers[status];

  return (
    <div className="page page--narrow">
      <h1>{title}</h1>
      <p>{handler?.text ?? text}</p>
      <p className="muted">{t("errors.statusCode", { status })}</p>
      <ul className="plain-list links">
        {handler?.link ? (
          <li>
            <Link className="button" to={handler.link.to}>
              {handler.link.label}
            </Link>
          </li>
        ) : null}
        <li>
          <a className={handler?.link ? undefined : "button"} href="/">
            {t("errors.backHome")}
          </a>
        </li>
      </ul>
    </div>
  );
}

/**
 * The title of a route's error page: the root's meta, which knows the error (a route's own meta
 * has no data to name the page by when its loader failed).
 */
export function errorMeta({
  matches,
}: {
  matches: ReadonlyArray<{ id: string; meta: MetaDescriptor[] }>;
}): MetaDescriptor[] {
  return matches.find((match) => match.id === "root")?.meta ?? [];
}
