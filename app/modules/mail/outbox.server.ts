// Placeholder until the email pipeline lands; replaced by it on merge.
import type { Kysely, Transaction } from "kysely";
import type { DB, Language } from "../../../db/schema.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import type { EmailPayloads, EmailTemplate } from "./messages.ts";

/** Writes the message to the outbox in the caller's transaction; the same key twice is one message. */
export async function enqueueEmail<T extends EmailTemplate>(
  trx: Kysely<DB> | Transaction<DB>,
  _jobs: JobQueue,
  message: {
    template: T;
    to: string;
    recipientId?: number | null;
    language: Language;
    idempotencyKey: string;
    payload: EmailPayloads[T];
  },
): Promise<{ queued: boolean; messageId: number | null }> {
  const row = await trx
    .insertInto("email_messages")
    .values({
      idempotency_key: message.idempotencyKey,
      template: message.template,
      recipient_id: message.recipientId ?? null,
      to_address: message.to,
      language: message.language,
      payload: JSON.stringify(message.payload) as unknown as Record<string, unknown>,
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return { queued: row !== undefined, messageId: row?.id ?? null };
}
