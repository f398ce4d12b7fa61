import { type Kysely, sql } from "kysely";

// Accounts, sessions, emailed tokens, rate limits, the audit log and the email outbox.
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("password_hash", "text")
    .addColumn("phone", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`status in ('invited', 'active', 'disabled', 'deleted')`),
    )
    .addColumn("privacy_accepted_at", "timestamptz")
    .addColumn("notify_reminders", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("notify_invitations", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("notify_newsletters", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("deleted_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // Idle expiry: pushed forward while the session is used.
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    // Absolute expiry is counted from here, however active the session is.
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("auth_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Only a SHA-256 of the emailed token is kept: a copy of the database signs nobody in.
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("purpose", "text", (c) =>
      c
        .notNull()
        .check(sql`purpose in ('sign_in', 'password_reset', 'invitation', 'email_change')`),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("new_email", "text")
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("auth_tokens_user_idx").on("auth_tokens").column("user_id").execute();

  await db.schema
    .createTable("join_requests")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("digibank_id", "integer", (c) => c.notNull().references("digibanks.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("nl")
        .check(sql`language in ('nl', 'fr', 'en')`),
    )
    .addColumn("message", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'approved', 'declined')`),
    )
    .addColumn("decided_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One open request per address and digibank, so a double submit makes one request.
  await sql`create unique index join_requests_pending_unique on join_requests (digibank_id, lower(email))
    where status = 'pending'`.execute(db);

  await db.schema
    .createTable("rate_limits")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limits_pk", ["key", "window_start"])
    .execute();

  await db.schema
    .createTable("audit_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("subject_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("ip", "text")
    // Never a password or a token: only ids, roles and outcomes.
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex("audit_events_subject_idx")
    .on("audit_events")
    .column("subject_id")
    .execute();

  await db.schema
    .createTable("email_messages")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // The same key twice (a retry, a double submit) is the same message, sent once.
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("recipient_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('nl', 'fr', 'en')`))
    .addColumn("payload", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued', 'sent', 'failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("email_messages_status_idx")
    .on("email_messages")
    .column("status")
    .execute();
  await db.schema
    .createIndex("email_messages_recipient_idx")
    .on("email_messages")
    .column("recipient_id")
    .execute();

  await db.schema
    .createTable("app_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "app_settings",
    "email_messages",
    "audit_events",
    "rate_limits",
    "join_requests",
    "auth_tokens",
    "sessions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable("users")
    .dropColumn("password_hash")
    .dropColumn("phone")
    .dropColumn("status")
    .dropColumn("privacy_accepted_at")
    .dropColumn("notify_reminders")
    .dropColumn("notify_invitations")
    .dropColumn("notify_newsletters")
    .dropColumn("deleted_at")
    .execute();
}
