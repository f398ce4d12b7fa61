import type { ParsedMail } from "mailparser";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createDigipunt,
  createEvent,
  createEventInvitation,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { type TestSmtpServer, eventually, freePort, startSmtpServer } from "../support/smtp.ts";

// Mail faults on the real server, its job queue and a real smtp-server on loopback:
// - the relay is down: a claim, a course enrolment and an event answer still succeed, and their
//   mails go out exactly once when the relay comes back on the same port;
// - the server (its mail worker) is killed with SIGKILL in the middle of sending many messages:
//   after a restart every message is sent, and the relay received duplicates only of messages that
//   were in flight when it died.

const MANY = 150;

describe.skipIf(!process.env.TEST_DATABASE_URL)("mail faults", () => {
  let database: TestDatabase;
  let smtpPort: number;
  let smtp: TestSmtpServer | null = null;
  let server: RunningServer;
  const received: ParsedMail[] = [];

  const env = () => ({ DATABASE_URL: database.url!, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  const recipientOf = (mail: ParsedMail) =>
    (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address?.toLowerCase();

  beforeAll(async () => {
    database = await createTestDatabase();
    smtpPort = await freePort();
    // The relay is down when the server starts.
    server = await startServer(env());
  });

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await smtp?.close();
    await database?.destroy();
  });

  it("with the relay down, claims, enrolments and answers succeed, and their mail goes out once it is back", async () => {
    const db = database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, { regionId: region.id });
    const digibank = await createDigibank(db, { regionId: region.id });
    const digipunt = await createDigipunt(db, {
      digibankId: digibank.id,
      municipalityId: municipality.id,
    });
    const volunteer = await createUser(db, { email: "ria@volunteers.example" });
    const waiting = await createUser(db, { email: "wout@volunteers.example" });
    for (const user of [volunteer, waiting])
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: digibank.id });
    const shift = await createShift(db, {
      digipuntId: digipunt.id,
      startsAt: new Date(Date.now() + 5 * 24 * 60 * 60 * 1000),
    });
    const course = await createCourse(db, { regionId: region.id });
    // One place, taken by the volunteer; Wout waits for it. Her "no" moves him up, with a mail.
    const event = await createEvent(db, { regionId: region.id, capacity: 1, maxPlusOnes: 0 });
    await createEventInvitation(db, { eventId: event.id, userId: volunteer.id, response: "yes" });
    const wout = await createEventInvitation(db, {
      eventId: event.id,
      userId: waiting.id,
      response: "waiting",
    });

    const client = new HttpClient(server.url);
    client.setCookie(await startSession(db, new Request("http://127.0.0.1/"), volunteer.id));
    const actions = [
      [`/shifts/${shift.id}`, { intent: "claim" }],
      [`/courses/${course.id}`, { intent: "enrol" }],
      [`/events/${event.id}`, { response: "no" }],
    ] as const;
    for (const [path, fields] of actions) {
      const answer = await client.post(path, fields);
      expect(answer.status, path).toBe(302);
      expect(outcomeOf(answer)?.tone, path).toBe("success");
    }
    const claim = await db
      .selectFrom("shift_claims")
      .select("status")
      .where("shift_id", "=", shift.id)
      .where("user_id", "=", volunteer.id)
      .executeTakeFirst();
    expect(claim?.status).toBe("confirmed");
    const enrolment = await db
      .selectFrom("course_enrolments")
      .select("status")
      .where("course_id", "=", course.id)
      .where("user_id", "=", volunteer.id)
      .executeTakeFirst();
    expect(enrolment?.status).toBe("enrolled");
    const moved = await db
      .selectFrom("event_invitations")
      .select("response")
      .where("id", "=", wout.id)
      .executeTakeFirstOrThrow();
    expect(moved.response).toBe("yes");

    // Three mails, each tried at least once against the closed port and waiting for a retry.
    const rows = () =>
      db
        .selectFrom("email_messages")
        .select(["id", "to_address", "template", "status", "attempts"])
        .execute();
    const failing = await eventually("three mails tried and failed", async () => {
      const current = await rows();
      return current.length === 3 && current.every((r) => r.attempts >= 1) && current;
    });
    expect(failing.map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
    expect(failing.map((r) => r.template).sort()).toEqual([
      "course_enrolled",
      "event_promoted",
      "shift_confirmed",
    ]);

    smtp = await startSmtpServer({ port: smtpPort, messages: received });
    await eventually(
      "the three mails sent",
      async () => (await rows()).every((r) => r.status === "sent"),
      { tries: 120, everyMs: 500 },
    );
    // Anything sent twice would arrive now: wait a little past the last one.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(received.map(recipientOf).sort()).toEqual([
      "ria@volunteers.example",
      "ria@volunteers.example",
      "wout@volunteers.example",
    ]);
  });

  it("after a worker killed with SIGKILL mid-send, a restart sends every message, duplicating at most those in flight", async () => {
    await smtp!.close();
    received.length = 0;
    // A relay that takes a moment per message, so that the kill lands in the middle of the run.
    smtp = await startSmtpServer({ port: smtpPort, messages: received, delayMs: 20 });

    // Queued with a 10 s expiry (the app's is 60 s), so that the killed worker's jobs are retried
    // within this test's patience rather than after a minute.
    const jobs = await startTestJobQueue(database, { expireInSeconds: 10 });
    const ids: number[] = [];
    try {
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < MANY; i++) {
          const { messageId } = await enqueueEmail(trx, jobs, {
            template: "sign_in_link",
            to: `many-${i}@volunteers.example`,
            language: "nl",
            idempotencyKey: `kill-test-${i}`,
            payload: { name: "Ria", url: `http://localhost:3000/login/link/k${i}` },
          });
          ids.push(messageId);
        }
      });
    } finally {
      await stopJobQueue(jobs);
    }

    // Killed in the middle of a batch (the urgent queue takes 10 jobs at a time): not right after
    // one completed, when nothing would be in flight.
    await eventually("a part of the run delivered", async () => received.length >= 35, {
      tries: 600,
      everyMs: 20,
    });
    expect(await server.stop("SIGKILL")).toBeNull();
    // What the dead worker held: its active jobs (each message it may have been handing over).
    const inFlight = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job
      where name like 'send-email%' and state = 'active'`.execute(database.db);
    const heldAtKill = inFlight.rows[0]!.n;
    const receivedAtKill = received.length;
    expect(receivedAtKill).toBeLessThan(MANY);
    expect(heldAtKill).toBeGreaterThan(0);

    server = await startServer(env());
    await eventually(
      "every message sent",
      async () => {
        const sent = await database.db
          .selectFrom("email_messages")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("id", "in", ids)
          .where("status", "=", "sent")
          .executeTakeFirstOrThrow();
        return Number(sent.n) === MANY;
      },
      { tries: 240, everyMs: 500 },
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const byRecipient = new Map<string, number>();
    for (const mail of received) {
      const to = recipientOf(mail)!;
      byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
    }
    expect(byRecipient.size).toBe(MANY);
    const duplicates = received.length - MANY;
    expect(duplicates).toBeLessThanOrEqual(heldAtKill);
    console.info(
      `SIGKILL after ${receivedAtKill} of ${MANY} delivered, ${heldAtKill} jobs in flight; ` +
        `after the restart ${received.length} received, ${duplicates} duplicates`,
    );
  });
});
