import { type Kysely, sql } from "kysely";

// The local mailbox of the embedded demo (no SMTP_URL): each message the worker would hand to a
// relay is kept here instead of in a folder of .eml files, so every process of one deployment
// writes to and reads from the same mailbox. `raw` is the whole message as a mail program opens
// it; the other columns are what /dev/mailbox lists without parsing MIME. The app keeps it
// bounded (app/modules/mail/mailbox.server.ts; docs/decisions/029-mailbox-in-the-database.md).
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("mailbox_messages")
    .addColumn("id", "integer", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("from_address", "text", (col) => col.notNull())
    .addColumn("to_address", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("raw", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // Erasure finds a person's messages by address.
  await sql`create index mailbox_messages_to_address on mailbox_messages (lower(to_address))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("mailbox_messages").execute();
}
