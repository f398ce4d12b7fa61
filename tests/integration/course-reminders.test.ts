import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmailPayloads } from "~/modules/mail/messages.ts";
import { sendCourseReminders, sendTrainerRosters } from "~/modules/courses/jobs.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createEnrolment,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The day-before reminder and the trainer's roster write to the outbox; no worker runs, so the
// rows can be counted. The clock is injected: NOW is a fixed instant, far from the real one.

let database: TestDatabase;
let jobs: JobQueue;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date("2027-03-01T09:00:00Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
let regionId: number;
let digibankId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  regionId = (await createRegion(database.db)).id;
  digibankId = (await createDigibank(database.db, { regionId })).id;
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

async function person(values: { name?: string; language?: "nl" | "fr" | "en" } = {}) {
  const user = await createUser(database.db, values);
  await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
  return user;
}

function messages(where: { template: string; prefix?: string }) {
  let query = database.db
    .selectFrom("email_messages")
    .selectAll()
    .where("template", "=", where.template)
    .orderBy("id");
  if (where.prefix) query = query.where("idempotency_key", "like", `${where.prefix}%`);
  return query.execute();
}

/** A course with sessions at these hours after NOW, enrolment closed a week before NOW. */
function course(hours: number[], values: { trainerUserIds?: number[]; capacity?: number } = {}) {
  return createCourse(database.db, {
    regionId,
    digibankId,
    title: "Vorming Tax-on-web",
    sessions: hours.map(at),
    enrolOpensAt: new Date(NOW.getTime() - 30 * DAY),
    enrolClosesAt: new Date(NOW.getTime() - 7 * DAY),
    ...values,
  });
}

describe("the reminder the day before a session", () => {
  it("goes once per person and session, to the enrolled who want reminders, in their language", async () => {
    const anna = await person({ language: "fr", name: "Anna" });
    const bert = await person();
    const waiting = await person();
    await database.db
      .updateTable("users")
      .set({ notify_reminders: false })
      .where("id", "=", bert.id)
      .execute();
    const c = await course([10, 7 * 24 + 10], { capacity: 2 });
    await createEnrolment(database.db, { courseId: c.id, userId: anna.id });
    await createEnrolment(database.db, { courseId: c.id, userId: bert.id });
    await createEnrolment(database.db, { courseId: c.id, userId: waiting.id, status: "waiting" });
    const [first, second] = c.sessions;

    expect(await sendCourseReminders(database.db, jobs, NOW)).toBe(1);
    // Again a quarter later, and by two workers at once.
    await Promise.all([
      sendCourseReminders(database.db, jobs, at(0.25)),
      sendCourseReminders(database.db, jobs, at(0.25)),
    ]);
    const sent = await messages({ template: "course_reminder" });
    expect(sent.map((m) => [m.recipient_id, m.idempotency_key, m.language])).toEqual([
      [anna.id, `course_reminder:${first!.id}:${anna.id}`, "fr"],
    ]);
    const payload = sent[0]!.payload as unknown as EmailPayloads["course_reminder"];
    expect(payload.courseTitle).toBe("Vorming Tax-on-web");
    expect(payload.session.sessionId).toBe(first!.id);
    expect(payload.url).toMatch(new RegExp(`/courses/${c.id}$`));

    // The day before the second session: its own reminder.
    await sendCourseReminders(database.db, jobs, at(7 * 24));
    const now = await messages({ template: "course_reminder" });
    expect(now.map((m) => m.idempotency_key)).toEqual([
      `course_reminder:${first!.id}:${anna.id}`,
      `course_reminder:${second!.id}:${anna.id}`,
    ]);
  });

  it("is not sent for a cancelled session, nor for a cancelled course", async () => {
    const an = await person();
    const c = await course([30]);
    await createEnrolment(database.db, { courseId: c.id, userId: an.id });
    await database.db
      .updateTable("course_sessions")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", c.sessions[0]!.id)
      .execute();
    const gone = await course([31], { trainerUserIds: [an.id] });
    await createEnrolment(database.db, { courseId: gone.id, userId: an.id });
    await database.db
      .updateTable("courses")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", gone.id)
      .execute();
    await sendCourseReminders(database.db, jobs, at(20));
    await sendTrainerRosters(database.db, jobs, at(20));
    for (const template of ["course_reminder", "course_trainer_roster"])
      expect((await messages({ template })).filter((m) => m.recipient_id === an.id)).toHaveLength(
        0,
      );
  });
});

describe("the trainer's roster the day before a session", () => {
  it("goes once per trainer and session, names who is enrolled (not the waiting list), whatever the reminder setting", async () => {
    const trainer = await person({ name: "Trainer Tine" });
    await database.db
      .updateTable("users")
      .set({ notify_reminders: false })
      .where("id", "=", trainer.id)
      .execute();
    const zoe = await person({ name: "Zoë Willems" });
    const bram = await person({ name: "Bram Aerts" });
    const waiting = await person({ name: "Wachtende Wim" });
    const c = await course([60], { trainerUserIds: [trainer.id], capacity: 2 });
    await database.db
      .insertInto("course_trainers")
      .values({ course_id: c.id, outside_name: "Externe Eva" })
      .execute();
    for (const who of [zoe, bram])
      await createEnrolment(database.db, { courseId: c.id, userId: who.id });
    await createEnrolment(database.db, { courseId: c.id, userId: waiting.id, status: "waiting" });

    // Two days ahead: not yet.
    await sendTrainerRosters(database.db, jobs, NOW);
    expect(
      await messages({
        template: "course_trainer_roster",
        prefix: `course_trainer_roster:${c.sessions[0]!.id}:`,
      }),
    ).toHaveLength(0);

    await sendTrainerRosters(database.db, jobs, at(40));
    await Promise.all([
      sendTrainerRosters(database.db, jobs, at(41)),
      sendTrainerRosters(database.db, jobs, at(41)),
    ]);
    const sent = await messages({
      template: "course_trainer_roster",
      prefix: `course_trainer_roster:${c.sessions[0]!.id}:`,
    });
    expect(sent.map((m) => m.recipient_id)).toEqual([trainer.id]);
    const payload = sent[0]!.payload as unknown as EmailPayloads["course_trainer_roster"];
    expect(payload.people).toEqual(["Bram Aerts", "Zoë Willems"]);
    expect(payload.url).toMatch(
      new RegExp(`/courses/train/${c.id}\\?session=${c.sessions[0]!.id}$`),
    );
    // The trainer is no participant: no reminder for them.
    expect(
      (await messages({ template: "course_reminder" })).filter(
        (m) => m.recipient_id === trainer.id,
      ),
    ).toHaveLength(0);
  });
});
