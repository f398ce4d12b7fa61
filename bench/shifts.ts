// The shifts benchmark (issue 4): a region with 56 digipunten and a year of shifts (about 20,000
// shifts, 60,000 claims). It measures two things, each beside the home page in the same run:
//
// 1. Server time: the work behind one request, in this process against the same database. One
//    month of calendar data for a volunteer (listShifts), and a claim (claimShift, with its
//    confirmation email queued) while 20 volunteers claim at once. The floor is the home page's
//    data (getNetworkOverview). The aims (calendar month <= 50 ms p95, claim <= 30 ms p95) apply here.
// 2. End to end over HTTP: the same two requests through the real server (session, CSRF,
//    rendering, JSON), 20 clients at once, against the home page.
// 3. On PostgreSQL: claims per second, one at a time and 20 at once, beside the very statements
//    of a claim (recorded at the driver) replayed as bare SQL on a plain pool of the same size
//    (bench/bare-sql.ts), in alternating runs (see compareWithBareSql).
//
//   npm run bench:shifts                 embedded PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://...    a fresh database on that PostgreSQL server
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { type Kysely, sql } from "kysely";
import pg from "pg";
import { type Actor, loadActor } from "../app/modules/auth/access.server.ts";
import { createEmailQueues } from "../app/modules/mail/queue.server.ts";
import { getNetworkOverview } from "../app/modules/places/overview.server.ts";
import { claimShift } from "../app/modules/shifts/claims.server.ts";
import { listShifts } from "../app/modules/shifts/queries.server.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import type { DB } from "../db/schema.ts";
import { HttpClient } from "../tests/support/http.ts";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";
import { recordStatements, replayStatements } from "./bare-sql.ts";
import { type LoadResult, measureWith, printResults } from "./load.ts";
import { BENCH_PASSWORD, CLAIMERS, type ShiftWorld, buildShiftWorld } from "./shift-world.ts";

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
  // As a web process: it sends jobs but runs no pg-boss maintenance, which would otherwise slip
  // into the recording of section 3 now and then.
  const jobs = await startJobQueue(database, {
    databaseUrl: env.DATABASE_URL,
    poolMax: 4,
    role: "web",
  });
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
    // runs above never reach; the claims are taken back before the HTTP run below.
    if (base)
      await compareWithBareSql(database.db, world, claimers, (worker, shiftId) =>
        claimShift(database.db, jobs, claimers[worker]!, shiftId).then((outcome) => outcome.ok),
      );
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

/**
 * Claims per second, one at a time and 20 at once, beside the same statements replayed as bare SQL
 * on a plain pool of the same size. Fair by construction: each claimer makes the same number of
 * claims on shifts of the same kind in both runs (no claimer runs out and counts a quick failure),
 * app and bare runs alternate so neither always meets the fuller tables, and refusals are counted
 * apart from the rate. What remains of a tail in the bare run is PostgreSQL's own queueing: every
 * claim's commit sends the mail queue's NOTIFY, and PostgreSQL lets one notifying transaction
 * commit at a time (a database-wide lock held through the WAL flush), so concurrent commits wait
 * in line for it; two claimers also share each shift and wait for each other's row.
 */
