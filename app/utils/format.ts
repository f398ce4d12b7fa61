import { fallbackLanguage, intlLocale, isLanguage } from "./i18n.ts";

// Dates and numbers are shown in the reader's locale and, for dates, in Brussels time.
export const DISPLAY_TIME_ZONE = "Europe/Brussels";

function localeOf(language: string): string {
  return intlLocale[isLanguage(language) ? language : fallbackLanguage];
}

// Building an Intl formatter costs far more than using one (a page of shifts built one per date:
// most of the home page's own time), and the locales and options in use are few, so each is built
// once per process (and per browser tab) and kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(language: string, options: Intl.DateTimeFormatOptions) {
  const locale = localeOf(language);
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, ...options });
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(language: string, options: Intl.NumberFormatOptions = {}) {
  const locale = localeOf(language);
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

export function formatDateTime(
  value: Date,
  language: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short" },
): string {
  return dateFormat(language, options).format(value);
}

/** A shift's time span: "woensdag 25 november 2026 09:00–12:00" (the date once when it is one day). */
export function formatTimeSpan(start: Date, end: Date, language: string): string {
  return dateFormat(language, { dateStyle: "full", timeStyle: "short" }).formatRange(start, end);
}

/** A span of days: "2–8 nov.", "26 okt. – 1 nov."; `from` and `to` are local dates (YYYY-MM-DD). */
export function formatDayRange(from: string, to: string, language: string): string {
  // Noon UTC is the same date in Brussels all year round.
  return dateFormat(language, { day: "numeric", month: "short" }).formatRange(
    new Date(`${from}T12:00:00Z`),
    new Date(`${to}T12:00:00Z`),
  );
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
  return numberFormat(language, { style: "percent" }).format(part / whole);
}
