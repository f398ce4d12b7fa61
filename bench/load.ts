import http from "node:http";

// A small, bounded load generator for loopback benchmarks: a fixed number of requests from a fixed
// number of concurrent keep-alive clients, each latency recorded.

export interface LoadResult {
  name: string;
  requests: number;
  concurrency: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p975Ms: number;
  maxMs: number;
  errors: number;
}

export interface LoadOptions {
  requests: number;
  concurrency: number;
  warmup?: number;
}

/**
 * Runs `send` `requests` times from `concurrency` workers at once, after `warmup` untimed calls.
 * `send` gets the worker's number and the request's number and answers whether it succeeded.
 */
export async function measureWith(
  name: string,
  options: LoadOptions,
  send: (worker: number, index: number) => Promise<boolean>,
): Promise<LoadResult> {
  for (let i = 0; i < (options.warmup ?? 100); i++) await send(i % options.concurrency, -1 - i);

  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (next < options.requests) {
        const index = next++;
        const begun = performance.now();
        const ok = await send(worker, index).catch(() => false);
        if (ok) latencies.push(performance.now() - begun);
        else errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    name,
    requests: options.requests,
    concurrency: options.concurrency,
    requestsPerSecond: options.requests / seconds,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p975Ms: at(0.975),
    maxMs: latencies.at(-1) ?? NaN,
    errors,
  };
}

/** GETs one URL over keep-alive connections (with these headers); a 200 is a success. */
export async function measure(
  name: string,
  url: string,
  options: LoadOptions,
  headers: Record<string, string> = {},
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const once = () =>
    new Promise<boolean>((resolve) => {
      http
        .get(url, { agent, headers }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode === 200));
        })
        .on("error", () => resolve(false));
    });
  try {
    return await measureWith(name, options, once);
  } finally {
    agent.destroy();
  }
}

export function printResults(results: LoadResult[], baseline: LoadResult) {
  const rows = results.map((r) => ({
    endpoint: r.name,
    "req/s": r.requestsPerSecond.toFixed(0),
    "p50 ms": r.p50Ms.toFixed(2),
    "p95 ms": r.p95Ms.toFixed(2),
    "max ms": r.maxMs.toFixed(1),
    errors: r.errors,
    [`p95 / ${baseline.name}`]: (r.p95Ms / baseline.p95Ms).toFixed(2),
    [`req/s / ${baseline.name}`]: (r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2),
  }));
  console.table(rows);
  console.log(JSON.stringify({ results }));
}