async function compareWithBareSql(
  db: Kysely<DB>,
  world: ShiftWorld,
  claimers: Actor[],
  claim: (worker: number, shiftId: number) => Promise<boolean>,
) {
  const TAIL = 80;
  const SINGLE = 40;
  const ROUNDS = 4;
  const PER_ROUND = 8;
  const lists = world.targets.map((list) => list.slice(-TAIL));
  const next = new Array<number>(CLAIMERS).fill(0);
  const taken = new Set<number>();
  const take = (worker: number) => {
    const shiftId = lists[worker]![next[worker]!++];
    if (shiftId === undefined) throw new Error(`claimer ${worker} ran out of shifts`);
    taken.add(shiftId);
    return shiftId;
  };
  const sample = take(0);
  const statements = await recordStatements(() => claim(0, sample));
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: CLAIMERS });
  // Open the pool's connections before timing, as the app's pool is open by now.
  const opened = await Promise.all(Array.from({ length: CLAIMERS }, () => pool.connect()));
  for (const client of opened) client.release();
  const refusals = new Map<string, number>();
  const bare = (worker: number, shiftId: number) =>
    replayStatements(pool, statements, swapFor(claimers, worker, sample, shiftId), refusals);
  try {
    // One at a time, each claim by the next claimer in turn.
    const appAlone = await claimsAtOnce("claim (app), one at a time", 1, SINGLE, claim, take);
    const bareAlone = await claimsAtOnce("same SQL, bare, one at a time", 1, SINGLE, bare, take);
    // 20 at once, app and bare in turns; every claimer starts each run at the same place.
    next.fill(Math.max(...next));
    const appRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    const appWaits = new Map<string, number>();
    const bareWaits = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      appRuns.push(
        await sampleWaits(appWaits, () =>
          claimsAtOnce("claims (app), 20 at once", CLAIMERS, PER_ROUND, claim, take),
        ),
      );
      bareRuns.push(
        await sampleWaits(bareWaits, () =>
          claimsAtOnce("same SQL, bare, 20 at once", CLAIMERS, PER_ROUND, bare, take),
        ),
      );
    }
    const app = combine(appRuns);
    const bareAtOnce = combine(bareRuns);
    const verbs = statements.map((s) => s.text.trim().split(/\s+/, 1)[0]!.toLowerCase());
    console.log(`\nA claim is ${statements.length} statements (round trips): ${verbs.join(", ")}`);
    console.log(
      `Claims, ${ROUNDS} rounds of ${PER_ROUND} per claimer at once, app and bare in turns ` +
        `(ratios to the bare single claim):`,
    );
    printResults([bareAlone, appAlone, bareAtOnce, app], bareAlone);
    console.log(
      "What the database's sessions were doing, 20 at once (samples every 10 ms, most first):",
    );
    console.log(`  app:  ${topWaits(appWaits)}`);
    console.log(`  bare: ${topWaits(bareWaits)}`);
    if (refusals.size || app.errors || bareAtOnce.errors)
      console.log("Refused (not counted in the rates):", Object.fromEntries(refusals));
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `Claims per second: app ${app.requestsPerSecond.toFixed(0)}, bare SQL ` +
        `${bareAtOnce.requestsPerSecond.toFixed(0)} (app / bare ` +
        `${ratio(app.requestsPerSecond, bareAtOnce.requestsPerSecond)}); ` +
        `p95 20 at once / one at a time: app ${ratio(app.p95Ms, appAlone.p95Ms)}, ` +
        `bare ${ratio(bareAtOnce.p95Ms, bareAlone.p95Ms)}; ` +
        `p95 app / bare: one at a time ${ratio(appAlone.p95Ms, bareAlone.p95Ms)}, ` +
        `20 at once ${ratio(app.p95Ms, bareAtOnce.p95Ms)}.`,
    );
  } finally {
    await pool.end();
    // These shifts overlap the ones the HTTP run below takes: leave them as they were.
    await db
      .deleteFrom("shift_claims")
      .where("shift_id", "in", [...taken])
      .where(
        "user_id",
        "in",
        claimers.map((claimer) => claimer.id),
      )
      .execute();
  }
}

/**
 * Samples pg_stat_activity of the bench's database while `run` runs: per active session, what it
 * waits for (or "cpu") and the first word of its statement. "Lock:object commit" is a commit
 * waiting for the NOTIFY lock; "Lock:transactionid insert" a claim waiting for another's row.
 */
async function sampleWaits<T>(waits: Map<string, number>, run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { rows } = await client.query<{ wait: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'cpu') || ' ' ||
            lower(substring(query from '[A-Za-z]+')) as wait
          from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      for (const { wait } of rows) waits.set(wait, (waits.get(wait) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  try {
    return await run();
  } finally {
    running = false;
    await sampling;
    await client.end();
  }
}

function topWaits(waits: Map<string, number>) {
  const total = [...waits.values()].reduce((sum, n) => sum + n, 0);
  return [...waits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([wait, n]) => `${wait} ${((100 * n) / total).toFixed(0)}%`)
    .join(", ");
}

/** The recorded claimer and shift, swapped for this claimer and shift. */
function swapFor(claimers: Actor[], worker: number, sample: number, shiftId: number) {
  return new Map([
    [claimers[0]!.id, claimers[worker]!.id],
    [sample, shiftId],
  ]);
}

/**
 * `perWorker` claims by each of `workers` claimers at once, each on its own next shifts (with one
 * worker, the claimers take turns). The rate
 * counts successful claims only, over the time until the last claimer is done.
 */
async function claimsAtOnce(
  name: string,
  workers: number,
  perWorker: number,
  claim: (worker: number, shiftId: number) => Promise<boolean>,
  take: (worker: number) => number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, alone) => {
      for (let i = 0; i < perWorker; i++) {
        // Alone, the claimers take turns; at once, each is one of the workers.
        const worker = workers === 1 ? i % CLAIMERS : alone;
        const shiftId = take(worker);
        const begun = performance.now();
        if (await claim(worker, shiftId).catch(() => false))
          latencies.push(performance.now() - begun);
        else errors++;
      }
    }),
  );
  return summarise(name, workers, latencies, errors, (performance.now() - started) / 1000);
}

function summarise(
  name: string,
  concurrency: number,
  latencies: number[],
  errors: number,
  seconds: number,
): LoadResult & { latencies: number[]; seconds: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    name,
    requests: sorted.length + errors,
    concurrency,
    requestsPerSecond: sorted.length / seconds,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p975Ms: at(0.975),
    maxMs: sorted.at(-1) ?? NaN,
    errors,
    latencies: sorted,
    seconds,
  };
}

/** Runs of one kind taken together: all their latencies, their successes over their summed time. */
function combine(runs: LoadResult[]): LoadResult {
  const all = runs as Array<LoadResult & { latencies: number[]; seconds: number }>;
  return summarise(
    all[0]!.name,
    all[0]!.concurrency,
    all.flatMap((run) => run.latencies),
    all.reduce((sum, run) => sum + run.errors, 0),
    all.reduce((sum, run) => sum + run.seconds, 0),
  );
}
