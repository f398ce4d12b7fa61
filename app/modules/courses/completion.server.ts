import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "../../../db/schema.ts";

// Whether a person completed a course, and the skills that completion grants. Completion follows
// the attendance: it is evaluated again after every tick, and a correction that undoes it also
// takes back the skills this course granted (docs/decisions/020-earned-skills.md).

type Db = Kysely<DB> | Transaction<DB>;

export interface CompletionRule {
  /** The course's scheduled (not cancelled) sessions. */
  scheduledSessions: number;
  /** null: all of them; N: at least N of them (never more than there are). */
  minSessions: number | null;
}

/** How many sessions a person must attend: all scheduled ones, or N of them, whichever is fewer. */
export function requiredSessions(rule: CompletionRule): number {
  return rule.minSessions === null
    ? rule.scheduledSessions
    : Math.min(rule.minSessions, rule.scheduledSessions);
}

export type CompletionChange = "completed" | "withdrawn" | "unchanged";

/**
 * Evaluates everyone enrolled again after the rule itself moved: a session cancelled (fewer to
 * attend) or the completion rule changed by the planner.
 */
export async function evaluateCourseCompletions(
  trx: Transaction<DB>,
  courseId: number,
  now = new Date(),
): Promise<void> {
  const enrolled = await trx
    .selectFrom("course_enrolments")
    .select("user_id")
    .where("course_id", "=", courseId)
    .where("status", "=", "enrolled")
    .orderBy("id")
    .execute();
  for (const { user_id } of enrolled)
    await evaluateCompletion(trx, { courseId, userId: user_id, now });
}

/**
 * Evaluates the completion rule for one enrolled person, inside the caller's transaction: grants
 * the course's skills (source 'course', dated, the course named) when it is newly met, and takes
 * them back when a correction means it is no longer met. The enrolment row is locked first, so two
 * trainers ticking at once are evaluated one after the other.
 */
export async function evaluateCompletion(
  trx: Transaction<DB>,
  {
    courseId,
    userId,
    now = new Date(),
    lock = true,
  }: {
    courseId: number;
    userId: number;
    now?: Date;
    /** Off only in the race test's control run, to show what the lock prevents. */
    lock?: boolean;
  },
): Promise<CompletionChange> {
  const query = trx
    .selectFrom("course_enrolments")
    .select(["id", "completed_at"])
    .where("course_id", "=", courseId)
    .where("user_id", "=", userId)
    .where("status", "=", "enrolled");
  const enrolment = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!enrolment) return "unchanged";
  const met = await completionMet(trx, courseId, userId);
  if (met && !enrolment.completed_at) {
    await trx
      .updateTable("course_enrolments")
      .set({ completed_at: now, updated_at: now })
      .where("id", "=", enrolment.id)
      .execute();
    await grantCourseSkills(trx, { courseId, userId, now });
    return "completed";
  }
  if (!met && enrolment.completed_at) {
    await trx
      .updateTable("course_enrolments")
      .set({ completed_at: null, updated_at: now })
      .where("id", "=", enrolment.id)
      .execute();
    await trx
      .deleteFrom("volunteer_skills")
      .where("user_id", "=", userId)
      .where("source", "=", "course")
      .where("course_id", "=", courseId)
      .execute();
    return "withdrawn";
  }
  return "unchanged";
}

async function completionMet(db: Db, courseId: number, userId: number) {
  const row = await db
    .selectFrom("courses as c")
    .select((eb) => [
      "c.completion_min_sessions as minSessions",
      eb
        .selectFrom("course_sessions as s")
        .whereRef("s.course_id", "=", "c.id")
        .where("s.status", "=", "scheduled")
        .select(sql<number>`count(*)::int`.as("n"))
        .as("scheduled"),
      eb
        .selectFrom("course_attendance as a")
        .innerJoin("course_sessions as s", "s.id", "a.session_id")
        .whereRef("s.course_id", "=", "c.id")
        .where("s.status", "=", "scheduled")
        .where("a.user_id", "=", userId)
        .where("a.present", "=", true)
        .select(sql<number>`count(*)::int`.as("n"))
        .as("attended"),
    ])
    .where("c.id", "=", courseId)
    .where("c.status", "=", "published")
    .executeTakeFirst();
  if (!row) return false;
  const required = requiredSessions({
    scheduledSessions: Number(row.scheduled ?? 0),
    minSessions: row.minSessions,
  });
  return required > 0 && Number(row.attended ?? 0) >= required;
}

/**
 * The course's skills on the person's profile, earned. A skill they had declared becomes earned
 * (the course vouches for it now); one earned earlier, in another course, keeps that first date.
 */
async function grantCourseSkills(
  trx: Transaction<DB>,
  { courseId, userId, now }: { courseId: number; userId: number; now: Date },
) {
  await trx
    .insertInto("volunteer_skills")
    .columns(["user_id", "skill_id", "source", "course_id", "earned_at"])
    .expression((eb) =>
      eb
        .selectFrom("course_skills")
        .select([
          eb.val(userId).as("user_id"),
          "skill_id",
          sql<"course">`'course'`.as("source"),
          eb.val(courseId).as("course_id"),
          sql<Date>`${now}::timestamptz`.as("earned_at"),
        ])
        .where("course_id", "=", courseId),
    )
    .onConflict((oc) =>
      oc
        .columns(["user_id", "skill_id"])
        .doUpdateSet({
          source: "course",
          course_id: courseId,
          earned_at: now,
        })
        .where("volunteer_skills.source", "=", "declared"),
    )
    .execute();
}
