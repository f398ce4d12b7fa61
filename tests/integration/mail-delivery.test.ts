import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, getEmailMessage, retryEmail } from "~/modules/mail/outbox.server.ts";
import { URGENT_EMAIL_QUEUE } from "~/modules/mail/queue.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import { deliverEmailJob, startEmailWorker } from "~/modules/mail/worker.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { type TestSmtpServer, eventually, freePort, startSmtpServer } from "../support/smtp.ts";

// The whole path: enqueueEmail → pg-boss → worker → nodemailer → a real SMTP server → mailparser.

const RETRY_LIMIT = 5;
let database: TestDatabase;
let jobs: JobQueue;
let smtp: TestSmtpServer | null = null;
let smtpPort: number;
const received: ParsedMail[] = [];
const refused = new Set<string>();

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  smtpPort = await freePort();
  smtp = await startSmtpServer({ port: smtpPort, messages: received, refused });
  await startEmailWorker(jobs, {
    db: database.db,
    transport: createMailTransport({ smtpUrl: `smtp://127.0.0.1:${smtpPort}` }),
    from: "Digihelpers <noreply@digihelpers.test>",
    retry: { retryLimit: RETRY_LIMIT, retryDelay: 1, retryBackoff: false },
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await smtp?.close();
  await database?.destroy();
});

const to = (address: string) => (mail: ParsedMail) =>
  mail.to !== undefined && !Array.isArray(mail.to) && mail.to.value[0]?.address === address;

const messageRow = (id: number) => getEmailMessage(database.db, id);

