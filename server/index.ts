// Owns start-up and shutdown: environment, database (migrated, and seeded when it is a new embedded
// one), job queue, HTTP. On SIGTERM or SIGINT it stops taking requests, lets the ones in flight
// finish, closes the queue and the database, and exits within 10 seconds.
process.env.TZ = "UTC";

import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_PASSWORD, DEMO_SIGN_INS, isDatabaseEmpty, seedDemoWorld } from "../db/seed.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { parseEnv } from "../app/utils/env.server.ts";
import { startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { createHttpApp } from "./app.ts";

const SHUTDOWN_DEADLINE_MS = 9_000;

let env;
try {
  env = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
process.env.NODE_ENV = env.NODE_ENV;

const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  poolMax: env.DATABASE_POOL_MAX,
});
await migrateToLatest(database.db);

let seeded = false;
// Only the embedded database fills itself: a real server is never seeded without being asked.
if (database.kind === "pglite" && (await isDatabaseEmpty(database.db))) {
  await seedDemoWorld(database.db);
  seeded = true;
}

const jobs = await startJobQueue(database, { databaseUrl: env.DATABASE_URL });

const buildPath = path.resolve("build/index.js");
const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
const app = createHttpApp({
  build,
  db: database.db,
  mode: env.NODE_ENV,
  trustProxy: env.TRUST_PROXY,
});

const server = app.listen(env.PORT, env.HOST ?? "0.0.0.0", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const where =
    database.kind === "pglite"
      ? `embedded database in ${path.resolve(env.DATA_DIR, "pglite")}`
      : "PostgreSQL (DATABASE_URL)";
  console.log(`Digihelpers is ready on http://localhost:${port} (${where})`);
  if (database.kind === "pglite") {
    if (seeded) console.log("A new demo world was created.");
    console.log(`Demo sign-ins (password: ${DEMO_PASSWORD}):`);
    for (const { email, role } of DEMO_SIGN_INS) console.log(`  ${email.padEnd(34)} ${role}`);
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: finishing requests in flight, then stopping.`);
  const deadline = setTimeout(() => {
    console.error("Shutdown took too long; exiting anyway.");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();

  // No new connections; idle keep-alive connections close now, busy ones once their answer is sent.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearInterval(idleSweep);

  try {
    await stopJobQueue(jobs);
  } catch (error) {
    console.error("[jobs] stop failed:", (error as Error).message);
  }
  await database.close();
  console.log("Stopped.");
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
