// The shifts benchmark (issue 4): a region with 56 digipunten and a year of shifts (about 20,000
// shifts, 60,000 claims). It measures two things, each beside the home page in the same run:
//
// 1. Server time: the work behind one request, in this process against the same database. One
//    month of calendar data for a volunteer (listShifts), and a claim (claimShift, with its
//    confirmation email queued) while 20 volunteers claim at once. The floor is the home page's
//    data (getNetworkOverview). The aims (calendar month <= 50 ms p95, claim <= 30 ms p95) apply here.
// 2. End to end over HTTP: the same two requests through the real server (session, CSRF,
//    rendering, JSON), 20 clients at once, against the home page.
// 3. On PostgreSQL: claims per second, 20 at once, beside the very statements of a claim
//    (recorded at the driver) replayed as bare SQL on a plain pool (bench/bare-sql.ts).
//
//   npm run bench:shifts                 embedded PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://...    a fresh database on that PostgreSQL server
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { type Actor, loadActor } from "../app/modules/auth/access.server.ts";
import { createEmailQueues } from "../app/modules/mail/queue.server.ts";
import { getNetworkOverview } from "../app/modules/places/overview.server.ts";
import { claimShift } from "../app/modules/shifts/claims.server.ts";
import { listShifts } from "../app/modules/shifts/queries.server.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { HttpClient } from "../tests/support/http.ts";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";
import { recordStatements, replayStatements } from "./bare-sql.ts";
import { type LoadResult, measureWith, printResults } from "./load.ts";
import { BENCH_PASSWORD, CLAIMERS, buildShiftWorld } from "./shift-world.ts";

const requests = Number(process.env.BENCH_REQUESTS ?? 1000);

if (!fs.existsSync("build/index.js") || process.env.BENCH_BUILD !== "0") {
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
}