describe("email delivery over SMTP", () => {
  it("delivers sign-in, password-reset and invitation mails in the recipient's language", async () => {
    const user = await createUser(database.db, { email: "fien@example.test", language: "fr" });
    const sends = [
      {
        template: "sign_in_link" as const,
        to: "jan@example.test",
        language: "nl" as const,
        payload: { name: "Jan", url: "http://localhost:3000/aanmelden/tok-nl" },
        subject: "Je link om aan te melden bij Digihelpers",
        phrases: ["Dag Jan,", "De link werkt 30 minuten en maar één keer."],
      },
      {
        template: "password_reset" as const,
        to: "fien@example.test",
        recipientId: user.id,
        language: "fr" as const,
        payload: { name: "Fien", url: "http://localhost:3000/reset/tok-fr" },
        subject: "Choisissez un nouveau mot de passe pour Digihelpers",
        phrases: ["Bonjour Fien,", "Choisir un nouveau mot de passe"],
      },
      {
        template: "invitation" as const,
        to: "sam@example.test",
        language: "en" as const,
        payload: {
          name: "Sam",
          url: "http://localhost:3000/invitation/tok-en",
          inviterName: "Lotte",
          scopeName: "Digibank Gent",
          role: "digihelper",
        },
        subject: "Lotte invites you to Digihelpers",
        phrases: ["Hello Sam,", "Lotte invites you to join Digibank Gent as digihelper."],
      },
    ];
    const ids: number[] = [];
    for (const { subject: _s, phrases: _p, ...send } of sends) {
      const result = await enqueueEmail(database.db, jobs, {
        ...send,
        idempotencyKey: `language-${send.template}`,
      });
      ids.push(result.messageId);
    }

    for (const [i, send] of sends.entries()) {
      const mail = await eventually(`mail to ${send.to}`, async () => received.find(to(send.to)));
      expect(mail.subject).toBe(send.subject);
      expect(mail.from?.text).toBe('"Digihelpers" <noreply@digihelpers.test>');
      expect(mail.text).toContain(send.payload.url);
      for (const phrase of send.phrases) expect(mail.text).toContain(phrase);
      expect(mail.html).toContain(`lang="${send.language}"`);
      const row = await eventually("the row marked sent", async () => {
        const current = await messageRow(ids[i]!);
        return current?.status === "sent" && current;
      });
      expect(row.attempts).toBe(1);
      expect(row.sent_at).toBeInstanceOf(Date);
    }
  });

  it("retries while the SMTP server is down and delivers exactly once when it is back", async () => {
    await smtp!.close();
    smtp = null;
    const { messageId } = await enqueueEmail(database.db, jobs, {
      template: "sign_in_link",
      to: "down@example.test",
      language: "nl",
      idempotencyKey: "smtp-down-1",
      payload: { name: "Lien", url: "http://localhost:3000/aanmelden/tok-down" },
    });

    // Failed at least twice: the first attempt and one retry.
    const failing = await eventually("two failed attempts", async () => {
      const row = await messageRow(messageId);
      return row && row.attempts >= 2 && row;
    });
    expect(failing.status).toBe("queued");
    expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);

    smtp = await startSmtpServer({ port: smtpPort, messages: received, refused });
    const sent = await eventually("the row marked sent", async () => {
      const row = await messageRow(messageId);
      return row?.status === "sent" && row;
    });
    expect(sent.last_error).toBeNull();
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    const [job] = await jobs.findJobs(URGENT_EMAIL_QUEUE, { data: { messageId } });
    expect(job?.state).toBe("completed");
    expect(received.filter(to("down@example.test"))).toHaveLength(1);
    expect(received.find(to("down@example.test"))?.text).toContain(
      "http://localhost:3000/aanmelden/tok-down",
    );
  });

  it("marks a message failed when its retries run out, and sends it on an administrator's retry", async () => {
    refused.add("gone@example.test");
    const { messageId } = await enqueueEmail(database.db, jobs, {
      template: "join_declined",
      to: "gone@example.test",
      language: "en",
      idempotencyKey: "refused-1",
      payload: { name: "Noor", digibankName: "Digibank Brugge" },
    });

    const failed = await eventually("the row marked failed", async () => {
      const row = await messageRow(messageId);
      return row?.status === "failed" && row;
    });
    expect(failed.attempts).toBe(RETRY_LIMIT + 1);
    expect(failed.last_error).toMatch(/550|Mailbox unavailable/);
    expect(received.filter(to("gone@example.test"))).toHaveLength(0);

    // The relay's problem is fixed; the administrator retries (twice, as a double click).
    refused.delete("gone@example.test");
    expect(await retryEmail(database.db, jobs, messageId)).toBe(true);
    expect(await retryEmail(database.db, jobs, messageId)).toBe(false);
    const sent = await eventually("the retried row marked sent", async () => {
      const row = await messageRow(messageId);
      return row?.status === "sent" && row;
    });
    expect(sent.attempts).toBe(RETRY_LIMIT + 2);
    const mails = received.filter(to("gone@example.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Your request to Digibank Brugge");
  });

  it("does not send a message again when its job runs after it was sent", async () => {
    const { messageId } = await enqueueEmail(database.db, jobs, {
      template: "email_change",
      to: "twice@example.test",
      language: "nl",
      idempotencyKey: "run-twice-1",
      payload: { name: "Mo", url: "http://localhost:3000/bevestig/tok" },
    });
    await eventually("the row marked sent", async () => {
      const row = await messageRow(messageId);
      return row?.status === "sent" && row;
    });
    // The same job once more, as when the process stopped after marking the row sent but before
    // pg-boss recorded the job as completed.
    const sent: string[] = [];
    const recording = {
      kind: "smtp" as const,
      send: async (email: { to: string }) => void sent.push(email.to),
      close: () => undefined,
    };
    await deliverEmailJob(
      { db: database.db, transport: recording, from: "x@digihelpers.test" },
      { data: { messageId }, retryCount: 0, retryLimit: RETRY_LIMIT },
    );
    expect(sent).toEqual([]);
    expect((await messageRow(messageId))?.attempts).toBe(1);
    expect(received.filter(to("twice@example.test"))).toHaveLength(1);
  });
});
