import { sql } from "kysely";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { loadCourseAccess } from "./course.server.ts";
import {
  type CompletionChange,
  evaluateCompletion,
  requiredSessions,
} from "./completion.server.ts";

// Attendance per session, taken by a course's trainers and planners: the courses they take it
// for, a session's roster with each person's tick, and the tick itself (which re-evaluates
// completion in the same transaction).

/** Attendance may be taken from this long before a session starts (people arrive early). */
export const ATTENDANCE_OPENS_MINUTES = 60;

/** Who may take attendance beyond a course's trainers: its planners (the rule of plan_courses). */
function plannedScope(actor: Actor) {
  return {
    regionIds: [...new Set([...actor.staffRegionIds, ...actor.coordinatedRegionIds])],
    digibankIds: actor.coordinatedDigibankIds,
  };
}

export interface TrainedCourse {
  id: number;
  title: string;
  organiser: string;
  /** Whether the reader is named trainer on it (otherwise they plan it). */
  trainer: boolean;
  enrolled: number;
  /** The next session not yet ended, or null when all are over. */
  nextSession: { id: number; startsAt: Date; endsAt: Date } | null;
}

/** Published courses the reader trains or plans, with sessions still to come first. */
export async function listTrainedCourses(
  db: Database,
  actor: Actor,
  { now = new Date() }: { now?: Date } = {},
): Promise<TrainedCourse[]> {
  const rows = await db
    .selectFrom("courses as c")
    .innerJoin("regions as r", "r.id", "c.region_id")
    .leftJoin("digibanks as b", "b.id", "c.digibank_id")
    .select((eb) => [
      "c.id",
      "c.title",
      "c.enrolled_count as enrolled",
      sql<string>`coalesce(b.name, r.name)`.as("organiser"),
      eb
        .exists(
          eb
            .selectFrom("course_trainers as t")
            .whereRef("t.course_id", "=", "c.id")
            .where("t.user_id", "=", actor.id),
        )
        .as("trainer"),
    ])
    .where("c.status", "=", "published")
    .where((eb) => {
      if (isAdmin(actor)) return eb.val(true);
      const scope = plannedScope(actor);
      const or = [
        eb(
          "c.id",
          "in",
          eb.selectFrom("course_trainers").select("course_id").where("user_id", "=", actor.id),
        ),
      ];
      if (scope.regionIds.length) or.push(eb("c.region_id", "in", scope.regionIds));
      if (scope.digibankIds.length) or.push(eb("c.digibank_id", "in", scope.digibankIds));
      return eb.or(or);
    })
    .orderBy("c.id")
    .limit(200)
    .execute();
  const ids = rows.map((r) => r.id);
  const next = ids.length
    ? await db
        .selectFrom("course_sessions")
        .select(["id", "course_id", "starts_at", "ends_at"])
        .distinctOn("course_id")
        .where("course_id", "in", ids)
        .where("status", "=", "scheduled")
        .where("ends_at", ">", now)
        .orderBy("course_id")
        .orderBy("starts_at")
        .execute()
    : [];
  const nextOf = new Map(next.map((s) => [s.course_id, s]));
  const courses = rows.map((row): TrainedCourse => {
    const s = nextOf.get(row.id);
    return {
      id: row.id,
      title: row.title,
      organiser: row.organiser,
      trainer: Boolean(row.trainer),
      enrolled: row.enrolled,
      nextSession: s ? { id: s.id, startsAt: s.starts_at, endsAt: s.ends_at } : null,
    };
  });
  // Coming sessions first, soonest on top; courses that are over after them, newest first.
  return courses.sort((a, b) => {
    if (a.nextSession && b.nextSession)
      return a.nextSession.startsAt.getTime() - b.nextSession.startsAt.getTime();
    if (a.nextSession) return -1;
    if (b.nextSession) return 1;
    return b.id - a.id;
  });
}

export interface RosterSession {
  id: number;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  location: string | null;
}

export interface RosterPerson {
  userId: number;
  name: string;
  present: boolean;
  /** Scheduled sessions this person attended. */
  attended: number;
  completed: boolean;
}

export interface AttendanceRoster {
  course: { id: number; title: string; organiser: string; required: number };
  sessions: RosterSession[];
  /** The session shown: the one asked for, else the current or next one, else the last. */
  session: RosterSession | null;
  /** Whether attendance may be taken for the shown session now. */
  open: boolean;
  people: RosterPerson[];
}

/**
 * A course's sessions and, for one of them, its roster: the people enrolled (not the waiting
 * list), alphabetically, each with their tick. Null when the course is not theirs to train (it
 * answers as if it did not exist) or the session is not one of the course's.
 */
