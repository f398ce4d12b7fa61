// Owns start-up and shutdown: environment, database (migrated, and seeded when it is a new embedded
// one), job queue, HTTP. PROCESS_ROLE picks the part of the work: `web` (HTTP; queues jobs, works
// none), `worker` (jobs and schedules, no HTTP) or `all` (both: `npm start`, the embedded database).
// On SIGTERM or SIGINT it stops taking requests, lets the requests and jobs in flight finish
// (bounded), closes the queue and the database, and exits within 10 seconds.
process.env.TZ = "UTC";

// First: it sets what other modules read while they load.
import "./environment.ts";
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_PASSWORD, DEMO_SIGN_INS, isDatabaseEmpty, seedDemoWorld } from "../db/seed.ts";
import { type DatabaseHandle, openDatabase } from "../app/utils/db.server.ts";
import { type Env, parseEnv } from "../app/utils/env.server.ts";
import {
  type JobQueue,
  jobRegistryFor,
  startJobQueue,
  startWorkerHeartbeat,
  stopJobQueue,
} from "../app/utils/jobs.server.ts";
import { logger } from "../app/utils/log.server.ts";
import { ensureCookieSecret } from "../app/utils/secrets.server.ts";
import { createMailTransport } from "../app/modules/mail/transport.server.ts";
import { startEmailWorker } from "../app/modules/mail/worker.server.ts";
import { startRetentionJobs } from "../app/modules/retention/jobs.server.ts";
import { startSeriesHorizonJob } from "../app/modules/shifts/series.server.ts";
import { startShiftJobs } from "../app/modules/shifts/jobs.server.ts";
import { startCourseJobs } from "../app/modules/courses/jobs.server.ts";
import { startEventJobs } from "../app/modules/events/jobs.server.ts";
import { startShiftReportJobs } from "../app/modules/shift-reports/jobs.server.ts";
import { createHttpApp } from "./app.ts";
import { createHealthApp } from "./health.ts";
import { listen } from "./http-server.ts";

const SHUTDOWN_DEADLINE_MS = 9_000;
const BUILD_PATH = path.resolve("build/index.js");

// What has started so far, so shutdown (or a failed start) closes exactly that.
const running: { database?: DatabaseHandle; jobs?: JobQueue; server?: Server } = {};
const log = logger.child({ component: "server" });

