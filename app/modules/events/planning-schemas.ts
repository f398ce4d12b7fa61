import { z } from "zod";
import { AUDIENCE_ROLES } from "./audience.ts";
import { boundedInt, calendarDate, id, multiLineText, singleLineText } from "~/utils/schemas.ts";

// Form schemas of the event planning pages (/events/manage): the event with its questions, the
// audience rules, the guests and the single-button intents. Messages are catalog keys, translated
// where they are shown. What people can get wrong by typing is checked here first; the database
// holds the rules again (its CHECKs on events and event_questions).

const required = "auth:fields.required";
const time = z
  .string({ required_error: required })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "planning:errors.time");

/** Up to five questions per event, as the answer page asks them. */
export const MAX_QUESTIONS = 5;
export const QUESTION_KINDS = ["text", "choice"] as const;

/** Whose event it is: "region-3" (the region's own) or "digibank-7". */
const scope = z
  .string({ required_error: required })
  .regex(/^(region|digibank)-\d{1,10}$/, "eventPlanning:errors.scope")
  .transform((value, ctx) => {
    const [kind, n] = value.split("-") as ["region" | "digibank", string];
    const number = Number(n);
    if (number < 1 || number > 2_147_483_647) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "eventPlanning:errors.scope" });
      return z.NEVER;
    }
    return { kind, id: number };
  });

const question = z
  .object({
    /** An existing question being changed; none for a new one. */
    id: id().optional(),
    kind: z.enum(QUESTION_KINDS, { required_error: required, invalid_type_error: required }),
    label: singleLineText({ max: 200 }),
    /** For a choice: the options, one a line. */
    choices: multiLineText({ max: 2000 }).optional(),
    required: z.literal("on").optional(),
  })
  .transform((q, ctx) => {
    const options =
      q.kind === "choice"
        ? [
            ...new Set(
              (q.choices ?? "")
                .split("\n")
                .map((line) => line.trim())
                .filter(Boolean),
            ),
          ]
        : null;
    if (options && (options.length < 2 || options.length > 10)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["choices"],
        message: "eventPlanning:errors.choices",
      });
      return z.NEVER;
    }
    if (options?.some((o) => o.length > 200)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["choices"],
        message: "auth:fields.tooLong",
      });
      return z.NEVER;
    }
    return { id: q.id, kind: q.kind, label: q.label, choices: options, required: !!q.required };
  });

export type QuestionInput = z.infer<typeof question>;

/** "7, 1" → [7, 1]: up to three numbers of days from 1 to 60, each once, largest first. */
const reminderDays = z
  .string()
  .max(50, "eventPlanning:errors.reminderDays")
  .optional()
  .transform((text, ctx) => {
    const parts = (text ?? "")
      .split(/[\s,;]+/)
      .map((part) => part.trim())
      .filter(Boolean);
    const days = parts.map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : NaN));
    const unique = [...new Set(days)];
    if (days.some((d) => !(d >= 1 && d <= 60)) || unique.length > 3) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "eventPlanning:errors.reminderDays" });
      return z.NEVER;
    }
    return unique.sort((a, b) => b - a);
  });

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    singleLineText({ max }).optional(),
  );

const eventFields = {
  scope,
  title: singleLineText({ max: 200 }),
  description: multiLineText({ max: 5000 }).optional(),
  startDate: calendarDate(),
  startTime: time,
  endDate: calendarDate(),
  endTime: time,
  address: optionalText(300),
  accessibilityNotes: multiLineText({ max: 1000 }).optional(),
  onlineUrl: optionalText(500).refine(
    (url) => url === undefined || /^https?:\/\/\S+$/.test(url),
    "eventPlanning:errors.onlineUrl",
  ),
  capacity: boundedInt({ min: 1, max: 10_000, message: "eventPlanning:errors.capacity" }),
  deadlineDate: calendarDate(),
  deadlineTime: time,
  maxPlusOnes: boundedInt({ min: 0, max: 10, message: "eventPlanning:errors.plusOnes" }).default(0),
  reminderDays,
  questions: z
    .array(question)
    .max(MAX_QUESTIONS, "eventPlanning:errors.tooManyQuestions")
    .optional()
    .default([]),
  contactName: singleLineText({ max: 200 }),
  contactEmail: z
    .string({ required_error: required })
    .trim()
    .max(254, "auth:fields.tooLong")
    .email("auth:fields.emailInvalid"),
  contactPhone: optionalText(40),
};

/** Local "YYYY-MM-DDTHH:MM" in Brussels: comparable as text. */
export const localStamp = (date: string, time: string) => `${date}T${time}`;

type EventFields = z.infer<z.ZodObject<typeof eventFields>>;

