import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, getEmailMessage } from "~/modules/mail/outbox.server.ts";
import {
  EMAIL_EXPIRE_SECONDS,
  EMAIL_QUEUE,
  EMAIL_QUEUES,
  URGENT_EMAIL_QUEUE,
} from "~/modules/mail/queue.server.ts";
import { SMTP_MAX_CONNECTIONS, createMailTransport } from "~/modules/mail/transport.server.ts";
import { startEmailWorker } from "~/modules/mail/worker.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { type TestSmtpServer, eventually, startSmtpServer } from "../support/smtp.ts";

// The mail pipeline under load: batches over pooled SMTP connections, a queue of its own for mail
// someone is waiting for, jobs that expire in a minute. The worker here polls only every 10
// minutes, so everything it sends it was woken for by the commit of the message's transaction.

let database: TestDatabase;
let jobs: JobQueue;
let smtp: TestSmtpServer;
const received: ParsedMail[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  smtp = await startSmtpServer({ messages: received });
  await startEmailWorker(jobs, {
    db: database.db,
    transport: createMailTransport({ smtpUrl: smtp.url }),
    from: "Digihelpers <noreply@digihelpers.test>",
    pollingIntervalSeconds: 600,
  });
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await smtp?.close();
  await database?.destroy();
});

const addressOf = (mail: ParsedMail) =>
  mail.to !== undefined && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;

function bulk(prefix: string, i: number) {
  return {
    template: "join_declined" as const,
    to: `${prefix}-${i}@example.test`,
    language: "nl" as const,
    idempotencyKey: `${prefix}-${i}`,
    payload: { name: `Lid ${i}`, digibankName: "Digibank Brugge" },
  };
}

/** Queues `count` bulk messages in one transaction, as a coordinator's mailing to everyone does. */
async function queueBulk(prefix: string, count: number) {
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) await enqueueEmail(trx, jobs, bulk(prefix, i));
  });
}

const receivedFrom = (prefix: string) =>
  received.filter((mail) => addressOf(mail)?.startsWith(`${prefix}-`));

describe("mail that keeps up", () => {
  it("wakes the worker when the message's transaction commits", async () => {
    const { messageId } = await enqueueEmail(database.db, jobs, {
      template: "sign_in_link",
      to: "wake@example.test",
      language: "nl",
      idempotencyKey: "wake-1",
      payload: { name: "Wout", url: "http://localhost:3000/login/link/wake" },
    });
    await eventually("the sign-in link", async () =>
      received.find((mail) => addressOf(mail) === "wake@example.test"),
    );
    expect((await getEmailMessage(database.db, messageId))?.status).toBe("sent");
  });

  it("hands a batch of messages to the relay over a few pooled connections", async () => {
    const before = smtp.connections();
    await queueBulk("pooled", 40);
    await eventually("40 messages", async () => receivedFrom("pooled").length === 40);
    const opened = smtp.connections() - before;
    // One connection per message before; now at most the pool's size for the whole batch.
    expect(opened).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
    expect(opened).toBeLessThan(40);
    // The relay has them; the rows are marked once it has answered.
    await eventually("every row marked sent", async () => {
      const unsent = await database.db
        .selectFrom("email_messages")
        .select("id")
        .where("idempotency_key", "like", "pooled-%")
        .where("status", "!=", "sent")
        .execute();
      return unsent.length === 0;
    });
  });

  it("delivers a sign-in link queued after a bulk mailing before the mailing is done", async () => {
    const count = 200;
    await queueBulk("mailing", count);
    const { messageId } = await enqueueEmail(database.db, jobs, {
      template: "sign_in_link",
      to: "waiting@example.test",
      language: "nl",
      idempotencyKey: "waiting-1",
      payload: { name: "Wim", url: "http://localhost:3000/login/link/waiting" },
    });
    await eventually("the whole mailing", async () => receivedFrom("mailing").length === count);

    const order = received
      .map(addressOf)
      .filter((address) => address === "waiting@example.test" || address?.startsWith("mailing-"));
    const position = order.indexOf("waiting@example.test");
    expect(position).toBeGreaterThanOrEqual(0);
    // Queued after all 200 and sent while most of them were still waiting.
    expect(count - position).toBeGreaterThan(count / 2);
    expect(order.filter((address) => address === "waiting@example.test")).toHaveLength(1);
    await eventually("its job completed", async () => {
      const [job] = await jobs.findJobs(URGENT_EMAIL_QUEUE, { data: { messageId } });
      return job?.state === "completed";
    });
  });

  it("gives both mail queues, and each mail job, an expiry that fits a send", async () => {
    for (const name of EMAIL_QUEUES) {
      const queue = await jobs.getQueue(name);
      expect(queue?.expireInSeconds).toBe(EMAIL_EXPIRE_SECONDS);
    }
    expect(EMAIL_EXPIRE_SECONDS).toBeLessThanOrEqual(60);
    const { messageId } = await database.db
      .selectFrom("email_messages")
      .select("id as messageId")
      .where("idempotency_key", "=", "mailing-0")
      .executeTakeFirstOrThrow();
    const [job] = await jobs.findJobs(EMAIL_QUEUE, { data: { messageId } });
    expect(job?.expireInSeconds).toBe(EMAIL_EXPIRE_SECONDS);
  });
});
