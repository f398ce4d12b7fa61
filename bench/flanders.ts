// The Flanders-sized benchmark (issue 13): does a page's time grow with what it shows, or with the
// size of the whole database? Two databases on one PostgreSQL server, built in the same run:
//
// - region: the 56-digipunt world of bench:shifts (4 digibanken, about 20,000 shifts);
// - Flanders: the very same region plus the rest of Flanders, so 100 digibanken, 2,000
//   digipunten, 10,000 volunteers and a year of shifts (about 525,000) with their claims.
//
// The same people (a volunteer who reads the calendar, a coordinator of the region's four
// digibanken, 20 claimers) look at the same region in both, so each page shows the same rows. It
// prints the p95 of the server time (the work behind one request, in process) of the home page's
// cards, a calendar month, the shift list's week, a claim with 20 volunteers at once and the
// planning report, in each world, and the ratio Flanders / region (aim: near 1).
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:flanders
//   (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set)
//   BENCH_RUNS=200       timed runs per figure (default 200)
//   BENCH_SCALE=0.1      a smaller Flanders while iterating (default 1)
//   BENCH_QUERIES=1      also times every query the pages run, in both worlds, and lists those
//                        whose time grows most from region to Flanders
import crypto from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { DB } from "../db/schema.ts";
import { type Actor, loadActor } from "../app/modules/auth/access.server.ts";
import { listHomeCards } from "../app/modules/home/cards.server.ts";
import { createEmailQueues } from "../app/modules/mail/queue.server.ts";
import { claimShift } from "../app/modules/shifts/claims.server.ts";
import { listShiftFilterOptions, listShifts } from "../app/modules/shifts/queries.server.ts";
import { fillRates, planningRange } from "../app/modules/shifts/roster.server.ts";
import { loadShiftWeek } from "../app/modules/shifts/week.server.ts";
import { type DatabaseHandle, openDatabase } from "../app/utils/db.server.ts";
import { type JobQueue, startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { type LoadResult, measureWith } from "./load.ts";
import { CLAIMERS, type ShiftWorld, buildShiftWorld } from "./shift-world.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) {
  console.error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.");
  process.exit(1);
}

// Flanders beyond the bench region (which has 4 digibanken, 56 digipunten, 621 people).
const REST = {
  regions: 14,
  digibanks: Math.round(96 * SCALE),
  digipunten: Math.round(1944 * SCALE),
  volunteers: Math.round(9379 * SCALE),
};

