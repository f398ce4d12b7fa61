import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderPersonalFeed } from "~/modules/shifts/feed.server.ts";

// The personal calendar feed, /feed/<token>.ics: public to whoever holds the secret address, as
// calendar apps fetch it without signing in. A resource route: iCalendar or a plain 404.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const file = params.token ?? "";
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : "";
  const body = await renderPersonalFeed(context.db, token, { appUrl: context.appUrl });
  if (body === null) {
    return new Response("Not Found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "X-Robots-Tag": "noindex",
    },
  });
}
