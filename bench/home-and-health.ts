// The floor later benchmarks compare against: requests per second and p95 latency of the home page
// (server-rendered, two queries) and of /healthz (one trivial query), measured in the same run.
//
//   npm run bench                      embedded PGlite, demo world
//   BENCH_DATABASE_URL=postgres://...  a seeded copy on a real PostgreSQL server (template copy)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";
import { measure, printResults } from "./load.ts";

const requests = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 10);

if (!fs.existsSync("build/index.js") || process.env.BENCH_BUILD !== "0") {
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
}

let env: Record<string, string>;
let cleanup = async () => {};
if (process.env.BENCH_DATABASE_URL) {
  env = { DATABASE_URL: process.env.BENCH_DATABASE_URL };
} else {
  const dataDir = temporaryDataDir();
  env = { DATA_DIR: dataDir };
  cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
}

const server = await startServer(env);
try {
  console.log(
    `Server: ${server.url} (${env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}); ` +
      `${requests} requests, ${concurrency} concurrent, per endpoint.`,
  );
  const health = await measure("/healthz", server.url + "/healthz", { requests, concurrency });
  const home = await measure("/", server.url + "/", { requests, concurrency });
  printResults([health, home], health);
} finally {
  await server.stop();
  await cleanup();
}
