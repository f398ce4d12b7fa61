import { z } from "zod";
import { boundedInt, calendarDate, id, multiLineText, singleLineText } from "~/utils/schemas.ts";

// Form schemas of the course planning pages, shared by the browser and the server. Messages are
// catalog keys, translated where they are shown. The rules people can get wrong by typing are
// checked here first; the database holds them again (docs/decisions/019-course-planning.md).

const required = "auth:fields.required";
const time = z
  .string({ required_error: required })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "planning:errors.time");

export const THEMES = ["digital_skills", "teaching_adults", "target_group", "service"] as const;
export const AUDIENCES = ["volunteers", "coordinators", "everyone"] as const;
/** A course has at least one session; more than this many is not a course but a programme. */
export const MAX_SESSIONS = 20;

/** Whose course it is: "region-3" (the region's own) or "digibank-7". */
const scope = z
  .string({ required_error: required })
  .regex(/^(region|digibank)-\d{1,10}$/, "coursePlanning:errors.scope")
  .transform((value, ctx) => {
    const [kind, n] = value.split("-") as ["region" | "digibank", string];
    const number = Number(n);
    if (number < 1 || number > 2_147_483_647) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "coursePlanning:errors.scope" });
      return z.NEVER;
    }
    return { kind, id: number };
  });

const session = z.object({
  /** An existing session being changed; none for a new one. */
  id: id().optional(),
  date: calendarDate(),
  startTime: time,
  endTime: time,
  digipuntId: id().optional(),
  address: singleLineText({ max: 300 }).optional(),
  onlineUrl: singleLineText({ max: 500 })
    .refine((url) => /^https?:\/\/\S+$/.test(url), "coursePlanning:errors.onlineUrl")
    .optional(),
});

export type SessionInput = z.infer<typeof session>;

/** Local "YYYY-MM-DDTHH:MM" in Brussels: comparable as text, as all of one course's times are. */
export const localStamp = (date: string, time: string) => `${date}T${time}`;

const courseFields = {
  scope,
  title: singleLineText({ max: 200 }),
  description: multiLineText({ max: 5000 }).optional(),
  theme: z.enum(THEMES, { required_error: required, invalid_type_error: required }),
  serviceSkillId: id().optional(),
  audience: z.enum(AUDIENCES, { required_error: required, invalid_type_error: required }),
  capacity: boundedInt({ min: 1, max: 500, message: "coursePlanning:errors.capacity" }),
  opensDate: calendarDate(),
  opensTime: time,
  closesDate: calendarDate(),
  closesTime: time,
  prerequisiteSkillId: id().optional(),
  prerequisiteCourseId: id().optional(),
  /** Empty: every session; N: at least N of them. */
  completionMinSessions: boundedInt({
    min: 1,
    max: MAX_SESSIONS,
    message: "coursePlanning:errors.completion",
  }).optional(),
  grantedSkillIds: z.array(id()).max(50).optional(),
  trainerUserIds: z.array(id()).max(50).optional(),
  /** Trainers from outside the platform, one name a line. */
  outsideTrainers: multiLineText({ max: 2000 })
    .transform((text, ctx) => {
      const names = text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      if (names.some((name) => name.length > 200) || names.length > 20) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth:fields.tooLong" });
        return z.NEVER;
      }
      return names;
    })
    .optional(),
  sessions: z
    .array(session, { required_error: "coursePlanning:errors.noSessions" })
    .min(1, "coursePlanning:errors.noSessions")
    .max(MAX_SESSIONS, "coursePlanning:errors.tooManySessions"),
};

type CourseFields = z.infer<z.ZodObject<typeof courseFields>>;

