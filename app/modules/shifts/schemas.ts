import { z } from "zod";
import { id } from "~/utils/schemas.ts";

// What the shift pages accept: the action a volunteer takes on one shift. (The filters of the
// calendar, the list and the events feed are in filters.ts, free of zod.)

export const SHIFT_INTENTS = ["claim", "reserve", "release", "request_release"] as const;
export type ShiftIntent = (typeof SHIFT_INTENTS)[number];

/** A button on the list: which shift, and what to do with it. */
export const ShiftActionSchema = z.object({
  intent: z.enum(SHIFT_INTENTS),
  shiftId: id(),
});

/** A button on a shift's own page: the shift is the page's. */
export const ShiftPageActionSchema = z.object({ intent: z.enum(SHIFT_INTENTS) });

/** The confirmation shown after a successful action (a catalog key under shifts:done). */
export type DoneMessage = "claimed" | "reserved" | "released" | "requested";
