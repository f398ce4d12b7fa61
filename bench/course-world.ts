import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.ts";
import { hashPassword } from "../app/modules/auth/password.server.ts";
import { BENCH_PASSWORD } from "./shift-world.ts";

// A busy region for the courses benchmark: 4 digibanken, 56 digipunten, 600 volunteers and 200
// published courses of the region over the coming year (two sessions each, 50 places), with 5,000
// enrolments (25 per course). Set-based SQL, through the same triggers as the app's own enrolments.

export const ENROLLERS = 20;

export interface CourseWorld {
  viewerEmail: string;
  enrollerEmails: string[];
  /** The courses in the order the enrollers take them (each has room for every enroller). */
  courseIds: number[];
  courses: number;
  enrolments: number;
}

export async function buildCourseWorld(db: Kysely<DB>): Promise<CourseWorld> {
  const region = await db
    .insertInto("regions")
    .values({ name: "Benchregio" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into municipalities (region_id, name, postal_code)
    select ${region.id}, 'Benchgemeente ' || n, (3900 + n)::text
    from generate_series(1, 10) n`.execute(db);
  await sql`insert into digibanks (region_id, name)
    select ${region.id}, 'Benchbank ' || n from generate_series(1, 4) n`.execute(db);
  await sql`insert into digipunten (digibank_id, municipality_id, name, kind, address)
    select (select id from digibanks where region_id = ${region.id} order by id offset n % 4 limit 1),
      (select id from municipalities where region_id = ${region.id} order by id offset n % 10 limit 1),
      'Benchpunt ' || n, 'fixed', 'Dorpsstraat ' || n
    from generate_series(1, 56) n`.execute(db);
  await sql`insert into users (email, name, volunteering_since)
    select 'bench' || n || '@bench.example', 'Vrijwilliger ' || n, date '2020-01-01'
    from generate_series(1, 600) n`.execute(db);
  await sql`insert into role_assignments (user_id, role, digibank_id)
    select u.id, 'volunteer', (select id from digibanks where region_id = ${region.id}
      order by id offset (u.id % 4) limit 1)
    from users u where u.email like 'bench%@bench.example'`.execute(db);

  // 200 courses, one every other day or so from next week, each open for enrolment now.
  await sql`insert into courses (region_id, title, theme, audience, capacity, enrol_opens_at,
      enrol_closes_at, status, published_at)
    select ${region.id}, 'Benchvorming ' || n,
      (array['digital_skills','teaching_adults','target_group','service'])[1 + n % 4],
      'everyone', 50, now() - interval '1 day', now() + interval '2 years', 'published', now()
    from generate_series(1, 200) n`.execute(db);
  await sql`insert into course_sessions (course_id, starts_at, ends_at, digipunt_id)
    select c.id,
      ((current_date + 7 + (c.rn * 9 / 5)::int + w * 7) + time '18:00') at time zone 'Europe/Brussels',
      ((current_date + 7 + (c.rn * 9 / 5)::int + w * 7) + time '20:00') at time zone 'Europe/Brussels',
      (select p.id from digipunten p join digibanks b on b.id = p.digibank_id
        where b.region_id = ${region.id} order by p.id offset c.rn % 56 limit 1)
    from (select id, row_number() over (order by id) - 1 as rn from courses
      where region_id = ${region.id}) c
    cross join generate_series(0, 1) w`.execute(db);
  // 25 of the 600 volunteers in each course.
  await sql`insert into course_enrolments (course_id, user_id, status)
    select c.id, v.id, 'enrolled'
    from (select id, row_number() over (order by id) - 1 as rn from courses
      where region_id = ${region.id}) c
    cross join generate_series(0, 24) k
    join (select id, row_number() over (order by id) - 1 as i from users
      where email like 'bench%@bench.example') v on v.i = (c.rn * 25 + k) % 600`.execute(db);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const home = await db
    .selectFrom("digibanks")
    .select("id")
    .where("region_id", "=", region.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const people = await db
    .insertInto("users")
    .values(
      Array.from({ length: ENROLLERS + 1 }, (_, i) => ({
        email: i === 0 ? "viewer@bench.example" : `enroller${i}@bench.example`,
        name: i === 0 ? "Kijker" : `Inschrijver ${i}`,
        password_hash: passwordHash,
      })),
    )
    .returning(["id", "email"])
    .execute();
  await db
    .insertInto("role_assignments")
    .values(
      people.map((p) => ({ user_id: p.id, role: "volunteer" as const, digibank_id: home.id })),
    )
    .execute();
  const courses = await db
    .selectFrom("courses")
    .select("id")
    .where("region_id", "=", region.id)
    .orderBy("id")
    .execute();
  const counts = await db
    .selectFrom("course_enrolments")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return {
    viewerEmail: people[0]!.email,
    enrollerEmails: people.slice(1).map((p) => p.email),
    courseIds: courses.map((c) => c.id),
    courses: courses.length,
    enrolments: counts.n,
  };
}
