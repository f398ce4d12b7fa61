import http from "node:http";

/**
 * A small HTTP load balancer for tests: each request goes to the next backend in turn (per request,
 * not per connection, so one client's consecutive requests land on different processes). The Host
 * header is passed on as the client sent it, as a reverse proxy configured for the app does.
 */
export async function startRoundRobinProxy(initialTargets: string[] = []) {
  let targets = [...initialTargets];
  let turn = 0;
  /** Which backend answered each request, in order: "METHOD path -> target". */
  const served: Array<{ method: string; path: string; target: string; status: number }> = [];

  const server = http.createServer((req, res) => {
    if (targets.length === 0) {
      res.writeHead(502).end("no backend");
      return;
    }
    const target = targets[turn++ % targets.length]!;
    const url = new URL(target);
    const upstream = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        served.push({
          method: req.method ?? "GET",
          path: req.url ?? "/",
          target,
          status: answer.statusCode ?? 0,
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    setTargets(next: string[]) {
      targets = [...next];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
