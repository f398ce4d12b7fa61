import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import {
  CATALOG_PAGE_SIZE,
  listCatalog,
  listCatalogPage,
  parseCourseFilters,
  readCatalogPage,
} from "~/modules/courses/catalog.server.ts";
import { volunteerCards } from "~/modules/home/cards.server.ts";
import { erasePersonalData } from "~/modules/people/personal-data.server.ts";
import { listShiftEvents } from "~/modules/shifts/events.server.ts";
import { createCalendarFeed, renderPersonalFeed } from "~/modules/shifts/feed.server.ts";
import { loadShiftWeek } from "~/modules/shifts/week.server.ts";
import {
  actOnCourse,
  cancelEnrolment,
  enrolInCourse,
  waitingPosition,
} from "~/modules/courses/enrolment.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createDigipunt,
  createEnrolment,
  createMunicipality,
  createRegion,
  createUser,
  giveSkill,
  skillId,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Enrolling as a volunteer or coordinator meets it: a place or the waiting list, the emails, the
// move up when someone cancels, and every refusal writing nothing.

let database: TestDatabase;
let jobs: JobQueue;
let world: Awaited<ReturnType<typeof makeWorld>>;

const DAY = 24 * 60 * 60 * 1000;
const days = (n: number) => new Date(Date.now() + n * DAY);

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db);
  const otherRegion = await createRegion(db);
  const genk = await createMunicipality(db, { regionId: region.id, name: "Genk" });
  const home = await createDigibank(db, { regionId: region.id });
  const digipunt = await createDigipunt(db, { digibankId: home.id, municipalityId: genk.id });
  const elsewhere = await createDigibank(db, { regionId: otherRegion.id });
  return { region, home, digipunt, genk, elsewhere };
}

async function volunteer(
  digibankId = world.home.id,
  language: "nl" | "fr" | "en" = "nl",
): Promise<Actor> {
  const user = await createUser(database.db, { language });
  await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
  return (await loadActor(database.db, user.id))!;
}

function course(values: Partial<Parameters<typeof createCourse>[1]> = {}) {
  return createCourse(database.db, { regionId: world.region.id, ...values });
}

async function enrolmentsOf(courseId: number) {
  return database.db
    .selectFrom("course_enrolments")
    .select(["id", "user_id as userId", "status"])
    .where("course_id", "=", courseId)
    .orderBy("id")
    .execute();
}

async function mailTo(userId: number) {
  return database.db
    .selectFrom("email_messages")
    .select(["template", "language", "idempotency_key as key", "payload"])
    .where("recipient_id", "=", userId)
    .orderBy("id")
    .execute();
}

