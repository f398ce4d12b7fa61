import { REPORT_TOPICS } from "~/modules/shift-reports/topics.ts";
import { formatDateTime, formatDay, formatNumber, formatPercent, hoursOf } from "~/utils/format.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import { ADULT_TARGET, type Figures, type Report } from "./figures.server.ts";
import type { ReportFilter } from "./filter.server.ts";

// The report as the page shows it: every number written out in the reader's language here, so
// the server and the browser render the very same text (and the page needs no formatting code).

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "oktober 2026", "2026", or "5 maart 2026 – 4 april 2026". */
export function periodLabel(filter: ReportFilter, language: Language) {
  if (filter.kind === "month")
    return formatDateTime(noon(`${filter.month}-15`), language, { month: "long", year: "numeric" });
  if (filter.kind === "year") return filter.year;
  const day = (date: string) => formatDay(date, language);
  return `${day(filter.from)} – ${day(filter.until)}`;
}

export function reportView(report: Report, filter: ReportFilter, language: Language) {
  const t = getFixedT(language, "reports");
  const tc = getFixedT(language, "common");
  const n = (value: number) => formatNumber(value, language);
  const hours = (minutes: number) => n(hoursOf(minutes));
  const fill = (f: Figures) => formatPercent(f.confirmed, f.capacity, language);
  const total = report.total;
  const years = new Set(report.months.map((m) => m.month.slice(0, 4)));
  const monthLabel = (month: string) =>
    formatDateTime(noon(`${month}-15`), language, {
      month: "short",
      ...(years.size > 1 ? { year: "2-digit" } : {}),
    });
  const monthLong = (month: string) =>
    formatDateTime(noon(`${month}-15`), language, { month: "long", year: "numeric" });

  const summary = [
    { key: "volunteers", label: t("summary.volunteers"), value: n(total.volunteers) },
    {
      key: "hours",
      label: t("summary.hours"),
      value: hours(total.minutes),
      note: t("summary.hoursFromReports", { hours: hours(total.reportedMinutes) }),
    },
    { key: "shifts", label: t("summary.shiftsWorked"), value: n(total.shiftsWorked) },
    { key: "helped", label: t("summary.peopleHelped"), value: n(total.peopleHelped) },
    { key: "referrals", label: t("summary.referrals"), value: n(total.referrals) },
    {
      key: "filled",
      label: t("summary.filled"),
      value: t("summary.filledValue", {
        rate: fill(total),
        confirmed: n(total.confirmed),
        capacity: n(total.capacity),
      }),
    },
    { key: "completions", label: t("summary.completions"), value: n(total.completions ?? 0) },
  ].map((item) => ({ note: null as string | null, ...item }));

  const perMonth = report.months.map((m) => ({
    key: m.month,
    label: monthLabel(m.month),
    value: m.peopleHelped,
    text: n(m.peopleHelped),
  }));
  const topics = REPORT_TOPICS.map((topic) => ({
    key: topic,
    label: tc(`topic.${topic}`),
    value: total.topics[topic],
    text: n(total.topics[topic]),
  }))
    .filter((d) => d.value > 0)
    .sort((a, b) => b.value - a.value);
  const targetText = (value: number, target: number) =>
    `${t("chart.targetValue", { value: n(value), target: n(target) })} (${formatPercent(value, target, language)})`;
  const target = report.digibanks.map((b) => ({
    key: String(b.id),
    label: b.name,
    value: b.sinceStart,
    target: ADULT_TARGET,
    text: targetText(b.sinceStart, ADULT_TARGET),
  }));
  const targetRows = report.digibanks.map((b) => [
    String(b.id),
    b.name,
    formatDay(b.startedOn, language),
    n(b.sinceStart),
    n(ADULT_TARGET),
    formatPercent(b.sinceStart, ADULT_TARGET, language),
  ]);

  const levelName = t(`level.${filter.level}`);
  const cells = (f: Figures) => [
    n(f.volunteers),
    hours(f.minutes),
    n(f.peopleHelped),
    n(f.referrals),
    fill(f),
    f.completions === null ? t("table.notApplicable") : n(f.completions),
  ];
  const rows =
    filter.level === "digibank"
      ? report.digibanks.map((b) => ({ key: `b${b.id}`, label: b.name, cells: cells(b) }))
      : filter.level === "digipunt"
        ? report.digipunten.map((p) => ({
            key: `p${p.id}`,
            label: `${p.name} (${p.digibank})`,
            cells: cells(p),
          }))
        : report.months.map((m) => ({ key: m.month, label: monthLong(m.month), cells: cells(m) }));
  const period = periodLabel(filter, language);
  return {
    period,
    digibankCount: report.digibanks.length,
    summary,
    perMonth,
    topics,
    target,
    targetRows,
    levelTitle: t("table.title", { level: levelName }),
    levelCaption: t("table.caption", { level: levelName, period }),
    levelHead: [
      t(`table.${filter.level}`),
      t("table.volunteers"),
      t("table.hours"),
      t("table.peopleHelped"),
      t("table.referrals"),
      t("table.filled"),
      t("table.completions"),
    ],
    levelRows: [...rows, { key: "total", label: t("table.total"), cells: cells(total) }],
  };
}