async function admin(text: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

/**
 * The rest of Flanders, in set-based SQL: digibanken spread over 14 regions, about 20 digipunten
 * each, volunteers of one digibank each, a 09:00-12:00 shift every weekday at every digipunt for a
 * year around today (capacity 5), one to three claims on each. Claims are written with the claim
 * triggers off and their work done in bulk after (the span copied, confirmed_count counted); the
 * overlap exclusion is added back afterwards, so PostgreSQL checks every claim against it.
 */
export async function buildRestOfFlanders(db: Kysely<DB>) {
  await sql`insert into regions (name)
    select 'Vlaamse regio ' || r from generate_series(1, ${REST.regions}) r`.execute(db);
  await sql`insert into municipalities (region_id, name, postal_code)
    select g.id, 'Vlaamse gemeente ' || g.id || '-' || m, (1000 + g.id * 20 + m)::text
    from regions g cross join generate_series(1, 10) m
    where g.name like 'Vlaamse regio %'`.execute(db);
  await sql`insert into digibanks (region_id, name)
    select (select id from regions where name = 'Vlaamse regio ' || (1 + b % ${REST.regions})),
      'Vlaamse digibank ' || b
    from generate_series(1, ${REST.digibanks}) b`.execute(db);
  await sql`with banks as (
      select d.id, d.region_id, row_number() over (order by d.id) - 1 as i
      from digibanks d where d.name like 'Vlaamse digibank %'
    ), towns as (
      select id, region_id, row_number() over (partition by region_id order by id) - 1 as j
      from municipalities where name like 'Vlaamse gemeente %'
    )
    insert into digipunten (digibank_id, municipality_id, name, kind, address)
    select b.id, t.id, 'Vlaams punt ' || p, 'fixed', 'Kerkstraat ' || p
    from generate_series(0, ${REST.digipunten - 1}) p
    join banks b on b.i = p % ${REST.digibanks}
    join towns t on t.region_id = b.region_id and t.j = p % 10`.execute(db);
  await sql`insert into users (email, name, volunteering_since)
    select 'vl' || n || '@bench.example', 'Vlaamse helper ' || n, date '2021-01-01'
    from generate_series(1, ${REST.volunteers}) n`.execute(db);
  await sql`with banks as (
      select id, row_number() over (order by id) - 1 as i
      from digibanks where name like 'Vlaamse digibank %'
    )
    insert into role_assignments (user_id, role, digibank_id)
    select u.id, 'volunteer', b.id
    from users u join banks b on b.i = u.id % ${REST.digibanks}
    where u.email like 'vl%@bench.example'`.execute(db);
  await sql`insert into shifts (digipunt_id, starts_at, ends_at, capacity)
    select p.id,
      (d::date + time '09:00') at time zone 'Europe/Brussels',
      (d::date + time '12:00') at time zone 'Europe/Brussels',
      5
    from digipunten p
    cross join generate_series(current_date - 182, current_date + 182, interval '1 day') d
    where p.name like 'Vlaams punt %' and extract(isodow from d) < 6`.execute(db);

  // Fresh statistics, or the planner takes the new tables for empty and joins the claims below by
  // a nested loop over millions of rows.
  await sql`analyze digipunten, role_assignments, users, shifts`.execute(db);
  step("rest of Flanders: places, people, shifts");
  // A bulk load: the claim triggers off, the indexes and the overlap exclusion dropped, all of
  // them made again (and so checked) once the rows are in. Read from the catalog, not copied here.
  const indexes = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where tablename = 'shift_claims' and indexname not in (
      select conname from pg_constraint where conrelid = 'shift_claims'::regclass)`.execute(db);
  const exclusion = await sql<{ definition: string }>`
    select pg_get_constraintdef(oid) as definition from pg_constraint
    where conname = 'shift_claims_no_overlap'`.execute(db);
  await sql`alter table shift_claims disable trigger shift_claims_before,
    disable trigger shift_claims_count`.execute(db);
  await sql`alter table shift_claims drop constraint shift_claims_no_overlap`.execute(db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  // Within one day, digipunt j of a digibank and claim k go to volunteer (3j + k + 7 day) of that
  // digibank: distinct for each (j, k) as long as a digibank has more than 3 x 21 volunteers.
  await sql`with points as (
      select p.id, p.digibank_id, row_number() over (partition by p.digibank_id order by p.id) - 1 as j,
        (select count(*) from role_assignments r where r.digibank_id = p.digibank_id) as n
      from digipunten p where p.name like 'Vlaams punt %'
    ), people as materialized (
      select r.user_id as id, r.digibank_id,
        row_number() over (partition by r.digibank_id order by r.user_id) - 1 as i
      from role_assignments r join digibanks b on b.id = r.digibank_id
      where b.name like 'Vlaamse digibank %'
    ), wanted as materialized (
      select s.id as shift_id, tstzrange(s.starts_at, s.ends_at) as span, p.digibank_id,
        (p.j * 3 + k + 7 * (extract(epoch from s.starts_at) / 86400)::int) % p.n as i
      from shifts s
      join points p on p.id = s.digipunt_id
      cross join lateral generate_series(0, s.id % 3) k
    )
    insert into shift_claims (shift_id, user_id, status, span)
    select w.shift_id, v.id, 'confirmed', w.span
    from wanted w join people v on v.digibank_id = w.digibank_id and v.i = w.i`.execute(db);
  step("claims");
  await sql`update shifts s set confirmed_count = c.n
    from (select shift_id, count(*)::int as n from shift_claims
          where status = 'confirmed' group by shift_id) c
    where c.shift_id = s.id and s.confirmed_count <> c.n`.execute(db);
  for (const index of indexes.rows) await sql.raw(index.definition).execute(db);
  await sql`alter table shift_claims add constraint shift_claims_no_overlap
    ${sql.raw(exclusion.rows[0]!.definition)}`.execute(db);
  await sql`alter table shift_claims enable trigger shift_claims_before,
    enable trigger shift_claims_count`.execute(db);
  step("counts, indexes and the overlap exclusion");
}

let lastStep = performance.now();
/** Prints how long the build's last step took. */
function step(name: string) {
  const now = performance.now();
  console.log(`  ${name}: ${((now - lastStep) / 1000).toFixed(1)} s`);
  lastStep = now;
}

interface World {
  label: string;
  name: string;
  database: DatabaseHandle;
  jobs: JobQueue;
  shifts: ShiftWorld;
  viewer: Actor;
  coordinator: Actor;
  claimers: Actor[];
  counts: { digibanks: number; digipunten: number; users: number; shifts: number; claims: number };
}

async function openWorld(label: string, flanders: boolean): Promise<World> {
  const name = `dh_bench_flanders_${label}_${crypto.randomBytes(3).toString("hex")}`;
  await admin(`create database "${name}"`);
  created.push(name);
  // Building is bulk work (an index over a million claims takes minutes): the app's statement
  // timeout is for requests, so the builder goes without it; the pages are timed with it.
  const builder = await openDatabase({ databaseUrl: urlOf(name), statementTimeoutMs: 0 });
  let db = builder.db;
  const started = performance.now();
  lastStep = started;
  await migrateToLatest(db);
  const shifts = await buildShiftWorld(db);
  step("the 56-digipunt region");
  // A coordinator of the region's four digibanken, for the planning report.
  const banks = await db
    .selectFrom("digibanks")
    .select("id")
    .where("name", "like", "Benchbank %")
    .execute();
  const coordinatorRow = await db
    .insertInto("users")
    .values({ email: "coordinator@bench.example", name: "Coördinator" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("role_assignments")
    .values(
      banks.map((b) => ({
        user_id: coordinatorRow.id,
        role: "coordinator" as const,
        digibank_id: b.id,
      })),
    )
    .execute();
  if (flanders) await buildRestOfFlanders(db);
  // What autovacuum does to a real database after a bulk load.
  await sql`vacuum analyze`.execute(db);
  step("vacuum analyze");
  const counts = (
    await sql<World["counts"]>`select
      (select count(*) from digibanks)::int as digibanks,
      (select count(*) from digipunten)::int as digipunten,
      (select count(*) from users)::int as users,
      (select count(*) from shifts)::int as shifts,
      (select count(*) from shift_claims)::int as claims`.execute(db)
  ).rows[0]!;
  await builder.close();
  const database = await openDatabase({ databaseUrl: urlOf(name), poolMax: CLAIMERS });
  db = database.db;
  console.log(
    `${label}: ${counts.digibanks} digibanken, ${counts.digipunten} digipunten, ${counts.users} people, ` +
      `${counts.shifts} shifts, ${counts.claims} claims (built in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const actorOf = async (email: string) => {
    const row = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", email)
      .executeTakeFirstOrThrow();
    return (await loadActor(db, row.id))!;
  };
  const jobs = await startJobQueue(database, { databaseUrl: urlOf(name), poolMax: 4 });
  await createEmailQueues(jobs);
  const claimers: Actor[] = [];
  for (const email of shifts.claimerEmails) claimers.push(await actorOf(email));
  return {
    label,
    name,
    database,
    jobs,
    shifts,
    viewer: await actorOf(shifts.viewerEmail),
    coordinator: await actorOf("coordinator@bench.example"),
    claimers,
    counts,
  };
}

/** Each page once through a Kysely that logs every query's time: which of them grow with size? */
async function profileQueries(worlds: World[]) {
  const times = new Map<string, number[][]>();
  for (const [index, world] of worlds.entries()) {
    const pool = new pg.Pool({ connectionString: urlOf(world.name), max: 4 });
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool }),
      log(event) {
        const key = event.query.sql.replace(/\s+/g, " ").slice(0, 160);
        const entry = times.get(key) ?? [[], []];
        entry[index]!.push(event.queryDurationMillis);
        times.set(key, entry);
      },
    });
    const range = planningRange(new URLSearchParams(), { startOffset: -28, days: 56 });
    for (let i = 0; i < 30; i++) {
      await listHomeCards(db, world.viewer, { language: "nl" });
      await listHomeCards(db, world.coordinator, { language: "nl" });
      await listShifts(db, world.viewer, { from: monthStart, to: monthEnd });
      await loadShiftWeek(db, world.viewer, { week: null, filters: {}, language: "nl" });
      await listShiftFilterOptions(db, world.viewer);
      await fillRates(db, world.coordinator, range);
    }
    await db.destroy();
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1] ?? NaN;
  const rows = [...times.entries()]
    .map(([query, [region, flanders]]) => ({
      query,
      "region ms": median(region!),
      "Flanders ms": median(flanders!),
    }))
    .sort((a, b) => b["Flanders ms"] - b["region ms"] - (a["Flanders ms"] - a["region ms"]))
    .slice(0, 12);
  for (const row of rows)
    console.log(
      `${row["region ms"].toFixed(2).padStart(7)} ${row["Flanders ms"].toFixed(2).padStart(7)}  ${row.query}`,
    );
}