/** The checks across fields: each session's times and place, overlaps, the window, the rule. */
function checkCourse(value: CourseFields, ctx: z.RefinementCtx) {
  const issue = (path: Array<string | number>, message: string) =>
    ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  value.sessions.forEach((s, i) => {
    if (s.endTime <= s.startTime)
      issue(["sessions", i, "endTime"], "coursePlanning:errors.endBeforeStart");
    const places = [s.digipuntId, s.address, s.onlineUrl].filter((p) => p !== undefined);
    if (places.length !== 1) issue(["sessions", i, "address"], "coursePlanning:errors.place");
  });
  // Sessions of one course never overlap (the database's exclusion constraint holds it too).
  const spans = value.sessions
    .map((s, i) => ({
      i,
      start: localStamp(s.date, s.startTime),
      end: localStamp(s.date, s.endTime),
    }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (let k = 1; k < spans.length; k++)
    if (spans[k]!.start < spans[k - 1]!.end)
      issue(["sessions", spans[k]!.i, "startTime"], "coursePlanning:errors.overlap");
  const opens = localStamp(value.opensDate, value.opensTime);
  const closes = localStamp(value.closesDate, value.closesTime);
  if (closes <= opens) issue(["closesDate"], "coursePlanning:errors.windowOrder");
  // Enrolment closes no later than the first session starts: who comes must be known by then.
  if (spans.length > 0 && closes > spans[0]!.start)
    issue(["closesDate"], "coursePlanning:errors.windowAfterStart");
  if (value.theme === "service" && value.serviceSkillId === undefined)
    issue(["serviceSkillId"], "coursePlanning:errors.service");
  if (
    value.completionMinSessions !== undefined &&
    value.completionMinSessions > value.sessions.length
  )
    issue(["completionMinSessions"], "coursePlanning:errors.completion");
}

/** The course form, to create a course or change one. */
export const CourseFormSchema = z.object(courseFields).superRefine(checkCourse);
export type CourseForm = z.infer<typeof CourseFormSchema>;

/** The form's "add a session" button: re-renders the form with one more row, saving nothing. */
export const ADD_SESSION = "addSession";

/** The single-button forms of a course's overview page. */
export const CourseActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("cancel"), reason: multiLineText({ max: 500 }) }),
  z.object({ intent: z.literal("cancelSession"), sessionId: id() }),
  z.object({
    intent: z.literal("message"),
    // A fresh token per form shown: the same message posted twice is sent once.
    messageKey: z
      .string({ required_error: required })
      .regex(/^[0-9a-f-]{36}$/, "coursePlanning:errors.messageKey"),
    subject: singleLineText({ max: 150 }),
    body: multiLineText({ max: 4000 }).refine((text) => text.length > 0, required),
  }),
]);

/** What the course form shows: what was typed (or saved), every value as text. */
export interface CourseFormValues {
  scope: string;
  title: string;
  description: string;
  theme: string;
  serviceSkillId: string;
  audience: string;
  capacity: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  prerequisiteSkillId: string;
  prerequisiteCourseId: string;
  completionMinSessions: string;
  grantedSkillIds: string[];
  trainerUserIds: string[];
  outsideTrainers: string;
  sessions: Array<{
    id: string;
    date: string;
    startTime: string;
    endTime: string;
    digipuntId: string;
    address: string;
    onlineUrl: string;
  }>;
}

export const emptySession = (): CourseFormValues["sessions"][number] => ({
  id: "",
  date: "",
  startTime: "",
  endTime: "",
  digipuntId: "",
  address: "",
  onlineUrl: "",
});

// Shown again as typed, less control characters (a NUL cannot go back into the page).
/* eslint-disable-next-line no-control-regex -- removing control characters is the point */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const text = (value: unknown) =>
  typeof value === "string" ? value.slice(0, 10_000).replace(CONTROLS, "") : "";
const texts = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(text).slice(0, 50);

/**
 * A posted form back into the form's shape, to show it again as typed (after a refusal, or with
 * one more session row). Anything odd becomes empty text; the schema judges it on the next post.
 */
export function toCourseFormValues(payload: Record<string, unknown>): CourseFormValues {
  const sessions = Array.isArray(payload.sessions) ? payload.sessions.slice(0, MAX_SESSIONS) : [];
  return {
    scope: text(payload.scope),
    title: text(payload.title),
    description: text(payload.description),
    theme: text(payload.theme),
    serviceSkillId: text(payload.serviceSkillId),
    audience: text(payload.audience),
    capacity: text(payload.capacity),
    opensDate: text(payload.opensDate),
    opensTime: text(payload.opensTime),
    closesDate: text(payload.closesDate),
    closesTime: text(payload.closesTime),
    prerequisiteSkillId: text(payload.prerequisiteSkillId),
    prerequisiteCourseId: text(payload.prerequisiteCourseId),
    completionMinSessions: text(payload.completionMinSessions),
    grantedSkillIds: texts(payload.grantedSkillIds),
    trainerUserIds: texts(payload.trainerUserIds),
    outsideTrainers: text(payload.outsideTrainers),
    sessions: sessions.map((s: unknown) => {
      const row = (s && typeof s === "object" ? s : {}) as Record<string, unknown>;
      return {
        id: text(row.id),
        date: text(row.date),
        startTime: text(row.startTime),
        endTime: text(row.endTime),
        digipuntId: text(row.digipuntId),
        address: text(row.address),
        onlineUrl: text(row.onlineUrl),
      };
    }),
  };
}

/** The form with one more, empty, session row (the "add a session" button, without JavaScript). */
export function withOneMoreSession(values: CourseFormValues): CourseFormValues {
  return values.sessions.length >= MAX_SESSIONS
    ? values
    : { ...values, sessions: [...values.sessions, emptySession()] };
}
