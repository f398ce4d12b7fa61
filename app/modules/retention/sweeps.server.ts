import { sql } from "kysely";
import { deleteOldRateLimitWindows } from "~/modules/auth/rate-limit.server.ts";
import { deleteExpiredSessions } from "~/modules/auth/session.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { DELETED_NAME } from "~/modules/people/personal-data.server.ts";
import { RETENTION } from "./periods.ts";

// One function per kind of row the retention job removes or empties, each taking the database and
// the moment to judge by (tests pass their own). Each is idempotent and safe beside a second run of
// itself: a row another run removed first is simply not found. Large tables go in batches, so no
// statement holds its locks for long on a first run over years of rows.

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 5_000;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Runs `step` until it touches fewer rows than a batch; returns the total. */
async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await step();
    total += done;
    if (done < BATCH) return total;
  }
}

export { deleteExpiredSessions, deleteOldRateLimitWindows };

/**
 * Emailed links (sign-in, reset, invitation, address change) kept a day after they were used or
 * expired, for the audit of a confusing morning; a link still waiting for its reader stays.
 */
export async function deleteSpentAuthTokens(db: Database, now: Date) {
  const cutoff = daysBefore(now, RETENTION.usedTokenDays);
  const result = await db
    .deleteFrom("auth_tokens")
    .where((eb) => eb.or([eb("used_at", "<=", cutoff), eb("expires_at", "<=", cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The body of every email older than 90 days is emptied; the row stays as the mail log (template,
 * address, status, when it was sent), marked with when its body went.
 */
export async function eraseOldMailBodies(db: Database, now: Date) {
  const cutoff = daysBefore(now, RETENTION.mailBodyDays);
  return inBatches(async () => {
    const result = await db
      .updateTable("email_messages")
      .set({
        payload: sql<Record<string, unknown>>`'{}'::jsonb`,
        payload_erased_at: now,
      })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("email_messages")
          .select("id")
          .where("payload_erased_at", "is", null)
          .where("created_at", "<=", cutoff)
          .limit(BATCH),
      )
      // Re-checked on the locked row: a second run that waited finds it done.
      .where("payload_erased_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

/** Requests to join that were approved or declined a year ago; pending ones wait for a decision. */
export async function deleteDecidedJoinRequests(db: Database, now: Date) {
  const result = await db
    .deleteFrom("join_requests")
    .where("status", "!=", "pending")
    .where("decided_at", "<=", daysBefore(now, RETENTION.decidedJoinRequestDays))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The audit trail after its period. */
export async function deleteOldAuditEvents(db: Database, now: Date) {
  const cutoff = daysBefore(now, RETENTION.auditEventDays);
  return inBatches(async () => {
    const result = await db
      .deleteFrom("audit_events")
      .where("id", "in", (eb) =>
        eb.selectFrom("audit_events").select("id").where("occurred_at", "<=", cutoff).limit(BATCH),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/** What an anonymised guest's address becomes: unique, and never deliverable. */
export const erasedGuestAddress = (guestId: number) => `deleted-guest-${guestId}@deleted.invalid`;
// The same address, made by the statements below from each row's id.
const ERASED_GUEST_SQL = sql<string>`'deleted-guest-' || g.id || '@deleted.invalid'`;

/**
 * Guests of gatherings that ended a year ago: their name, address and answers go; the invitation
 * (answer, plus-ones, attendance) stays for the figures. The mails sent to the address lose it too,
 * unless the same address is still kept for a later gathering or belongs to an account. An opt-out
 * is not touched: it is what keeps new invitations from that address (until the person asks).
 */
export async function anonymiseOldGuests(db: Database, now: Date) {
  const cutoff = daysBefore(now, RETENTION.guestAfterGatheringDays);
  return inBatches(() =>
    db.transaction().execute(async (trx) => {
      // Locked, and skipped when another run holds them: that run anonymises them.
      const guests = await trx
        .selectFrom("event_guests as g")
        .innerJoin("events as e", "e.id", "g.event_id")
        .select("g.id")
        .where("e.ends_at", "<=", cutoff)
        .where("g.email", "not like", "deleted-guest-%@deleted.invalid")
        .orderBy("g.id")
        .limit(BATCH)
        .forUpdate("g")
        .skipLocked()
        .execute();
      if (guests.length === 0) return 0;
      const ids = guests.map((g) => g.id);
      await trx
        .updateTable("event_invitations")
        .set({ answers: sql<Record<string, string>>`'{}'::jsonb` })
        .where("guest_id", "in", ids)
        .execute();
      // The addresses first: a later gathering's guest row, or an account, still needs its mails.
      await sql`
        update email_messages m
        set to_address = ${ERASED_GUEST_SQL},
            payload = '{}'::jsonb,
            payload_erased_at = coalesce(m.payload_erased_at, ${now})
        from event_guests g
        where g.id in (${sql.join(ids)})
          and m.recipient_id is null
          and lower(m.to_address) = lower(g.email)
          and not exists (
            select 1 from event_guests later join events e on e.id = later.event_id
            where lower(later.email) = lower(g.email) and later.id <> g.id and e.ends_at > ${cutoff})
          and not exists (select 1 from users u where lower(u.email) = lower(g.email))`.execute(
        trx,
      );
      await sql`
        update event_guests g
        set name = ${DELETED_NAME}, email = ${ERASED_GUEST_SQL}
        where g.id in (${sql.join(ids)})`.execute(trx);
      return guests.length;
    }),
  );
}
