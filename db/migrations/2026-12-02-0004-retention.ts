import { type Kysely, sql } from "kysely";

// Retention (storage limitation): what the nightly retention job needs to find old rows cheaply and
// to know when an account was last used.
// - users.last_active_at: set on sign-in and (at most daily) on session use; backfilled from the
//   newest trace of the person we hold (a session, an audit event they caused, the account's
//   creation). An account unused for two years is warned (users.inactivity_warned_at), then
//   anonymised if still unused.
// - email_messages.payload_erased_at: when the body of a message was emptied (after 90 days, or
//   when the account was erased); the row, address and status stay as the mail log.
// - indexes so each nightly sweep reads only what it deletes.
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("last_active_at", "timestamptz")
    .addColumn("inactivity_warned_at", "timestamptz")
    .execute();
  // A session is extended on use (idle expiry of 14 days at the time of writing), so its expiry
  // minus 14 days is the last time it was used. (Per row: least() would skip a null, making an
  // account without sessions look used today.)
  await sql`
    update users u set last_active_at = greatest(
      u.created_at,
      (select max(a.occurred_at) from audit_events a where a.actor_id = u.id),
      (select max(s.created_at) from sessions s where s.user_id = u.id),
      (select max(least(s.expires_at - interval '14 days', now())) from sessions s
        where s.user_id = u.id)
    )`.execute(db);
  await sql`alter table users alter column last_active_at set default now()`.execute(db);
  await sql`alter table users alter column last_active_at set not null`.execute(db);

  await db.schema
    .alterTable("email_messages")
    .addColumn("payload_erased_at", "timestamptz")
    .execute();
  await sql`create index email_messages_body_kept_idx on email_messages (created_at)
    where payload_erased_at is null`.execute(db);
  await db.schema
    .createIndex("audit_events_occurred_idx")
    .on("audit_events")
    .column("occurred_at")
    .execute();
  await sql`create index join_requests_decided_idx on join_requests (decided_at)
    where status <> 'pending'`.execute(db);
  await sql`create index auth_tokens_expires_idx on auth_tokens (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("auth_tokens_expires_idx").execute();
  await db.schema.dropIndex("join_requests_decided_idx").execute();
  await db.schema.dropIndex("audit_events_occurred_idx").execute();
  await db.schema.dropIndex("email_messages_body_kept_idx").execute();
  await db.schema.alterTable("email_messages").dropColumn("payload_erased_at").execute();
  await db.schema
    .alterTable("users")
    .dropColumn("inactivity_warned_at")
    .dropColumn("last_active_at")
    .execute();
}
