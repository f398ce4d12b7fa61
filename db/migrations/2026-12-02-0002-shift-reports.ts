import { type Kysely, sql } from "kysely";

// Shift reports: after a shift, what a volunteer records about it (how many people were helped,
// with what, the hours actually worked). They feed the volunteer's experience page and the funder's
// reports, so the rules that keep those figures sane live here:
// - one report per volunteer per shift (unique indexes; an outside volunteer, recorded by a
//   coordinator by name, once per name and shift);
// - every figure within bounds (CHECKs), so no writer can store 10,000 people helped;
// - a digibank's start date: the 1,000-adult target counts from it.
// People on the platform choose whether the day-after email asking for a report comes
// (users.notify_report_requests).
// Frozen in time: never imports application code.

export const REPORT_TOPICS = [
  "eid",
  "itsme",
  "tax_on_web",
  "mijn_gezondheid",
  "mypension",
  "e_banking",
  "smartphone",
  "email",
  "safety",
  "job_search",
  "other",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("notify_report_requests", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .alterTable("digibanks")
    .addColumn("started_on", "date", (c) => c.notNull().defaultTo(sql`current_date`))
    .execute();
  await sql`update digibanks set started_on = (created_at at time zone 'Europe/Brussels')::date`.execute(
    db,
  );

  const topics = sql.raw(`array[${REPORT_TOPICS.map((t) => `'${t}'`).join(",")}]::text[]`);
  await db.schema
    .createTable("shift_reports")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("shift_id", "integer", (c) => c.notNull().references("shifts.id"))
    // The volunteer on the platform, or (user_id null) one who does not use it, by name.
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("volunteer_name", "text", (c) =>
      c.check(sql`char_length(volunteer_name) between 1 and 200`),
    )
    .addColumn("people_helped", "integer", (c) =>
      c.notNull().check(sql`people_helped between 0 and 200`),
    )
    .addColumn("topics", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(sql`topics <@ ${topics}`),
    )
    .addColumn("other_topic", "text", (c) =>
      c.check(sql`char_length(other_topic) between 1 and 200`),
    )
    // Minutes actually worked: more than none, at most a day.
    .addColumn("minutes_worked", "integer", (c) =>
      c.notNull().check(sql`minutes_worked between 1 and 1440`),
    )
    // People sent on to another service (the OCMW, a library course, the bank).
    .addColumn("referrals", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`referrals between 0 and 200`),
    )
    .addColumn("reflection", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`char_length(reflection) <= 4000`),
    )
    // The coordinator who recorded it for the volunteer; null when the volunteer filed it.
    .addColumn("recorded_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "shift_reports_one_volunteer",
      sql`(user_id is null) <> (volunteer_name is null)`,
    )
    .addCheckConstraint(
      "shift_reports_other_topic",
      sql`other_topic is null or 'other' = any(topics)`,
    )
    .execute();
  await sql`create unique index shift_reports_one_per_volunteer on shift_reports (shift_id, user_id) where user_id is not null`.execute(
    db,
  );
  await sql`create unique index shift_reports_one_per_outside_volunteer on shift_reports (shift_id, lower(volunteer_name)) where user_id is null`.execute(
    db,
  );
  await sql`create index shift_reports_user on shift_reports (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("shift_reports").execute();
  await db.schema.alterTable("digibanks").dropColumn("started_on").execute();
  await db.schema.alterTable("users").dropColumn("notify_report_requests").execute();
}
