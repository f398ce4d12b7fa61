import { type Transaction, sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { type EnqueueEmail, outboxRow, queueEmailJob } from "~/modules/mail/outbox.server.ts";
import { selectShiftSnapshot, toShiftSnapshot } from "./calendar.server.ts";
import {
  CLAIM_CONFIRMED_KEY_PREFIX,
  claimConfirmedEmail,
  noticeClaimConfirmed,
  noticePromotedFromReserve,
  noticeReleaseRequested,
} from "./notices.server.ts";

// Claiming, releasing and queueing for shifts. The database holds the rules (capacity through
// shifts_capacity, overlaps through shift_claims_no_overlap, see the shifts migration); this module
// asks it in one transaction and turns its refusals into reasons the pages explain.

export type ClaimRefusal =
  | "not_found" // no such shift, or not one this person may see
  | "forbidden" // not a volunteer of the shift's digibank
  | "cancelled"
  | "past" // the shift has started or ended
  | "full" // every spot is taken: the page offers the reserve list
  | "overlap" // the person holds (or waits for) a shift at the same time
  | "already" // already on this shift or its reserve list
  | "skill_missing"; // the shift asks a skill the person has not recorded

export type ClaimOutcome =
  | { ok: true; claimId: number; status: "confirmed" | "reserve" }
  | { ok: false; reason: ClaimRefusal };

export type ReleaseRefusal = "not_found" | "past" | "after_cutoff" | "already_requested";
export type ReleaseOutcome =
  | { ok: true; promotedUserId: number | null }
  | { ok: false; reason: ReleaseRefusal; cutoffHours?: number };

export interface ClockOption {
  /** The present, injectable for tests. */
  now?: Date;
}

/** Takes a spot on the shift, or says why not ("full" means the reserve list is open). */
export function claimShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  options: ClockOption = {},
): Promise<ClaimOutcome> {
  return placeClaim(db, jobs, actor, shiftId, "confirmed", options);
}

/**
 * Puts the person at the end of a full shift's reserve list. When a spot is free after all, they
 * get the spot instead: nobody waits in line for an open place.
 */
export async function joinReserveList(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  options: ClockOption = {},
): Promise<ClaimOutcome> {
  const outcome = await placeClaim(db, jobs, actor, shiftId, "confirmed", options);
  if (outcome.ok || outcome.reason !== "full") return outcome;
  return placeClaim(db, jobs, actor, shiftId, "reserve", options);
}

/**
 * The shift with its region's cut-off, what a claim checks first about this person, and what the
 * claim's confirmation tells: the shift as of its sequence, and the person (when they can still
 * get mail).
 */
async function findShift(db: Database | Transaction<DB>, shiftId: number, userId: number) {
  return selectShiftSnapshot(db)
    .innerJoin("regions as r", "r.id", "b.region_id")
    .leftJoin("users as u", (join) => join.on("u.id", "=", userId).on("u.status", "=", "active"))
    .select((eb) => [
      "s.starts_at as startsAt",
      "s.required_skill_id as requiredSkillId",
      "s.confirmed_count as confirmedCount",
      "p.digibank_id as digibankId",
      "b.region_id as regionId",
      "r.release_cutoff_hours as cutoffHours",
      "u.name as personName",
      "u.email as personEmail",
      "u.language as personLanguage",
      eb
        .exists(
          eb
            .selectFrom("volunteer_skills")
            .select("user_id")
            .where("user_id", "=", userId)
            .whereRef("skill_id", "=", "s.required_skill_id"),
        )
        .as("hasSkill"),
      eb
        .exists(
          eb
            .selectFrom("shift_claims")
            .select("id")
            .whereRef("shift_id", "=", "s.id")
            .where("user_id", "=", userId)
            .where("status", "in", ["confirmed", "reserve"]),
        )
        .as("alreadyOn"),
    ])
    .where("s.id", "=", shiftId)
    .executeTakeFirst();
}

/** The shift, when the person may see it (a shift of someone else's digibank is "not found"). */
async function findVisibleShift(db: Database | Transaction<DB>, actor: Actor, shiftId: number) {
  const shift = await findShift(db, shiftId, actor.id);
  const digibank = shift && { id: shift.digibankId, regionId: shift.regionId };
  return digibank && may(actor, { action: "view_shifts", digibank }) ? shift : undefined;
}

