import type { Transaction } from "kysely";
import type { DB } from "./schema.ts";
import { createCourse, createEnrolment } from "../tests/factories/index.ts";
import { evaluateCompletion } from "../app/modules/courses/completion.server.ts";

// The demo world's courses: in each region one that is over (with attendance and completion, so
// its skill shows as earned), one running (a session behind, sessions ahead), one open with free
// places, and one full with a waiting list. The demo volunteer is enrolled in one and teaches
// another, so signing in shows both sides of the capability. All dates are relative to today.

const DAY = 24 * 60 * 60 * 1000;

interface CourseWorld {
  today: Date;
  regionId: number;
  digibankId: number;
  /** Who plans the region's courses (created_by). */
  plannerId: number;
  /** Volunteers to enrol, in a stable order. */
  people: number[];
  trainerId: number;
  /** The demo volunteer, enrolled in the open course (Brugge only). */
  enrolDemo?: number;
  titles: { past: string; running: string; open: string; full: string };
  /** The skill the past course grants, and the one the open course grants. */
  grants: { past: string; open: string };
}

export async function seedCourses(db: Transaction<DB>, world: CourseWorld) {
  const { today } = world;
  // Sessions in the afternoon, Brussels time, on days counted from today.
  const at = (days: number) => {
    const day = new Date(today.getTime() + days * DAY);
    day.setUTCHours(13, 0, 0, 0);
    return day;
  };
  const base = {
    regionId: world.regionId,
    digibankId: world.digibankId,
    audience: "volunteers" as const,
    createdBy: world.plannerId,
    trainerUserIds: [world.trainerId],
  };
  const defined = (ids: Array<number | undefined>) =>
    ids.filter((id): id is number => id !== undefined);
  const [p0, p1, p2, p3, p4, p5, p6, p7, p8, p9] = world.people;
  const pick = (...ids: Array<number | undefined>) =>
    defined(ids).filter((id) => id !== world.trainerId);

  // Over: two sessions weeks ago; all but one came to both and completed.
  const past = await createCourse(db, {
    ...base,
    title: world.titles.past,
    theme: "digital_skills",
    capacity: 10,
    sessions: [at(-35), at(-28)],
    enrolOpensAt: at(-60),
    enrolClosesAt: at(-37),
    grantsSkillCodes: [world.grants.past],
  });
  const pastPeople = pick(p0, p1, p2, p3, p4);
  for (const userId of pastPeople) await createEnrolment(db, { courseId: past.id, userId });
  for (const [index, userId] of pastPeople.entries())
    for (const [n, session] of past.sessions.entries())
      await tick(db, session.id, userId, world.trainerId, !(index === 0 && n === 1));
  for (const userId of pastPeople)
    await evaluateCompletion(db, { courseId: past.id, userId, now: at(-28) });

  // Running: one session behind (attendance taken), two ahead; two of three sessions complete it.
  const running = await createCourse(db, {
    ...base,
    title: world.titles.running,
    theme: "teaching_adults",
    capacity: 8,
    sessions: [at(-2), at(5), at(12)],
    enrolOpensAt: at(-30),
    enrolClosesAt: at(-4),
    completionMinSessions: 2,
  });
  const runningPeople = pick(p5, p6, p7, p8);
  for (const userId of runningPeople) await createEnrolment(db, { courseId: running.id, userId });
  for (const [index, userId] of runningPeople.entries())
    await tick(db, running.sessions[0]!.id, userId, world.trainerId, index !== 1);

  // Open: enrolment open, places left; taught by someone from outside the platform.
  const open = await createCourse(db, {
    ...base,
    trainerUserIds: [],
    title: world.titles.open,
    theme: "digital_skills",
    audience: "everyone",
    capacity: 12,
    sessions: [at(18), at(25)],
    enrolOpensAt: at(-7),
    enrolClosesAt: at(16),
    grantsSkillCodes: [world.grants.open],
  });
  await db
    .insertInto("course_trainers")
    .values({ course_id: open.id, outside_name: "Lies Janssens (OCMW)" })
    .execute();
  for (const userId of defined([p1, p9, world.enrolDemo]))
    await createEnrolment(db, { courseId: open.id, userId });

  // Full: every place taken, two people on the waiting list.
  const full = await createCourse(db, {
    ...base,
    title: world.titles.full,
    theme: "target_group",
    capacity: 3,
    sessions: [at(21)],
    enrolOpensAt: at(-10),
    enrolClosesAt: at(19),
  });
  const fullPeople = pick(p2, p3, p5, p6, p7);
  for (const [index, userId] of fullPeople.entries())
    await createEnrolment(db, {
      courseId: full.id,
      userId,
      status: index < 3 ? "enrolled" : "waiting",
    });
  return { past, running, open, full };
}

async function tick(
  db: Transaction<DB>,
  sessionId: number,
  userId: number,
  recordedBy: number,
  present: boolean,
) {
  await db
    .insertInto("course_attendance")
    .values({ session_id: sessionId, user_id: userId, present, recorded_by: recordedBy })
    .execute();
}
