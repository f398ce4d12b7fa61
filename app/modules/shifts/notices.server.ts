import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { ShiftSnapshot } from "~/modules/mail/messages.ts";
import { type EnqueueEmail, enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { coordinatorsOf } from "~/modules/people/directory.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { Language } from "~/utils/i18n.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { selectShiftSnapshot, toShiftSnapshot } from "./calendar.server.ts";

// Every email the shifts capability sends starts here, inside the transaction of the change it
// tells about (through enqueueEmail), with an idempotency key so a retried request sends once.
// Each message is in its recipient's language and carries the shift as it is in this transaction.

type Trx = Transaction<DB>;

/** Where volunteers find shifts. */
export const shiftsUrl = (appUrl: string) => `${appUrl}/shifts`;
/** Where a volunteer sees one shift, and releases it. */
export const volunteerShiftUrl = (appUrl: string, shiftId: number) => `${appUrl}/shifts/${shiftId}`;
/** Where coordinators see one shift and its roster. */
export const planningShiftUrl = (appUrl: string, shiftId: number) =>
  `${appUrl}/planning/shifts/${shiftId}`;

async function loadShift(trx: Trx, shiftId: number) {
  const row = await selectShiftSnapshot(trx).where("s.id", "=", shiftId).executeTakeFirst();
  return row && { row, details: toShiftSnapshot(row) };
}

/**
 * A claim with its person (when that person can still get mail) and its shift, in one query: the
 * claim's own email is written inside the claim's transaction, while the shift's row is locked.
 */
async function loadClaim(trx: Trx, claimId: number) {
  const row = await selectShiftSnapshot(trx)
    .innerJoin("shift_claims as c", "c.shift_id", "s.id")
    .innerJoin("users as u", "u.id", "c.user_id")
    .select([
      "c.id as claimId",
      "c.status as claimStatus",
      "c.release_requested_at",
      "u.id as userId",
      "u.name",
      "u.email",
      "u.language",
    ])
    .where("c.id", "=", claimId)
    .where("u.status", "=", "active")
    .executeTakeFirst();
  if (!row) return undefined;
  const claim = {
    id: row.claimId,
    shift_id: row.shiftId,
    status: row.claimStatus,
    release_requested_at: row.release_requested_at,
    userId: row.userId,
    name: row.name,
    email: row.email,
    language: row.language,
  };
  return { ...claim, shift: { row, details: toShiftSnapshot(row) } };
}

/** The key of a claim's confirmation: one message per claim. */
export const CLAIM_CONFIRMED_KEY_PREFIX = "shift_confirmed:";

/**
 * The confirmation email of a claim, but for its key (which holds the claim's id): claimShift
 * writes it in the same statement as the claim itself (see placeClaim).
 */
export function claimConfirmedEmail(
  person: { id: number; name: string; email: string; language: Language },
  shift: ShiftSnapshot,
): Omit<EnqueueEmail<"shift_confirmed">, "idempotencyKey"> {
  return {
    template: "shift_confirmed",
    to: person.email,
    recipientId: person.id,
    language: person.language,
    payload: {
      name: person.name,
      shift,
      url: volunteerShiftUrl(appUrlFromEnv(), shift.shiftId),
    },
  };
}

/** To the volunteer: you are on this shift (with an .ics). */
export async function noticeClaimConfirmed(trx: Trx, jobs: JobQueue, claimId: number) {
  const claim = await loadClaim(trx, claimId);
  if (!claim || claim.status !== "confirmed") return;
  const person = { ...claim, id: claim.userId };
  await enqueueEmail(trx, jobs, {
    ...claimConfirmedEmail(person, claim.shift.details),
    idempotencyKey: `${CLAIM_CONFIRMED_KEY_PREFIX}${claim.id}`,
  });
}

/** To the volunteer: a spot opened and you moved from the reserve list onto the shift. */
export async function noticePromotedFromReserve(trx: Trx, jobs: JobQueue, claimId: number) {
  const claim = await loadClaim(trx, claimId);
  if (!claim || claim.status !== "confirmed") return;
  const { shift } = claim;
  await enqueueEmail(trx, jobs, {
    template: "shift_promoted",
    to: claim.email,
    recipientId: claim.userId,
    language: claim.language,
    idempotencyKey: `shift_promoted:${claim.id}`,
    payload: {
      name: claim.name,
      shift: shift.details,
      url: volunteerShiftUrl(appUrlFromEnv(), shift.details.shiftId),
    },
  });
}

/**
 * To the volunteer: a coordinator took you off this shift (or its reserve list), or granted your
 * request to be released. Call it after the claim is set to 'removed' or 'released'.
 */
export async function noticeTakenOffShift(
  trx: Trx,
  jobs: JobQueue,
  claimId: number,
  reason: "removed" | "release_granted",
) {
  const claim = await loadClaim(trx, claimId);
  if (claim?.status !== (reason === "removed" ? "removed" : "released")) return;
  const { shift } = claim;
  // The button finds another shift: this one is no longer theirs.
  const url = shiftsUrl(appUrlFromEnv());
  await enqueueEmail(trx, jobs, {
    template: "shift_left",
    to: claim.email,
    recipientId: claim.userId,
    language: claim.language,
    // A claim ends once: a second removal or grant of the same claim is not news.
    idempotencyKey: `shift_left:${claim.id}`,
    payload: { name: claim.name, shift: shift.details, reason, url },
  });
}

/** The people with a claim of these statuses on the shift, one row per person. */
function claimantsOf(
  trx: Trx,
  shiftId: number,
  statuses: Array<"confirmed" | "reserve" | "cancelled">,
) {
  return (
    trx
      .selectFrom("shift_claims as c")
      .innerJoin("users as u", "u.id", "c.user_id")
      .select(["u.id", "u.name", "u.email", "u.language", "c.status"])
      .distinctOn("u.id")
      .where("c.shift_id", "=", shiftId)
      .where("c.status", "in", statuses)
      .where("u.status", "=", "active")
      // A person on the shift is told as such, even if an older claim of theirs says otherwise.
      .orderBy("u.id")
      .orderBy((eb) => eb.case().when("c.status", "=", "confirmed").then(0).else(1).end())
      .execute()
  );
}

/**
 * To everyone on the shift (confirmed and reserve): its time, place or details changed. Call it
 * after raising shifts.sequence: the key holds the sequence, so the same version is told once.
 */
export async function noticeShiftChanged(trx: Trx, jobs: JobQueue, shiftId: number) {
  const shift = await loadShift(trx, shiftId);
  if (!shift || shift.details.cancelled) return;
  const url = volunteerShiftUrl(appUrlFromEnv(), shiftId);
  for (const person of await claimantsOf(trx, shiftId, ["confirmed", "reserve"])) {
    await enqueueEmail(trx, jobs, {
      template: "shift_changed",
      to: person.email,
      recipientId: person.id,
      language: person.language,
      // One message per version of the shift: the next change (a higher sequence) is news again.
      idempotencyKey: `shift_changed:${shiftId}:${shift.details.sequence}:${person.id}`,
      payload: {
        name: person.name,
        shift: shift.details,
        url,
        onReserveList: person.status === "reserve",
      },
    });
  }
}

/**
 * To everyone who was on the shift: it is cancelled. Call it after the shift is 'cancelled' and
 * its confirmed and reserve claims are set to 'cancelled' (those are the recipients).
 */
export async function noticeShiftCancelled(trx: Trx, jobs: JobQueue, shiftId: number) {
  const shift = await loadShift(trx, shiftId);
  if (!shift || !shift.details.cancelled) return;
  // The button finds another shift: this one is off.
  const url = shiftsUrl(appUrlFromEnv());
  for (const person of await claimantsOf(trx, shiftId, ["cancelled"])) {
    await enqueueEmail(trx, jobs, {
      template: "shift_cancelled",
      to: person.email,
      recipientId: person.id,
      language: person.language,
      idempotencyKey: `shift_cancelled:${shiftId}:${person.id}`,
      payload: { name: person.name, shift: shift.details, reason: shift.row.cancel_reason, url },
    });
  }
}

/**
 * To the digibank's coordinators: a volunteer asks to be released after the cut-off. Call it
 * after setting the claim's release_requested_at.
 */
export async function noticeReleaseRequested(trx: Trx, jobs: JobQueue, claimId: number) {
  const claim = await loadClaim(trx, claimId);
  if (!claim?.release_requested_at) return;
  const { shift } = claim;
  const url = planningShiftUrl(appUrlFromEnv(), shift.details.shiftId);
  // The request's moment is in the key: asked again after a coordinator said no, it is news again.
  const asked = new Date(claim.release_requested_at).getTime();
  const coordinators = await coordinatorsOf(trx, {
    digibankId: shift.row.digibank_id,
    regionId: shift.row.region_id,
  });
  for (const coordinator of coordinators) {
    await enqueueEmail(trx, jobs, {
      template: "shift_release_requested",
      to: coordinator.email,
      recipientId: coordinator.id,
      language: coordinator.language,
      idempotencyKey: `shift_release_requested:${claim.id}:${asked}:${coordinator.id}`,
      payload: { volunteerName: claim.name, shift: shift.details, url },
    });
  }
}
