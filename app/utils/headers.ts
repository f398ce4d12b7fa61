import type { HeadersFunction } from "@remix-run/node";

/**
 * The `headers` export of a route whose action can answer 429: Remix passes on only Set-Cookie from
 * an action by itself, so the action's Retry-After (tooManyRequests) is added here to the page's
 * headers, for a form post and a data request alike.
 */
export const headersWithRetryAfter: HeadersFunction = ({ parentHeaders, actionHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
