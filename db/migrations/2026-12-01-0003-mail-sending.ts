import { type Kysely, sql } from "kysely";

// A message being handed to the relay is 'sending' until `sending_until`: the worker that set it
// holds the message until then, so a second job for the same message (a retry after the first one's
// expiry, while that one is still talking to the relay) does not send it again. After a crash the
// claim lapses by itself and the retried job takes the message over.
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_messages drop constraint email_messages_status_check`.execute(db);
  await sql`alter table email_messages add constraint email_messages_status_check
    check (status in ('queued', 'sending', 'sent', 'failed'))`.execute(db);
  await db.schema.alterTable("email_messages").addColumn("sending_until", "timestamptz").execute();
  await sql`alter table email_messages add constraint email_messages_sending_until
    check ((status = 'sending') = (sending_until is not null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table email_messages drop constraint email_messages_sending_until`.execute(db);
  await db.schema.alterTable("email_messages").dropColumn("sending_until").execute();
  await sql`update email_messages set status = 'queued' where status = 'sending'`.execute(db);
  await sql`alter table email_messages drop constraint email_messages_status_check`.execute(db);
  await sql`alter table email_messages add constraint email_messages_status_check
    check (status in ('queued', 'sent', 'failed'))`.execute(db);
}