async function start(env: Env) {
  const role = env.PROCESS_ROLE;
  if (role !== "worker" && !fs.existsSync(BUILD_PATH)) {
    throw new Error("No build found in build/: run `npm run build` first (`npm start` does both).");
  }
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
  });
  running.database = database;
  await sql`select 1`.execute(database.db).catch((error: Error) => {
    const where = env.DATABASE_URL ? new URL(env.DATABASE_URL).host : "the embedded database";
    throw new Error(`Cannot reach the database (${where}): ${error.message}`);
  });
  // Several processes starting at once run each migration once: Kysely's Migrator holds a
  // PostgreSQL advisory lock while it migrates, and the others then find nothing left to do.
  const applied = await migrateToLatest(database.db);
  log.info({ applied: applied.length }, `Migrations applied by this process: ${applied.length}`);

  let seeded = false;
  // Only the embedded database fills itself: a real server is never seeded without being asked.
  if (database.kind === "pglite" && (await isDatabaseEmpty(database.db))) {
    await seedDemoWorld(database.db);
    seeded = true;
  }

  const queue = await startJobQueue(database, { databaseUrl: env.DATABASE_URL, role });
  running.jobs = queue;
  // Every role creates the queues (a web process sends to them); only workers work and schedule.
  const jobs = jobRegistryFor(queue, role);
  await startWorkerHeartbeat(jobs, database.db, role);
  await startRetentionJobs(jobs, database.db);
  await startSeriesHorizonJob(jobs, database.db);
  await startShiftJobs(jobs, database.db);
  await startCourseJobs(jobs, database.db);
  await startEventJobs(jobs, database.db);
  await startShiftReportJobs(jobs, database.db);
  await startEmailWorker(jobs, {
    db: database.db,
    transport: createMailTransport({ smtpUrl: env.SMTP_URL, db: database.db }),
    from: env.MAIL_FROM,
  });

  if (role === "worker") {
    let health = "no HTTP (HEALTH_PORT unset)";
    if (env.HEALTH_PORT !== undefined) {
      const { server, port } = await listen(createHealthApp({ db: database.db, jobs: queue }), {
        port: env.HEALTH_PORT,
        host: env.HOST ?? "0.0.0.0",
        requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
        variable: "HEALTH_PORT",
      });
      running.server = server;
      health = `/healthz and /readyz on port ${port}`;
    }
    log.info(
      `Digihelpers worker is ready: jobs and schedules on PostgreSQL (DATABASE_URL), ${health}`,
    );
    return;
  }

  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  let appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const app = createHttpApp({
    build,
    db: database.db,
    jobs: queue,
    role,
    appUrl: () => appUrl,
    localMailbox: !env.SMTP_URL,
    secret: await ensureCookieSecret(database.db, env.COOKIE_SECRET),
    mode: env.NODE_ENV,
    trustProxy: env.TRUST_PROXY,
  });

  const { server, port } = await listen(app, {
    port: env.PORT,
    host: env.HOST ?? "0.0.0.0",
    requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
    variable: "PORT",
  });
  running.server = server;
  appUrl = env.APP_URL ?? `http://localhost:${port}`;
  // Code that runs outside a request (jobs, the shift notices) reads it from the environment
  // (appUrlFromEnv): give it the port actually taken, as the requests get.
  process.env.APP_URL = appUrl;
  const where =
    database.kind === "pglite"
      ? `embedded database in ${path.resolve(env.DATA_DIR, "pglite")}`
      : "PostgreSQL (DATABASE_URL)";
  if (database.kind === "pglite") {
    // For the person at the terminal of the embedded demo, not a log line: the demo sign-ins are
    // printed once, as plain text. A PostgreSQL deployment never prints them.
    const lines = seeded ? ["A new demo world was created."] : [];
    lines.push(`Demo sign-ins (password: ${DEMO_PASSWORD}):`);
    for (const { email, role: what } of DEMO_SIGN_INS) lines.push(`  ${email.padEnd(34)} ${what}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  // Last, so whoever waits for this line (a test, a script) has the sign-ins above it too.
  log.info({ role, port }, `Digihelpers is ready on http://localhost:${port} (${where}, ${role})`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const startedAt = Date.now();
  log.info({ signal }, `${signal} received: finishing requests and jobs in flight, then stopping.`);
  const deadline = setTimeout(() => {
    log.error("Shutdown took too long; exiting anyway.");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();

  const { server: httpServer, jobs, database } = running;
  if (httpServer) {
    // No new connections; idle keep-alive connections close now, busy ones once answered.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    const idleSweep = setInterval(() => httpServer.closeIdleConnections(), 100);
    await closed;
    clearInterval(idleSweep);
  }
  if (jobs) {
    // Jobs in flight get 5 s to finish; pg-boss retries what is cut off after its expiry.
    await stopJobQueue(jobs).catch((error: Error) =>
      log.error({ err: error }, "stopping the job queue failed"),
    );
  }
  await database
    ?.close()
    .catch((error: Error) => log.error({ err: error }, "closing the database failed"));
  log.info(`Stopped after ${Date.now() - startedAt} ms.`);
  process.exit(0);
}

process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

try {
  const env = parseEnv();
  process.env.NODE_ENV = env.NODE_ENV;
  await start(env);
} catch (error) {
  log.fatal(
    `Digihelpers could not start. ${error instanceof Error ? error.message : String(error)}`,
  );
  await running.jobs?.stop({ graceful: false, close: true }).catch(() => undefined);
  await running.database?.close().catch(() => undefined);
  process.exit(1);
}
