import type { Actor } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import type { Outcome } from "~/utils/outcome.ts";
import { claimShift, joinReserveList, releaseShift, requestRelease } from "./claims.server.ts";
import { getShiftDetail } from "./queries.server.ts";
import type { DoneMessage, ShiftIntent } from "./schemas.ts";

// One volunteer action on one shift, for the shift page and the list page alike. A shift the
// reader may not see is denied as not found (404, the same answer as for no shift at all), a
// digibank they do not volunteer for as forbidden (403); the routes answer with that status.
// Every other refusal is a reason the page explains.

export type ShiftRefusal =
  | "cancelled"
  | "past"
  | "full"
  | "overlap"
  | "already"
  | "skill_missing"
  | "not_on_shift"
  | "after_cutoff"
  | "already_requested";

export type ShiftActionOutcome =
  | { ok: true; done: DoneMessage }
  | { ok: false; refusal: ShiftRefusal; cutoffHours: number | null }
  | { ok: false; denied: 404 | 403 };

const DONE: Record<ShiftIntent, DoneMessage> = {
  claim: "claimed",
  reserve: "reserved",
  release: "released",
  request_release: "requested",
};

export async function actOnShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  { intent, shiftId }: { intent: ShiftIntent; shiftId: number },
): Promise<ShiftActionOutcome> {
  if (intent === "claim" || intent === "reserve") {
    const outcome = await (intent === "claim" ? claimShift : joinReserveList)(
      db,
      jobs,
      actor,
      shiftId,
    );
    if (outcome.ok)
      return { ok: true, done: outcome.status === "reserve" ? "reserved" : "claimed" };
    if (outcome.reason === "not_found") return { ok: false, denied: 404 };
    if (outcome.reason === "forbidden") return { ok: false, denied: 403 };
    return { ok: false, refusal: outcome.reason, cutoffHours: null };
  }
  const outcome = await (intent === "release" ? releaseShift : requestRelease)(
    db,
    jobs,
    actor,
    shiftId,
  );
  if (outcome.ok) return { ok: true, done: DONE[intent] };
  // Not on it, or no such shift for this reader: only the second is a 404. Asked only here, so a
  // claim (the busy path) costs no extra queries.
  if (outcome.reason === "not_found" && !(await getShiftDetail(db, actor, shiftId)))
    return { ok: false, denied: 404 };
  return {
    ok: false,
    refusal: outcome.reason === "not_found" ? "not_on_shift" : outcome.reason,
    cutoffHours: outcome.cutoffHours ?? null,
  };
}

/** How an action's outcome reads on the page: a catalog key and its values. */
export function describeShiftOutcome(
  outcome: Exclude<ShiftActionOutcome, { denied: number }>,
): Omit<Outcome, "id" | "at"> {
  if (outcome.ok) return { tone: "success", message: `shifts:done.${outcome.done}` };
  if (outcome.refusal === "after_cutoff")
    return {
      tone: "error",
      message: "shifts:refusals.after_cutoff",
      values: { count: outcome.cutoffHours ?? 24 },
    };
  return { tone: "error", message: `shifts:refusals.${outcome.refusal}` };
}
