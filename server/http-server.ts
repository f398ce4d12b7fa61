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

/**
 * Starts `app` on `port` (0: any free port) and resolves once it listens, with the port it got;
 * a port in use is said in words that name the variable to change.
 */
export async function listen(
  app: RequestListener,
  { port, host, requestTimeoutMs, variable }: ListenOptions,
): Promise<{ server: http.Server; port: number }> {
  const server = createHttpServer(app, { requestTimeoutMs }).listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use: stop the other program or set ${variable}.`)
          : error,
      ),
    );
  });
  const address = server.address();
  return { server, port: typeof address === "object" && address ? address.port : port };
}

interface ListenOptions {
  port: number;
  host: string;
  requestTimeoutMs: number;
  /** The environment variable that sets this port, for the message when it is taken. */
  variable: string;
}
