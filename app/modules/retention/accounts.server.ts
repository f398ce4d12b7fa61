import { type ExpressionBuilder, sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { erasePersonalDataIn } from "~/modules/people/personal-data.server.ts";
import { addDays, localToday } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { logger } from "~/utils/log.server.ts";
import { RETENTION } from "./periods.ts";

// Accounts nobody used for two years (docs/decisions/026-retention.md). An active account is warned
// once by mail, saying from which day it will be anonymised and that signing in keeps it; signing
// in clears the warning (activity.server.ts). If it is still unused on that day, it is anonymised
// exactly as when a person deletes their account (erasePersonalDataIn): the row stays, so the
// figures built on it (reports, other people's experience) do not move. Invited accounts never
// accepted and disabled accounts cannot "just sign in": no mail, anonymised on the same day an
// active one would be. The last administrator is never anonymised. Days are Brussels days.

/** The key of the one warning per person and period of disuse (the day they were last seen). */
export const inactivityWarningKey = (userId: number, lastActiveOn: string) =>
  `inactive_account_warning:${userId}:${lastActiveOn}`;

/** A timestamptz column's day in Brussels, as a date. */
const localDay = (column: string) =>
  sql<string>`(${sql.ref(column)} at time zone 'Europe/Brussels')::date`;

/** `column`'s Brussels day plus `days` has come by `today`. */
const dayHasCome = (column: string, days: number, today: string) =>
  sql<boolean>`(${localDay(column)} + ${days}::integer <= ${today}::date)`;

const unusedLongEnough = (today: string) => (eb: ExpressionBuilder<DB, "users">) =>
  eb.and([
    eb("status", "=", "active"),
    dayHasCome("last_active_at", RETENTION.inactiveAccountDays, today),
  ]);

/** Who is due for anonymisation today: warned long enough ago, or never able to sign in. */
const dueForAnonymisation = (today: string) => (eb: ExpressionBuilder<DB, "users">) =>
  eb.or([
    eb.and([
      eb("status", "=", "active"),
      eb("inactivity_warned_at", "is not", null),
      dayHasCome("inactivity_warned_at", RETENTION.inactiveAccountGraceDays, today),
    ]),
    eb.and([
      eb("status", "in", ["invited", "disabled"]),
      dayHasCome(
        "last_active_at",
        RETENTION.inactiveAccountDays + RETENTION.inactiveAccountGraceDays,
        today,
      ),
    ]),
  ]);

/**
 * Queues the warning to every active account unused for two years and not yet warned. Two runs
 * at once (two workers) send one mail per person: the outbox's unique idempotency key holds it
 * (the second insert waits for the first's commit, then finds the key taken). `keyOf` is that key;
 * tests swap it for one per run to show the race it prevents. Returns how many were queued.
 */
export async function warnInactiveAccounts(
  db: Database,
  jobs: JobQueue,
  now: Date,
  keyOf: (userId: number, lastActiveOn: string) => string = inactivityWarningKey,
) {
  const today = localToday(now);
  const anonymiseOn = addDays(today, RETENTION.inactiveAccountGraceDays);
  const candidates = await db
    .selectFrom("users")
    .select(["id", "name", "email", "language", localDay("last_active_at").as("lastActiveOn")])
    .where(unusedLongEnough(today))
    .where("inactivity_warned_at", "is", null)
    .orderBy("id")
    .execute();
  const url = `${appUrlFromEnv()}/login`;
  let queued = 0;
  for (const person of candidates) {
    // pg returns a date column as YYYY-MM-DD (app/utils/db.server.ts); PGlite may give a Date.
    const lastActiveOn = dateString(person.lastActiveOn);
    const sent = await db.transaction().execute(async (trx) => {
      // Still unused on the locked row: someone who signed in since the list was read is skipped.
      const marked = await trx
        .updateTable("users")
        .set({ inactivity_warned_at: now })
        .where("id", "=", person.id)
        .where(unusedLongEnough(today))
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) return false;
      const result = await enqueueEmail(trx, jobs, {
        template: "inactive_account_warning",
        to: person.email,
        recipientId: person.id,
        language: person.language,
        idempotencyKey: keyOf(person.id, lastActiveOn),
        payload: { name: person.name, url, lastActiveOn, anonymiseOn },
      });
      return result.queued;
    });
    if (sent) queued++;
  }
  return queued;
}

/**
 * Anonymises the accounts whose day has come. Each in its own transaction, serialised across
 * workers by an advisory lock so that two runs cannot each remove one of the last two
 * administrators; the conditions are checked again on the locked row. Returns how many.
 */
export async function anonymiseInactiveAccounts(db: Database, jobs: JobQueue | null, now: Date) {
  const today = localToday(now);
  const due = await db
    .selectFrom("users")
    .select("id")
    .where(dueForAnonymisation(today))
    .orderBy("id")
    .execute();
  let anonymised = 0;
  for (const { id } of due) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('retention:anonymise'))`.execute(trx);
      const still = await trx
        .selectFrom("users")
        .select("id")
        .where("id", "=", id)
        .where(dueForAnonymisation(today))
        .forUpdate()
        .executeTakeFirst();
      if (!still) return false;
      if (await isLastAdministrator(trx, id)) {
        logger.warn(
          { component: "retention", userId: id },
          "unused account kept: it is the last administrator",
        );
        return false;
      }
      return erasePersonalDataIn(trx, id, { jobs, reason: "inactive" });
    });
    if (done) anonymised++;
  }
  return anonymised;
}

/** An administrator with no other active administrator beside them. */
async function isLastAdministrator(db: Database, userId: number) {
  const admin = await db
    .selectFrom("role_assignments")
    .select("id")
    .where("user_id", "=", userId)
    .where("role", "=", "admin")
    .executeTakeFirst();
  if (!admin) return false;
  const other = await db
    .selectFrom("role_assignments as ra")
    .innerJoin("users as u", "u.id", "ra.user_id")
    .select("u.id")
    .where("ra.role", "=", "admin")
    .where("u.status", "=", "active")
    .where("u.id", "!=", userId)
    .executeTakeFirst();
  return !other;
}

function dateString(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
