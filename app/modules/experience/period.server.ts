import { isCalendarDate } from "~/utils/schemas.ts";

// The period choices of the experience page (a year, or all time) and of the attestation (from a
// date to a date), read from the query string. What cannot be a period is an answer with a message
// in the reader's language (a catalog key here), never a 500: an impossible date, a year of five
// digits, a NUL, from after to.

/** The years a period may name: the platform's world, and what a date column holds with ease. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

export type PeriodError =
  "experience:errors.year" | "experience:errors.date" | "experience:errors.order";

export type Read<T> = { ok: true; value: T } | { ok: false; error: PeriodError };

/** `?year=2026`: that year; no year (or "all"): all time (null). */
export function readYear(params: URLSearchParams): Read<number | null> {
  const text = params.get("year");
  if (text === null || text === "" || text === "all") return { ok: true, value: null };
  if (!/^\d{4}$/.test(text)) return { ok: false, error: "experience:errors.year" };
  const year = Number(text);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, error: "experience:errors.year" };
  return { ok: true, value: year };
}

function readDate(text: string | null, fallback: string): Read<string> {
  if (text === null || text === "") return { ok: true, value: fallback };
  if (!isCalendarDate(text)) return { ok: false, error: "experience:errors.date" };
  const year = Number(text.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, error: "experience:errors.date" };
  return { ok: true, value: text };
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, each defaulting as given; from may not come after to. */
export function readDateSpan(
  params: URLSearchParams,
  defaults: { from: string; to: string },
): Read<{ from: string; to: string }> {
  const from = readDate(params.get("from"), defaults.from);
  if (!from.ok) return from;
  const to = readDate(params.get("to"), defaults.to);
  if (!to.ok) return to;
  if (from.value > to.value) return { ok: false, error: "experience:errors.order" };
  return { ok: true, value: { from: from.value, to: to.value } };
}
