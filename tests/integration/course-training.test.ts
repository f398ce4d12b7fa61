import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import {
  listTrainedCourses,
  loadAttendanceRoster,
  recordAttendance,
} from "~/modules/courses/attendance.server.ts";
import {
  getSkillsOf,
  listSkillHoldings,
  setSkillCourseOnly,
  setSkillsOf,
} from "~/modules/people/skills.server.ts";
import { listHomeCards } from "~/modules/home/cards.server.ts";
import { claimShift } from "~/modules/shifts/claims.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createDigipunt,
  createEnrolment,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
  giveSkill,
  skillId,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Attendance, completion and the skills a course grants, on the database the app uses. Each test
// builds its own course and people.

let database: TestDatabase;
let jobs: JobQueue;
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
let place: { regionId: number; digibankId: number; digipuntId: number };
let trainer: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const town = await createMunicipality(db, { regionId: region.id });
  const punt = await createDigipunt(db, { digibankId: bank.id, municipalityId: town.id });
  place = { regionId: region.id, digibankId: bank.id, digipuntId: punt.id };
  // A plain volunteer named trainer on the courses below: no coordinator role.
  const user = await createUser(db, { name: "Trainer Tom" });
  await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
  trainer = (await loadActor(db, user.id))!;
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

async function volunteer(name?: string) {
  const user = await createUser(database.db, { name });
  await assignRole(database.db, {
    userId: user.id,
    role: "volunteer",
    digibankId: place.digibankId,
  });
  return (await loadActor(database.db, user.id))!;
}

/** A course with past sessions (attendance can be taken), the trainer above, one enrolled person. */
async function pastCourse(options: { sessions?: number; min?: number | null; skill?: string }) {
  const now = Date.now();
  const sessions = Array.from(
    { length: options.sessions ?? 2 },
    (_, i) => new Date(now - (10 - i) * DAY),
  );
  const course = await createCourse(database.db, {
    regionId: place.regionId,
    digibankId: place.digibankId,
    sessions,
    enrolOpensAt: new Date(now - 30 * DAY),
    enrolClosesAt: new Date(now - 12 * DAY),
    completionMinSessions: options.min ?? null,
    grantsSkillCodes: [options.skill ?? "tax_on_web"],
    trainerUserIds: [trainer.id],
  });
  const person = await volunteer();
  await createEnrolment(database.db, { courseId: course.id, userId: person.id });
  return { course, person };
}

const tick = (courseId: number, sessionId: number, userId: number, present = true) =>
  recordAttendance(database.db, trainer, { courseId, sessionId, userId, present });