function urlOf(name: string) {
  const url = new URL(base!);
  url.pathname = `/${name}`;
  return url.toString();
}

// Next month, as the calendar asks for it (a month view shows six weeks).
const now = new Date();
const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const monthEnd = new Date(monthStart.getTime() + 42 * 24 * 60 * 60 * 1000);

const worlds: World[] = [];
const created: string[] = [];
try {
  worlds.push(await openWorld("region", false));
  worlds.push(await openWorld("flanders", true));

  if (process.env.BENCH_QUERIES === "1") await profileQueries(worlds);

  const options = { requests: RUNS, concurrency: 1, warmup: Math.min(20, RUNS) };
  const figures: Array<{ page: string; results: LoadResult[] }> = [];
  const both = async (page: string, run: (world: World) => Promise<LoadResult>) => {
    const results: LoadResult[] = [];
    for (const world of worlds) results.push(await run(world));
    figures.push({ page, results });
  };

  await both("home page (cards)", (w) =>
    measureWith(`home ${w.label}`, options, async () => {
      await listHomeCards(w.database.db, w.viewer, { language: "nl" });
      return true;
    }),
  );
  await both("calendar month", (w) =>
    measureWith(`month ${w.label}`, options, async () => {
      const rows = await listShifts(w.database.db, w.viewer, { from: monthStart, to: monthEnd });
      return rows.length > 0;
    }),
  );
  await both("shift list (week)", (w) =>
    measureWith(`list ${w.label}`, options, async () => {
      const [{ days }] = await Promise.all([
        loadShiftWeek(w.database.db, w.viewer, { week: null, filters: {}, language: "nl" }),
        listShiftFilterOptions(w.database.db, w.viewer),
      ]);
      return days.length > 0;
    }),
  );
  const params = new URLSearchParams();
  const range = planningRange(params, { startOffset: -28, days: 56 });
  await both("planning report", (w) =>
    measureWith(`report ${w.label}`, options, async () => {
      const rates = await fillRates(w.database.db, w.coordinator, range);
      return rates.byDigipunt.length > 0;
    }),
  );
  // 20 claimers at once, each claiming its own next shifts (one a day: never an overlap).
  const perRun = Math.min(RUNS, 40 * CLAIMERS);
  await both("claim, 20 at once", (w) => {
    const position = new Array<number>(CLAIMERS).fill(0);
    return measureWith(
      `claim ${w.label}`,
      { requests: perRun, concurrency: CLAIMERS, warmup: 0 },
      async (worker) => {
        const shiftId = w.shifts.targets[worker]![position[worker]!++];
        if (shiftId === undefined) return false;
        const outcome = await claimShift(w.database.db, w.jobs, w.claimers[worker]!, shiftId);
        return outcome.ok;
      },
    );
  });

  const home = figures[0]!.results;
  console.log(
    `\nServer time p95 in ms (${RUNS} runs each; claims ${perRun} by ${CLAIMERS} at once), ` +
      "ratios to the home page of the same world and Flanders / region:",
  );
  console.table(
    figures.map(({ page, results: [region, flanders] }) => ({
      page,
      "region p95": region!.p95Ms.toFixed(2),
      "Flanders p95": flanders!.p95Ms.toFixed(2),
      "region / home": (region!.p95Ms / home[0]!.p95Ms).toFixed(2),
      "Flanders / home": (flanders!.p95Ms / home[1]!.p95Ms).toFixed(2),
      "Flanders / region": (flanders!.p95Ms / region!.p95Ms).toFixed(2),
      errors: region!.errors + flanders!.errors,
    })),
  );
  console.log(
    JSON.stringify({
      worlds: worlds.map((w) => ({ label: w.label, ...w.counts })),
      figures,
    }),
  );
} finally {
  for (const world of worlds) {
    await stopJobQueue(world.jobs);
    await world.database.close();
  }
  for (const name of created) await admin(`drop database if exists "${name}" with (force)`);
}
