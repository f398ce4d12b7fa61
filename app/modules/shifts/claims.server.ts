import type { Actor } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";

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
export declare function claimShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  options?: ClockOption,
): Promise<ClaimOutcome>;

/** Puts the person at the end of a full shift's reserve list. */
export declare function joinReserveList(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  options?: ClockOption,
): Promise<ClaimOutcome>;

/**
 * Lets go of a spot (or a reserve place) before the region's cut-off; the first in line on the
 * reserve list moves up and is emailed.
 */
export declare function releaseShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  options?: ClockOption,
): Promise<ReleaseOutcome>;

/** After the cut-off: asks the digibank's coordinators (emailed) to release the person. */
export declare function requestRelease(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  options?: ClockOption,
): Promise<ReleaseOutcome>;
