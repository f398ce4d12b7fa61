import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import stylesHref from "~/styles/app.css";
import { isDatabaseUnreachableError } from "~/utils/db.server.ts";
import { withoutNulBytes } from "~/utils/html-stream.server.ts";
import { getFixedT, getLanguage, i18nFor } from "~/utils/i18n.server.ts";
import { logger } from "~/utils/log.server.ts";
import { NonceProvider } from "~/utils/nonce.tsx";

const log = logger.child({ component: "render" });

type HandleErrorArgs = Parameters<HandleErrorFunction>[1];

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export function handleError(error: unknown, { request, context }: HandleErrorArgs) {
  if (isDatabaseUnreachableError(error)) {
    // One line, not a stack per request, while the database is away; the answer becomes a 503.
    if (context.outage) context.outage.database = true;
    log.error(`Database unreachable: ${(error as Error).message}`);
    return;
  }
  if (!request.signal.aborted) log.error({ err: error }, "request failed");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = await getLanguage(request);
  if (loadContext.outage?.database) return unavailablePage(language);
  // Each request renders with its own language, so two readers never see each other's.
  const i18n = i18nFor(language);

  const nonce = loadContext.cspNonce;
  // Crawlers get the whole document at once; people get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer
            context={remixContext}
            url={request.url}
            abortDelay={ABORT_DELAY}
            nonce={nonce}
          />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors inside the shell are reported by onShellError; log the rest once streamed.
          if (shellRendered) log.error({ err: error }, "rendering failed");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * While the database is out of reach no page can be built (the root loader itself needs it): a
 * plain page in the reader's language says to try again shortly. Without scripts, so nothing
 * tries to hydrate it. (server/app.ts adds Retry-After.)
 */
function unavailablePage(language: Awaited<ReturnType<typeof getLanguage>>) {
  const t = getFixedT(language);
  const title = t("errors.unavailableTitle");
  const html = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t("app.name")}`}</title>
        <link rel="stylesheet" href={stylesHref} />
      </head>
      <body>
        <main id="main" className="page page--narrow">
          <h1>{title}</h1>
          <p>{t("errors.unavailableText")}</p>
          <p className="muted">{t("errors.statusCode", { status: 503 })}</p>
          <p>
            <a className="button" href="/">
              {t("errors.backHome")}
            </a>
          </p>
        </main>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    },
  });
}