function checkEvent(value: EventFields, ctx: z.RefinementCtx) {
  const issue = (path: Array<string | number>, message: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const start = localStamp(value.startDate, value.startTime);
  const end = localStamp(value.endDate, value.endTime);
  const deadline = localStamp(value.deadlineDate, value.deadlineTime);
  if (end <= start) issue(["endDate"], "eventPlanning:errors.endBeforeStart");
  if (deadline > start) issue(["deadlineDate"], "eventPlanning:errors.deadlineAfterStart");
  if (value.address === undefined && value.onlineUrl === undefined)
    issue(["address"], "eventPlanning:errors.place");
}

/**
 * Question rows left wholly empty (an "add a question" row not filled in) are not questions: they
 * are dropped before the check, so only what was typed is judged.
 */
function dropEmptyQuestions(value: unknown) {
  if (!value || typeof value !== "object") return value;
  const form = value as Record<string, unknown>;
  if (!Array.isArray(form.questions)) return value;
  return {
    ...form,
    questions: form.questions.filter((q: unknown) => {
      if (!q || typeof q !== "object") return true;
      const row = q as Record<string, unknown>;
      const blank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "");
      return !(blank(row.id) && blank(row.label) && blank(row.choices));
    }),
  };
}

/** The event form, to create an event or change one. */
export const EventFormSchema = z.preprocess(
  dropEmptyQuestions,
  z.object(eventFields).superRefine(checkEvent),
);
export type EventForm = z.infer<typeof EventFormSchema>;

/** The form's "add a question" button: re-renders the form with one more row, saving nothing. */
export const ADD_QUESTION = "addQuestion";

/** The single-button forms of the edit page. */
export const EventActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({
    intent: z.literal("cancel"),
    reason: multiLineText({ max: 1000 }).refine((t) => t.length > 0, required),
  }),
]);

/** The audience rules as the audience page's form posts them. */
export const AudienceFormSchema = z.object({
  intent: z.literal("audience"),
  roles: z.array(z.enum(AUDIENCE_ROLES)).max(3).optional().default([]),
  digibankIds: z.array(id()).max(500).optional().default([]),
  municipalityIds: z.array(id()).max(500).optional().default([]),
  skillIds: z.array(id()).max(500).optional().default([]),
  courseIds: z.array(id()).max(500).optional().default([]),
});

/** Guests: the pasted text (or the uploaded file, read by the route) checked, then added. */
export const GUEST_INTENTS = ["checkGuests", "addGuests", "removeGuest", "audience"] as const;
export const RemoveGuestSchema = z.object({ intent: z.literal("removeGuest"), guestId: id() });

/** What the event form shows: what was typed (or saved), every value as text. */
export interface EventFormValues {
  scope: string;
  title: string;
  description: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  address: string;
  accessibilityNotes: string;
  onlineUrl: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  maxPlusOnes: string;
  reminderDays: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  questions: Array<{ id: string; kind: string; label: string; choices: string; required: boolean }>;
}

export const emptyQuestion = (): EventFormValues["questions"][number] => ({
  id: "",
  kind: "text",
  label: "",
  choices: "",
  required: false,
});

// Shown again as typed, less control characters (a NUL cannot go back into the page).
/* eslint-disable-next-line no-control-regex -- removing control characters is the point */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const text = (value: unknown) =>
  typeof value === "string" ? value.slice(0, 10_000).replace(CONTROLS, "") : "";

/** A posted form back into the form's shape, to show it again as typed. */
export function toEventFormValues(payload: Record<string, unknown>): EventFormValues {
  const questions = Array.isArray(payload.questions)
    ? payload.questions.slice(0, MAX_QUESTIONS)
    : [];
  return {
    scope: text(payload.scope),
    title: text(payload.title),
    description: text(payload.description),
    startDate: text(payload.startDate),
    startTime: text(payload.startTime),
    endDate: text(payload.endDate),
    endTime: text(payload.endTime),
    address: text(payload.address),
    accessibilityNotes: text(payload.accessibilityNotes),
    onlineUrl: text(payload.onlineUrl),
    capacity: text(payload.capacity),
    deadlineDate: text(payload.deadlineDate),
    deadlineTime: text(payload.deadlineTime),
    maxPlusOnes: text(payload.maxPlusOnes),
    reminderDays: text(payload.reminderDays),
    contactName: text(payload.contactName),
    contactEmail: text(payload.contactEmail),
    contactPhone: text(payload.contactPhone),
    questions: questions.map((q: unknown) => {
      const row = (q && typeof q === "object" ? q : {}) as Record<string, unknown>;
      return {
        id: text(row.id),
        kind: text(row.kind) || "text",
        label: text(row.label),
        choices: text(row.choices),
        required: row.required === "on",
      };
    }),
  };
}

/** The form with one more, empty, question row (without JavaScript). */
export function withOneMoreQuestion(values: EventFormValues): EventFormValues {
  return values.questions.length >= MAX_QUESTIONS
    ? values
    : { ...values, questions: [...values.questions, emptyQuestion()] };
}

/**
 * The errors worth telling when the form is posted only to grow by a question: what was typed
 * wrong (a NUL, a number out of range, 2027-02-30, too long), not the fields still left empty.
 */
export function typingErrors(error: Record<string, string[] | null> | null | undefined) {
  return Object.fromEntries(
    Object.entries(error ?? {})
      .map(([name, messages]) => [
        name,
        (messages ?? []).filter((m) => m !== "auth:fields.required"),
      ])
      .filter(([, messages]) => messages!.length > 0),
  ) as Record<string, string[]>;
}
