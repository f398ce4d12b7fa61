// Server time of the calendar's data, without HTTP: listShifts for a six-week month grid of the
// shifts benchmark's region (56 digipunten, a year of shifts), run one after another, with the
// query plan. Complements bench/shifts.ts, whose numbers include rendering JSON and the network.
//
//   npx tsx bench/shift-calendar-query.ts                 embedded PGlite in memory
//   BENCH_DATABASE_URL=postgres://...                     a fresh database on that server
import crypto from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { loadActor } from "../app/modules/auth/access.server.ts";
import {
  listShifts,
  listViewableDigibanks,
  shiftWindowQuery,
} from "../app/modules/shifts/queries.server.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { buildShiftWorld } from "./shift-world.ts";

const runs = Number(process.env.BENCH_REQUESTS ?? 200);
const base = process.env.BENCH_DATABASE_URL;
let databaseUrl: string | undefined;
const name = `dh_bench_query_${crypto.randomBytes(3).toString("hex")}`;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

if (base) {
  await admin(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}

const database = await openDatabase({ databaseUrl, dataDir: "memory" });
try {
  await migrateToLatest(database.db);
  const world = await buildShiftWorld(database.db);
  await sql`analyze`.execute(database.db);
  const viewer = await database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", world.viewerEmail)
    .executeTakeFirstOrThrow();
  const actor = (await loadActor(database.db, viewer.id))!;
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const to = new Date(from.getTime() + 42 * 24 * 60 * 60 * 1000);

  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs + 20; i++) {
    const started = performance.now();
    rows = (await listShifts(database.db, actor, { from, to })).length;
    if (i >= 20) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${database.kind}: ${world.shifts} shifts; a six-week grid holds ${rows} of them. ` +
      `listShifts p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms over ${runs} runs.`,
  );

  // The plan of the query itself, with the reader's digibanken as listShifts finds them.
  const banks = await listViewableDigibanks(database.db, actor);
  const compiled = shiftWindowQuery(
    database.db,
    actor,
    { from, to },
    banks.map((b) => b.id),
  ).compile();
  const plan = await database.db.executeQuery<{ "QUERY PLAN": string }>({
    ...compiled,
    sql: `explain analyze ${compiled.sql}`,
  });
  console.log(plan.rows.map((r) => r["QUERY PLAN"]).join("\n"));
} finally {
  await database.close();
  if (base) await admin(`drop database if exists "${name}" with (force)`);
}
