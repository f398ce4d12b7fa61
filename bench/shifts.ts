// The shifts benchmark (issue 4): a region with 56 digipunten and a year of shifts (about 20,000
// shifts, 60,000 claims). Prints the p95 of one month's calendar data for a volunteer and of a
// claim with 20 volunteers claiming at once, each beside the home page measured in the same run
// (the floor from the foundation bench) and as a ratio to it.
//
//   npm run bench:shifts                 embedded PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://...    a fresh database on that PostgreSQL server
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase } from "../app/utils/db.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { HttpClient } from "../tests/support/http.ts";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";
import { BENCH_PASSWORD, CLAIMERS, buildShiftWorld } from "./shift-world.ts";
import { type LoadResult, measureWith, printResults } from "./load.ts";

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

try {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const started = performance.now();
  await migrateToLatest(database.db);
  const world = await buildShiftWorld(database.db);
  await database.close();
  console.log(
    `World: ${world.shifts} shifts, ${world.claims} claims, 56 digipunten ` +
      `(built in ${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );

  const server = await startServer(env);
  try {
    console.log(`Server: ${server.url} (${base ? "PostgreSQL" : "embedded PGlite"}).`);
    const signIn = async (email: string) => {
      const client = new HttpClient(server.url);
      const response = await client.post("/login", { email, password: BENCH_PASSWORD });
      if (response.status >= 400) throw new Error(`sign-in of ${email}: ${response.status}`);
      return { client, csrf: await client.csrfToken("/") };
    };
    const viewer = await signIn("viewer@bench.example");
    const claimers: Array<{ client: HttpClient; csrf: string }> = [];
    for (const email of world.claimerEmails) claimers.push(await signIn(email));

    const get = (client: HttpClient | null, path: string) => async () => {
      const response = await fetch(server.url + path, {
        headers: client ? { Cookie: client.cookieHeader() } : {},
      });
      await response.arrayBuffer();
      return response.status === 200;
    };

    const results: LoadResult[] = [];
    const home = await measureWith(
      "/ (floor)",
      { requests, concurrency: CLAIMERS },
      get(null, "/"),
    );
    results.push(home);

    // Next month, as the calendar asks for it (a month view shows six weeks).
    const now = new Date();
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const end = new Date(start.getTime() + 42 * 24 * 60 * 60 * 1000);
    const monthPath = `/shifts/events?start=${start.toISOString()}&end=${end.toISOString()}`;
    results.push(
      await measureWith(
        "calendar month",
        { requests, concurrency: CLAIMERS },
        get(viewer.client, monthPath),
      ),
    );

    const position = new Array<number>(CLAIMERS).fill(0);
    let refused = 0;
    const claim = async (worker: number) => {
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
      // Success is the redirect back to the shift (post/redirect/get); a refusal answers 4xx.
      if (response.status >= 300 && response.status < 400) return true;
      refused++;
      return false;
    };
    const perClaimer = Math.min(...world.targets.map((t) => t.length));
    results.push(
      await measureWith(
        "claim (20 at once)",
        {
          requests: Math.min(requests, perClaimer * CLAIMERS - 200),
          concurrency: CLAIMERS,
          warmup: 0,
        },
        claim,
      ),
    );
    printResults(results, home);
    if (refused > 0) console.log(`Claims refused: ${refused} (should be 0).`);
    console.log("Aims: calendar month p95 <= 50 ms, claim p95 <= 30 ms.");
  } finally {
    await server.stop();
  }
} finally {
  await cleanup();
}
