import http from "node:http";
import type { RequestListener } from "node:http";

/**
 * The HTTP server with bounds on how long a client may take to send its request: a client that
 * trickles its headers or body (by accident, or to hold connections open) gets 408 and the
 * connection closes, instead of Node's default of 300 seconds. What the app then does with a
 * request is bounded by the database's timeouts (app/utils/db.server.ts).
 */
export function createHttpServer(
  app: RequestListener,
  { requestTimeoutMs }: { requestTimeoutMs: number },
) {
  return http.createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      // How often Node looks for requests past those bounds (30 s by default): a tenth of the bound.
      connectionsCheckingInterval: Math.max(250, Math.floor(requestTimeoutMs / 10)),
    },
    app,
  );
}
