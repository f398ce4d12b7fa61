import { sql } from "kysely";
import type { ParsedMail } from "mailparser";
import type { JobWithMetadata } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enqueueEmail,
  getEmailMessage,
  listFailedEmails,
  retryEmail,
} from "~/modules/mail/outbox.server.ts";
import { type EmailJob, URGENT_EMAIL_QUEUE } from "~/modules/mail/queue.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import {
  claimEmailMessage,
  deliverEmailJob,
  startEmailWorker,
} from "~/modules/mail/worker.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { type TestSmtpServer, eventually, startSmtpServer } from "../support/smtp.ts";

// A worker that dies in the middle of a send. Its job stays active and its claim on the message
// stays 'sending'; both lapse after the expiry (one second here, a minute in the app), and the
// retried job sends the message, once.

const EXPIRE_SECONDS = 1;
const retry = { retryLimit: 3, retryDelay: 1, retryBackoff: false };
let database: TestDatabase;
let jobs: JobQueue;
let smtp: TestSmtpServer;
const received: ParsedMail[] = [];
const from = "Digihelpers <noreply@digihelpers.test>";

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database, {
    expireInSeconds: EXPIRE_SECONDS,
    retry,
    superviseIntervalSeconds: 1,
  });
  smtp = await startSmtpServer({ messages: received });
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await smtp?.close();
  await database?.destroy();
});

const to = (address: string) => (mail: ParsedMail) =>
  mail.to !== undefined && !Array.isArray(mail.to) && mail.to.value[0]?.address === address;

function signIn(key: string, address: string) {
  return enqueueEmail(database.db, jobs, {
    template: "sign_in_link",
    to: address,
    language: "nl",
    idempotencyKey: key,
    payload: { name: "Ria", url: `http://localhost:3000/login/link/${key}` },
  });
}

function recording() {
  const sent: string[] = [];
  return {
    sent,
    transport: {
      kind: "smtp" as const,
      send: async (email: { to: string }) => void sent.push(email.to),
      close: () => undefined,
    },
  };
}

describe("a send interrupted by a crash", () => {
  it("is not sent by a second job while the first one's claim holds, and is once it lapsed", async () => {
    const { messageId } = await signIn("held-1", "held@example.test");
    expect(await claimEmailMessage(database.db, messageId, 60)).toMatchObject({
      status: "sending",
    });
    const second = recording();
    const job = { data: { messageId }, retryCount: 1, retryLimit: 3, expireInSeconds: 60 };
    await expect(
      deliverEmailJob({ db: database.db, transport: second.transport, from }, job),
    ).rejects.toThrow(/being sent by another worker/);
    expect(second.sent).toEqual([]);
    expect((await getEmailMessage(database.db, messageId))?.attempts).toBe(0);

    // The first worker is gone: its claim runs out.
    await database.db
      .updateTable("email_messages")
      .set({ sending_until: new Date(Date.now() - 1000) })
      .where("id", "=", messageId)
      .execute();
    await deliverEmailJob({ db: database.db, transport: second.transport, from }, job);
    expect(second.sent).toEqual(["held@example.test"]);
    const row = await getEmailMessage(database.db, messageId);
    expect(row).toMatchObject({ status: "sent", attempts: 1, sending_until: null });
  });

  it("retries a job left active past its expiry and sends the message exactly once", async () => {
    const { messageId } = await signIn("crash-1", "crash@example.test");
    // The worker that crashed: it took the job (in a batch with the one of the test before) and
    // claimed the message, then nothing more.
    const batch = (await jobs.fetch<EmailJob>(URGENT_EMAIL_QUEUE, {
      includeMetadata: true,
      batchSize: 10,
    })) as JobWithMetadata<EmailJob>[];
    const taken = batch.find((job) => job.data.messageId === messageId);
    expect(taken?.expireInSeconds).toBe(EXPIRE_SECONDS);
    await claimEmailMessage(database.db, messageId, taken!.expireInSeconds);
    expect((await getEmailMessage(database.db, messageId))?.status).toBe("sending");

    // A worker of the restarted process.
    await startEmailWorker(jobs, {
      db: database.db,
      transport: createMailTransport({ smtpUrl: smtp.url }),
      from,
      retry,
      expireInSeconds: EXPIRE_SECONDS,
      pollingIntervalSeconds: 0.5,
    });
    const row = await eventually("the message sent", async () => {
      const current = await getEmailMessage(database.db, messageId);
      return current?.status === "sent" && current;
    });
    expect(row.attempts).toBe(1);
    // Completed by a later attempt than the one the crashed worker held. (On a busy machine an
    // attempt can itself outlive the one-second expiry; the next one then finds the message sent.)
    const job = await eventually("the job completed", async () => {
      const [current] = await jobs.findJobs(URGENT_EMAIL_QUEUE, { id: taken!.id });
      return current?.state === "completed" && current;
    });
    expect(job.retryCount).toBeGreaterThanOrEqual(1);

    const mails = received.filter(to("crash@example.test"));
    expect(mails).toHaveLength(1);
    // Derived from the row, so a second delivery (the crash came after the relay took it) would
    // carry the same id.
    expect(mails[0]!.messageId).toBe(`<${messageId}.${row.created_at.getTime()}@digihelpers.test>`);
  });

  it("lists a message a crash left 'sending' on its job's last attempt, and sends it on a retry", async () => {
    // What such a crash leaves: the row claimed, no job left to take the claim over.
    const crashed = (key: string, sendingUntil: Date) =>
      database.db
        .insertInto("email_messages")
        .values({
          idempotency_key: key,
          template: "sign_in_link",
          to_address: `${key}@example.test`,
          language: "nl",
          payload: sql<
            Record<string, unknown>
          >`${JSON.stringify({ name: "Ria", url: "http://localhost:3000/login/link/x" })}::jsonb`,
          status: "sending",
          sending_until: sendingUntil,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const recent = await crashed("recent", new Date(Date.now() - 60 * 1000));
    const stalled = await crashed("stalled", new Date(Date.now() - 2 * 60 * 60 * 1000));
    const listed = (await listFailedEmails(database.db)).map((row) => row.id);
    // A claim that lapsed a minute ago may still be taken over by a retry of its job.
    expect(listed).not.toContain(recent.id);
    expect(listed).toContain(stalled.id);

    expect(await retryEmail(database.db, jobs, recent.id)).toBe(false);
    expect(await retryEmail(database.db, jobs, stalled.id)).toBe(true);
    expect(await retryEmail(database.db, jobs, stalled.id)).toBe(false);
    await eventually("the message sent", async () => {
      const current = await getEmailMessage(database.db, stalled.id);
      return current?.status === "sent";
    });
    expect(received.filter(to("stalled@example.test"))).toHaveLength(1);
  });
});
