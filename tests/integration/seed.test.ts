import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SIGN_INS, isDatabaseEmpty, seedDemoWorld } from "../../db/seed.ts";
import { dagVanDeDigibankDate } from "../../db/seed-events.ts";
import { localParts } from "~/modules/shifts/recurrence.ts";
import { getNetworkOverview } from "~/modules/places/overview.server.ts";
import { createTestDatabase, snapshotCounts, type TestDatabase } from "../support/database.ts";

const TABLES = [
  "regions",
  "municipalities",
  "digibanks",
  "digipunten",
  "users",
  "role_assignments",
];
const TODAY = new Date("2026-11-22T12:00:00Z");

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  expect(await isDatabaseEmpty(database.db)).toBe(true);
  await seedDemoWorld(database.db, TODAY);
});
afterAll(() => database?.destroy());

describe("the demo world", () => {
  it("has Noord-Limburg with 8 municipalities and referentieregio Brugge with 10 and 3 digibanken", async () => {
    const rows = await database.db
      .selectFrom("regions")
      .select((eb) => [
        "regions.name",
        eb
          .selectFrom("municipalities")
          .whereRef("region_id", "=", "regions.id")
          .select(sql<number>`count(*)::int`.as("n"))
          .as("municipalities"),
        eb
          .selectFrom("digibanks")
          .whereRef("region_id", "=", "regions.id")
          .select(sql<number>`count(*)::int`.as("n"))
          .as("digibanks"),
      ])
      .orderBy("regions.name")
      .execute();
    expect(rows).toEqual([
      { name: "Noord-Limburg", municipalities: 8, digibanks: 1 },
      { name: "Referentieregio Brugge", municipalities: 10, digibanks: 3 },
    ]);
  });

  it("has fixed and mobile digipunten, the fixed ones with an address", async () => {
    const points = await database.db.selectFrom("digipunten").selectAll().execute();
    expect(points.length).toBeGreaterThanOrEqual(6);
    expect(points.some((p) => p.kind === "mobile")).toBe(true);
    expect(points.filter((p) => p.kind === "fixed").every((p) => p.address)).toBe(true);
  });

  it("has about sixty volunteers with two months to fourteen years of experience", async () => {
    const volunteers = await database.db
      .selectFrom("users")
      .where("id", "in", (eb) =>
        eb.selectFrom("role_assignments").where("role", "=", "volunteer").select("user_id"),
      )
      .select(["name", "volunteering_since"])
      .execute();
    expect(volunteers.length).toBeGreaterThanOrEqual(55);
    expect(volunteers.length).toBeLessThanOrEqual(70);
    const months = volunteers.map((v) => {
      const since = new Date(`${v.volunteering_since}T00:00:00Z`);
      return (
        (TODAY.getUTCFullYear() - since.getUTCFullYear()) * 12 +
        TODAY.getUTCMonth() -
        since.getUTCMonth()
      );
    });
    expect(Math.min(...months)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...months)).toBeLessThanOrEqual(14 * 12);
    // Varied: newcomers and veterans both present.
    expect(months.some((m) => m < 12)).toBe(true);
    expect(months.some((m) => m > 8 * 12)).toBe(true);
    expect(new Set(volunteers.map((v) => v.name)).size).toBe(volunteers.length);
  });

  it("keeps the four demo sign-ins with their roles", async () => {
    const rows = await database.db
      .selectFrom("users")
      .innerJoin("role_assignments", "role_assignments.user_id", "users.id")
      .where(
        "users.email",
        "in",
        DEMO_SIGN_INS.map((d) => d.email),
      )
      .select(["users.email", "role_assignments.role"])
      .execute();
    expect(rows.map((r) => `${r.email} ${r.role}`).sort()).toEqual(
      DEMO_SIGN_INS.map((d) => `${d.email} ${d.role}`).sort(),
    );
  });

  it("has weekly series at every digipunt, with claims before and after today", async () => {
    const db = database.db;
    const perPunt = await db
      .selectFrom("digipunten")
      .leftJoin("shift_series", "shift_series.digipunt_id", "digipunten.id")
      .select(["digipunten.id", (eb) => eb.fn.count<number>("shift_series.id").as("series")])
      .groupBy("digipunten.id")
      .execute();
    expect(perPunt.every((row) => Number(row.series) >= 1)).toBe(true);
    const claims = await db
      .selectFrom("shift_claims")
      .innerJoin("shifts", "shifts.id", "shift_claims.shift_id")
      .select(["shift_claims.status", "shift_claims.attendance", "shifts.starts_at as startsAt"])
      .execute();
    const past = claims.filter((c) => c.startsAt < TODAY && c.status === "confirmed");
    const coming = claims.filter((c) => c.startsAt > TODAY && c.status === "confirmed");
    expect(past.length).toBeGreaterThan(50);
    expect(past.every((c) => c.attendance !== null)).toBe(true);
    expect(coming.length).toBeGreaterThan(20);
    expect(claims.some((c) => c.status === "reserve")).toBe(true);
    expect(claims.some((c) => c.status === "cancelled")).toBe(true);
    // The demo volunteer has coming shifts to show on their calendar and in their feed.
    const demo = await db
      .selectFrom("shift_claims")
      .innerJoin("users", "users.id", "shift_claims.user_id")
      .innerJoin("shifts", "shifts.id", "shift_claims.shift_id")
      .select("shift_claims.id")
      .where("users.email", "=", "volunteer@digihelpers.example")
      .where("shift_claims.status", "=", "confirmed")
      .where("shifts.starts_at", ">", TODAY)
      .execute();
    expect(demo.length).toBeGreaterThan(0);
  });

  it("has courses in each region: over with completion, running, open with places, full with a waiting list", async () => {
    const db = database.db;
    const courses = await db
      .selectFrom("courses as c")
      .select((eb) => [
        "c.id",
        "c.region_id",
        "c.capacity",
        "c.enrolled_count",
        "c.enrol_closes_at",
        eb
          .selectFrom("course_sessions as s")
          .whereRef("s.course_id", "=", "c.id")
          .select((e) => e.fn.min("s.starts_at").as("m"))
          .as("first"),
        eb
          .selectFrom("course_sessions as s")
          .whereRef("s.course_id", "=", "c.id")
          .select((e) => e.fn.max("s.ends_at").as("m"))
          .as("last"),
        eb
          .selectFrom("course_enrolments as e")
          .whereRef("e.course_id", "=", "c.id")
          .where("e.status", "=", "waiting")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("waiting"),
        eb
          .selectFrom("course_enrolments as e")
          .whereRef("e.course_id", "=", "c.id")
          .where("e.completed_at", "is not", null)
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("completed"),
      ])
      .where("c.status", "=", "published")
      .execute();
    const regions = await db.selectFrom("regions").select("id").execute();
    for (const { id } of regions) {
      const mine = courses.filter((c) => c.region_id === id);
      const over = mine.filter((c) => new Date(c.last!) < TODAY);
      expect(over.some((c) => Number(c.completed) > 0)).toBe(true);
      expect(mine.some((c) => new Date(c.first!) < TODAY && new Date(c.last!) > TODAY)).toBe(true);
      expect(mine.some((c) => c.enrol_closes_at > TODAY && c.enrolled_count < c.capacity)).toBe(
        true,
      );
      expect(mine.some((c) => c.enrolled_count === c.capacity && Number(c.waiting) > 0)).toBe(true);
    }
    // Completion granted the course's skill, earned and dated.
    const earned = await db
      .selectFrom("volunteer_skills")
      .select(["course_id", "earned_at"])
      .where("source", "=", "course")
      .execute();
    expect(earned.length).toBeGreaterThan(0);
    expect(earned.every((e) => e.course_id !== null && e.earned_at !== null)).toBe(true);
    // The demo volunteer is enrolled in one course and teaches another.
    const demo = await db
      .selectFrom("users")
      .select((eb) => [
        eb
          .selectFrom("course_enrolments")
          .whereRef("user_id", "=", "users.id")
          .where("status", "=", "enrolled")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("enrolled"),
        eb
          .selectFrom("course_trainers")
          .whereRef("user_id", "=", "users.id")
          .select((e) => e.fn.countAll<number>().as("n"))
          .as("teaches"),
      ])
      .where("email", "=", "volunteer@digihelpers.example")
      .executeTakeFirstOrThrow();
    expect(Number(demo.enrolled)).toBeGreaterThanOrEqual(1);
    expect(Number(demo.teaches)).toBeGreaterThanOrEqual(1);
  });

  it("has a Dag van de Digibank next June in each region, answered in part, and a brunch past with who came", async () => {
    const db = database.db;
    // 2027-06-04 is the first Friday of June after 2026-11-22.
    expect(dagVanDeDigibankDate(TODAY)).toBe("2027-06-04");
    const events = await db
      .selectFrom("events as e")
      .innerJoin("regions as r", "r.id", "e.region_id")
      .select([
        "e.id",
        "e.title",
        "e.status",
        "e.digibank_id",
        "e.starts_at",
        "e.ends_at",
        "e.capacity",
        "e.max_plus_ones",
        "r.name as region",
      ])
      .orderBy("e.id")
      .execute();
    const regions = ["Noord-Limburg", "Referentieregio Brugge"];
    for (const region of regions) {
      const dag = events.find((e) => e.region === region && e.title === "Dag van de Digibank")!;
      expect(dag).toMatchObject({ status: "published", digibank_id: null, max_plus_ones: 1 });
      expect(dag.capacity).toBeGreaterThanOrEqual(100);
      expect(localParts(dag.starts_at)).toEqual({ date: "2027-06-04", time: "09:30" });
      expect(localParts(dag.ends_at)).toEqual({ date: "2027-06-04", time: "16:00" });
      const questions = await db
        .selectFrom("event_questions")
        .select(["kind", "label", "choices"])
        .where("event_id", "=", dag.id)
        .orderBy("position")
        .execute();
      expect(questions.map((q) => q.kind)).toEqual(["choice", "text"]);
      expect(questions[0]!.choices).toContain("Vegetarisch");
      expect(questions[1]!.label).toBe("Heb je hulp nodig om er te geraken?");
      const invitations = await db
        .selectFrom("event_invitations as i")
        .innerJoin("email_messages as m", "m.id", "i.email_message_id")
        .select(["i.response", "i.plus_ones", "i.answers", "m.status", "m.template"])
        .where("i.event_id", "=", dag.id)
        .execute();
      expect(invitations.length).toBeGreaterThan(10);
      // Delivered, every one: the mail is in the outbox as sent.
      expect(
        invitations.every((i) => i.status === "sent" && i.template === "event_invitation"),
      ).toBe(true);
      const responses = new Set(invitations.map((i) => i.response));
      for (const r of ["yes", "no", "maybe", "none"]) expect(responses.has(r as never)).toBe(true);
      expect(invitations.some((i) => i.plus_ones > 0)).toBe(true);
      expect(invitations.some((i) => Object.keys(i.answers).length > 0)).toBe(true);

      const brunch = events.find((e) => e.region === region && e.title !== "Dag van de Digibank")!;
      expect(brunch.starts_at < TODAY).toBe(true);
      const days = (TODAY.getTime() - brunch.starts_at.getTime()) / 864e5;
      expect(days).toBeGreaterThan(45);
      expect(days).toBeLessThan(75);
      const came = await db
        .selectFrom("event_invitations")
        .select(["response", "attended_at"])
        .where("event_id", "=", brunch.id)
        .execute();
      expect(came.some((c) => c.attended_at !== null)).toBe(true);
      expect(came.some((c) => c.response === "yes" && c.attended_at === null)).toBe(true);
    }
    // The demo volunteer's invitation waits for an answer.
    const demo = await db
      .selectFrom("event_invitations as i")
      .innerJoin("users as u", "u.id", "i.user_id")
      .innerJoin("events as e", "e.id", "i.event_id")
      .select(["i.response"])
      .where("u.email", "=", "volunteer@digihelpers.example")
      .where("e.title", "=", "Dag van de Digibank")
      .executeTakeFirstOrThrow();
    expect(demo.response).toBe("none");
    // The trigger's count of places agrees with the answers.
    const { rows } = await sql<{ off: number }>`
      select count(*)::int as off from events e
      where e.taken_places <> (select coalesce(sum(1 + plus_ones), 0) from event_invitations
                               where event_id = e.id and response = 'yes')`.execute(db);
    expect(rows[0]!.off).toBe(0);
  });

  it("is only ever seeded into an empty database, and a refusal changes nothing", async () => {
    const before = await snapshotCounts(database, TABLES);
    await expect(seedDemoWorld(database.db, TODAY)).rejects.toThrow(/already holds data/);
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
  });

  it("is what the home page overview counts", async () => {
    const overview = await getNetworkOverview(database.db);
    const counts = await snapshotCounts(database, ["digibanks", "digipunten"]);
    expect(overview.totals).toMatchObject({
      regions: 2,
      digibanks: counts.digibanks,
      digipunten: counts.digipunten,
    });
    expect(overview.totals.volunteers).toBeGreaterThanOrEqual(55);
    expect(overview.regions.map((r) => r.name)).toEqual([
      "Noord-Limburg",
      "Referentieregio Brugge",
    ]);
  });
});

describe("the demo world on another day", () => {
  it("fills a new database at any time of day, also when the demo volunteer's own shift has just ended", async () => {
    // At 15:45 on 2 December 2026 the last shift to have ended already had the demo volunteer on
    // it (the shifts before today are filled from everyone), and giving them their past shifts
    // claimed it a second time: `npm start` on a new machine stopped on a duplicate key.
    const other = await createTestDatabase();
    try {
      await seedDemoWorld(other.db, new Date("2026-12-02T15:45:00Z"));
      const user = await other.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "volunteer@digihelpers.example")
        .executeTakeFirstOrThrow();
      const { rows } = await sql<{ past: number }>`
        select count(*)::int as past from shift_claims c join shifts s on s.id = c.shift_id
        where c.user_id = ${user.id} and c.status = 'confirmed'
          and s.ends_at <= '2026-12-02T15:45:00Z'`.execute(other.db);
      // About one a week of the demo's past, as on any other day.
      expect(rows[0]!.past).toBeGreaterThan(4);
    } finally {
      await other.destroy();
    }
  });
});
