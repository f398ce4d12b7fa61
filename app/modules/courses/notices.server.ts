import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { loadCourseSnapshot } from "./calendar.server.ts";

// The emails course planning sends, written inside the transaction of the change they tell about
// (through enqueueEmail), each in its recipient's language and with an idempotency key, so a
// retried request sends once. Each carries the course as it is in this transaction.

type Trx = Transaction<DB>;

/** Where a person sees the course they are enrolled in. */
export const courseUrl = (appUrl: string, courseId: number) => `${appUrl}/courses/${courseId}`;
/** Where people find other courses. */
export const coursesUrl = (appUrl: string) => `${appUrl}/courses`;

/** The people with an enrolment of these statuses on the course (one per person), or these ones. */
function enrolledPeople(
  trx: Trx,
  courseId: number,
  filter: { statuses: Array<"enrolled" | "waiting"> } | { enrolmentIds: number[] },
) {
  return trx
    .selectFrom("course_enrolments as e")
    .innerJoin("users as u", "u.id", "e.user_id")
    .select(["e.id as enrolmentId", "u.id", "u.name", "u.email", "u.language"])
    .where("e.course_id", "=", courseId)
    .where("u.status", "=", "active")
    .$if("statuses" in filter, (q) =>
      q.where("e.status", "in", (filter as { statuses: Array<"enrolled" | "waiting"> }).statuses),
    )
    .$if("enrolmentIds" in filter, (q) =>
      q.where("e.id", "in", [0, ...(filter as { enrolmentIds: number[] }).enrolmentIds]),
    )
    .orderBy("u.id")
    .execute();
}

/**
 * To everyone enrolled: a session's time or place (or the course's title) changed, with the new
 * .ics. Call it after raising courses.sequence: the key holds it, so each version is told once.
 */
export async function noticeCourseChanged(trx: Trx, jobs: JobQueue, courseId: number) {
  const course = await loadCourseSnapshot(trx, courseId);
  if (!course || course.cancelled) return;
  const { sequence } = await trx
    .selectFrom("courses")
    .select("sequence")
    .where("id", "=", courseId)
    .executeTakeFirstOrThrow();
  const url = courseUrl(appUrlFromEnv(), courseId);
  for (const person of await enrolledPeople(trx, courseId, { statuses: ["enrolled"] })) {
    await enqueueEmail(trx, jobs, {
      template: "course_changed",
      to: person.email,
      recipientId: person.id,
      language: person.language,
      idempotencyKey: `course_changed:${courseId}:${sequence}:${person.id}`,
      payload: { name: person.name, course, url },
    });
  }
}

/**
 * To everyone whose enrolment the course's cancellation ended: the enrolled with a CANCEL for
 * every session, the waiting list without (it never was in their calendar).
 */
export async function noticeCourseCancelled(
  trx: Trx,
  jobs: JobQueue,
  courseId: number,
  ended: Array<{ enrolmentId: number; waiting: boolean }>,
) {
  const course = await loadCourseSnapshot(trx, courseId);
  if (!course || !course.cancelled) return;
  const { cancel_reason: reason } = await trx
    .selectFrom("courses")
    .select("cancel_reason")
    .where("id", "=", courseId)
    .executeTakeFirstOrThrow();
  const waiting = new Set(ended.filter((e) => e.waiting).map((e) => e.enrolmentId));
  const url = coursesUrl(appUrlFromEnv());
  const people = await enrolledPeople(trx, courseId, {
    enrolmentIds: ended.map((e) => e.enrolmentId),
  });
  for (const person of people) {
    await enqueueEmail(trx, jobs, {
      template: "course_cancelled",
      to: person.email,
      recipientId: person.id,
      language: person.language,
      idempotencyKey: `course_cancelled:${courseId}:${person.id}`,
      payload: {
        name: person.name,
        course,
        reason,
        waiting: waiting.has(person.enrolmentId),
        url,
      },
    });
  }
}

/**
 * To everyone enrolled or waiting: one session is cancelled; the enrolled get its CANCEL (the
 * other sessions stay in their calendar).
 */
export async function noticeSessionCancelled(
  trx: Trx,
  jobs: JobQueue,
  courseId: number,
  sessionId: number,
) {
  const course = await loadCourseSnapshot(trx, courseId);
  const session = course?.sessions.find((s) => s.sessionId === sessionId);
  if (!course || !session?.cancelled) return;
  const url = courseUrl(appUrlFromEnv(), courseId);
  const people = await trx
    .selectFrom("course_enrolments as e")
    .innerJoin("users as u", "u.id", "e.user_id")
    .select(["u.id", "u.name", "u.email", "u.language", "e.status"])
    .where("e.course_id", "=", courseId)
    .where("e.status", "in", ["enrolled", "waiting"])
    .where("u.status", "=", "active")
    .orderBy("u.id")
    .execute();
  for (const person of people) {
    await enqueueEmail(trx, jobs, {
      template: "course_session_cancelled",
      to: person.email,
      recipientId: person.id,
      language: person.language,
      idempotencyKey: `course_session_cancelled:${sessionId}:${person.id}`,
      payload: {
        name: person.name,
        course,
        sessionId,
        waiting: person.status === "waiting",
        url,
      },
    });
  }
}

/** To everyone enrolled: a message from the planner (no attachment). Returns how many. */
export async function noticeCourseMessage(
  trx: Trx,
  jobs: JobQueue,
  courseId: number,
  message: { key: string; subject: string; body: string; senderName: string },
): Promise<number> {
  const course = await loadCourseSnapshot(trx, courseId);
  if (!course) return 0;
  const url = courseUrl(appUrlFromEnv(), courseId);
  const people = await enrolledPeople(trx, courseId, { statuses: ["enrolled"] });
  for (const person of people) {
    await enqueueEmail(trx, jobs, {
      template: "course_message",
      to: person.email,
      recipientId: person.id,
      language: person.language,
      idempotencyKey: `course_message:${courseId}:${message.key}:${person.id}`,
      payload: {
        name: person.name,
        courseTitle: course.title,
        senderName: message.senderName,
        subject: message.subject,
        body: message.body,
        url,
      },
    });
  }
  return people.length;
}
