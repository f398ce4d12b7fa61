import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { loadCourseSnapshot } from "./calendar.server.ts";

// The emails of enrolling: written inside the transaction of the change they tell about (through
// enqueueEmail), in the person's language, once per idempotency key. An enrolment row changes
// from waiting to enrolled at most once, so its id keys each message.

type Trx = Transaction<DB>;

/** Where a person sees one course, and enrols or cancels. */
export const courseUrl = (appUrl: string, courseId: number) => `${appUrl}/courses/${courseId}`;

async function loadEnrolment(trx: Trx, enrolmentId: number) {
  const row = await trx
    .selectFrom("course_enrolments as e")
    .innerJoin("users as u", "u.id", "e.user_id")
    .select([
      "e.id",
      "e.course_id as courseId",
      "e.status",
      "e.queued_at as queuedAt",
      "u.id as userId",
      "u.name",
      "u.email",
      "u.language",
    ])
    .where("e.id", "=", enrolmentId)
    .where("u.status", "=", "active")
    .executeTakeFirst();
  if (!row) return undefined;
  const course = await loadCourseSnapshot(trx, row.courseId);
  return course && { ...row, course };
}

/** To the person: you have a place in the course (with an .ics holding every session). */
export async function noticeEnrolled(trx: Trx, jobs: JobQueue, enrolmentId: number) {
  const enrolment = await loadEnrolment(trx, enrolmentId);
  if (enrolment?.status !== "enrolled") return;
  await enqueueEmail(trx, jobs, {
    template: "course_enrolled",
    to: enrolment.email,
    recipientId: enrolment.userId,
    language: enrolment.language,
    idempotencyKey: `course_enrolled:${enrolment.id}`,
    payload: {
      name: enrolment.name,
      course: enrolment.course,
      url: courseUrl(appUrlFromEnv(), enrolment.courseId),
    },
  });
}

/** To the person: the course is full and you are on its waiting list, at this place. */
export async function noticeWaiting(trx: Trx, jobs: JobQueue, enrolmentId: number) {
  const enrolment = await loadEnrolment(trx, enrolmentId);
  if (enrolment?.status !== "waiting") return;
  const ahead = await trx
    .selectFrom("course_enrolments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("course_id", "=", enrolment.courseId)
    .where("status", "=", "waiting")
    .where("id", "<>", enrolment.id)
    .where("queued_at", "<=", enrolment.queuedAt)
    .executeTakeFirstOrThrow();
  await enqueueEmail(trx, jobs, {
    template: "course_waiting",
    to: enrolment.email,
    recipientId: enrolment.userId,
    language: enrolment.language,
    idempotencyKey: `course_waiting:${enrolment.id}`,
    payload: {
      name: enrolment.name,
      course: enrolment.course,
      position: Number(ahead.n) + 1,
      url: courseUrl(appUrlFromEnv(), enrolment.courseId),
    },
  });
}

/** To the person: a place freed up and you moved from the waiting list into the course. */
export async function noticePromotedFromWaitingList(trx: Trx, jobs: JobQueue, enrolmentId: number) {
  const enrolment = await loadEnrolment(trx, enrolmentId);
  if (enrolment?.status !== "enrolled") return;
  await enqueueEmail(trx, jobs, {
    template: "course_promoted",
    to: enrolment.email,
    recipientId: enrolment.userId,
    language: enrolment.language,
    idempotencyKey: `course_promoted:${enrolment.id}`,
    payload: {
      name: enrolment.name,
      course: enrolment.course,
      url: courseUrl(appUrlFromEnv(), enrolment.courseId),
    },
  });
}