describe("completing a course", () => {
  it("grants its skill (earned, dated, the course named), and a shift that needed it can then be claimed", async () => {
    const { course, person } = await pastCourse({ sessions: 2, skill: "tax_on_web" });
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: new Date(Date.now() + 3 * DAY),
      requiredSkillId: await skillId(database.db, "tax_on_web"),
    });
    expect(await claimShift(database.db, jobs, person, shift.id)).toEqual({
      ok: false,
      reason: "skill_missing",
    });

    expect(await tick(course.id, course.sessions[0]!.id, person.id)).toMatchObject({
      ok: true,
      completion: "unchanged",
    });
    expect(await getSkillsOf(database.db, person.id)).toEqual([]);
    expect(await tick(course.id, course.sessions[1]!.id, person.id)).toMatchObject({
      ok: true,
      completion: "completed",
    });
    const [holding] = await listSkillHoldings(database.db, person.id);
    expect(holding).toMatchObject({
      code: "tax_on_web",
      source: "course",
      courseTitle: course.title,
    });
    expect(holding!.earnedAt).toBeInstanceOf(Date);
    const row = await database.db
      .selectFrom("volunteer_skills")
      .selectAll()
      .where("user_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row.course_id).toBe(course.id);
    const enrolment = await database.db
      .selectFrom("course_enrolments")
      .select("completed_at")
      .where("user_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(enrolment.completed_at).not.toBeNull();

    const claimed = await claimShift(database.db, jobs, person, shift.id);
    expect(claimed).toMatchObject({ ok: true, status: "confirmed" });
  });

  it("with at least N sessions: completes after N of the scheduled ones, cancelled ones not counted", async () => {
    const { course, person } = await pastCourse({ sessions: 3, min: 2 });
    // Ticked at the first session, which is then cancelled: it no longer counts.
    await tick(course.id, course.sessions[0]!.id, person.id);
    await database.db
      .updateTable("course_sessions")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", course.sessions[0]!.id)
      .execute();
    expect((await tick(course.id, course.sessions[1]!.id, person.id)).ok).toBe(true);
    expect(await getSkillsOf(database.db, person.id)).toEqual([]);
    expect(await tick(course.id, course.sessions[2]!.id, person.id)).toMatchObject({
      ok: true,
      completion: "completed",
    });
    expect(await getSkillsOf(database.db, person.id)).toEqual(["tax_on_web"]);
  });

  it("un-ticking before completion changes nothing; a correction after completion takes the skill back", async () => {
    const { course, person } = await pastCourse({ sessions: 2, skill: "smartphone" });
    const [first, second] = course.sessions;
    await tick(course.id, first!.id, person.id);
    expect(await tick(course.id, first!.id, person.id, false)).toMatchObject({
      ok: true,
      completion: "unchanged",
    });
    await tick(course.id, first!.id, person.id);
    await tick(course.id, second!.id, person.id);
    expect(await getSkillsOf(database.db, person.id)).toEqual(["smartphone"]);
    // The trainer tapped the wrong name at the second session.
    expect(await tick(course.id, second!.id, person.id, false)).toMatchObject({
      ok: true,
      completion: "withdrawn",
    });
    expect(await getSkillsOf(database.db, person.id)).toEqual([]);
    const enrolment = await database.db
      .selectFrom("course_enrolments")
      .select("completed_at")
      .where("user_id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(enrolment.completed_at).toBeNull();
  });

  it("turns a declared holding of the skill into an earned one", async () => {
    const { course, person } = await pastCourse({ sessions: 1, skill: "eid" });
    await giveSkill(database.db, { userId: person.id, code: "eid" });
    await tick(course.id, course.sessions[0]!.id, person.id);
    const [holding] = await listSkillHoldings(database.db, person.id);
    expect(holding).toMatchObject({ code: "eid", source: "course", courseTitle: course.title });
  });

  it("refuses attendance for someone on the waiting list, a cancelled session, or by someone who does not train the course, writing nothing", async () => {
    const { course } = await pastCourse({ sessions: 2 });
    const waiting = await volunteer();
    await database.db
      .updateTable("courses")
      .set({ capacity: 1 })
      .where("id", "=", course.id)
      .execute();
    await createEnrolment(database.db, {
      courseId: course.id,
      userId: waiting.id,
      status: "waiting",
    });
    const stranger = await volunteer();
    const before = await snapshotCounts(database, ["course_attendance", "volunteer_skills"]);
    expect(await tick(course.id, course.sessions[0]!.id, waiting.id)).toEqual({
      ok: false,
      reason: "not_enrolled",
    });
    expect(
      await recordAttendance(database.db, stranger, {
        courseId: course.id,
        sessionId: course.sessions[0]!.id,
        userId: stranger.id,
        present: true,
      }),
    ).toEqual({ ok: false, reason: "not_found" });
    await database.db
      .updateTable("course_sessions")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", course.sessions[1]!.id)
      .execute();
    expect(await tick(course.id, course.sessions[1]!.id, waiting.id)).toEqual({
      ok: false,
      reason: "session_cancelled",
    });
    expect(await snapshotCounts(database, ["course_attendance", "volunteer_skills"])).toEqual(
      before,
    );
  });

  it("lets attendance be taken from an hour before a session, not earlier", async () => {
    const person = await volunteer();
    const course = await createCourse(database.db, {
      regionId: place.regionId,
      sessions: [new Date(Date.now() + 3 * HOUR)],
      trainerUserIds: [trainer.id],
    });
    await createEnrolment(database.db, { courseId: course.id, userId: person.id });
    expect(await tick(course.id, course.sessions[0]!.id, person.id)).toEqual({
      ok: false,
      reason: "too_early",
    });
    const soon = new Date(course.sessions[0]!.starts_at.getTime() - 30 * 60 * 1000);
    expect(
      await recordAttendance(
        database.db,
        trainer,
        {
          courseId: course.id,
          sessionId: course.sessions[0]!.id,
          userId: person.id,
          present: true,
        },
        { now: soon },
      ),
    ).toMatchObject({ ok: true });
  });
});

describe("two trainers ticking at once (the enrolment row lock)", () => {
  // Only on a PostgreSQL server: PGlite's one connection runs the ticks one after another.
  const onServer = it.skipIf(!process.env.TEST_DATABASE_URL);
  const co = async () => {
    const user = await createUser(database.db);
    await assignRole(database.db, {
      userId: user.id,
      role: "volunteer",
      digibankId: place.digibankId,
    });
    return (await loadActor(database.db, user.id))!;
  };

  /** Rounds of two trainers each ticking one of the two sessions at the same moment. */
  async function race(lockEnrolment: boolean) {
    const second = await co();
    let completed = 0;
    for (let round = 0; round < 10; round++) {
      const { course, person } = await pastCourse({ sessions: 2, skill: "smartphone" });
      await database.db
        .insertInto("course_trainers")
        .values({ course_id: course.id, user_id: second.id })
        .execute();
      await Promise.all(
        [trainer, second].map((who, i) =>
          recordAttendance(
            database.db,
            who,
            {
              courseId: course.id,
              sessionId: course.sessions[i]!.id,
              userId: person.id,
              present: true,
            },
            { lockEnrolment },
          ),
        ),
      );
      if ((await getSkillsOf(database.db, person.id)).includes("smartphone")) completed++;
    }
    return completed;
  }

  onServer("the last two ticks at once still complete the course, every time", async () => {
    expect(await race(true)).toBe(10);
  });

  onServer("control: without the lock, ticks at once lose the completion", async () => {
    expect(await race(false)).toBeLessThan(10);
  });
});

describe("the trainer's pages' data", () => {
  it("lists only the courses the person trains, with the roster of enrolled people only", async () => {
    const { course, person } = await pastCourse({ sessions: 2 });
    const other = await createCourse(database.db, { regionId: place.regionId });
    const waiting = await volunteer();
    await database.db
      .updateTable("courses")
      .set({ capacity: 1 })
      .where("id", "=", course.id)
      .execute();
    await createEnrolment(database.db, {
      courseId: course.id,
      userId: waiting.id,
      status: "waiting",
    });
    const listed = (await listTrainedCourses(database.db, trainer)).map((c) => c.id);
    expect(listed).toContain(course.id);
    expect(listed).not.toContain(other.id);
    const roster = await loadAttendanceRoster(database.db, trainer, course.id, {
      sessionId: course.sessions[1]!.id,
    });
    expect(roster!.session!.id).toBe(course.sessions[1]!.id);
    expect(roster!.people.map((p) => p.userId)).toEqual([person.id]);
    expect(await loadAttendanceRoster(database.db, trainer, other.id)).toBeNull();
    expect(await loadAttendanceRoster(database.db, person, course.id)).toBeNull();
  });
});

describe("the trainer's home card", () => {
  it("points a trainer to the next session of a course they teach; nobody else gets it", async () => {
    const course = await createCourse(database.db, {
      regionId: place.regionId,
      title: "Vorming voor de kaart",
      sessions: [new Date(Date.now() + 3 * DAY)],
      trainerUserIds: [trainer.id],
    });
    const cards = await listHomeCards(database.db, trainer, { language: "nl" });
    const card = cards.find((c) => c.kind === "attendance_to_take");
    expect(card).toMatchObject({
      sessions: expect.arrayContaining([
        expect.objectContaining({
          title: "Vorming voor de kaart",
          href: `/courses/train/${course.id}?session=${course.sessions[0]!.id}`,
        }),
      ]),
    });
    const other = await volunteer();
    const theirs = await listHomeCards(database.db, other, { language: "nl" });
    expect(theirs.map((c) => c.kind)).not.toContain("attendance_to_take");
  });
});

describe("skills only a course grants", () => {
  it("cannot be declared: refused with the codes, nothing written; the trigger backs it", async () => {
    const person = await volunteer();
    await setSkillsOf(database.db, person.id, ["smartphone"]);
    await setSkillCourseOnly(database.db, "mypension", true);
    try {
      expect(await setSkillsOf(database.db, person.id, ["eid", "mypension"])).toEqual({
        ok: false,
        reason: "course_only",
        codes: ["mypension"],
      });
      expect(await getSkillsOf(database.db, person.id)).toEqual(["smartphone"]);
      await expect(
        giveSkill(database.db, { userId: person.id, code: "mypension" }),
      ).rejects.toMatchObject({ code: "23514", constraint: "volunteer_skills_course_only" });
    } finally {
      await setSkillCourseOnly(database.db, "mypension", false);
    }
  });

  it("marking one removes the declarations of it, keeps earned holdings and other skills", async () => {
    const declared = await volunteer();
    await setSkillsOf(database.db, declared.id, ["e_banking", "eid"]);
    const { course, person: earned } = await pastCourse({ sessions: 1, skill: "e_banking" });
    await tick(course.id, course.sessions[0]!.id, earned.id);
    const outcome = await setSkillCourseOnly(database.db, "e_banking", true);
    try {
      expect(outcome).toEqual({ ok: true, removedDeclarations: 1 });
      expect(await getSkillsOf(database.db, declared.id)).toEqual(["eid"]);
      expect(await getSkillsOf(database.db, earned.id)).toEqual(["e_banking"]);
      // Saving the form again keeps the earned skill, though it is not a box on the form.
      expect(await setSkillsOf(database.db, earned.id, ["eid"])).toEqual({ ok: true });
      expect((await getSkillsOf(database.db, earned.id)).sort()).toEqual(["e_banking", "eid"]);
    } finally {
      await setSkillCourseOnly(database.db, "e_banking", false);
    }
  });
});
