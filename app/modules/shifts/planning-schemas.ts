import { z } from "zod";
import {
  boundedInt,
  calendarDate,
  id,
  isCalendarDate,
  multiLineText,
  singleLineText,
} from "~/utils/schemas.ts";
import { WEEKDAYS } from "./weekdays.ts";

// Form schemas of the planning pages, shared by the browser and the server. Messages are catalog
// keys, translated where they are shown.

export { WEEKDAYS };

const required = "auth:fields.required";
const time = z
  .string({ required_error: required })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "planning:errors.time");
const date = calendarDate();

/** Reads "5/4/2027", "05-04-2027" or "2027-04-05" as 2027-04-05; null when it is none of them. */
export function readDate(text: string): string | null {
  const value = text.trim();
  if (isCalendarDate(value)) return value;
  const match = value.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : null;
}

/** Dates people type in one field, separated by commas, semicolons, spaces or new lines. */
const dateList = z
  .string()
  .max(4000, "auth:fields.tooLong")
  .optional()
  .transform((text, ctx) => {
    const parts = (text ?? "").split(/[\s,;]+/).filter(Boolean);
    const dates = parts.map(readDate);
    if (dates.some((d) => d === null)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "planning:errors.skippedDates" });
      return z.NEVER;
    }
    return dates as string[];
  });

const details = {
  startTime: time,
  endTime: time,
  capacity: boundedInt({ min: 1, max: 50, message: "planning:errors.capacity" }),
  requiredSkillId: id().optional(),
  firstShiftFriendly: z.literal("on").optional(),
  notes: multiLineText({ max: 2000 }).optional(),
  address: singleLineText({ max: 300 }).optional(),
};

function endAfterStart(value: { startTime: string; endTime: string }, ctx: z.RefinementCtx) {
  if (value.endTime <= value.startTime)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["endTime"],
      message: "planning:errors.endBeforeStart",
    });
}

export const NewShiftSchema = z
  .object({
    digipuntId: id(),
    kind: z.enum(["once", "weekly"], { required_error: required }),
    date: date.optional(),
    firstDate: date.optional(),
    lastDate: date.optional(),
    weekdays: z.array(z.enum(WEEKDAYS)).optional(),
    skippedDates: dateList,
    ...details,
  })
  .superRefine((value, ctx) => {
    endAfterStart(value, ctx);
    const need = (path: string, message = required) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (value.kind === "once") {
      if (!value.date) need("date");
      return;
    }
    if (!value.firstDate) need("firstDate");
    if (!value.lastDate) need("lastDate");
    if (!value.weekdays?.length) need("weekdays", "planning:errors.weekdays");
    if (value.firstDate && value.lastDate && value.lastDate < value.firstDate)
      need("lastDate", "planning:errors.lastBeforeFirst");
  });

const editShift = z.object({
  intent: z.literal("edit"),
  scope: z.enum(["this", "following"]).default("this"),
  date: date.optional(),
  ...details,
});

/** The edit form of a shift page (its other forms are single buttons). */
export const EditShiftSchema = editShift.superRefine(endAfterStart);

export const PlanningActionSchema = z
  .discriminatedUnion("intent", [
    editShift,
    z.object({
      intent: z.literal("cancel"),
      scope: z.enum(["this", "following"]).default("this"),
      reason: multiLineText({ max: 500 }).optional(),
    }),
    z.object({ intent: z.literal("remove"), claimId: id() }),
    z.object({ intent: z.literal("release"), claimId: id() }),
    z.object({
      intent: z.literal("attendance"),
      claimId: id(),
      attendance: z.enum(["present", "no_show"]),
    }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent === "edit") endAfterStart(value, ctx);
  });

/** A range of local dates from a query string, defaulting to `days` days from `today`. */
export function readRange(
  params: URLSearchParams,
  today: string,
  defaultUntil: string,
): { from: string; until: string } {
  const from = readDate(params.get("from") ?? "") ?? today;
  const until = readDate(params.get("to") ?? "") ?? defaultUntil;
  return until < from ? { from, until: from } : { from, until };
}

/** The export form: the range and digibank of the reports page (each may be left out). */
export const ExportSchema = z.object({
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  digibank: id().optional(),
});
