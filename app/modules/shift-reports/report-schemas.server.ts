import { z } from "zod";
import { boundedInt, id, multiLineText, singleLineText } from "~/utils/schemas.ts";
import type { ReportFormValues } from "./form-values.ts";
import { findSensitiveData } from "./sensitive.ts";
import { REPORT_TOPICS } from "./topics.ts";

// The shift report form, as the volunteer's page (/shifts/<id>/report) and the coordinator's
// (/planning/shifts/<id>/reports) post it. Server-only (decision 021): the browser warns with
// findSensitiveData alone and loads no zod. The database holds the bounds again (its CHECKs).
// Messages are catalog keys.

/** Bounds the form tells; the table's CHECKs hold the same. */
export const REPORT_BOUNDS = {
  peopleHelped: { min: 0, max: 200 },
  referrals: { min: 0, max: 200 },
  minutesWorked: { min: 1, max: 1440 },
  reflection: 4000,
  otherTopic: 200,
} as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A field that must say nothing about the people helped: one message per kind found. */
function refuseSensitive(text: string | undefined, path: string, ctx: z.RefinementCtx) {
  for (const kind of findSensitiveData(text ?? ""))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: [path],
      message: `shiftReports:errors.sensitive.${kind}`,
    });
}

const reportFields = {
  peopleHelped: boundedInt({
    ...REPORT_BOUNDS.peopleHelped,
    message: "shiftReports:errors.people",
  }),
  topics: z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(REPORT_TOPICS, { invalid_type_error: "shiftReports:errors.topic" })).max(20),
    )
    .transform((list) => [...new Set(list)]),
  otherTopic: z.preprocess(
    blankToUndefined,
    singleLineText({ max: REPORT_BOUNDS.otherTopic }).optional(),
  ),
  // Hours and minutes, as a volunteer reads a clock ("3 uur 30"), not a decimal that reads
  // differently in Dutch and English (2,5 / 2.5).
  hours: boundedInt({ min: 0, max: 24, message: "shiftReports:errors.hours" }),
  minutes: z.preprocess(
    (v) => blankToUndefined(v) ?? "0",
    boundedInt({ min: 0, max: 59, message: "shiftReports:errors.minutes" }),
  ),
  referrals: z.preprocess(
    (v) => blankToUndefined(v) ?? "0",
    boundedInt({ ...REPORT_BOUNDS.referrals, message: "shiftReports:errors.referrals" }),
  ),
  // Optional: conform reads an empty field as undefined.
  reflection: multiLineText({ max: REPORT_BOUNDS.reflection })
    .optional()
    .transform((text) => text ?? ""),
};

export interface ReportInput {
  peopleHelped: number;
  topics: Array<(typeof REPORT_TOPICS)[number]>;
  otherTopic: string | null;
  minutesWorked: number;
  referrals: number;
  reflection: string;
}

function toReportInput<
  T extends {
    peopleHelped: number;
    topics: ReportInput["topics"];
    otherTopic?: string;
    hours: number;
    minutes: number;
    referrals: number;
    reflection: string;
  },
>(v: T, ctx: z.RefinementCtx) {
  const minutesWorked = v.hours * 60 + v.minutes;
  if (
    minutesWorked < REPORT_BOUNDS.minutesWorked.min ||
    minutesWorked > REPORT_BOUNDS.minutesWorked.max
  )
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["hours"],
      message: "shiftReports:errors.hours",
    });
  const other = v.topics.includes("other");
  if (other && !v.otherTopic)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["otherTopic"],
      message: "shiftReports:errors.otherTopic",
    });
  refuseSensitive(v.reflection, "reflection", ctx);
  refuseSensitive(v.otherTopic, "otherTopic", ctx);
  const input: ReportInput = {
    peopleHelped: v.peopleHelped,
    topics: v.topics,
    // A text typed and then "other" unticked: not kept (the database allows it only with 'other').
    otherTopic: other ? (v.otherTopic ?? null) : null,
    minutesWorked,
    referrals: v.referrals,
    reflection: v.reflection,
  };
  return input;
}

/** The volunteer's own report: new (no reportId) or a correction of the one they filed. */
export const OwnReportSchema = z
  .object({ reportId: z.preprocess(blankToUndefined, id().optional()), ...reportFields })
  .transform((v, ctx) => ({ reportId: v.reportId ?? null, ...toReportInput(v, ctx) }));

/** A coordinator's report for someone on the roster ("user-12") or an outside volunteer by name. */
export const RecordedReportSchema = z
  .object({
    volunteer: z
      .string({ required_error: "shiftReports:errors.volunteer" })
      .regex(/^(user-\d{1,10}|outside)$/, "shiftReports:errors.volunteer"),
    volunteerName: z.preprocess(blankToUndefined, singleLineText({ max: 200 }).optional()),
    ...reportFields,
  })
  .transform((v, ctx) => {
    const input = toReportInput(v, ctx);
    let volunteer: { userId: number } | { name: string } | null = null;
    if (v.volunteer === "outside") {
      if (v.volunteerName) volunteer = { name: v.volunteerName };
      else
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["volunteerName"],
          message: "shiftReports:errors.volunteerName",
        });
    } else {
      const userId = Number(v.volunteer.slice(5));
      if (userId >= 1 && userId <= 2_147_483_647) volunteer = { userId };
      else
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["volunteer"],
          message: "shiftReports:errors.volunteer",
        });
    }
    return { volunteer: volunteer!, ...input };
  });

export function toReportFormValues(payload: Record<string, unknown>): ReportFormValues {
  const text = (name: string) => {
    const value = payload[name];
    return typeof value === "string" ? value : "";
  };
  const topics = payload.topics;
  return {
    reportId: text("reportId"),
    peopleHelped: text("peopleHelped"),
    topics: (Array.isArray(topics) ? topics : topics === undefined ? [] : [topics]).filter(
      (t): t is string => typeof t === "string",
    ),
    otherTopic: text("otherTopic"),
    hours: text("hours"),
    minutes: text("minutes"),
    referrals: text("referrals"),
    reflection: text("reflection"),
    volunteer: text("volunteer"),
    volunteerName: text("volunteerName"),
  };
}

/** A stored report (or a new one's defaults) as the form's fields. */
export function reportFormValues(report: {
  id?: number;
  peopleHelped?: number;
  topics?: readonly string[];
  otherTopic?: string | null;
  minutesWorked: number;
  referrals?: number;
  reflection?: string;
}): ReportFormValues {
  return {
    reportId: report.id ? String(report.id) : "",
    peopleHelped: report.peopleHelped === undefined ? "" : String(report.peopleHelped),
    topics: [...(report.topics ?? [])],
    otherTopic: report.otherTopic ?? "",
    hours: String(Math.floor(report.minutesWorked / 60)),
    minutes: String(report.minutesWorked % 60),
    referrals: String(report.referrals ?? 0),
    reflection: report.reflection ?? "",
  };
}
