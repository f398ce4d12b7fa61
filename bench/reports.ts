// The reports benchmark (issue 12): a year of work in a region of 8 digibanken and 56 digipunten
// (about 8,700 shifts, 21,800 claims and as many shift reports) on a real PostgreSQL server. It
// measures the p95 of the report the page shows (buildReport: five grouped queries and the
// assembly), for one month and for the region's whole year, each beside the bare SQL aggregation
// (people helped, hours and active volunteers per digibank, one query) in the same run, and
// prints the ratios. The aim: the month report at most 3 times the bare SQL.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reports
//   (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set)
import crypto from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { loadActor } from "../app/modules/auth/access.server.ts";
import {
  buildReport,
  listReportDigibanks,
  sinceStartQuery,
  workQuery,
} from "../app/modules/reports/figures.server.ts";
import { localInstant } from "../app/modules/shifts/recurrence.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { assignRole, createRegion, createUser } from "../tests/factories/index.ts";
import { type LoadResult, measureWith } from "./load.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const YEAR = 2026;
const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!base) {
  console.error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server.");
  process.exit(1);
}

async function admin(text: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const name = `dh_bench_reports_${crypto.randomBytes(3).toString("hex")}`;
await admin(`create database "${name}"`);
const url = new URL(base);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 10 });
const db = database.db;

try {
  const started = performance.now();
  await migrateToLatest(db);
  const region = await createRegion(db, { name: "Benchregio" });
  await sql`
    insert into municipalities (region_id, name, postal_code)
    values (${region.id}, 'Benchgemeente', '3900')`.execute(db);
  await sql`
    insert into digibanks (region_id, name, started_on)
    select ${region.id}, 'Digibank ' || b, '2024-01-01' from generate_series(1, 8) b`.execute(db);
  await sql`
    insert into digipunten (digibank_id, municipality_id, name, kind, address)
    select d.id, m.id, d.name || ' punt ' || k, 'fixed', 'Markt ' || k || ', 3900 Pelt'
    from digibanks d, municipalities m, generate_series(1, 7) k`.execute(db);
  // Seven digihelpers per digipunt, each helping only there: nobody is on two shifts at once.
  await sql`
    insert into users (email, name)
    select 'b' || p.id || '-' || k || '@bench.example', 'Helper ' || p.id || '-' || k
    from digipunten p, generate_series(0, 6) k`.execute(db);
  await sql`
    insert into role_assignments (user_id, role, digibank_id)
    select u.id, 'volunteer', p.digibank_id
    from digipunten p, generate_series(0, 6) k
    join users u on true
    where u.email = 'b' || p.id || '-' || k || '@bench.example'`.execute(db);
  // Three mornings a week at each digipunt, all year.
  await sql`
    insert into shifts (digipunt_id, starts_at, ends_at, capacity)
    select p.id, t, t + interval '3 hours', 3
    from digipunten p, generate_series(0, 364) d,
         lateral (select ((${`${YEAR}-01-01`}::date + d)::timestamp + time '09:00')
                  at time zone 'Europe/Brussels' as t) x
    where (d + p.id) % 7 in (0, 2, 4)`.execute(db);
  await sql`
    insert into shift_claims (shift_id, user_id, status, attendance)
    select s.id, u.id, 'confirmed', 'present'
    from shifts s, generate_series(0, 1 + s.id % 2) k
    join users u on true
    where u.email = 'b' || s.digipunt_id || '-' || ((s.id + k) % 7) || '@bench.example'`.execute(
    db,
  );
  await sql`
    insert into shift_reports (shift_id, user_id, people_helped, topics, minutes_worked, referrals)
    select c.shift_id, c.user_id, (c.id * 7) % 13,
           case c.id % 4 when 0 then '{eid}' when 1 then '{itsme,smartphone}'
                         when 2 then '{eid,itsme}' else '{tax_on_web}' end::text[],
           150 + (c.id % 5) * 15, (c.id % 9 = 0)::int
    from shift_claims c`.execute(db);
  await sql`vacuum analyze`.execute(db);
  const counts = await sql<{ shifts: number; claims: number; reports: number }>`
    select (select count(*) from shifts)::int as shifts,
           (select count(*) from shift_claims)::int as claims,
           (select count(*) from shift_reports)::int as reports`.execute(db);
  const world = counts.rows[0]!;
  console.log(
    `World: 8 digibanken, 56 digipunten, ${world.shifts} shifts, ${world.claims} claims, ` +
      `${world.reports} shift reports (built in ${((performance.now() - started) / 1000).toFixed(1)} s), PostgreSQL.`,
  );

  const staff = await createUser(db, { email: "staff@bench.example" });
  await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
  const actor = (await loadActor(db, staff.id))!;
  const now = new Date(`${YEAR + 1}-01-15T12:00:00Z`);

  /** The bare aggregation: people helped, hours and active volunteers per digibank. */
  const bare = (from: string, until: string) =>
    sql`
      select p.digibank_id, sum(r.people_helped)::int as people_helped,
             sum(r.minutes_worked)::int as minutes, count(distinct r.user_id)::int as volunteers
      from shift_reports r
      join shifts s on s.id = r.shift_id
      join digipunten p on p.id = s.digipunt_id
      where s.starts_at >= ${localInstant(from, "00:00")}
        and s.starts_at < ${localInstant(until, "00:00")}
      group by p.digibank_id`.execute(db);

  const options = { requests: RUNS, concurrency: 1, warmup: 20 };
  const results: LoadResult[] = [];
  const run = async (label: string, from: string, until: string, next: string) => {
    const sqlOnly = await measureWith(`${label}: bare SQL`, options, async () => {
      await bare(from, next);
      return true;
    });
    const report = await measureWith(`${label}: buildReport`, options, async () => {
      const outcome = await buildReport(db, actor, { from, until, digibankId: null }, { now });
      return outcome.ok;
    });
    // Where the report's time goes: its two heaviest queries alone.
    const ids = (await listReportDigibanks(db, actor)).map((b) => b.id);
    const start = localInstant(from, "00:00");
    const end = localInstant(next, "00:00");
    const work = await measureWith(`${label}: work query alone`, options, async () => {
      await workQuery(ids, start, end, now).execute(db);
      return true;
    });
    const since = await measureWith(`${label}: since-start query alone`, options, async () => {
      await sinceStartQuery(ids, end).execute(db);
      return true;
    });
    results.push(sqlOnly, report, work, since);
    return report.p95Ms / sqlOnly.p95Ms;
  };
  const month = await run("October", `${YEAR}-10-01`, `${YEAR}-10-31`, `${YEAR}-11-01`);
  const year = await run(
    "The region's year",
    `${YEAR}-01-01`,
    `${YEAR}-12-31`,
    `${YEAR + 1}-01-01`,
  );
  console.table(
    results.map((r) => ({
      measured: r.name,
      runs: r.requests,
      "p50 ms": r.p50Ms.toFixed(2),
      "p95 ms": r.p95Ms.toFixed(2),
      "max ms": r.maxMs.toFixed(1),
      errors: r.errors,
    })),
  );
  console.log(`Month report p95 / bare SQL p95: ${month.toFixed(2)} (aim: at most 3)`);
  console.log(`Year report p95 / bare SQL p95:  ${year.toFixed(2)}`);
  console.log(JSON.stringify({ results, ratios: { month, year } }));
} finally {
  await database.close();
  await admin(`drop database if exists "${name}" with (force)`);
}
