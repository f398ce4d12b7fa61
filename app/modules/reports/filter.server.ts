import { localToday } from "~/modules/shifts/recurrence.ts";
import { isCalendarDate, readId } from "~/utils/schemas.ts";

// The filter of the reports page and its CSV export: a period (a month, a year, or from–to), a
// digibank (or all within the reader's scope) and the level of the table (digibank, digipunt,
// month). Read by hand: a query string needs no zod, and the page and the export share it.
// Every malformed value is an error (a key under reports:errors), which the page shows with a 400.

export const REPORT_LEVELS = ["digibank", "digipunt", "month"] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];
export const PERIOD_KINDS = ["month", "year", "range"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The longest from–to period: a year and a day, enough for any yearly report. */
export const MAX_PERIOD_DAYS = 367;

export interface ReportFilter {
  kind: PeriodKind;
  /** The local dates the period covers, both inclusive. */
  from: string;
  until: string;
  /** YYYY-MM of a month period, YYYY of a year period (for the form). */
  month: string;
  year: string;
  digibankId: number | null;
  level: ReportLevel;
}

export type FilterResult =
  { ok: true; filter: ReportFilter } | { ok: false; error: FilterError; filter: ReportFilter };

/** What is wrong with a filter: a key under reports:errors. */
export type FilterError =
  "badInput" | "level" | "digibank" | "period" | "month" | "year" | "date" | "order" | "tooLong";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The last day (YYYY-MM-DD) of a month (YYYY-MM). */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

/** The month before the one `today` (YYYY-MM-DD) falls in: the last full month. */
export function lastFullMonth(today: string): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

function daysBetween(from: string, until: string) {
  return (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(from: string, until: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const last = until.slice(0, 7);
  for (;;) {
    const text = `${year}-${String(month).padStart(2, "0")}`;
    months.push(text);
    if (text >= last) return months;
    if (month === 12) {
      year += 1;
      month = 1;
    } else month += 1;
  }
}

/**
 * Reads the filter from a query string (or a posted form): `period` month|year|range, `month`
 * YYYY-MM, `year` YYYY, `from` and `to` YYYY-MM-DD, `digibank` an id, `level`. Missing values take
 * their defaults (the last full month, every digibank, per digibank); malformed ones are an error.
 */
export function readReportFilter(
  params: URLSearchParams,
  today: string = localToday(),
): FilterResult {
  const value = (key: string) => (params.get(key) ?? "").trim();
  const defaultMonth = lastFullMonth(today);
  const filter: ReportFilter = {
    kind: "month",
    month: defaultMonth,
    year: defaultMonth.slice(0, 4),
    from: `${defaultMonth}-01`,
    until: lastDayOfMonth(defaultMonth),
    digibankId: null,
    level: "digibank",
  };
  const fail = (error: FilterError): FilterResult => ({ ok: false, error, filter });

  for (const [, text] of params) if (CONTROL.test(text)) return fail("badInput");

  const level = value("level");
  if (level) {
    if (!(REPORT_LEVELS as readonly string[]).includes(level)) return fail("level");
    filter.level = level as ReportLevel;
  }
  const digibank = value("digibank");
  if (digibank) {
    const id = readId(digibank);
    if (id === null) return fail("digibank");
    filter.digibankId = id;
  }

  const kind = value("period") || "month";
  if (!(PERIOD_KINDS as readonly string[]).includes(kind)) return fail("period");
  filter.kind = kind as PeriodKind;
  if (kind === "month") {
    const month = value("month") || defaultMonth;
    const match = MONTH.exec(month);
    if (!match || Number(match[1]) < MIN_YEAR || Number(match[1]) > MAX_YEAR) return fail("month");
    Object.assign(filter, {
      month,
      year: month.slice(0, 4),
      from: `${month}-01`,
      until: lastDayOfMonth(month),
    });
  } else if (kind === "year") {
    const year = value("year") || defaultMonth.slice(0, 4);
    if (!YEAR.test(year) || Number(year) < MIN_YEAR || Number(year) > MAX_YEAR) return fail("year");
    Object.assign(filter, { year, from: `${year}-01-01`, until: `${year}-12-31` });
  } else {
    const from = value("from");
    const until = value("to");
    if (!isCalendarDate(from) || !isCalendarDate(until)) return fail("date");
    if (Number(from.slice(0, 4)) < MIN_YEAR || Number(until.slice(0, 4)) > MAX_YEAR)
      return fail("date");
    if (until < from) return fail("order");
    if (daysBetween(from, until) >= MAX_PERIOD_DAYS) return fail("tooLong");
    Object.assign(filter, { from, until });
  }
  return { ok: true, filter };
}

/** The filter as a query string (for links and the export form). */
export function filterParams(filter: ReportFilter): Record<string, string> {
  const params: Record<string, string> = { period: filter.kind, level: filter.level };
  if (filter.kind === "month") params.month = filter.month;
  else if (filter.kind === "year") params.year = filter.year;
  else Object.assign(params, { from: filter.from, to: filter.until });
  if (filter.digibankId !== null) params.digibank = String(filter.digibankId);
  return params;
}
