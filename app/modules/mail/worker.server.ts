import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { JobResult, JobWithMetadata } from "pg-boss";
import type { DB, EmailMessage } from "../../../db/schema.ts";
import { isLanguage } from "~/utils/i18n.ts";
import { logger, withoutAddresses } from "~/utils/log.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { EMAIL_TEMPLATES, type EmailPayloads, type EmailTemplate } from "./messages.ts";
import {
  EMAIL_EXPIRE_SECONDS,
  EMAIL_QUEUE,
  type EmailJob,
  type EmailQueue,
  type EmailRetryPolicy,
  URGENT_EMAIL_QUEUE,
  createEmailQueues,
} from "./queue.server.ts";
import { renderEmail } from "./render.server.ts";
import type { MailTransport } from "./transport.server.ts";

// Delivers the outbox: one job per message, taken from the queue in batches and handed to the
// (pooled) transport a few at a time. Before a message goes to the relay the worker claims its row
// ('sending', held until `sending_until`): a second job for the same message, such as the retry
// pg-boss makes when the first one outlives its expiry, leaves it alone while the claim holds, and
// takes it over once the claim has lapsed (the worker that held it crashed). A message already
// 'sent' is skipped. Failures count in `attempts` and `last_error`; the last one allowed marks the
// message 'failed' for admin/mail.

const log = logger.child({ component: "mail" });

export interface EmailWorkerOptions {
  db: Kysely<DB>;
  transport: MailTransport;
  from: string;
  retry?: EmailRetryPolicy;
  /** How long a mail job may stay active before pg-boss retries it (and how long a claim holds). */
  expireInSeconds?: number;
  /**
   * How often an idle worker looks for work it was not woken for (retries, expired jobs, or any job
   * when LISTEN/NOTIFY is unavailable), in seconds; pg-boss's minimum is 0.5.
   */
  pollingIntervalSeconds?: number;
}

/**
 * Jobs per fetch, and messages handed to the transport at once, per queue. Bulk mail holds at most
 * 4 of the pool's 5 connections (SMTP_MAX_CONNECTIONS), so a sign-in link never waits for one
 * behind it. A batch of 50 takes about a second on a healthy relay (rendering is most of it), far
 * within the jobs' expiry.
 */
export const EMAIL_WORKERS: Record<EmailQueue, { batchSize: number; concurrency: number }> = {
  [URGENT_EMAIL_QUEUE]: { batchSize: 10, concurrency: 2 },
  [EMAIL_QUEUE]: { batchSize: 50, concurrency: 4 },
};

export async function startEmailWorker(jobs: JobQueue, options: EmailWorkerOptions) {
  await createEmailQueues(jobs, { retry: options.retry, expireInSeconds: options.expireInSeconds });
  for (const [queue, { batchSize, concurrency }] of Object.entries(EMAIL_WORKERS)) {
    await jobs.work(
      queue,
      {
        batchSize,
        includeMetadata: true,
        // Each message settles on its own: one refused address does not retry its whole batch.
        perJobResults: true,
        // While a fetch comes back full there is a backlog: fetch again at once.
        burstWhenBatchFull: true,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
        // New jobs wake the worker (queue `notify`); this poll only finds retries.
        notifyPollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      },
      (batch: JobWithMetadata<EmailJob>[]) => deliverBatch(options, batch, concurrency),
    );
  }
}

