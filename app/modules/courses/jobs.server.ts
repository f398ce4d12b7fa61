import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import type { CourseSessionSnapshot } from "~/modules/mail/messages.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { loadCourseSnapshot } from "./calendar.server.ts";

// Two scheduled jobs about course sessions to come: a reminder to the people enrolled, and the
// roster to the trainers. Like the shift jobs they may run late, twice, or on two machines at
// once: each email's idempotency key (one per person and session) makes a second run a no-op.
// Both go through the bulk mail queue: nobody is waiting on the screen for them.

const REMINDER_QUEUE = "course-reminders";
const ROSTER_QUEUE = "course-trainer-rosters";
const HOUR = 60 * 60 * 1000;
/** Reminders and rosters go out this long before a session starts. */
export const COURSE_REMINDER_LEAD_HOURS = 24;

/** Scheduled sessions of published courses that start within the next day. */
async function sessionsSoon(db: Database, now: Date) {
  const until = new Date(now.getTime() + COURSE_REMINDER_LEAD_HOURS * HOUR);
  return db
    .selectFrom("course_sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .select(["s.id as sessionId", "s.course_id as courseId"])
    .where("s.status", "=", "scheduled")
    .where("c.status", "=", "published")
    .where("s.starts_at", ">", now)
    .where("s.starts_at", "<=", until)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
}

/** The course and the one session, as the emails tell about them, read in the job's transaction. */
async function sessionFacts(db: Database, courseId: number, sessionId: number) {
  const course = await loadCourseSnapshot(db, courseId);
  const session = course?.sessions.find((s) => s.sessionId === sessionId);
  return course && session ? { course, session: session as CourseSessionSnapshot } : null;
}

const coursePageUrl = (appUrl: string, courseId: number) => `${appUrl}/courses/${courseId}`;
const attendanceUrl = (appUrl: string, courseId: number, sessionId: number) =>
  `${appUrl}/courses/train/${courseId}?session=${sessionId}`;

/**
 * A reminder to each person enrolled (not on the waiting list) in a session that starts within
 * the next 24 hours, if they want reminders: at most once per person and session.
 */
export async function sendCourseReminders(db: Database, jobs: JobQueue, now = new Date()) {
  const appUrl = appUrlFromEnv();
  return db.transaction().execute(async (trx) => {
    let queued = 0;
    for (const { sessionId, courseId } of await sessionsSoon(trx, now)) {
      const facts = await sessionFacts(trx, courseId, sessionId);
      if (!facts) continue;
      const people = await trx
        .selectFrom("course_enrolments as e")
        .innerJoin("users as u", "u.id", "e.user_id")
        .select(["u.id", "u.name", "u.email", "u.language"])
        .where("e.course_id", "=", courseId)
        .where("e.status", "=", "enrolled")
        .where("u.status", "=", "active")
        .where("u.notify_reminders", "=", true)
        .orderBy("u.id")
        .execute();
      for (const person of people) {
        const result = await enqueueEmail(trx, jobs, {
          template: "course_reminder",
          to: person.email,
          recipientId: person.id,
          language: person.language,
          idempotencyKey: `course_reminder:${sessionId}:${person.id}`,
          payload: {
            name: person.name,
            courseTitle: facts.course.title,
            organiserName: facts.course.organiserName,
            session: facts.session,
            url: coursePageUrl(appUrl, courseId),
          },
        });
        if (result.queued) queued++;
      }
    }
    return queued;
  });
}

/**
 * The roster of a session that starts within the next 24 hours, to each of the course's trainers
 * on the platform (outside trainers have no address here): at most once per trainer and session.
 * It is work, not a reminder, so it goes out whatever the trainer's reminder setting.
 */
export async function sendTrainerRosters(db: Database, jobs: JobQueue, now = new Date()) {
  const appUrl = appUrlFromEnv();
  return db.transaction().execute(async (trx) => {
    let queued = 0;
    for (const { sessionId, courseId } of await sessionsSoon(trx, now)) {
      const trainers = await trx
        .selectFrom("course_trainers as t")
        .innerJoin("users as u", "u.id", "t.user_id")
        .select(["u.id", "u.name", "u.email", "u.language"])
        .where("t.course_id", "=", courseId)
        .where("u.status", "=", "active")
        .orderBy("u.id")
        .execute();
      if (trainers.length === 0) continue;
      const facts = await sessionFacts(trx, courseId, sessionId);
      if (!facts) continue;
      const people = await trx
        .selectFrom("course_enrolments as e")
        .innerJoin("users as u", "u.id", "e.user_id")
        .select("u.name")
        .where("e.course_id", "=", courseId)
        .where("e.status", "=", "enrolled")
        .orderBy("u.name")
        .orderBy("u.id")
        .execute();
      for (const trainer of trainers) {
        const result = await enqueueEmail(trx, jobs, {
          template: "course_trainer_roster",
          to: trainer.email,
          recipientId: trainer.id,
          language: trainer.language,
          idempotencyKey: `course_trainer_roster:${sessionId}:${trainer.id}`,
          payload: {
            name: trainer.name,
            courseTitle: facts.course.title,
            session: facts.session,
            people: people.map((p) => p.name),
            url: attendanceUrl(appUrl, courseId, sessionId),
          },
        });
        if (result.queued) queued++;
      }
    }
    return queued;
  });
}

/** Registers both jobs on the queue, every 15 minutes (a few minutes apart). */
export async function startCourseJobs(jobs: JobQueue, db: Database) {
  await jobs.createQueue(REMINDER_QUEUE);
  await jobs.schedule(REMINDER_QUEUE, "*/15 * * * *");
  await jobs.work(REMINDER_QUEUE, async () => {
    await sendCourseReminders(db, jobs);
  });
  await jobs.createQueue(ROSTER_QUEUE);
  await jobs.schedule(ROSTER_QUEUE, "5-59/15 * * * *");
  await jobs.work(ROSTER_QUEUE, async () => {
    await sendTrainerRosters(db, jobs);
  });
}
