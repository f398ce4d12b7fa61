import { Temporal } from "temporal-polyfill";
import { addDays, localInstant, localToday } from "./recurrence.ts";

// The time windows of the shift pages: the calendar's range bounds, and the list's weeks (Monday to
// Sunday in Europe/Brussels). Server-only: the recurrence helpers stay out of the browser bundle.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

/**
 * A range bound as the calendar sends it: an instant with an offset, or a local date or date-time
 * (read in Europe/Brussels). Null when it is none of these.
 */
export function parseRangeBound(value: string | null): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  try {
    if (DATE_ONLY.test(trimmed)) return localInstant(trimmed, "00:00");
    const local = LOCAL_DATE_TIME.exec(trimmed);
    if (local) return localInstant(local[1]!, local[2]!);
  } catch {
    return null;
  }
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The Monday (YYYY-MM-DD) of the week holding this local date, or of this week. */
export function weekStart(date: string | null, now = new Date()): string {
  let day: Temporal.PlainDate;
  try {
    day = Temporal.PlainDate.from(
      date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : localToday(now),
    );
  } catch {
    day = Temporal.PlainDate.from(localToday(now));
  }
  return day.subtract({ days: day.dayOfWeek - 1 }).toString();
}

/** A week of the list: its days, its instants, and its neighbours. */
export function listWeek(monday: string) {
  return {
    monday,
    sunday: addDays(monday, 6),
    from: localInstant(monday, "00:00"),
    to: localInstant(addDays(monday, 7), "00:00"),
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
  };
}