async function deliverBatch(
  options: EmailWorkerOptions,
  batch: JobWithMetadata<EmailJob>[],
  concurrency: number,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  let next = 0;
  const lane = async () => {
    while (next < batch.length) {
      const job = batch[next++]!;
      try {
        await deliverEmailJob(options, job);
        results.push({ id: job.id, status: "completed" });
      } catch (error) {
        results.push({ id: job.id, status: "failed", output: { message: messageOf(error) } });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
  return results;
}

type DeliverableJob = Pick<JobWithMetadata<EmailJob>, "data" | "retryCount" | "retryLimit"> &
  Partial<Pick<JobWithMetadata<EmailJob>, "expireInSeconds" | "signal">>;

/** One attempt at one message. Throws when it did not go out, so pg-boss retries the job. */
export async function deliverEmailJob(
  options: Pick<EmailWorkerOptions, "db" | "transport" | "from">,
  job: DeliverableJob,
): Promise<void> {
  const { db } = options;
  // pg-boss gave up on this batch (its expiry passed): the job is retried, do not start it here.
  if (job.signal?.aborted) throw new Error("The job expired before this message was sent");
  const leaseSeconds = job.expireInSeconds ?? EMAIL_EXPIRE_SECONDS;
  const message = await claimEmailMessage(db, job.data.messageId, leaseSeconds);
  if (message === "done") return;
  if (message === "held") {
    // Another worker is handing it over right now; this attempt comes back after the retry delay
    // and finds it sent, or takes it over if that worker died.
    throw new Error(`Message ${job.data.messageId} is being sent by another worker`);
  }

  try {
    if (!isTemplate(message.template)) throw new Error(`Unknown template ${message.template}`);
    const language = isLanguage(message.language) ? message.language : "nl";
    const rendered = await renderEmail(
      message.template,
      language,
      message.payload as unknown as EmailPayloads[EmailTemplate],
      { from: options.from, to: message.to_address },
    );
    await options.transport.send({
      from: options.from,
      to: message.to_address,
      messageId: messageIdOf(message, options.from),
      ...rendered,
    });
  } catch (error) {
    const lastAttempt = job.retryCount >= job.retryLimit;
    const text = messageOf(error);
    await db
      .updateTable("email_messages")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        last_error: text.slice(0, 2000),
        status: lastAttempt ? "failed" : "queued",
        sending_until: null,
      }))
      .where("id", "=", message.id)
      .where("status", "=", "sending")
      .execute()
      .catch((updateError: Error) =>
        log.error(
          { messageId: message.id, err: updateError },
          "could not record a failed delivery",
        ),
      );
    // A relay's refusal names the recipient: the log gets the reason without the address.
    log.warn(
      {
        messageId: message.id,
        template: message.template,
        attempt: job.retryCount + 1,
        attempts: job.retryLimit + 1,
      },
      `delivery failed: ${withoutAddresses(text)}`,
    );
    throw error;
  }

  await db
    .updateTable("email_messages")
    .set((eb) => ({
      status: "sent",
      sent_at: sql<Date>`now()`,
      attempts: eb("attempts", "+", 1),
      last_error: null,
      sending_until: null,
    }))
    .where("id", "=", message.id)
    .execute();
}

/**
 * Takes a message for sending: a 'queued' one, or a 'sending' one whose claim has lapsed. The claim
 * holds for `leaseSeconds` from now, in the database's clock. Returns the row, "done" when there is
 * nothing to send (gone with its recipient's data, sent, or failed for good), or "held" when
 * another worker's claim still holds.
 */
export async function claimEmailMessage(
  db: Kysely<DB>,
  messageId: number,
  leaseSeconds: number,
): Promise<EmailMessage | "done" | "held"> {
  const claimed = await db
    .updateTable("email_messages")
    .set({
      status: "sending",
      sending_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where("id", "=", messageId)
    .where((eb) =>
      eb.or([
        eb("status", "=", "queued"),
        eb.and([eb("status", "=", "sending"), eb("sending_until", "<", sql<Date>`now()`)]),
      ]),
    )
    .returningAll()
    .executeTakeFirst();
  if (claimed) return claimed;
  const current = await db
    .selectFrom("email_messages")
    .select("status")
    .where("id", "=", messageId)
    .executeTakeFirst();
  return current?.status === "sending" ? "held" : "done";
}

/**
 * One id per outbox row, under the sender's domain. The row's creation time keeps two databases
 * (production, a training copy) from ever giving two different messages the same id.
 */
function messageIdOf(message: EmailMessage, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "digihelpers.invalid";
  return `<${message.id}.${message.created_at.getTime()}@${domain}>`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isTemplate(value: string): value is EmailTemplate {
  return (EMAIL_TEMPLATES as readonly string[]).includes(value);
}
