import { type Kysely, sql } from "kysely";

// Tidying before courses, gatherings and reports copy the shapes of shifts:
// - a series' wall-clock times become `time` and its skipped dates `date[]` (they were text, so
//   the database could not tell 25:99 or 2027-02-30 from a real time or date);
// - indexes for the audit log by actor and for series by digipunt (each also serves the foreign
//   key when a person or a digipunt goes);
// - CHECKs that tie each status to its timestamps, so no row says 'cancelled' without saying when.
//   A claim gets `ended_at`: when it stopped being active (released, removed or cancelled).
// Existing rows: a claim's end and a cancelled shift's cancellation are taken from its updated_at
// (the last change of an ended claim or a cancelled shift is that end). Any other row that breaks
// a new rule stops the migration with its table and ids, since only a person can tell which of
// its status or its timestamp is right; nothing is changed until it runs through.
// Frozen in time: never imports application code.

interface Rule {
  table: string;
  name: string;
  check: string;
}

const RULES: Rule[] = [
  {
    table: "shifts",
    name: "shifts_status_times",
    check: `case status when 'cancelled' then cancelled_at is not null
      else cancelled_at is null and cancel_reason is null end`,
  },
  {
    table: "shift_claims",
    name: "shift_claims_status_times",
    // Only a confirmed volunteer asks to be released; an ended claim keeps the request it had.
    check: `case status
      when 'confirmed' then ended_at is null
      when 'reserve' then ended_at is null and release_requested_at is null
      else ended_at is not null end`,
  },
  {
    table: "join_requests",
    name: "join_requests_status_times",
    check: `(status = 'pending') = (decided_at is null)`,
  },
  {
    table: "email_messages",
    name: "email_messages_status_times",
    check: `(status = 'sent') = (sent_at is not null)`,
  },
  {
    table: "users",
    name: "users_status_times",
    check: `(status = 'deleted') = (deleted_at is not null)`,
  },
];

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function isDate(text: string) {
  const parsed = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && parsed.toISOString().startsWith(text);
}

/** Series whose times or skipped dates are not real times and dates (only a hand edit makes one). */
async function unconvertibleSeries(db: Kysely<unknown>) {
  const { rows } = await sql<{
    id: number;
    start_time: string;
    end_time: string;
    skipped_dates: string[];
  }>`select id, start_time, end_time, skipped_dates from shift_series order by id`.execute(db);
  return rows
    .filter(
      (r) =>
        !TIME.test(r.start_time) ||
        !TIME.test(r.end_time) ||
        r.end_time <= r.start_time ||
        !r.skipped_dates.every(isDate),
    )
    .map((r) => r.id);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const problems: string[] = [];
  const badSeries = await unconvertibleSeries(db);
  if (badSeries.length) problems.push(`shift_series (times or skipped dates): ${badSeries}`);

  await sql`alter table shift_claims add column ended_at timestamptz`.execute(db);
  await sql`update shift_claims set ended_at = updated_at
    where status not in ('confirmed', 'reserve')`.execute(db);
  await sql`update shifts set cancelled_at = updated_at
    where status = 'cancelled' and cancelled_at is null`.execute(db);

  for (const rule of RULES) {
    const { rows } = await sql<{ id: number | string }>`select id from ${sql.table(rule.table)}
      where not (${sql.raw(rule.check)}) order by id limit 50`.execute(db);
    if (rows.length) problems.push(`${rule.table} (${rule.name}): ${rows.map((r) => r.id)}`);
  }
  if (problems.length) {
    throw new Error(
      `These rows contradict their status; correct them by hand, then migrate again. ${problems.join("; ")}`,
    );
  }

  // The text checks compare text; they go before the columns change type.
  await sql`alter table shift_series
    drop constraint shift_series_start_time_check,
    drop constraint shift_series_end_time_check,
    drop constraint shift_series_times`.execute(db);
  await sql`alter table shift_series
    alter column start_time type time using start_time::time,
    alter column end_time type time using end_time::time,
    alter column skipped_dates drop default,
    alter column skipped_dates type date[] using skipped_dates::date[],
    alter column skipped_dates set default '{}'::date[]`.execute(db);
  // Whole minutes: the app reads these as HH:MM, and seconds would silently be lost.
  await sql`alter table shift_series
    add constraint shift_series_times check (end_time > start_time),
    add constraint shift_series_whole_minutes
      check (extract(second from start_time) = 0 and extract(second from end_time) = 0)`.execute(
    db,
  );

  await sql`create index audit_events_actor_idx on audit_events (actor_id, occurred_at)`.execute(
    db,
  );
  await sql`create index shift_series_digipunt_idx on shift_series (digipunt_id)`.execute(db);

  for (const rule of RULES) {
    await sql`alter table ${sql.table(rule.table)}
      add constraint ${sql.id(rule.name)} check (${sql.raw(rule.check)})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const rule of RULES) {
    await sql`alter table ${sql.table(rule.table)} drop constraint ${sql.id(rule.name)}`.execute(
      db,
    );
  }
  await sql`drop index shift_series_digipunt_idx`.execute(db);
  await sql`drop index audit_events_actor_idx`.execute(db);
  await sql`alter table shift_series
    drop constraint shift_series_whole_minutes,
    drop constraint shift_series_times`.execute(db);
  await sql`alter table shift_series
    alter column start_time type text using left(start_time::text, 5),
    alter column end_time type text using left(end_time::text, 5),
    alter column skipped_dates drop default,
    alter column skipped_dates type text[] using skipped_dates::text[],
    alter column skipped_dates set default '{}'::text[]`.execute(db);
  await sql`alter table shift_series
    add constraint shift_series_start_time_check check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
    add constraint shift_series_end_time_check check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
    add constraint shift_series_times check (end_time > start_time)`.execute(db);
  await sql`alter table shift_claims drop column ended_at`.execute(db);
}
