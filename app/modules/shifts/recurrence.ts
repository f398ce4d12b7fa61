import rrulePackage from "rrule";
import { Temporal } from "temporal-polyfill";
import { WEEKDAYS, type Weekday } from "./weekdays.ts";

// Repeating shifts are patterns over *local dates* plus a local wall-clock time. The RRULE is
// expanded over dates only (rrule's "floating" UTC dates), and each date gets its start and end
// in Europe/Brussels through Temporal. So a weekly 09:00 shift stays at 09:00 on both sides of
// a daylight-saving change, while the stored instants (timestamptz) differ by an hour.

const { RRule } = rrulePackage;

export const TIME_ZONE = "Europe/Brussels";

export { WEEKDAYS, type Weekday };

export interface WeeklyPattern {
  /** First date of the series (YYYY-MM-DD), local. */
  firstDate: string;
  /** Last date of the series (YYYY-MM-DD), local, inclusive. */
  lastDate: string;
  weekdays: readonly Weekday[];
  /** Every n weeks; 1 by default. */
  intervalWeeks?: number;
}

const compact = (date: string) => date.replaceAll("-", "");

/** The RRULE text stored with a series, e.g. FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;UNTIL=20270627. */
export function toRRule(pattern: WeeklyPattern): string {
  const days = WEEKDAYS.filter((day) => pattern.weekdays.includes(day));
  if (days.length === 0) throw new Error("A weekly pattern needs at least one weekday");
  return [
    "FREQ=WEEKLY",
    `INTERVAL=${pattern.intervalWeeks ?? 1}`,
    `BYDAY=${days.join(",")}`,
    // UNTIL as a date value: the series ends on a local date, not at an instant.
    `UNTIL=${compact(pattern.lastDate)}`,
  ].join(";");
}

/** Reads back the weekdays and interval of a stored weekly RRULE (for the edit form). */
export function parseWeeklyRRule(rrule: string): { weekdays: Weekday[]; intervalWeeks: number } {
  const parts = new Map(rrule.split(";").map((part) => part.split("=") as [string, string]));
  const weekdays = (parts.get("BYDAY") ?? "")
    .split(",")
    .filter((day): day is Weekday => (WEEKDAYS as readonly string[]).includes(day));
  return { weekdays, intervalWeeks: Number(parts.get("INTERVAL") ?? "1") };
}

function utcDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/**
 * The local dates (YYYY-MM-DD) a series falls on between `from` and `until` (both inclusive),
 * minus the skipped ones.
 */
export function occurrenceDates(
  series: { rrule: string; firstDate: string; skippedDates?: readonly string[] },
  window: { from: string; until: string },
): string[] {
  const rule = new RRule({
    ...RRule.parseString(series.rrule),
    dtstart: utcDate(series.firstDate),
  });
  const skipped = new Set(series.skippedDates ?? []);
  return rule
    .between(utcDate(window.from), utcDate(window.until), true)
    .map((date) => date.toISOString().slice(0, 10))
    .filter((date) => !skipped.has(date));
}

/** The instant of a local date and wall-clock time (HH:MM) in Europe/Brussels. */
export function localInstant(date: string, time: string): Date {
  const zoned = Temporal.PlainDate.from(date)
    .toPlainDateTime(Temporal.PlainTime.from(time))
    // A time inside the spring-forward gap moves forward, as people would expect.
    .toZonedDateTime(TIME_ZONE, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in Europe/Brussels. */
export function localParts(instant: Date): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(
    TIME_ZONE,
  );
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: "minute" }),
  };
}

/** Today's local date in Europe/Brussels. */
export function localToday(now = new Date()): string {
  return localParts(now).date;
}

/** Adds days to a local date. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