async function placeClaim(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  status: "confirmed" | "reserve",
  { now = new Date() }: ClockOption,
): Promise<ClaimOutcome> {
  const shift = await findVisibleShift(db, actor, shiftId);
  if (!shift) return { ok: false, reason: "not_found" };
  const digibank = { id: shift.digibankId, regionId: shift.regionId };
  if (!may(actor, { action: "claim_shifts", digibank })) {
    return { ok: false, reason: "forbidden" };
  }
  if (shift.status === "cancelled") return { ok: false, reason: "cancelled" };
  if (shift.startsAt <= now) return { ok: false, reason: "past" };
  if (shift.requiredSkillId !== null && !shift.hasSkill) {
    return { ok: false, reason: "skill_missing" };
  }
  if (shift.alreadyOn) return { ok: false, reason: "already" };
  // A quick answer for the common case. It is not the guard: between this read and the insert
  // others may take the last spot, and then the database refuses the insert below.
  if (status === "confirmed" && shift.confirmedCount >= shift.capacity) {
    return { ok: false, reason: "full" };
  }

  // What the confirmation tells is read above, before any lock: the transaction below then holds
  // the shift's row for two statements (the claim with its email, the job) and the commit.
  const person = shift.personEmail !== null && {
    id: actor.id,
    name: shift.personName!,
    email: shift.personEmail,
    language: shift.personLanguage!,
  };
  const email =
    status === "confirmed" && person && claimConfirmedEmail(person, toShiftSnapshot(shift));
  try {
    return await retryingDeadlocks(async () => {
      // The insert is the whole check: the trigger counts it against the capacity and the
      // exclusion constraint compares it with the person's other shifts, both under locks.
      if (!email) {
        // Nothing to tell (a reserve place, or a person who gets no mail): one statement.
        const claim = await insertClaim(db, actor.id, shiftId, status);
        return { ok: true as const, claimId: claim.id, status };
      }
      return db.transaction().execute(async (trx) => {
        const made = await insertClaimWithEmail(trx, actor.id, shiftId, shift.sequence, email);
        if (made) {
          if (made.messageId !== null) {
            await queueEmailJob(trx, jobs, made.messageId, email.template);
          }
          return { ok: true as const, claimId: made.claimId, status };
        }
        // The shift changed since it was read (its sequence moved): claim it and read it again
        // under the claim's lock, so the email tells the shift as it is when the claim commits.
        const claim = await insertClaim(trx, actor.id, shiftId, status);
        await noticeClaimConfirmed(trx, jobs, claim.id);
        return { ok: true as const, claimId: claim.id, status };
      });
    });
  } catch (error) {
    const refusal = refusalFrom(error);
    if (!refusal) throw error;
    // The exclusion also fires for a second claim on this very shift made at the same moment.
    if (refusal === "overlap" && (await activeClaimOn(db, actor.id, shiftId))) {
      return { ok: false, reason: "already" };
    }
    return { ok: false, reason: refusal };
  }
}

function insertClaim(
  db: Database | Transaction<DB>,
  userId: number,
  shiftId: number,
  status: "confirmed" | "reserve",
) {
  return db
    .insertInto("shift_claims")
    .values({ shift_id: shiftId, user_id: userId, status })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/**
 * The confirmed claim and its outbox row in one statement, on the condition that the shift is
 * still at `sequence` (the version its email was built from). The shift's row is locked first: a
 * change of the shift being written waits, then fails the condition, and nothing is written
 * (undefined). Every change of what the email tells raises the sequence (series.server.ts).
 */
async function insertClaimWithEmail(
  trx: Transaction<DB>,
  userId: number,
  shiftId: number,
  sequence: number,
  email: Omit<EnqueueEmail<"shift_confirmed">, "idempotencyKey">,
) {
  const row = await trx
    .with("shift", (db) =>
      db
        .selectFrom("shifts")
        .select("id")
        .where("id", "=", shiftId)
        .where("sequence", "=", sequence)
        // Not FOR UPDATE: that would also block other claims' foreign-key checks on this row.
        .forNoKeyUpdate(),
    )
    .with("claim", (db) =>
      db
        .insertInto("shift_claims")
        .columns(["shift_id", "user_id", "status"])
        .expression(
          db
            .selectFrom("shift")
            .select((eb) => [
              "shift.id",
              eb.cast<number>(eb.val(userId), "integer").as("user_id"),
              sql.lit("confirmed").as("status"),
            ]),
        )
        .returning("id"),
    )
    .with("message", (db) =>
      db
        .insertInto("email_messages")
        .columns([
          "idempotency_key",
          "template",
          "recipient_id",
          "to_address",
          "language",
          "payload",
        ])
        .expression(
          db.selectFrom("claim").select((eb) => {
            const key = sql<string>`${CLAIM_CONFIRMED_KEY_PREFIX}::text || ${eb.ref("claim.id")}`;
            const row = outboxRow(email, key);
            return [
              key.as("idempotency_key"),
              sql.val(row.template).as("template"),
              eb.cast<number>(eb.val(row.recipient_id), "integer").as("recipient_id"),
              sql.val(row.to_address).as("to_address"),
              sql.val(row.language).as("language"),
              row.payload.as("payload"),
            ];
          }),
        )
        .onConflict((oc) => oc.column("idempotency_key").doNothing())
        .returning("id"),
    )
    .selectFrom("claim")
    .leftJoin("message", (join) => join.onTrue())
    .select(["claim.id as claimId", "message.id as messageId"])
    .executeTakeFirst();
  return row;
}

/**
 * Runs a claim's transaction again when PostgreSQL ended it as a deadlock victim. Two claims by
 * one person on overlapping shifts at the same moment each insert their row, then each waits for
 * the other's row in the exclusion check: PostgreSQL ends one of them. Run again, it finds the
 * other claim committed and is refused as an overlap, as it would have been a moment later.
 */
async function retryingDeadlocks<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string } | null)?.code;
      if (code !== "40P01" || attempt >= attempts) throw error;
    }
  }
}

