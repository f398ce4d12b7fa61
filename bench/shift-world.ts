import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import { hashPassword } from "../app/modules/auth/password.server.ts";

// A busy region for the shifts benchmark: 4 digibanken with 14 digipunten each (56), a shift a
// day at every digipunt for a year around today (about 20,000 shifts), 3 of 5 spots taken on each
// (about 60,000 claims), 600 volunteers. Built with set-based SQL so it takes seconds, and it goes
// through the same triggers and constraints as the app's own claims.

export const BENCH_PASSWORD = "Bench-wachtwoord-2026";
export const CLAIMERS = 20;

export interface ShiftWorld {
  viewerEmail: string;
  claimerEmails: string[];
  /** Per claimer, future shifts they can claim one after another (one per day, free spots). */
  targets: number[][];
  shifts: number;
  claims: number;
}

export async function buildShiftWorld(db: Kysely<DB>): Promise<ShiftWorld> {
  const region = await db
    .insertInto("regions")
    .values({ name: "Benchregio" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const municipalities = await db
    .insertInto("municipalities")
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        region_id: region.id,
        name: `Benchgemeente ${i + 1}`,
        postal_code: String(3900 + i),
      })),
    )
    .returning("id")
    .execute();
  const digibanks = await db
    .insertInto("digibanks")
    .values(
      Array.from({ length: 4 }, (_, i) => ({ region_id: region.id, name: `Benchbank ${i + 1}` })),
    )
    .returning("id")
    .execute();
  await db
    .insertInto("digipunten")
    .values(
      Array.from({ length: 56 }, (_, i) => ({
        digibank_id: digibanks[i % 4]!.id,
        municipality_id: municipalities[i % 10]!.id,
        name: `Benchpunt ${i + 1}`,
        kind: "fixed" as const,
        address: `Dorpsstraat ${i + 1}`,
        accessibility_notes: null,
      })),
    )
    .execute();

  // 600 volunteers, spread over the four digibanken.
  await sql`insert into users (email, name, volunteering_since)
    select 'bench' || n || '@bench.example', 'Vrijwilliger ' || n, date '2020-01-01'
    from generate_series(1, 600) n`.execute(db);
  await sql`insert into role_assignments (user_id, role, digibank_id)
    select u.id, 'volunteer', (select id from digibanks where region_id = ${region.id}
      order by id offset (u.id % 4) limit 1)
    from users u where u.email like 'bench%@bench.example'`.execute(db);

  // One 09:00-12:00 shift a day per digipunt, half a year back and half a year ahead.
  await sql`insert into shifts (digipunt_id, starts_at, ends_at, capacity)
    select p.id,
      (d::date + time '09:00') at time zone 'Europe/Brussels',
      (d::date + time '12:00') at time zone 'Europe/Brussels',
      5
    from digipunten p
    join digibanks b on b.id = p.digibank_id and b.region_id = ${region.id}
    cross join generate_series(current_date - 182, current_date + 182, interval '1 day') d`.execute(
    db,
  );
  // Three claims per shift. Within one day every (digipunt, slot) maps to a different volunteer,
  // so no one holds two shifts at the same time.
  await sql`with numbered as (
      select s.id as shift_id,
        dense_rank() over (order by s.digipunt_id) - 1 as p,
        (s.starts_at::date - current_date + 182) as d
      from shifts s join digipunten dp on dp.id = s.digipunt_id
      join digibanks b on b.id = dp.digibank_id and b.region_id = ${region.id}
    ),
    volunteers as (
      select id, row_number() over (order by id) - 1 as i from users
      where email like 'bench%@bench.example'
    )
    insert into shift_claims (shift_id, user_id, status)
    select n.shift_id, v.id, 'confirmed'
    from numbered n cross join generate_series(0, 2) k
    join volunteers v on v.i = (n.p * 3 + k + n.d * 7) % 600`.execute(db);

  // The people who sign in during the benchmark: a volunteer who looks at the calendar, and
  // claimers who start with no shifts.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const home = digibanks[0]!.id;
  const people = await db
    .insertInto("users")
    .values(
      Array.from({ length: CLAIMERS + 1 }, (_, i) => ({
        email: i === 0 ? "viewer@bench.example" : `claimer${i}@bench.example`,
        name: i === 0 ? "Kijker" : `Claimer ${i}`,
        password_hash: passwordHash,
      })),
    )
    .returning(["id", "email"])
    .execute();
  await db
    .insertInto("role_assignments")
    .values(people.map((p) => ({ user_id: p.id, role: "volunteer" as const, digibank_id: home })))
    .execute();

  // Claimer c takes, day after day from tomorrow, the shift at digipunt (c mod 14) of the home
  // digibank: one per day, so never an overlap; at most two claimers share a shift of 5 spots.
  const future = await db
    .selectFrom("shifts")
    .innerJoin("digipunten", "digipunten.id", "shifts.digipunt_id")
    .select(["shifts.id", "shifts.digipunt_id as digipuntId", "shifts.starts_at as startsAt"])
    .where("digipunten.digibank_id", "=", home)
    .where("shifts.starts_at", ">", sql<Date>`now() + interval '1 day'`)
    .orderBy("shifts.starts_at")
    .orderBy("shifts.digipunt_id")
    .execute();
  const homePunten = [...new Set(future.map((s) => s.digipuntId))].sort((a, b) => a - b);
  const targets = Array.from({ length: CLAIMERS }, (_, c) =>
    future.filter((s) => s.digipuntId === homePunten[c % homePunten.length]).map((s) => s.id),
  );

  const counts = await db
    .selectFrom("shifts")
    .select([
      sql<number>`count(*)::int`.as("shifts"),
      sql<number>`(select count(*)::int from shift_claims)`.as("claims"),
    ])
    .executeTakeFirstOrThrow();
  return {
    viewerEmail: "viewer@bench.example",
    claimerEmails: people.slice(1).map((p) => p.email),
    targets,
    shifts: counts.shifts,
    claims: counts.claims,
  };
}