async function counts() {
  const [enrolments, mail] = await Promise.all([
    database.db
      .selectFrom("course_enrolments")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
    database.db
      .selectFrom("email_messages")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { enrolments: Number(enrolments.n), mail: Number(mail.n) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
});

afterAll(async () => {
  await stopJobQueue(jobs);
  await database.destroy();
});

describe("enrolling in a course", () => {
  it("takes a place and emails the confirmation with the course, in the person's language", async () => {
    const c = await course({ capacity: 2, sessions: [days(10), days(17)] });
    const anne = await volunteer(world.home.id, "fr");
    const outcome = await enrolInCourse(database.db, jobs, anne, c.id);
    expect(outcome).toMatchObject({ ok: true, status: "enrolled" });
    expect(await enrolmentsOf(c.id)).toEqual([
      expect.objectContaining({ userId: anne.id, status: "enrolled" }),
    ]);
    const mail = await mailTo(anne.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      template: "course_enrolled",
      language: "fr",
      key: `course_enrolled:${(outcome as { enrolmentId: number }).enrolmentId}`,
    });
    const payload = mail[0]!.payload as { course: { sessions: unknown[] } };
    expect(payload.course.sessions).toHaveLength(2);
  });

  it("puts the person on the waiting list of a full course, numbered in arrival order", async () => {
    const c = await course({ capacity: 1 });
    const [first, second, third] = [await volunteer(), await volunteer(), await volunteer()];
    await enrolInCourse(database.db, jobs, first, c.id);
    expect(await enrolInCourse(database.db, jobs, second, c.id)).toMatchObject({
      ok: true,
      status: "waiting",
    });
    expect(await enrolInCourse(database.db, jobs, third, c.id)).toMatchObject({
      ok: true,
      status: "waiting",
    });
    expect(await waitingPosition(database.db, c.id, second.id)).toBe(1);
    expect(await waitingPosition(database.db, c.id, third.id)).toBe(2);
    const mail = await mailTo(third.id);
    expect(mail.map((m) => m.template)).toEqual(["course_waiting"]);
    expect((mail[0]!.payload as { position: number }).position).toBe(2);
    // The page's message names the place in line.
    const fourth = await volunteer();
    expect(
      await actOnCourse(database.db, jobs, fourth, { intent: "enrol", courseId: c.id }),
    ).toEqual({ tone: "success", message: "courses:done.waiting", values: { position: 3 } });
  });

  it("gives a freed place to the first in line, who is emailed once; leaving the list moves nobody", async () => {
    const c = await course({ capacity: 1 });
    const [holder, next, later] = [await volunteer(), await volunteer(), await volunteer()];
    await enrolInCourse(database.db, jobs, holder, c.id);
    await enrolInCourse(database.db, jobs, next, c.id);
    await enrolInCourse(database.db, jobs, later, c.id);

    expect(await cancelEnrolment(database.db, jobs, later, c.id)).toMatchObject({
      ok: true,
      was: "waiting",
      promotedUserId: null,
    });
    expect(await cancelEnrolment(database.db, jobs, holder, c.id)).toMatchObject({
      ok: true,
      was: "enrolled",
      promotedUserId: next.id,
    });
    const rows = await enrolmentsOf(c.id);
    expect(rows.map((r) => [r.userId, r.status])).toEqual([
      [holder.id, "cancelled"],
      [next.id, "enrolled"],
      [later.id, "cancelled"],
    ]);
    expect((await mailTo(next.id)).map((m) => m.template)).toEqual([
      "course_waiting",
      "course_promoted",
    ]);
    // Cancelling again is not news and changes nothing.
    expect(await cancelEnrolment(database.db, jobs, holder, c.id)).toEqual({
      ok: false,
      reason: "not_enrolled",
    });
  });

  it("refuses a second enrolment of the same person", async () => {
    const c = await course();
    const anna = await volunteer();
    await enrolInCourse(database.db, jobs, anna, c.id);
    const before = await counts();
    expect(await enrolInCourse(database.db, jobs, anna, c.id)).toEqual({
      ok: false,
      reason: "already",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("the volunteer's calendar", () => {
  it("shows the sessions of a course with a place (not of a waiting list) on the calendar, its list, the feed and the home page", async () => {
    const anna = await volunteer();
    const first = days(3);
    const c = await course({ title: "Agenda", sessions: [first, days(10)] });
    const full = await course({ title: "Vol", capacity: 1, sessions: [days(4)] });
    await enrolInCourse(database.db, jobs, await volunteer(), full.id);
    await enrolInCourse(database.db, jobs, anna, c.id);
    await enrolInCourse(database.db, jobs, anna, full.id);
    const window = { from: new Date(), to: days(20) };

    const events = await listShiftEvents(database.db, anna, window, "nl");
    const courseEvents = events.filter((e) => e.kind === "course");
    expect(courseEvents.map((e) => [e.id, e.url, e.className])).toEqual(
      c.sessions.map((s) => [`course-session-${s.id}`, `/courses/${c.id}`, "course-event"]),
    );
    expect(courseEvents[0]!.title).toMatch(/^🎓 Vorming: Agenda/);
    // Filtered to open shifts, the calendar is about shifts only.
    expect(
      (
        await listShiftEvents(database.db, anna, { ...window, filters: { open: true } }, "nl")
      ).filter((e) => e.kind === "course"),
    ).toEqual([]);

    const { days: week } = await loadShiftWeek(database.db, anna, {
      week: first.toISOString().slice(0, 10),
      filters: {},
      language: "nl",
    });
    expect(week.flatMap((d) => d.courseSessions.map((s) => s.title))).toEqual(["Agenda"]);

    const token = await createCalendarFeed(database.db, anna.id);
    const feed = (await renderPersonalFeed(database.db, token, { appUrl: "https://dh.test" }))!;
    for (const session of c.sessions)
      expect(feed).toContain(`UID:course-session-${session.id}@digihelpers`);
    expect(feed).not.toContain(`course-session-${full.sessions[0]!.id}@`);

    const cards = await volunteerCards.cards(database.db, anna, {
      language: "nl",
      now: new Date(),
    });
    const next = cards.find((card) => card.kind === "next_shifts") as {
      shifts: Array<{ href: string; digipunt: string; course?: true }>;
    };
    expect(next.shifts[0]).toMatchObject({
      href: `/courses/${c.id}`,
      digipunt: "Vorming: Agenda",
      course: true,
    });
  });
});

describe("erasing a person", () => {
  it("ends their enrolments and gives their place to the first in line, who is emailed", async () => {
    const c = await course({ capacity: 1 });
    const other = await course({ capacity: 1 });
    const [leaver, next] = [await volunteer(), await volunteer()];
    await enrolInCourse(database.db, jobs, leaver, c.id);
    await enrolInCourse(database.db, jobs, next, c.id);
    await enrolInCourse(database.db, jobs, next, other.id);
    await enrolInCourse(database.db, jobs, leaver, other.id);
    await erasePersonalData(database.db, leaver.id, { jobs });
    expect((await enrolmentsOf(c.id)).map((r) => [r.userId, r.status])).toEqual([
      [leaver.id, "cancelled"],
      [next.id, "enrolled"],
    ]);
    // Their place on a waiting list ends too; nobody moves.
    expect((await enrolmentsOf(other.id)).map((r) => [r.userId, r.status])).toEqual([
      [next.id, "enrolled"],
      [leaver.id, "cancelled"],
    ]);
    expect((await mailTo(next.id)).map((m) => m.template)).toEqual([
      "course_waiting",
      "course_enrolled",
      "course_promoted",
    ]);
  });
});

describe("refusals write nothing", () => {
  async function refused(actor: Actor, courseId: number, reason: string) {
    const before = await counts();
    expect(await enrolInCourse(database.db, jobs, actor, courseId)).toEqual({ ok: false, reason });
    expect(await counts()).toEqual(before);
  }

  it("before the enrolment window opens and after it closes", async () => {
    const anna = await volunteer();
    await refused(
      anna,
      (await course({ enrolOpensAt: days(2), enrolClosesAt: days(5) })).id,
      "not_open_yet",
    );
    await refused(
      anna,
      (await course({ enrolOpensAt: days(-5), enrolClosesAt: days(-1) })).id,
      "closed",
    );
  });

  it("for a cancelled course, and a draft is not found", async () => {
    const anna = await volunteer();
    await refused(anna, (await course({ status: "cancelled" })).id, "cancelled");
    await refused(anna, (await course({ status: "draft" })).id, "not_found");
  });

  it("when a prerequisite skill or earlier course is missing, and accepts once they are met", async () => {
    const anna = await volunteer();
    const skill = await skillId(database.db, "itsme");
    const bySkill = await course({ prerequisiteSkillId: skill });
    await refused(anna, bySkill.id, "prerequisite_missing");
    await giveSkill(database.db, { userId: anna.id, code: "itsme" });
    expect(await enrolInCourse(database.db, jobs, anna, bySkill.id)).toMatchObject({ ok: true });

    const basics = await course({ title: "Basis" });
    const byCourse = await course({ prerequisiteCourseId: basics.id });
    const enrolment = await createEnrolment(database.db, { courseId: basics.id, userId: anna.id });
    // Enrolled is not enough: the earlier course must be completed.
    await refused(anna, byCourse.id, "prerequisite_missing");
    await database.db
      .updateTable("course_enrolments")
      .set({ completed_at: new Date() })
      .where("id", "=", enrolment.id)
      .execute();
    expect(await enrolInCourse(database.db, jobs, anna, byCourse.id)).toMatchObject({ ok: true });
  });

  it("for someone outside the audience: not found when they may not see it, forbidden when they may", async () => {
    const outsider = await volunteer(world.elsewhere.id);
    await refused(outsider, (await course()).id, "not_found");
    const anna = await volunteer();
    await refused(anna, (await course({ audience: "coordinators" })).id, "not_found");
    // A trainer sees the course they teach, but it is not meant for them to enrol in.
    const trainer = await volunteer(world.elsewhere.id);
    await refused(trainer, (await course({ trainerUserIds: [trainer.id] })).id, "forbidden");
    expect(
      await actOnCourse(database.db, jobs, trainer, {
        intent: "enrol",
        courseId: (await course({ trainerUserIds: [trainer.id] })).id,
      }),
    ).toEqual({ denied: 403 });
  });
});

describe("the course list", () => {
  it("comes in pages of twenty, in the order of the first session, whatever the region holds", async () => {
    const region = await createRegion(database.db);
    const bank = await createDigibank(database.db, { regionId: region.id });
    const reader = await createUser(database.db);
    await assignRole(database.db, { userId: reader.id, role: "volunteer", digibankId: bank.id });
    const actor = (await loadActor(database.db, reader.id))!;
    const total = CATALOG_PAGE_SIZE + 5;
    const made: number[] = [];
    for (let n = 0; n < total; n++)
      made.push(
        (await createCourse(database.db, { regionId: region.id, sessions: [days(10 + n)] })).id,
      );
    const none = parseCourseFilters(new URLSearchParams());
    const first = await listCatalogPage(database.db, actor, none, { page: 1 });
    const second = await listCatalogPage(database.db, actor, none, { page: 2 });
    expect(first.courses.map((c) => c.id)).toEqual(made.slice(0, CATALOG_PAGE_SIZE));
    expect(first.hasMore).toBe(true);
    expect(second.courses.map((c) => c.id)).toEqual(made.slice(CATALOG_PAGE_SIZE));
    expect(second.hasMore).toBe(false);
    // The page number is read leniently: anything but 1 to 999 is the first page.
    for (const bad of ["0", "-1", "abc", "1e3", "1000", "2147483648", "2\u0000"])
      expect(readCatalogPage(new URLSearchParams({ page: bad }))).toBe(1);
    expect(readCatalogPage(new URLSearchParams("page=3"))).toBe(3);
  });

  it("shows the courses meant for the person by month, theme and place, with places, window and prerequisites", async () => {
    const region = await createRegion(database.db);
    const bank = await createDigibank(database.db, { regionId: region.id });
    const hasselt = await createMunicipality(database.db, { regionId: region.id, name: "Hasselt" });
    const punt = await createDigipunt(database.db, {
      digibankId: bank.id,
      municipalityId: hasselt.id,
    });
    const anna = await volunteer(bank.id);
    const inMarch = new Date("2027-03-10T09:00:00Z");
    const inApril = new Date("2027-04-10T09:00:00Z");
    const march = await createCourse(database.db, {
      regionId: region.id,
      title: "Maart",
      sessions: [inMarch],
      digipuntId: punt.id,
      capacity: 3,
      enrolClosesAt: new Date("2027-03-01T00:00:00Z"),
    });
    const april = await createCourse(database.db, {
      regionId: region.id,
      digibankId: bank.id,
      title: "April",
      theme: "teaching_adults",
      sessions: [inApril],
      prerequisiteSkillId: await skillId(database.db, "eid"),
    });
    await createCourse(database.db, { regionId: region.id, title: "Ontwerp", status: "draft" });
    await createCourse(database.db, {
      regionId: region.id,
      title: "Coord",
      audience: "coordinators",
    });
    await createEnrolment(database.db, {
      courseId: march.id,
      userId: (await volunteer(bank.id)).id,
    });

    const all = await listCatalog(database.db, anna, parseCourseFilters(new URLSearchParams()));
    expect(all.map((c) => c.title)).toEqual(["Maart", "April"]);
    expect(all[0]).toMatchObject({
      freePlaces: 2,
      capacity: 3,
      window: "open",
      places: ["Hasselt"],
      missing: { skillCode: null, courseTitle: null },
      myStatus: null,
    });
    expect(all[1]!.missing).toEqual({ skillCode: "eid", courseTitle: null });

    const filtered = (query: string) =>
      listCatalog(database.db, anna, parseCourseFilters(new URLSearchParams(query))).then((list) =>
        list.map((c) => c.title),
      );
    expect(await filtered("month=2027-04")).toEqual(["April"]);
    expect(await filtered("theme=teaching_adults")).toEqual(["April"]);
    expect(await filtered(`place=${hasselt.id}`)).toEqual(["Maart"]);
    expect(await filtered("place=online")).toEqual([]);
    // Malformed filters are left out, never an error.
    expect(await filtered("month=2027-13&theme=x&place=-1")).toEqual(["Maart", "April"]);

    await giveSkill(database.db, { userId: anna.id, code: "eid" });
    await enrolInCourse(database.db, jobs, anna, april.id);
    const mine = await listCatalog(database.db, anna, parseCourseFilters(new URLSearchParams()));
    expect(mine.find((c) => c.title === "April")).toMatchObject({
      myStatus: "enrolled",
      missing: { skillCode: null, courseTitle: null },
    });
  });
});