/** Maps the database's refusals of a claim to reasons; anything else is a real error. */
function refusalFrom(error: unknown): ClaimRefusal | null {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  if (code === "23514" && constraint === "shifts_capacity") return "full";
  if (code === "23514" && constraint === "shift_claims_shift_cancelled") return "cancelled";
  if (code === "23P01" && constraint === "shift_claims_no_overlap") return "overlap";
  if (code === "23505" && constraint === "shift_claims_active_unique") return "already";
  return null;
}

async function activeClaimOn(db: Database | Transaction<DB>, userId: number, shiftId: number) {
  return db
    .selectFrom("shift_claims")
    .select(["id", "status", "release_requested_at as releaseRequestedAt"])
    .where("shift_id", "=", shiftId)
    .where("user_id", "=", userId)
    .where("status", "in", ["confirmed", "reserve"])
    .executeTakeFirst();
}

/** When the person may still release a confirmed spot themselves. */
export function releaseDeadline(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * 60 * 60 * 1000);
}

/**
 * Lets go of a spot (or a reserve place) before the region's cut-off; the first in line on the
 * reserve list moves up and is emailed. Leaving the reserve list is allowed at any time.
 */
export async function releaseShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  { now = new Date() }: ClockOption = {},
): Promise<ReleaseOutcome> {
  return db.transaction().execute(async (trx) => {
    const shift = await findVisibleShift(trx, actor, shiftId);
    const claim = shift && (await lockActiveClaim(trx, actor.id, shiftId));
    if (!shift || !claim) return { ok: false, reason: "not_found" };
    if (shift.startsAt <= now) return { ok: false, reason: "past" };
    if (claim.status === "confirmed" && releaseDeadline(shift.startsAt, shift.cutoffHours) <= now) {
      return { ok: false, reason: "after_cutoff", cutoffHours: shift.cutoffHours };
    }
    await trx
      .updateTable("shift_claims")
      .set({ status: "released", ended_at: now, updated_at: now })
      .where("id", "=", claim.id)
      .execute();
    const promoted =
      claim.status === "confirmed" ? await promoteFromReserveList(trx, jobs, shiftId, { now }) : [];
    return { ok: true, promotedUserId: promoted[0] ?? null };
  });
}

/** After the cut-off: asks the digibank's coordinators (emailed) to release the person. */
export async function requestRelease(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  { now = new Date() }: ClockOption = {},
): Promise<ReleaseOutcome> {
  return db.transaction().execute(async (trx) => {
    const shift = await findVisibleShift(trx, actor, shiftId);
    const claim = shift && (await lockActiveClaim(trx, actor.id, shiftId));
    if (!shift || !claim || claim.status !== "confirmed") return { ok: false, reason: "not_found" };
    if (shift.startsAt <= now) return { ok: false, reason: "past" };
    if (claim.releaseRequestedAt) return { ok: false, reason: "already_requested" };
    await trx
      .updateTable("shift_claims")
      .set({ release_requested_at: now, updated_at: now })
      .where("id", "=", claim.id)
      .execute();
    await noticeReleaseRequested(trx, jobs, claim.id);
    return { ok: true, promotedUserId: null };
  });
}

async function lockActiveClaim(trx: Transaction<DB>, userId: number, shiftId: number) {
  return trx
    .selectFrom("shift_claims")
    .select(["id", "status", "release_requested_at as releaseRequestedAt"])
    .where("shift_id", "=", shiftId)
    .where("user_id", "=", userId)
    .where("status", "in", ["confirmed", "reserve"])
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Fills free spots of a shift from its reserve list, first in line first, and emails each person
 * moved up. Call it inside the transaction that freed the spot (a release, a removal, a raised
 * capacity). Returns the ids of the people moved up.
 */
export async function promoteFromReserveList(
  trx: Transaction<DB>,
  jobs: JobQueue,
  shiftId: number,
  { now = new Date() }: ClockOption = {},
): Promise<number[]> {
  // The shift row lock makes concurrent promotions for one shift take turns.
  const shift = await trx
    .selectFrom("shifts")
    .select(["capacity", "confirmed_count as confirmedCount", "status", "starts_at as startsAt"])
    .where("id", "=", shiftId)
    .forUpdate()
    .executeTakeFirst();
  if (!shift || shift.status !== "scheduled" || shift.startsAt <= now) return [];
  const free = shift.capacity - shift.confirmedCount;
  if (free <= 0) return [];
  const next = await trx
    .selectFrom("shift_claims")
    .select(["id", "user_id as userId"])
    .where("shift_id", "=", shiftId)
    .where("status", "=", "reserve")
    .orderBy("claimed_at")
    .orderBy("id")
    .limit(free)
    .forUpdate()
    .execute();
  for (const claim of next) {
    await trx
      .updateTable("shift_claims")
      .set({ status: "confirmed", claimed_at: now, updated_at: now })
      .where("id", "=", claim.id)
      .execute();
    await noticePromotedFromReserve(trx, jobs, claim.id);
  }
  return next.map((claim) => claim.userId);
}