let env: Record<string, string>;
let cleanup = async () => {};
const base = process.env.BENCH_DATABASE_URL;
if (base) {
  const name = `dh_bench_shifts_${crypto.randomBytes(3).toString("hex")}`;
  await admin(base, `create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  env = { DATABASE_URL: url.toString() };
  cleanup = () => admin(base, `drop database if exists "${name}" with (force)`);
} else {
  const dataDir = temporaryDataDir();
  env = { DATA_DIR: dataDir };
  cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
}

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

// Next month, as the calendar asks for it (a month view shows six weeks).
const now = new Date();
const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const monthEnd = new Date(monthStart.getTime() + 42 * 24 * 60 * 60 * 1000);

try {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: CLAIMERS,
  });
  const started = performance.now();
  await migrateToLatest(database.db);
  const world = await buildShiftWorld(database.db);
  // What autovacuum does to a real database after a bulk load; without it every first read of a
  // row also writes its hint bits.
  if (base) await sql`vacuum analyze`.execute(database.db);
  console.log(
    `World: ${world.shifts} shifts, ${world.claims} claims, 56 digipunten ` +
      `(built in ${((performance.now() - started) / 1000).toFixed(1)} s), ` +
      `${base ? "PostgreSQL" : "embedded PGlite"}.`,
  );
  // Each claimer's targets: the first 120 for the server-time runs (the first claimer's first 40
  // for one claim at a time; 20 at once take about 40 each, unevenly), the rest over HTTP.
  const SERIAL = 40;
  const half = 3 * SERIAL;
  const perRun = Math.min(requests, SERIAL * CLAIMERS);

  // 1. Server time.
  const jobs = await startJobQueue(database, { databaseUrl: env.DATABASE_URL, poolMax: 4 });
  await createEmailQueues(jobs);
  try {
    const id = async (email: string) =>
      (
        await database.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", email)
          .executeTakeFirstOrThrow()
      ).id;
    const viewer = (await loadActor(database.db, await id(world.viewerEmail)))!;
    const claimers: Actor[] = [];
    for (const email of world.claimerEmails)
      claimers.push((await loadActor(database.db, await id(email)))!);

    const serial = { requests, concurrency: 1 };
    const floor = await measureWith("home page data (floor)", serial, async () => {
      await getNetworkOverview(database.db);
      return true;
    });
    const month = await measureWith("calendar month data", serial, async () => {
      const rows = await listShifts(database.db, viewer, { from: monthStart, to: monthEnd });
      return rows.length > 0;
    });
    const position = new Array<number>(CLAIMERS).fill(0);
    position[0] = SERIAL;
    const alone = await measureWith(
      "claim, one at a time",
      { requests: SERIAL, concurrency: 1, warmup: 0 },
      async (_, index) => {
        const outcome = await claimShift(
          database.db,
          jobs,
          claimers[0]!,
          world.targets[0]![index]!,
        );
        return outcome.ok;
      },
    );
    const claim = await measureWith(
      "claim, 20 at once",
      { requests: perRun, concurrency: CLAIMERS, warmup: 0 },
      async (worker) => {
        const shiftId = world.targets[worker]![position[worker]!++];
        if (shiftId === undefined) return false;
        const outcome = await claimShift(database.db, jobs, claimers[worker]!, shiftId);
        return outcome.ok;
      },
    );
    console.log("\nServer time (the work behind one request, in process):");
    printResults([floor, month, alone, claim], floor);

    // 3. Claims per second beside the same statements as bare SQL (PostgreSQL only: the driver is
    // where they are recorded). Both take shifts from the end of each claimer's list, which the
    // runs above and the HTTP run below never reach.
    if (base) {
      const tail = (worker: number) => world.targets[worker]!.slice(-2 * SERIAL);
      const appTargets = Array.from({ length: CLAIMERS }, (_, w) => tail(w).slice(0, SERIAL));
      const bareTargets = Array.from({ length: CLAIMERS }, (_, w) => tail(w).slice(SERIAL));
      const sample = bareTargets[0]!.shift()!;
      const statements = await recordStatements(() =>
        claimShift(database.db, jobs, claimers[0]!, sample),
      );
      const next = new Array<number>(CLAIMERS).fill(0);
      const runs = Math.min(requests, (SERIAL - 1) * CLAIMERS);
      const appClaims = await measureWith(
        "claims (app), 20 at once",
        { requests: runs, concurrency: CLAIMERS, warmup: 0 },
        async (worker) => {
          const shiftId = appTargets[worker]![next[worker]!++];
          if (shiftId === undefined) return false;
          return (await claimShift(database.db, jobs, claimers[worker]!, shiftId)).ok;
        },
      );
      const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: CLAIMERS });
      // Open the pool's connections before timing, as the app's pool is open by now.
      const opened = await Promise.all(Array.from({ length: CLAIMERS }, () => pool.connect()));
      for (const client of opened) client.release();
      next.fill(0);
      const bareClaims = await measureWith(
        "same SQL, bare, 20 at once",
        { requests: runs, concurrency: CLAIMERS, warmup: 0 },
        async (worker) => {
          const shiftId = bareTargets[worker]![next[worker]!++];
          if (shiftId === undefined) return false;
          const swap = new Map([
            [claimers[0]!.id, claimers[worker]!.id],
            [sample, shiftId],
          ]);
          return replayStatements(pool, statements, swap);
        },
      ).finally(() => pool.end());
      console.log(
        `\nA claim is ${statements.length} statements (round trips): ` +
          statements.map((s) => s.text.trim().split(/\s+/, 1)[0]!.toLowerCase()).join(", "),
      );
      printResults([bareClaims, appClaims], bareClaims);
      console.log(
        `Claims per second: app ${appClaims.requestsPerSecond.toFixed(0)}, bare SQL ` +
          `${bareClaims.requestsPerSecond.toFixed(0)} (app / bare ` +
          `${(appClaims.requestsPerSecond / bareClaims.requestsPerSecond).toFixed(2)}).`,
      );
    }
  } finally {
    await stopJobQueue(jobs);
    await database.close();
  }

  // 2. End to end over HTTP.
  const server = await startServer(env);
  try {
    const signIn = async (email: string) => {
      const client = new HttpClient(server.url);
      const response = await client.post("/login", { email, password: BENCH_PASSWORD });
      if (response.status >= 400) throw new Error(`sign-in of ${email}: ${response.status}`);
      return { client, csrf: await client.csrfToken("/") };
    };
    const viewer = await signIn(world.viewerEmail);
    const claimers: Array<{ client: HttpClient; csrf: string }> = [];
    for (const email of world.claimerEmails) claimers.push(await signIn(email));

    const get = (client: HttpClient | null, path: string) => async () => {
      const response = await fetch(server.url + path, {
        headers: client ? { Cookie: client.cookieHeader() } : {},
      });
      await response.arrayBuffer();
      return response.status === 200;
    };
    const options = { requests, concurrency: CLAIMERS };
    const results: LoadResult[] = [];
    const home = await measureWith("/ (floor)", options, get(null, "/"));
    results.push(home);
    const monthPath = `/shifts/events?start=${monthStart.toISOString()}&end=${monthEnd.toISOString()}`;
    results.push(await measureWith("calendar month", options, get(viewer.client, monthPath)));

    const position = new Array<number>(CLAIMERS).fill(half);
    results.push(
      await measureWith(
        "claim, 20 at once",
        { requests: perRun, concurrency: CLAIMERS, warmup: 0 },
        async (worker) => {
          const { client, csrf } = claimers[worker]!;
          const shiftId = world.targets[worker]![position[worker]!++];
          if (shiftId === undefined) return false;
          const response = await fetch(`${server.url}/shifts/${shiftId}`, {
            method: "POST",
            body: new URLSearchParams({ intent: "claim", csrf }),
            headers: { Cookie: client.cookieHeader(), Origin: server.url },
            redirect: "manual",
          });
          await response.arrayBuffer();
          // Success is the redirect back to the shift (post/redirect/get); a refusal is a 4xx.
          return response.status >= 300 && response.status < 400;
        },
      ),
    );
    console.log("\nEnd to end over HTTP, 20 clients at once:");
    printResults(results, home);
  } finally {
    await server.stop();
  }
  console.log("\nAims (server time): calendar month p95 <= 50 ms, claim p95 <= 30 ms.");
} finally {
  await cleanup();
}
