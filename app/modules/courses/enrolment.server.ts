import { type Kysely, type Transaction, sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { loadCourseAccess } from "./course.server.ts";
import {
  noticeEnrolled,
  noticePromotedFromWaitingList,
  noticeWaiting,
} from "./enrolment-notices.server.ts";

// Enrolling in a course, leaving it, and the waiting list. The database holds the capacity (the
// course_enrolments trigger counts places against the courses_capacity CHECK) and the one active
// enrolment per person (a partial unique index); this module asks it and turns its refusals into
// reasons the pages explain. See docs/decisions/018-course-capacity-and-waiting-list.md.

type Db = Kysely<DB> | Transaction<DB>;

export type EnrolRefusal =
  | "not_found" // no such course, or not one this person may see
  | "forbidden" // the course is not meant for this person (its audience)
  | "not_published" // a draft (only its planners see it)
  | "cancelled"
  | "not_open_yet" // the enrolment window has not opened
  | "closed" // the enrolment window has closed
  | "prerequisite_missing"
  | "already" // already enrolled or waiting
  | "full"; // only ever met inside enrolInCourse, which then offers the waiting list

export type EnrolOutcome =
  | { ok: true; enrolmentId: number; status: "enrolled" | "waiting" }
  | { ok: false; reason: EnrolRefusal };

export type CancelRefusal = "not_found" | "not_enrolled" | "started";
export type CancelOutcome =
  | { ok: true; was: "enrolled" | "waiting"; promotedUserId: number | null }
  | { ok: false; reason: CancelRefusal };

export interface ClockOption {
  /** The present, injectable for tests. */
  now?: Date;
}

/** What an enrolment checks about the course and this person, in one query. */
async function findCourse(db: Db, courseId: number, userId: number) {
  return db
    .selectFrom("courses as c")
    .select((eb) => [
      "c.status",
      "c.capacity",
      "c.enrolled_count as enrolledCount",
      "c.enrol_opens_at as opensAt",
      "c.enrol_closes_at as closesAt",
      "c.prerequisite_skill_id as prerequisiteSkillId",
      "c.prerequisite_course_id as prerequisiteCourseId",
      eb
        .exists(
          eb
            .selectFrom("volunteer_skills as vs")
            .select("vs.user_id")
            .where("vs.user_id", "=", userId)
            .whereRef("vs.skill_id", "=", "c.prerequisite_skill_id"),
        )
        .as("hasSkill"),
      eb
        .exists(
          eb
            .selectFrom("course_enrolments as pe")
            .select("pe.id")
            .where("pe.user_id", "=", userId)
            .whereRef("pe.course_id", "=", "c.prerequisite_course_id")
            .where("pe.completed_at", "is not", null),
        )
        .as("completedPrerequisite"),
      eb
        .exists(
          eb
            .selectFrom("course_enrolments as me")
            .select("me.id")
            .whereRef("me.course_id", "=", "c.id")
            .where("me.user_id", "=", userId)
            .where("me.status", "in", ["enrolled", "waiting"]),
        )
        .as("alreadyOn"),
      eb
        .selectFrom("course_sessions as s")
        .select((s) => s.fn.min("s.starts_at").as("first"))
        .whereRef("s.course_id", "=", "c.id")
        .where("s.status", "=", "scheduled")
        .as("firstSessionAt"),
    ])
    .where("c.id", "=", courseId)
    .executeTakeFirst();
}

/** What a course asks before enrolling that this person lacks (empty: they meet it all). */
export function missingPrerequisites(course: {
  prerequisiteSkillId: number | null;
  prerequisiteCourseId: number | null;
  hasSkill: unknown;
  completedPrerequisite: unknown;
}): Array<"skill" | "course"> {
  const missing: Array<"skill" | "course"> = [];
  if (course.prerequisiteSkillId !== null && !course.hasSkill) missing.push("skill");
  if (course.prerequisiteCourseId !== null && !course.completedPrerequisite) missing.push("course");
  return missing;
}

/**
 * Takes a place in the course, or (when every place is taken) a place on its waiting list. Every
 * rule is checked before anything is written; a refusal writes nothing.
 */
export async function enrolInCourse(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  courseId: number,
  { now = new Date() }: ClockOption = {},
): Promise<EnrolOutcome> {
  const access = await loadCourseAccess(db, courseId);
  if (!access || !may(actor, { action: "view_course", course: access })) {
    return { ok: false, reason: "not_found" };
  }
  if (access.status === "cancelled") return { ok: false, reason: "cancelled" };
  if (access.status === "draft") return { ok: false, reason: "not_published" };
  if (!may(actor, { action: "enrol_course", course: access })) {
    return { ok: false, reason: "forbidden" };
  }
  const course = await findCourse(db, courseId, actor.id);
  if (!course) return { ok: false, reason: "not_found" };
  if (now < new Date(course.opensAt)) return { ok: false, reason: "not_open_yet" };
  if (now >= new Date(course.closesAt)) return { ok: false, reason: "closed" };
  if (missingPrerequisites(course).length > 0) {
    return { ok: false, reason: "prerequisite_missing" };
  }
  if (course.alreadyOn) return { ok: false, reason: "already" };

  // A place first, without any lock: the insert is the whole check (the trigger counts it against
  // the capacity under the course row's lock). The count read above only spares a full course
  // the failed attempt.
  if (course.enrolledCount < course.capacity) {
    const placed = await attempt(() =>
      db.transaction().execute(async (trx) => {
        const row = await insertEnrolment(trx, courseId, actor.id, "enrolled");
        await noticeEnrolled(trx, jobs, row.id);
        return { ok: true as const, enrolmentId: row.id, status: "enrolled" as const };
      }),
    );
    if (placed.ok || placed.reason !== "full") return placed;
  }
  // Full: the waiting list. The course row is locked so a place freed meanwhile (its cancellation
  // found nobody waiting yet) is taken now rather than left open while this person waits.
  return attempt(() =>
    db.transaction().execute(async (trx) => {
      const locked = await trx
        .selectFrom("courses")
        .select(["capacity", "enrolled_count as enrolledCount"])
        .where("id", "=", courseId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const status = locked.enrolledCount < locked.capacity ? "enrolled" : "waiting";
      const row = await insertEnrolment(trx, courseId, actor.id, status);
      if (status === "enrolled") await noticeEnrolled(trx, jobs, row.id);
      else await noticeWaiting(trx, jobs, row.id);
      return { ok: true as const, enrolmentId: row.id, status };
    }),
  );
}

function insertEnrolment(
  trx: Transaction<DB>,
  courseId: number,
  userId: number,
  status: "enrolled" | "waiting",
) {
  return trx
    .insertInto("course_enrolments")
    .values({ course_id: courseId, user_id: userId, status })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Runs an enrolment, turning the database's refusals into reasons ("full" for the capacity). */
async function attempt(run: () => Promise<EnrolOutcome>): Promise<EnrolOutcome> {
  try {
    return await run();
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    if (code === "23514" && constraint === "courses_capacity") return { ok: false, reason: "full" };
    if (code === "23514" && constraint === "course_enrolments_course_open") {
      return { ok: false, reason: "not_published" };
    }
    if (code === "23505" && constraint === "course_enrolments_active_unique") {
      return { ok: false, reason: "already" };
    }
    throw error;
  }
}

/**
 * Lets go of a place (or a place on the waiting list) before the course starts. A freed place
 * goes to the first in line, who is emailed. The course row is locked first, so concurrent
 * cancellations take turns and promote in the waiting list's order.
 */
export async function cancelEnrolment(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  courseId: number,
  { now = new Date() }: ClockOption = {},
): Promise<CancelOutcome> {
  const access = await loadCourseAccess(db, courseId);
  if (!access || !may(actor, { action: "view_course", course: access })) {
    return { ok: false, reason: "not_found" };
  }
  return db.transaction().execute(async (trx) => {
    await lockCourse(trx, courseId);
    const enrolment = await trx
      .selectFrom("course_enrolments")
      .select(["id", "status"])
      .where("course_id", "=", courseId)
      .where("user_id", "=", actor.id)
      .where("status", "in", ["enrolled", "waiting"])
      .forUpdate()
      .executeTakeFirst();
    if (!enrolment) return { ok: false, reason: "not_enrolled" };
    const course = await findCourse(trx, courseId, actor.id);
    // Once the course has begun a place is not handed on: leaving a waiting list stays possible.
    if (
      enrolment.status === "enrolled" &&
      course?.firstSessionAt &&
      new Date(course.firstSessionAt) <= now
    ) {
      return { ok: false, reason: "started" };
    }
    await trx
      .updateTable("course_enrolments")
      .set({ status: "cancelled", ended_at: now, updated_at: now })
      .where("id", "=", enrolment.id)
      .execute();
    const promoted =
      enrolment.status === "enrolled"
        ? await promoteFromWaitingList(trx, jobs, courseId, { now })
        : [];
    return {
      ok: true,
      was: enrolment.status as "enrolled" | "waiting",
      promotedUserId: promoted[0] ?? null,
    };
  });
}

function lockCourse(trx: Transaction<DB>, courseId: number) {
  return trx
    .selectFrom("courses")
    .select(["id", "status", "capacity", "enrolled_count as enrolledCount"])
    .where("id", "=", courseId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Fills the course's free places from its waiting list, first in line (queued_at, id) first, and
 * emails each person moved up. Call it inside the transaction that freed the place (a
 * cancellation, a removal, a raised capacity). Returns the ids of the people moved up.
 */
export async function promoteFromWaitingList(
  trx: Transaction<DB>,
  jobs: JobQueue | null,
  courseId: number,
  { now = new Date() }: ClockOption = {},
): Promise<number[]> {
  // The course row lock makes concurrent promotions for one course take turns.
  const course = await lockCourse(trx, courseId);
  if (!course || course.status !== "published") return [];
  const free = course.capacity - course.enrolledCount;
  if (free <= 0) return [];
  const next = await trx
    .selectFrom("course_enrolments")
    .select(["id", "user_id as userId"])
    .where("course_id", "=", courseId)
    .where("status", "=", "waiting")
    .orderBy("queued_at")
    .orderBy("id")
    .limit(free)
    .forUpdate()
    .execute();
  for (const enrolment of next) {
    await trx
      .updateTable("course_enrolments")
      // The moment it took the place, read at the write: the order of promotions is visible.
      .set({ status: "enrolled", queued_at: sql<Date>`clock_timestamp()`, updated_at: now })
      .where("id", "=", enrolment.id)
      .execute();
    if (jobs) await noticePromotedFromWaitingList(trx, jobs, enrolment.id);
  }
  return next.map((enrolment) => enrolment.userId);
}

/** The person's place on the course's waiting list (1 = next), or null when not waiting. */
export async function waitingPosition(
  db: Db,
  courseId: number,
  userId: number,
): Promise<number | null> {
  const mine = await db
    .selectFrom("course_enrolments")
    .select(["id", "queued_at"])
    .where("course_id", "=", courseId)
    .where("user_id", "=", userId)
    .where("status", "=", "waiting")
    .executeTakeFirst();
  if (!mine) return null;
  const ahead = await db
    .selectFrom("course_enrolments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("course_id", "=", courseId)
    .where("status", "=", "waiting")
    .where((eb) =>
      eb.or([
        eb("queued_at", "<", mine.queued_at),
        eb.and([eb("queued_at", "=", mine.queued_at), eb("id", "<", mine.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

export const COURSE_INTENTS = ["enrol", "cancel"] as const;
export type CourseIntent = (typeof COURSE_INTENTS)[number];

/** One person's action on one course page, as the page tells it: denied (a status), or a message. */
export type CourseActionOutcome =
  | { denied: 404 | 403 }
  | { tone: "success" | "error"; message: string; values?: Record<string, number> };

/**
 * Enrol (a place, or the waiting list when full) or cancel, for the course page. A course the
 * reader may not see is a 404, one not meant for them a 403; every other refusal is explained.
 */
export async function actOnCourse(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  { intent, courseId }: { intent: CourseIntent; courseId: number },
): Promise<CourseActionOutcome> {
  if (intent === "enrol") {
    const outcome = await enrolInCourse(db, jobs, actor, courseId);
    if (outcome.ok && outcome.status === "enrolled") {
      return { tone: "success", message: "courses:done.enrolled" };
    }
    if (outcome.ok) {
      const position = (await waitingPosition(db, courseId, actor.id)) ?? 1;
      return { tone: "success", message: "courses:done.waiting", values: { position } };
    }
    if (outcome.reason === "not_found") return { denied: 404 };
    if (outcome.reason === "forbidden") return { denied: 403 };
    return { tone: "error", message: `courses:refusals.${outcome.reason}` };
  }
  const outcome = await cancelEnrolment(db, jobs, actor, courseId);
  if (outcome.ok) {
    return {
      tone: "success",
      message: outcome.was === "enrolled" ? "courses:done.cancelled" : "courses:done.left_waiting",
    };
  }
  if (outcome.reason === "not_found") return { denied: 404 };
  return { tone: "error", message: `courses:refusals.${outcome.reason}` };
}
