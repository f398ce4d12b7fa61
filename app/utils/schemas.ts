import { z } from "zod";
import { MAX_INT, readId } from "./ids.ts";

// The rules every form field and query parameter shares, so that no schema can let through what
// PostgreSQL refuses (an int4 past 2^31-1, a NUL in text) or what the date code throws on
// (2027-02-30): such input is a 4xx with a clear message, never a 500. Shared by the browser and
// the server; messages are catalog keys.

const required = "auth:fields.required";

// Reading ids needs no zod: ids.ts, so pages that only read a query string load no zod for it.
export { MAX_INT, readId } from "./ids.ts";

/** A record's id: a whole number from 1 to MAX_INT. */
export function id(message = required) {
  return z.coerce
    .number({ required_error: required, invalid_type_error: message })
    .int(message)
    .min(1, message)
    .max(MAX_INT, message);
}

/** A whole number within bounds, each bound within what the database can hold. */
export function boundedInt({
  min = 0,
  max = MAX_INT,
  message = "auth:fields.number",
}: { min?: number; max?: number; message?: string } = {}) {
  return z.coerce
    .number({ required_error: required, invalid_type_error: message })
    .int(message)
    .min(Math.max(min, -MAX_INT - 1), message)
    .max(Math.min(max, MAX_INT), message);
}

/** The id in a path (`/shifts/$shiftId`): anything that cannot be an id is a page that does not exist. */
export function paramId(value: string | undefined): number {
  const n = value !== undefined && /^\d{1,10}$/.test(value) ? readId(value) : null;
  if (n === null) throw new Response("Not Found", { status: 404 });
  return n;
}

// C0 controls, DEL and C1 controls. Line breaks are allowed only where a field is multi-line.
/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */

export const hasControlCharacters = (text: string) => CONTROL.test(text);

/** One line of text (a name, an address): trimmed, no control characters or line breaks. */
export function singleLineText({ max, min = 1 }: { max: number; min?: number }) {
  return z
    .string({ required_error: required })
    .trim()
    .min(min, required)
    .max(max, "auth:fields.tooLong")
    .refine((text) => !CONTROL.test(text), "auth:fields.controlCharacters");
}

/** Text of several lines (notes, a message): trimmed, line breaks kept as \n, no other controls. */
export function multiLineText({ max }: { max: number }) {
  return z.preprocess(
    // Browsers send a textarea's line breaks as CR LF.
    (value) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n") : value),
    z
      .string({ required_error: required })
      .trim()
      .max(max, "auth:fields.tooLong")
      .refine((text) => !CONTROL_BUT_NEWLINE.test(text), "auth:fields.controlCharacters"),
  );
}

/** A password or other secret: kept exactly as typed (no trimming), but no control characters. */
export function secretText({
  max,
  min = 0,
  minMessage = required,
}: {
  max: number;
  min?: number;
  minMessage?: string;
}) {
  return z
    .string({ required_error: required })
    .min(min, minMessage)
    .max(max, "auth:fields.tooLong")
    .refine((text) => !CONTROL.test(text), "auth:fields.controlCharacters");
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether YYYY-MM-DD is a day on the calendar (2027-02-30 is not). The same answer as
 * Temporal.PlainDate.from(text, { overflow: "reject" }) for these strings (a unit test holds them
 * together), without loading Temporal into every form page.
 */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** A date from a query string: null when it is missing or not a calendar date. */
export function readCalendarDate(value: string | null | undefined): string | null {
  const text = value?.trim() ?? "";
  return isCalendarDate(text) ? text : null;
}

/** A calendar date field, YYYY-MM-DD. */
export function calendarDate(message = "planning:errors.date") {
  return z
    .string({ required_error: required })
    .trim()
    .refine((text) => isCalendarDate(text), message);
}
