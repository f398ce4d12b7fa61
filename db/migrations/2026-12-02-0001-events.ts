import { type Kysely, sql } from "kysely";

// Gatherings (the Dag van de Digibank, a brunch): events with their questions, outside guests,
// and one invitation per event and person. What people race for is held here
// (docs/decisions/022-event-invitations-sending.md and 023-event-capacity):
// - one invitation per event and recipient: unique indexes, so a second send run, a retry or a
//   restarted worker adds nobody twice;
// - capacity: a trigger keeps events.taken_places (each yes with its plus-ones) and a CHECK keeps
//   it <= capacity; a yes that does not fit waits, in (waiting_since, id) order;
// - guests who unsubscribed stay unsubscribed: event_guest_opt_outs, by address.
// The people's setting `notify_invitations` was always about gatherings; it is renamed so the name
// says so (docs/decisions/012-event-invitations-naming.md).
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users rename column notify_invitations to notify_event_invitations`.execute(
    db,
  );

  await db.schema
    .createTable("events")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    // Organised by one digibank of the region (for its people), or by the region (null).
    .addColumn("digibank_id", "integer", (c) => c.references("digibanks.id"))
    .addColumn("title", "text", (c) => c.notNull().check(sql`char_length(title) between 1 and 200`))
    .addColumn("description", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`char_length(description) <= 5000`),
    )
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    // A place (address and accessibility notes), an online link, or both.
    .addColumn("address", "text", (c) => c.check(sql`char_length(address) between 1 and 300`))
    .addColumn("accessibility_notes", "text", (c) =>
      c.check(sql`char_length(accessibility_notes) <= 1000`),
    )
    .addColumn("online_url", "text", (c) =>
      c.check(sql`online_url ~ '^https?://' and char_length(online_url) <= 500`),
    )
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 10000`))
    // Places taken: each yes with its plus-ones. Kept by the event_invitations trigger only.
    .addColumn("taken_places", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("answer_deadline", "timestamptz", (c) => c.notNull())
    .addColumn("max_plus_ones", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`max_plus_ones between 0 and 10`),
    )
    .addColumn("contact_name", "text", (c) =>
      c.notNull().check(sql`char_length(contact_name) between 1 and 200`),
    )
    .addColumn("contact_email", "text", (c) =>
      c.notNull().check(sql`char_length(contact_email) between 3 and 254`),
    )
    .addColumn("contact_phone", "text", (c) => c.check(sql`char_length(contact_phone) <= 40`))
    // Who is invited: rules read by app/modules/events/audience.server.ts (AudienceRules).
    .addColumn("audience", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Days before the start a reminder goes to those who said yes or maybe.
    .addColumn("reminder_days", sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{7,1}'`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published', 'cancelled')`),
    )
    .addColumn("published_at", "timestamptz")
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_reason", "text", (c) => c.check(sql`char_length(cancel_reason) <= 1000`))
    // Invitations go out at this moment (by the scheduled job); null: only when sent by hand.
    .addColumn("send_at", "timestamptz")
    // The last time invitations were sent (by hand or on schedule).
    .addColumn("invitations_sent_at", "timestamptz")
    // Raised on every change the invited should hear about (iCalendar SEQUENCE).
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("events_times", sql`ends_at > starts_at`)
    .addCheckConstraint("events_deadline", sql`answer_deadline <= starts_at`)
    .addCheckConstraint("events_place", sql`num_nonnulls(address, online_url) >= 1`)
    .addCheckConstraint("events_taken_places", sql`taken_places >= 0`)
    .addCheckConstraint("events_capacity", sql`taken_places <= capacity`)
    .addCheckConstraint(
      "events_cancelled",
      sql`(status = 'cancelled') = (cancelled_at is not null)`,
    )
    .addCheckConstraint("events_published", sql`status = 'draft' or published_at is not null`)
    .addCheckConstraint(
      "events_reminder_days",
      sql`cardinality(reminder_days) <= 3 and 0 < all(reminder_days) and 60 >= all(reminder_days)`,
    )
    .execute();
  await db.schema
    .createIndex("events_region_starts_idx")
    .on("events")
    .columns(["region_id", "starts_at"])
    .execute();
  await db.schema.createIndex("events_digibank_idx").on("events").column("digibank_id").execute();
  // The scheduled send looks for these.
  await sql`create index events_send_at_idx on events (send_at)
    where status = 'published' and send_at is not null`.execute(db);

  // Up to five questions per event, asked on the answer page.
  await db.schema
    .createTable("event_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("event_id", "integer", (c) =>
      c.notNull().references("events.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull().check(sql`position between 1 and 5`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('text', 'choice')`))
    .addColumn("label", "text", (c) => c.notNull().check(sql`char_length(label) between 1 and 200`))
    // For a choice: 2 to 10 options.
    .addColumn("choices", sql`text[]`)
    .addColumn("required", "boolean", (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint("event_questions_position", ["event_id", "position"])
    .addCheckConstraint(
      "event_questions_choices",
      sql`(kind = 'choice') = (choices is not null)
        and (choices is null or cardinality(choices) between 2 and 10)`,
    )
    .execute();

  // People from outside the platform (partners, the municipality), added by pasting or a CSV.
  await db.schema
    .createTable("event_guests")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("event_id", "integer", (c) =>
      c.notNull().references("events.id").onDelete("cascade"),
    )
    .addColumn("email", "text", (c) => c.notNull().check(sql`char_length(email) between 3 and 254`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`char_length(name) between 1 and 200`))
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('nl', 'fr', 'en')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index event_guests_event_email on event_guests (event_id, lower(email))`.execute(
    db,
  );

  // Guests who asked for no more invitations (people on the platform: users.notify_event_invitations).
  await db.schema
    .createTable("event_guest_opt_outs")
    .addColumn("email", "text", (c) => c.primaryKey().check(sql`email = lower(email)`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("event_invitations")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("event_id", "integer", (c) =>
      c.notNull().references("events.id").onDelete("cascade"),
    )
    // A person on the platform, or a guest.
    .addColumn("user_id", "integer", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("guest_id", "integer", (c) => c.references("event_guests.id").onDelete("cascade"))
    // The random half of the answer link's token (docs/decisions/022): a new one revokes old links.
    .addColumn("token_nonce", "text", (c) => c.notNull().check(sql`char_length(token_nonce) = 22`))
    .addColumn("response", "text", (c) =>
      c
        .notNull()
        .defaultTo("none")
        .check(sql`response in ('none', 'yes', 'no', 'maybe', 'waiting')`),
    )
    .addColumn("answered_at", "timestamptz")
    .addColumn("plus_ones", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`plus_ones between 0 and 10`),
    )
    // Answers to the event's questions: { "<question id>": "text or the chosen option" }.
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // A yes that did not fit: served in (waiting_since, id) order.
    .addColumn("waiting_since", "timestamptz")
    // Recorded at the door.
    .addColumn("attended_at", "timestamptz")
    // The invitation email in the outbox (delivered or failed is read there).
    .addColumn("email_message_id", "integer", (c) =>
      c.references("email_messages.id").onDelete("set null"),
    )
    // Withdrawn by the organiser: its link no longer answers and it counts for nothing.
    .addColumn("revoked_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("event_invitations_recipient", sql`num_nonnulls(user_id, guest_id) = 1`)
    .addCheckConstraint(
      "event_invitations_answered",
      sql`(response = 'none') = (answered_at is null)`,
    )
    .addCheckConstraint(
      "event_invitations_waiting",
      sql`(response = 'waiting') = (waiting_since is not null)`,
    )
    .addCheckConstraint(
      "event_invitations_revoked",
      sql`revoked_at is null or response in ('none', 'no')`,
    )
    .execute();
  await sql`create unique index event_invitations_event_user on event_invitations (event_id, user_id)
    where user_id is not null`.execute(db);
  await sql`create unique index event_invitations_event_guest on event_invitations (event_id, guest_id)
    where guest_id is not null`.execute(db);
  await sql`create index event_invitations_user_idx on event_invitations (user_id)
    where user_id is not null`.execute(db);
  await sql`create index event_invitations_waiting_idx on event_invitations (event_id, waiting_since, id)
    where response = 'waiting'`.execute(db);

  // After an answer changes: move the event's taken_places, whose CHECK holds the capacity.
  await sql`create function event_invitations_places() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.response = 'yes' then
        update events set taken_places = taken_places - 1 - old.plus_ones where id = old.event_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.response = 'yes' then
        update events set taken_places = taken_places + 1 + new.plus_ones where id = new.event_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger event_invitations_places
    after insert or update of response, plus_ones, event_id or delete
    on event_invitations for each row execute function event_invitations_places()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("event_invitations").execute();
  await sql`drop function event_invitations_places()`.execute(db);
  await db.schema.dropTable("event_guest_opt_outs").execute();
  await db.schema.dropTable("event_guests").execute();
  await db.schema.dropTable("event_questions").execute();
  await db.schema.dropTable("events").execute();
  await sql`alter table users rename column notify_event_invitations to notify_invitations`.execute(
    db,
  );
}
