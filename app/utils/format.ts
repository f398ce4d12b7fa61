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
