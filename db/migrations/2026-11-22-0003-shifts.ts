import { type Kysely, sql } from "kysely";

// Digipunt shifts: skills, repeating series, the shifts themselves, who claimed them, and the
// secret calendar feeds. The two rules volunteers race for are held here, not in app code:
// - capacity: a trigger keeps shifts.confirmed_count and a CHECK keeps it <= capacity, so the
//   (capacity + 1)th concurrent claim fails in the database whatever the app did before it;
// - overlaps: an exclusion constraint over (volunteer, time span) of the active claims.
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("regions")
    // Until how many hours before the start a volunteer may still release a shift themselves.
    .addColumn("release_cutoff_hours", "integer", (c) =>
      c
        .notNull()
        .defaultTo(24)
        .check(sql`release_cutoff_hours between 0 and 168`),
    )
    .execute();

  await db.schema
    .alterTable("digipunten")
    .addColumn("contact", "text")
    .addColumn("archived_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("skills")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // Labels live in the message catalogs (shifts:skill.<code>), so they follow the reader's language.
    .addColumn("code", "text", (c) =>
      c
        .notNull()
        .unique()
        .check(sql`code ~ '^[a-z][a-z_]*$'`),
    )
    .execute();
  await db
    .insertInto("skills" as never)
    .values(
      ["eid", "itsme", "tax_on_web", "mijn_gezondheid", "mypension", "e_banking", "smartphone"].map(
        (code) => ({ code }) as never,
      ),
    )
    .execute();

  await db.schema
    .createTable("volunteer_skills")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("skill_id", "integer", (c) => c.notNull().references("skills.id"))
    .addPrimaryKeyConstraint("volunteer_skills_pk", ["user_id", "skill_id"])
    .execute();

  await db.schema
    .createTable("shift_series")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("digipunt_id", "integer", (c) => c.notNull().references("digipunten.id"))
    // An RFC 5545 RRULE over local dates, e.g. FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270627.
    .addColumn("rrule", "text", (c) => c.notNull())
    .addColumn("first_date", "date", (c) => c.notNull())
    .addColumn("last_date", "date", (c) => c.notNull())
    // Wall-clock times in Europe/Brussels: each occurrence keeps them across daylight saving.
    .addColumn("start_time", "text", (c) =>
      c.notNull().check(sql`start_time ~ '^[0-2][0-9]:[0-5][0-9]$'`),
    )
    .addColumn("end_time", "text", (c) =>
      c.notNull().check(sql`end_time ~ '^[0-2][0-9]:[0-5][0-9]$'`),
    )
    // Dates (YYYY-MM-DD) the pattern skips, such as school holidays.
    .addColumn("skipped_dates", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 50`))
    .addColumn("required_skill_id", "integer", (c) => c.references("skills.id"))
    .addColumn("first_shift_friendly", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("notes", "text")
    .addColumn("address", "text")
    // Occurrences exist as shifts up to this date; a daily job extends it within the horizon.
    .addColumn("generated_until", "date")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("shift_series_times", sql`end_time > start_time`)
    .addCheckConstraint("shift_series_dates", sql`last_date >= first_date`)
    .execute();

  await db.schema
    .createTable("shifts")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("digipunt_id", "integer", (c) => c.notNull().references("digipunten.id"))
    .addColumn("series_id", "integer", (c) => c.references("shift_series.id").onDelete("set null"))
    // The local date this occurrence has in its series, even after it was moved to another day.
    .addColumn("occurrence_date", "date")
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("ends_at", "timestamptz", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 50`))
    // Kept by the shift_claims trigger, never by app code.
    .addColumn("confirmed_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("required_skill_id", "integer", (c) => c.references("skills.id"))
    .addColumn("first_shift_friendly", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("notes", "text")
    // Where a mobile digipunt stands this time.
    .addColumn("address", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("scheduled")
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_reason", "text")
    // Raised on every change people on the shift should hear about (iCalendar SEQUENCE).
    .addColumn("sequence", "integer", (c) => c.notNull().defaultTo(0))
    // Edited on its own: a later "this and following" edit of the series leaves it alone.
    .addColumn("detached", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("shifts_times", sql`ends_at > starts_at`)
    .addCheckConstraint("shifts_confirmed_count", sql`confirmed_count >= 0`)
    .addCheckConstraint("shifts_capacity", sql`confirmed_count <= capacity`)
    .addUniqueConstraint("shifts_series_occurrence", ["series_id", "occurrence_date"])
    .execute();
  await db.schema.createIndex("shifts_starts_idx").on("shifts").column("starts_at").execute();
  await db.schema
    .createIndex("shifts_digipunt_starts_idx")
    .on("shifts")
    .columns(["digipunt_id", "starts_at"])
    .execute();

  await db.schema
    .createTable("shift_claims")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("shift_id", "integer", (c) =>
      c.notNull().references("shifts.id").onDelete("cascade"),
    )
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // confirmed: on the shift; reserve: in line for a spot; released: let go by the volunteer;
    // removed: taken off by a coordinator; cancelled: the shift itself was cancelled.
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .check(sql`status in ('confirmed', 'reserve', 'released', 'removed', 'cancelled')`),
    )
    // A copy of the shift's time span, kept by triggers, for the overlap exclusion below.
    .addColumn("span", sql`tstzrange`, (c) => c.notNull())
    // When this claim took its current place; the reserve list is served in this order.
    .addColumn("claimed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // Past the release cut-off the volunteer asks the coordinator instead.
    .addColumn("release_requested_at", "timestamptz")
    .addColumn("attendance", "text", (c) => c.check(sql`attendance in ('present', 'no_show')`))
    .execute();
  await sql`create unique index shift_claims_active_unique on shift_claims (shift_id, user_id)
    where status in ('confirmed', 'reserve')`.execute(db);
  await sql`create index shift_claims_user_idx on shift_claims (user_id, status)`.execute(db);
  await sql`create index shift_claims_shift_idx on shift_claims (shift_id, status, claimed_at)`.execute(
    db,
  );
  // int4range(user_id, user_id, '[]') instead of "user_id with =": range types have GiST support
  // built in, so no btree_gist extension is needed (PGlite ships it only as an add-on).
  await sql`alter table shift_claims add constraint shift_claims_no_overlap
    exclude using gist (int4range(user_id, user_id, '[]') with &&, span with &&)
    where (status in ('confirmed', 'reserve'))`.execute(db);

  // Before a claim is written: copy the shift's span, and refuse active claims on a cancelled shift.
  await sql`create function shift_claims_before() returns trigger language plpgsql as $$
    declare
      shift_span tstzrange;
      shift_status text;
    begin
      select tstzrange(starts_at, ends_at), status into shift_span, shift_status
        from shifts where id = new.shift_id;
      if new.status in ('confirmed', 'reserve') and shift_status = 'cancelled'
         and (tg_op = 'INSERT' or old.status not in ('confirmed', 'reserve')) then
        raise exception 'shift % is cancelled', new.shift_id using errcode = 'check_violation',
          constraint = 'shift_claims_shift_cancelled';
      end if;
      new.span := shift_span;
      return new;
    end $$`.execute(db);
  await sql`create trigger shift_claims_before before insert or update of status, shift_id
    on shift_claims for each row execute function shift_claims_before()`.execute(db);

  // After a claim changes: move the shift's confirmed_count, whose CHECK holds the capacity.
  await sql`create function shift_claims_count() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'confirmed' then
        update shifts set confirmed_count = confirmed_count - 1 where id = old.shift_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status = 'confirmed' then
        update shifts set confirmed_count = confirmed_count + 1 where id = new.shift_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger shift_claims_count after insert or update of status, shift_id or delete
    on shift_claims for each row execute function shift_claims_count()`.execute(db);

  // When a shift moves, its claims' spans move with it (and may then collide: the exclusion says so).
  await sql`create function shifts_span_moved() returns trigger language plpgsql as $$
    begin
      update shift_claims set span = tstzrange(new.starts_at, new.ends_at)
        where shift_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger shifts_span_moved after update of starts_at, ends_at on shifts
    for each row when (old.starts_at is distinct from new.starts_at
      or old.ends_at is distinct from new.ends_at)
    execute function shifts_span_moved()`.execute(db);

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "integer", (c) =>
      c.primaryKey().references("users.id").onDelete("cascade"),
    )
    // The secret in the feed URL. Kept readable (not hashed) so the person can copy their URL again
    // later; it only opens a read-only calendar and is revoked by making a new one.
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("calendar_feeds").execute();
  await sql`drop trigger shifts_span_moved on shifts`.execute(db);
  await db.schema.dropTable("shift_claims").execute();
  await sql`drop function shift_claims_count()`.execute(db);
  await sql`drop function shift_claims_before()`.execute(db);
  await sql`drop function shifts_span_moved()`.execute(db);
  await db.schema.dropTable("shifts").execute();
  await db.schema.dropTable("shift_series").execute();
  await db.schema.dropTable("volunteer_skills").execute();
  await db.schema.dropTable("skills").execute();
  await db.schema
    .alterTable("digipunten")
    .dropColumn("contact")
    .dropColumn("archived_at")
    .execute();
  await db.schema.alterTable("regions").dropColumn("release_cutoff_hours").execute();
}
