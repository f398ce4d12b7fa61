import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import type { Actor } from "~/modules/auth/access.server.ts";
import { REPORT_TOPICS } from "~/modules/shift-reports/topics.ts";
import type { Database } from "~/utils/db.server.ts";
import { hoursOf } from "~/utils/format.ts";
import { type CsvColumn, writeCsv } from "./csv.server.ts";
import { type Figures, buildReport } from "./figures.server.ts";
import type { ReportFilter } from "./filter.server.ts";

// The report as a spreadsheet: the rows of the chosen level and a total, the same figures as the
// page (decision 024), written by the one CSV writer (decision 013). It names no one, but it is a
// download of the digibank's figures: who took it, and when, is kept.

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Row extends Figures {
  digibank: string;
  label: string;
  sinceStart?: number | null;
  target?: number | null;
}

export type ExportOutcome = { ok: true; text: string } | { ok: false; reason: "not_found" };

export async function exportReportCsv(
  db: Database,
  actor: Actor,
  filter: Pick<ReportFilter, "from" | "until" | "digibankId" | "level">,
  t: Translate,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<ExportOutcome> {
  const outcome = await buildReport(db, actor, filter, { now });
  if (!outcome.ok) return outcome;
  const { report } = outcome;
  await recordAuditEvent(db, {
    action: "report_exported",
    actorId: actor.id,
    ip,
    details: {
      from: filter.from,
      until: filter.until,
      digibankId: filter.digibankId,
      level: filter.level,
    },
  });

  const total: Row = { ...report.total, digibank: t("csv.total"), label: t("csv.total") };
  const rows: Row[] =
    filter.level === "digibank"
      ? report.digibanks.map((b) => ({ ...b, digibank: b.name, label: b.name, target: 1000 }))
      : filter.level === "digipunt"
        ? report.digipunten.map((p) => ({ ...p, digibank: p.digibank, label: p.name }))
        : report.months.map((m) => ({ ...m, digibank: "", label: m.month }));

  const column = (key: string, value: CsvColumn<Row>["value"]): CsvColumn<Row> => ({
    header: t(`csv.${key}`),
    value,
  });
  const first: CsvColumn<Row>[] =
    filter.level === "digibank"
      ? [column("digibank", (r) => r.label)]
      : filter.level === "digipunt"
        ? [column("digibank", (r) => r.digibank), column("digipunt", (r) => r.label)]
        : [column("month", (r) => r.label)];
  const columns: CsvColumn<Row>[] = [
    ...first,
    column("from", () => report.from),
    column("until", () => report.until),
    column("volunteers", (r) => r.volunteers),
    column("shiftsWorked", (r) => r.shiftsWorked),
    column("hours", (r) => hoursOf(r.minutes)),
    column("reportedHours", (r) => hoursOf(r.reportedMinutes)),
    column("reports", (r) => r.reports),
    column("peopleHelped", (r) => r.peopleHelped),
    column("referrals", (r) => r.referrals),
    column("filled", (r) => r.confirmed),
    column("capacity", (r) => r.capacity),
    column("filledShare", (r) =>
      r.capacity ? Math.round((1000 * r.confirmed) / r.capacity) / 10 : null,
    ),
    column("completions", (r) => r.completions),
    ...(filter.level === "digibank"
      ? [
          column("sinceStart", (r) => r.sinceStart ?? null),
          column("target", (r) => r.target ?? null),
        ]
      : []),
    ...REPORT_TOPICS.map((topic) => ({
      header: t("csv.topic", { topic: t(`common:topic.${topic}`) }),
      value: (r: Row) => r.topics[topic],
    })),
  ];
  return { ok: true, text: writeCsv(columns, [...rows, total]) };
}
