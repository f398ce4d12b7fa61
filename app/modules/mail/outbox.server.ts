import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Transaction,
  sql,
} from "kysely";
import { fromKysely } from "pg-boss";
import type { DB, EmailMessage } from "../../../db/schema.ts";
import type { Language } from "~/utils/i18n.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import type { EmailPayloads, EmailTemplate } from "./messages.ts";
import { type EmailJob, emailQueueFor } from "./queue.server.ts";

// The one way to send mail: a row in email_messages (the outbox) and a job that delivers it,
// written in the caller's transaction. A change that rolls back leaves neither; one that commits
// leaves both, and the worker (worker.server.ts) sends the message after the commit.

export interface EnqueueEmail<K extends EmailTemplate> {
  template: K;
  to: string;
  recipientId?: number | null;
  language: Language;
  /** The same key twice is the same message: a double submit or a retried request sends once. */
  idempotencyKey: string;
  payload: EmailPayloads[K];
}

export interface EnqueueResult {
  /** False when a message with this idempotency key already existed. */
  queued: boolean;
  messageId: number;
}

/**
 * An email's outbox row. The key may be an SQL expression, for a caller that writes the row in one
 * statement with the change it tells about (a claim: its key holds the claim's new id), and then
 * queues its job with queueEmailJob.
 */
export function outboxRow<K extends EmailTemplate>(
  email: Omit<EnqueueEmail<K>, "idempotencyKey">,
  idempotencyKey: string | Expression<string>,
) {
  return {
    idempotency_key: idempotencyKey,
    template: email.template,
    recipient_id: email.recipientId ?? null,
    to_address: email.to,
    language: email.language,
    // Serialised here: the pg and PGlite drivers turn a bare object into JSON differently.
    payload: sql<Record<string, unknown>>`${JSON.stringify(email.payload)}::jsonb`,
  };
}

export async function enqueueEmail<K extends EmailTemplate>(
  db: Kysely<DB> | Transaction<DB>,
  jobs: JobQueue,
  email: EnqueueEmail<K>,
): Promise<EnqueueResult> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => enqueueEmail(trx, jobs, email));
  }
  const trx = db as Transaction<DB>;
  const inserted = await trx
    .insertInto("email_messages")
    .values(outboxRow(email, email.idempotencyKey))
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();

  if (!inserted) {
    // Another request made this message first (it waited for that one's commit, on PostgreSQL).
    const existing = await trx
      .selectFrom("email_messages")
      .select("id")
      .where("idempotency_key", "=", email.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { queued: false, messageId: existing.id };
  }
  await queueEmailJob(trx, jobs, inserted.id, email.template);
  return { queued: true, messageId: inserted.id };
}

/**
 * Many messages at once, with enqueueEmail's semantics (a key seen before is the same message, not
 * queued again): one multi-row insert into the outbox and one pg-boss insert per queue, in the
 * caller's transaction. For bulk mail (a gathering's invitations), where a round trip per message
 * would be most of the time. Returns one result per email, in order.
 */
export async function enqueueEmails(
  trx: Transaction<DB>,
  jobs: JobQueue,
  emails: ReadonlyArray<EnqueueEmail<EmailTemplate>>,
): Promise<EnqueueResult[]> {
  if (emails.length === 0) return [];
  const inserted = await trx
    .insertInto("email_messages")
    .values(emails.map((email) => outboxRow(email, email.idempotencyKey)))
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning(["id", "idempotency_key", "template"])
    .execute();
  const made = new Map(inserted.map((row) => [row.idempotency_key, row.id]));
  const missing = emails.map((e) => e.idempotencyKey).filter((key) => !made.has(key));
  const existing = new Map<string, number>();
  if (missing.length) {
    const rows = await trx
      .selectFrom("email_messages")
      .select(["id", "idempotency_key"])
      .where("idempotency_key", "in", missing)
      .execute();
    for (const row of rows) existing.set(row.idempotency_key, row.id);
  }
  const byQueue = new Map<string, EmailJob[]>();
  for (const row of inserted) {
    const queue = emailQueueFor(row.template as EmailTemplate);
    byQueue.set(queue, [...(byQueue.get(queue) ?? []), { messageId: row.id }]);
  }
  // Jobs take the queue's retry and expiry policy, and wake the workers at commit (notify).
  for (const [queue, data] of byQueue)
    await jobs.insert(
      queue,
      data.map((d) => ({ data: d })),
      { db: fromKysely(trx) },
    );
  return emails.map((email) => {
    const id = made.get(email.idempotencyKey);
    if (id !== undefined) return { queued: true, messageId: id };
    return { queued: false, messageId: existing.get(email.idempotencyKey)! };
  });
}

// Through the transaction: the job commits or rolls back with the row (and on PGlite, a send on
// another connection would wait forever for this transaction to end). The queue's NOTIFY goes out
// with the commit, so a listening worker starts on it at once. pg-boss builds this insert itself
// (its job table, the queue's policy, the NOTIFY), so it stays a statement of its own.
export async function queueEmailJob(
  trx: Transaction<DB>,
  jobs: JobQueue,
  messageId: number,
  template: EmailTemplate,
) {
  const data: EmailJob = { messageId };
  await jobs.send(emailQueueFor(template), data, { db: fromKysely(trx) });
}

/**
 * Failed for good: marked 'failed' when its retries ran out, or left 'sending' by a worker that
 * crashed on the job's last attempt (no retry comes to take the claim over; an hour after it
 * lapsed, every retry there was has passed).
 */
const failedForGood = (eb: ExpressionBuilder<DB, "email_messages">) =>
  eb.or([
    eb("status", "=", "failed"),
    eb.and([
      eb("status", "=", "sending"),
      eb("sending_until", "<", sql<Date>`now() - interval '1 hour'`),
    ]),
  ]);

/**
 * The same rule as a condition on an outbox row joined under `alias`, for pages that count an
 * invitation's mail as failed (the event's organiser page, its send page, the home card).
 */
export function failedForGoodAs(alias: string) {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column("status")} = 'failed' or (${column("status")} = 'sending'
    and ${column("sending_until")} < now() - interval '1 hour'))`;
}

/** Messages the worker gave up on, newest first, for the administrators' page. */
export async function listFailedEmails(db: Kysely<DB>): Promise<EmailMessage[]> {
  return db
    .selectFrom("email_messages")
    .selectAll()
    .where(failedForGood)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(200)
    .execute();
}

/**
 * Puts a failed message back in the queue with a fresh job. Only a message that is failed for good
 * at that moment is touched, so a double click sends one job. Returns whether it was requeued.
 */
export async function retryEmail(
  db: Kysely<DB>,
  jobs: JobQueue,
  messageId: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("email_messages")
      .set({ status: "queued", sending_until: null })
      .where("id", "=", messageId)
      .where(failedForGood)
      // Its body was erased (retention, or the account's erasure): nothing left to send.
      .where("payload_erased_at", "is", null)
      .returning(["id", "template"])
      .executeTakeFirst();
    if (!row) return false;
    await queueEmailJob(trx, jobs, row.id, row.template as EmailTemplate);
    return true;
  });
}

/** A message's current state, for the worker and tests. */
export async function getEmailMessage(db: Kysely<DB>, messageId: number) {
  return db.selectFrom("email_messages").selectAll().where("id", "=", messageId).executeTakeFirst();
}