export async function loadAttendanceRoster(
  db: Database,
  actor: Actor,
  courseId: number,
  { sessionId = null, now = new Date() }: { sessionId?: number | null; now?: Date } = {},
): Promise<AttendanceRoster | null> {
  const access = await loadCourseAccess(db, courseId);
  if (!access || access.status === "draft") return null;
  if (!may(actor, { action: "train_course", course: access })) return null;
  const course = await db
    .selectFrom("courses as c")
    .innerJoin("regions as r", "r.id", "c.region_id")
    .leftJoin("digibanks as b", "b.id", "c.digibank_id")
    .select([
      "c.id",
      "c.title",
      "c.completion_min_sessions as minSessions",
      sql<string>`coalesce(b.name, r.name)`.as("organiser"),
    ])
    .where("c.id", "=", courseId)
    .executeTakeFirstOrThrow();
  const sessionRows = await db
    .selectFrom("course_sessions as s")
    .leftJoin("digipunten as p", "p.id", "s.digipunt_id")
    .select([
      "s.id",
      "s.starts_at",
      "s.ends_at",
      "s.status",
      sql<string | null>`coalesce(s.address, p.name, s.online_url)`.as("location"),
    ])
    .where("s.course_id", "=", courseId)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  const sessions = sessionRows.map((s): RosterSession => ({
    id: s.id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    cancelled: s.status === "cancelled",
    location: s.location,
  }));
  let session: RosterSession | null;
  if (sessionId !== null) {
    session = sessions.find((s) => s.id === sessionId) ?? null;
    if (!session) return null;
  } else {
    const scheduled = sessions.filter((s) => !s.cancelled);
    session = scheduled.find((s) => s.endsAt > now) ?? scheduled.at(-1) ?? sessions.at(-1) ?? null;
  }
  const people = await db
    .selectFrom("course_enrolments as e")
    .innerJoin("users as u", "u.id", "e.user_id")
    .select((eb) => [
      "u.id as userId",
      "u.name",
      "e.completed_at",
      eb
        .selectFrom("course_attendance as a")
        .select("a.present")
        .whereRef("a.user_id", "=", "u.id")
        .where("a.session_id", "=", session?.id ?? 0)
        .as("present"),
      eb
        .selectFrom("course_attendance as a")
        .innerJoin("course_sessions as s", "s.id", "a.session_id")
        .whereRef("a.user_id", "=", "u.id")
        .where("s.course_id", "=", courseId)
        .where("s.status", "=", "scheduled")
        .where("a.present", "=", true)
        .select(sql<number>`count(*)::int`.as("n"))
        .as("attended"),
    ])
    .where("e.course_id", "=", courseId)
    .where("e.status", "=", "enrolled")
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
  return {
    course: {
      id: course.id,
      title: course.title,
      organiser: course.organiser,
      required: requiredSessions({
        scheduledSessions: sessions.filter((s) => !s.cancelled).length,
        minSessions: course.minSessions,
      }),
    },
    sessions,
    session,
    open: session ? attendanceOpen(session, access.status, now) : false,
    people: people.map((p) => ({
      userId: p.userId,
      name: p.name,
      present: p.present === true,
      attended: Number(p.attended ?? 0),
      completed: p.completed_at !== null,
    })),
  };
}

function attendanceOpen(session: RosterSession, courseStatus: string, now: Date) {
  return (
    courseStatus === "published" &&
    !session.cancelled &&
    session.startsAt.getTime() - ATTENDANCE_OPENS_MINUTES * 60_000 <= now.getTime()
  );
}

export type AttendanceOutcome =
  | { ok: true; completion: CompletionChange; name: string }
  | {
      ok: false;
      reason: "not_found" | "not_enrolled" | "session_cancelled" | "course_cancelled" | "too_early";
    };

/**
 * Ticks (or un-ticks) one enrolled person present at one session of the course, and re-evaluates
 * their completion in the same transaction. The form sends the state wanted, not a toggle, so a
 * double submit leaves the same result.
 */
export async function recordAttendance(
  db: Database,
  actor: Actor,
  input: { courseId: number; sessionId: number; userId: number; present: boolean },
  {
    now = new Date(),
    lockEnrolment = true,
  }: {
    now?: Date;
    /** Off only in the race test's control run (completion.server.ts). */
    lockEnrolment?: boolean;
  } = {},
): Promise<AttendanceOutcome> {
  const access = await loadCourseAccess(db, input.courseId);
  if (!access || access.status === "draft") return { ok: false, reason: "not_found" };
  if (!may(actor, { action: "train_course", course: access }))
    return { ok: false, reason: "not_found" };
  return db.transaction().execute(async (trx): Promise<AttendanceOutcome> => {
    const session = await trx
      .selectFrom("course_sessions as s")
      .innerJoin("courses as c", "c.id", "s.course_id")
      .select(["s.id", "s.starts_at", "s.ends_at", "s.status", "c.status as courseStatus"])
      .where("s.id", "=", input.sessionId)
      .where("s.course_id", "=", input.courseId)
      .executeTakeFirst();
    if (!session) return { ok: false, reason: "not_found" };
    if (session.courseStatus !== "published") return { ok: false, reason: "course_cancelled" };
    if (session.status !== "scheduled") return { ok: false, reason: "session_cancelled" };
    const opens = session.starts_at.getTime() - ATTENDANCE_OPENS_MINUTES * 60_000;
    if (opens > now.getTime()) return { ok: false, reason: "too_early" };
    const enrolled = await trx
      .selectFrom("course_enrolments as e")
      .innerJoin("users as u", "u.id", "e.user_id")
      .select("u.name")
      .where("e.course_id", "=", input.courseId)
      .where("e.user_id", "=", input.userId)
      .where("e.status", "=", "enrolled")
      .executeTakeFirst();
    if (!enrolled) return { ok: false, reason: "not_enrolled" };
    await trx
      .insertInto("course_attendance")
      .values({
        session_id: input.sessionId,
        user_id: input.userId,
        present: input.present,
        recorded_by: actor.id,
        recorded_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["session_id", "user_id"]).doUpdateSet({
          present: input.present,
          recorded_by: actor.id,
          recorded_at: now,
        }),
      )
      .execute();
    const completion = await evaluateCompletion(trx, {
      courseId: input.courseId,
      userId: input.userId,
      now,
      lock: lockEnrolment,
    });
    return { ok: true, completion, name: enrolled.name };
  });
}
