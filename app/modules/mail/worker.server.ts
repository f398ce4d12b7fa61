import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { JobWithMetadata } from "pg-boss";
import type { DB } from "../../../db/schema.ts";
import { isLanguage } from "~/utils/i18n.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { EMAIL_TEMPLATES, type EmailPayloads, type EmailTemplate } from "./messages.ts";
import {
  DEFAULT_EMAIL_RETRY,
  EMAIL_QUEUE,
  type EmailJob,
  type EmailRetryPolicy,
  createEmailQueue,
} from "./queue.server.ts";
import { renderEmail } from "./render.server.ts";
import type { MailTransport } from "./transport.server.ts";

// Delivers the outbox: one job per message. A message already 'sent' is skipped, so a job that
// runs twice (a retry after the send but before the update, or an administrator's retry) does not
// mail twice in the common case. Failures count in `attempts` and `last_error`; the last one
// allowed marks the message 'failed' for admin/mail.

export interface EmailWorkerOptions {
  db: Kysely<DB>;
  transport: MailTransport;
  from: string;
  retry?: EmailRetryPolicy;
  /** How often an idle worker looks for work, in seconds (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
}

export async function startEmailWorker(
  jobs: JobQueue,
  options: EmailWorkerOptions,
): Promise<string> {
  await createEmailQueue(jobs, options.retry ?? DEFAULT_EMAIL_RETRY);
  return jobs.work(
    EMAIL_QUEUE,
    {
      batchSize: 1,
      includeMetadata: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    },
    async (batch: JobWithMetadata<EmailJob>[]) => {
      for (const job of batch) await deliverEmailJob(options, job);
    },
  );
}

/** One attempt at one message. Throws when it did not go out, so pg-boss retries the job. */
export async function deliverEmailJob(
  options: Pick<EmailWorkerOptions, "db" | "transport" | "from">,
  job: Pick<JobWithMetadata<EmailJob>, "data" | "retryCount" | "retryLimit">,
): Promise<void> {
  const { db } = options;
  const message = await db
    .selectFrom("email_messages")
    .selectAll()
    .where("id", "=", job.data.messageId)
    .executeTakeFirst();
  // Gone (its recipient's data was erased) or already delivered: nothing left to do.
  if (!message || message.status === "sent") return;

  try {
    if (!isTemplate(message.template)) throw new Error(`Unknown template ${message.template}`);
    const language = isLanguage(message.language) ? message.language : "nl";
    const rendered = await renderEmail(
      message.template,
      language,
      message.payload as unknown as EmailPayloads[EmailTemplate],
      { from: options.from, to: message.to_address },
    );
    await options.transport.send({ from: options.from, to: message.to_address, ...rendered });
  } catch (error) {
    const lastAttempt = job.retryCount >= job.retryLimit;
    const text = error instanceof Error ? error.message : String(error);
    await db
      .updateTable("email_messages")
      .set((eb) => ({
        attempts: eb("attempts", "+", 1),
        last_error: text.slice(0, 2000),
        status: lastAttempt ? "failed" : "queued",
      }))
      .where("id", "=", message.id)
      .execute()
      .catch((updateError: Error) =>
        console.error(`[mail] could not record failure of ${message.id}:`, updateError.message),
      );
    console.error(
      `[mail] message ${message.id} (${message.template}) attempt ${job.retryCount + 1}` +
        ` of ${job.retryLimit + 1} failed: ${text}`,
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
    }))
    .where("id", "=", message.id)
    .execute();
}

function isTemplate(value: string): value is EmailTemplate {
  return (EMAIL_TEMPLATES as readonly string[]).includes(value);
}
