import { fallbackLanguage, intlLocale, isLanguage } from "./i18n.ts";

// Dates and numbers are shown in the reader's locale and, for dates, in Brussels time.
export const DISPLAY_TIME_ZONE = "Europe/Brussels";

function localeOf(language: string): string {
  return intlLocale[isLanguage(language) ? language : fallbackLanguage];
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

export function formatDateTime(
  value: Date,
  language: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" },
): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: DISPLAY_TIME_ZONE,
    ...options,
  }).format(value);
}

/** A shift's time span: "woensdag 25 november 2026 09:00–12:00" (the date once when it is one day). */
export function formatTimeSpan(start: Date, end: Date, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: DISPLAY_TIME_ZONE,
    dateStyle: "full",
    timeStyle: "short",
  }).formatRange(start, end);
}

/** A span of days: "2–8 nov.", "26 okt. – 1 nov."; `from` and `to` are local dates (YYYY-MM-DD). */
export function formatDayRange(from: string, to: string, language: string): string {
  // Noon UTC is the same date in Brussels all year round.
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: DISPLAY_TIME_ZONE,
    day: "numeric",
    month: "short",
  }).formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`));
}

/** A local date (YYYY-MM-DD) in words: "31 maart 2026". */
export function formatDay(date: string, language: string): string {
  // Noon UTC is the same date in Brussels all year round.
  return formatDateTime(new Date(`${date}T12:00:00Z`), language, { dateStyle: "long" });
}

/**
 * Minutes worked as hours to one decimal: the experience page, the attestation, the reports and
 * their CSV all round the same way, so their figures agree (decision 024).
 */
export function hoursOf(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** A share as a percentage ("60 %" in Dutch), or a dash when there is nothing to share. */
export function formatPercent(part: number, whole: number, language: string): string {
  if (whole === 0) return "-";
  return new Intl.NumberFormat(localeOf(language), { style: "percent" }).format(part / whole);
}
