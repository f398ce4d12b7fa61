import { z } from "zod";
import { id, readId } from "~/utils/schemas.ts";

// What the shift pages accept: the action a volunteer takes on one shift, and the filters of the
// calendar, the list and the events feed (plain GET parameters, so they work without JavaScript).

export interface ShiftFilters {
  digibankId?: number | null;
  digipuntId?: number | null;
  municipalityId?: number | null;
  /** Only shifts the reader is on (or waits for). */
  mine?: boolean;
  /** Only shifts with a free spot. */
  open?: boolean;
}

export const SHIFT_INTENTS = ["claim", "reserve", "release", "request_release"] as const;
export type ShiftIntent = (typeof SHIFT_INTENTS)[number];

/** A button on the list: which shift, and what to do with it. */
export const ShiftActionSchema = z.object({
  intent: z.enum(SHIFT_INTENTS),
  shiftId: id(),
});

/** A button on a shift's own page: the shift is the page's. */
export const ShiftPageActionSchema = z.object({ intent: z.enum(SHIFT_INTENTS) });

/** The confirmation shown after a successful action (in the URL, so a reload keeps it honest). */
export const DONE_MESSAGES = ["claimed", "reserved", "released", "requested"] as const;
export type DoneMessage = (typeof DONE_MESSAGES)[number];

export function readDone(params: URLSearchParams): DoneMessage | null {
  const value = params.get("done");
  return DONE_MESSAGES.find((d) => d === value) ?? null;
}

/** Filters from a query string; anything malformed is simply left out. */
export function parseShiftFilters(params: URLSearchParams): Required<ShiftFilters> {
  return {
    digibankId: readId(params.get("digibank")),
    digipuntId: readId(params.get("digipunt")),
    municipalityId: readId(params.get("municipality")),
    mine: params.get("mine") === "1",
    open: params.get("open") === "1",
  };
}

/** The same filters back as query parameters (for links and the events feed). */
export function filterParams(filters: ShiftFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.digibankId) params.set("digibank", String(filters.digibankId));
  if (filters.digipuntId) params.set("digipunt", String(filters.digipuntId));
  if (filters.municipalityId) params.set("municipality", String(filters.municipalityId));
  if (filters.mine) params.set("mine", "1");
  if (filters.open) params.set("open", "1");
  return params;
}
