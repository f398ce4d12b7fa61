import { type RawBuilder, sql } from "kysely";
import type { ReportTopic } from "../../../db/schema.ts";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import { REPORT_TOPICS } from "~/modules/shift-reports/topics.ts";
import { addDays, localInstant } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { type ReportFilter, monthsOf } from "./filter.server.ts";

// The funder's figures: per digibank, per digipunt and per month, exactly as
// docs/decisions/024-what-the-figures-count.md defines them. One pass over the period's shifts
// per kind of figure (work, fill, topics), each with GROUPING SETS so the three levels and the
// total come from the same rows and can never disagree.

/** Every digibank must reach this many adults (counted from its start). */
export const ADULT_TARGET = 1000;

export interface Figures {
  /** Distinct people (accounts, and outside volunteers by name) with a shift worked. */
  volunteers: number;
  /** Minutes worked: the report's when there is one, otherwise the shift's scheduled length. */
  minutes: number;
  /** Of those, the minutes that come from reports. */
  reportedMinutes: number;
  shiftsWorked: number;
  reports: number;
  peopleHelped: number;
  referrals: number;
  /** Confirmed claims and capacity of the scheduled shifts that started in the period. */
  confirmed: number;
  capacity: number;
  /** Course completions in the period (per digibank: of its volunteers); null for a digipunt. */
  completions: number | null;
  /** Per topic, the reports naming it. */
  topics: Record<ReportTopic, number>;
}

export interface DigibankFigures extends Figures {
  id: number;
  name: string;
  startedOn: string;
  /** People helped at its digipunten from started_on up to the end of the period. */
  sinceStart: number;
}

export interface DigipuntFigures extends Figures {
  id: number;
  name: string;
  digibankId: number;
  digibank: string;
}

export interface MonthFigures extends Figures {
  /** YYYY-MM, by the shift's start in Europe/Brussels. */
  month: string;
}

export interface Report {
  from: string;
  until: string;
  total: Figures & { sinceStart: number; target: number };
  digibanks: DigibankFigures[];
  digipunten: DigipuntFigures[];
  months: MonthFigures[];
}

export interface ReportDigibank {
  id: number;
  name: string;
  regionId: number;
  startedOn: string;
}

/** The digibanken this person may see figures of: all for an admin. */
export async function listReportDigibanks(db: Database, actor: Actor): Promise<ReportDigibank[]> {
  const rows = await db
    .selectFrom("digibanks")
    .select(["id", "name", "region_id as regionId", "started_on as startedOn"])
    .orderBy("name")
    .orderBy("id")
    .$if(!isAdmin(actor), (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("id", "in", actor.coordinatedDigibankIds.length ? actor.coordinatedDigibankIds : [-1]),
          eb("region_id", "in", actor.staffRegionIds.length ? actor.staffRegionIds : [-1]),
        ]),
      ),
    )
    .execute();
  return rows.filter((bank) => may(actor, { action: "view_reports", digibank: bank }));
}

export type ReportOutcome = { ok: true; report: Report } | { ok: false; reason: "not_found" };

function emptyTopics(): Record<ReportTopic, number> {
  return Object.fromEntries(REPORT_TOPICS.map((t) => [t, 0])) as Record<ReportTopic, number>;
}

function emptyFigures(completions: number | null = 0): Figures {
  return {
    volunteers: 0,
    minutes: 0,
    reportedMinutes: 0,
    shiftsWorked: 0,
    reports: 0,
    peopleHelped: 0,
    referrals: 0,
    confirmed: 0,
    capacity: 0,
    completions,
    topics: emptyTopics(),
  };
}

/** The rows of one level: GROUPING(digibank, digipunt, month) as PostgreSQL numbers them. */
const LEVEL = { digibank: 3, digipunt: 1, month: 6, total: 7 } as const;

interface Keyed {
  g: number;
  digibank_id: number | null;
  digipunt_id: number | null;
  month: string | null;
}

/** The shifts of the period at these digibanken's digipunten, with their local month. */
function periodShifts(bankIds: number[], start: Date, end: Date): RawBuilder<unknown> {
  return sql`
    select sh.id, sh.digipunt_id, p.digibank_id, sh.starts_at, sh.ends_at, sh.status,
           sh.capacity, sh.confirmed_count,
           to_char(sh.starts_at at time zone 'Europe/Brussels', 'YYYY-MM') as month
    from shifts sh
    join digipunten p on p.id = sh.digipunt_id
    where sh.starts_at >= ${start} and sh.starts_at < ${end}
      and p.digibank_id in (${sql.join(bankIds)})`;
}

const GROUPING_SETS = sql`grouping sets ((s.digibank_id), (s.digibank_id, s.digipunt_id), (s.month), ())`;
const GROUPING = sql<number>`grouping(s.digibank_id, s.digipunt_id, s.month)::int`;

/**
 * The work done in the period: who worked which shift (decision 024) with the minutes and what
 * their report says, aggregated per digibank, digipunt, month and in total.
 */
export function workQuery(bankIds: number[], start: Date, end: Date, now: Date) {
  return sql<
    Keyed & {
      volunteers: number;
      shifts_worked: number;
      minutes: number;
      reported_minutes: number;
      reports: number;
      people_helped: number;
      referrals: number;
    }
  >`
    with s as (${periodShifts(bankIds, start, end)}),
    -- Who worked which shift: on an ended scheduled shift, a confirmed claim (not a no-show) or a
    -- report; one row per person and shift, with their report when there is one. A cancelled
    -- shift never counts, report or not (as on the experience page).
    k as (
      select shift_id, user_id, name, max(report_id) as report_id
      from (
        select c.shift_id, c.user_id, null::text as name, null::int as report_id
        from s join shift_claims c on c.shift_id = s.id
        where s.status = 'scheduled' and s.ends_at <= ${now}
          and c.status = 'confirmed' and c.attendance is distinct from 'no_show'
        union all
        select r.shift_id, r.user_id,
               case when r.user_id is null then lower(r.volunteer_name) end, r.id
        from s join shift_reports r on r.shift_id = s.id
        where s.status = 'scheduled' and s.ends_at <= ${now}
      ) x
      group by shift_id, user_id, name
    ),
    w as (
      select s.digibank_id, s.digipunt_id, s.month, s.id as shift_id,
             coalesce('u' || k.user_id::text, 'n' || k.name) as person,
             coalesce(r.minutes_worked,
                      round(extract(epoch from (s.ends_at - s.starts_at)) / 60)::int) as minutes,
             r.minutes_worked as reported_minutes, r.people_helped, r.referrals, r.id as report_id
      from k
      join s on s.id = k.shift_id
      left join shift_reports r on r.id = k.report_id
    ),
    -- Per person, digipunt and month first: the distinct counts below then sort far fewer rows.
    p as (
      select digibank_id, digipunt_id, month, person,
             count(*) as shifts_worked, sum(minutes) as minutes,
             sum(reported_minutes) as reported_minutes, count(report_id) as reports,
             sum(people_helped) as people_helped, sum(referrals) as referrals
      from w
      group by digibank_id, digipunt_id, month, person
    )
    select s.digibank_id, s.digipunt_id, s.month, ${GROUPING} as g,
           count(distinct s.person)::int as volunteers,
           coalesce(sum(s.shifts_worked), 0)::int as shifts_worked,
           coalesce(sum(s.minutes), 0)::int as minutes,
           coalesce(sum(s.reported_minutes), 0)::int as reported_minutes,
           coalesce(sum(s.reports), 0)::int as reports,
           coalesce(sum(s.people_helped), 0)::int as people_helped,
           coalesce(sum(s.referrals), 0)::int as referrals
    from p s
    group by ${GROUPING_SETS}`;
}

function fillQuery(bankIds: number[], start: Date, end: Date) {
  return sql<Keyed & { confirmed: number; capacity: number }>`
    with s as (${periodShifts(bankIds, start, end)})
    select s.digibank_id, s.digipunt_id, s.month, ${GROUPING} as g,
           coalesce(sum(s.confirmed_count), 0)::int as confirmed,
           coalesce(sum(s.capacity), 0)::int as capacity
    from s where s.status = 'scheduled'
    group by ${GROUPING_SETS}`;
}

function topicQuery(bankIds: number[], start: Date, end: Date, now: Date) {
  return sql<Keyed & { topic: ReportTopic; reports: number }>`
    with s as (${periodShifts(bankIds, start, end)})
    select s.digibank_id, s.digipunt_id, s.month, ${GROUPING} as g, t.topic,
           count(*)::int as reports
    from s
    join shift_reports r on r.shift_id = s.id
    cross join lateral unnest(r.topics) as t(topic)
    where s.status = 'scheduled' and s.ends_at <= ${now}
    group by grouping sets ((s.digibank_id, t.topic), (s.digibank_id, s.digipunt_id, t.topic),
                            (s.month, t.topic), (t.topic))`;
}

/** People helped at each digibank's digipunten from its start date up to the period's end. */
export function sinceStartQuery(bankIds: number[], end: Date) {
  return sql<{ digibank_id: number; people_helped: number }>`
    select p.digibank_id, coalesce(sum(r.people_helped), 0)::int as people_helped
    from shift_reports r
    join shifts sh on sh.id = r.shift_id
    join digipunten p on p.id = sh.digipunt_id
    join digibanks d on d.id = p.digibank_id
    where p.digibank_id in (${sql.join(bankIds)})
      and sh.status = 'scheduled'
      and sh.starts_at >= (d.started_on::timestamp at time zone 'Europe/Brussels')
      and sh.starts_at < ${end}
    group by p.digibank_id`;
}

/** Completions in the period of the digibanken's volunteers: one row per enrolment and digibank. */
function completionsQuery(bankIds: number[], start: Date, end: Date) {
  return sql<{ id: number; digibank_id: number; month: string }>`
    select e.id, ra.digibank_id,
           to_char(e.completed_at at time zone 'Europe/Brussels', 'YYYY-MM') as month
    from course_enrolments e
    join role_assignments ra on ra.user_id = e.user_id and ra.role = 'volunteer'
    where ra.digibank_id in (${sql.join(bankIds)})
      and e.completed_at >= ${start} and e.completed_at < ${end}`;
}

/**
 * The report of a period for one digibank or every digibank the actor may see. A digibank outside
 * their scope (or that does not exist) is not_found.
 */
export async function buildReport(
  db: Database,
  actor: Actor,
  filter: Pick<ReportFilter, "from" | "until" | "digibankId">,
  { now = new Date() }: { now?: Date } = {},
): Promise<ReportOutcome> {
  const inScope = await listReportDigibanks(db, actor);
  const banks =
    filter.digibankId === null ? inScope : inScope.filter((b) => b.id === filter.digibankId);
  if (filter.digibankId !== null && banks.length === 0) return { ok: false, reason: "not_found" };
  return { ok: true, report: await reportOf(db, banks, filter, now) };
}

/**
 * What the home page's card says of a period (people helped, places filled), for these digibanken:
 * the report's own work and fill queries, read at their total level, without the rest of the
 * report (topics, completions, digipunten, and people helped since each digibank started, which
 * reads every report since then). So the card agrees with the reports page and costs what the
 * period holds.
 */
export async function reportTotals(
  db: Database,
  banks: ReportDigibank[],
  { from, until }: Pick<ReportFilter, "from" | "until">,
  now: Date,
): Promise<Pick<Figures, "peopleHelped" | "confirmed" | "capacity">> {
  if (banks.length === 0) return { peopleHelped: 0, confirmed: 0, capacity: 0 };
  const ids = banks.map((b) => b.id);
  const start = localInstant(from, "00:00");
  const end = localInstant(addDays(until, 1), "00:00");
  const [work, fill] = await Promise.all([
    workQuery(ids, start, end, now).execute(db),
    fillQuery(ids, start, end).execute(db),
  ]);
  const worked = work.rows.find((row) => row.g === LEVEL.total);
  const filled = fill.rows.find((row) => row.g === LEVEL.total);
  return {
    peopleHelped: worked?.people_helped ?? 0,
    confirmed: filled?.confirmed ?? 0,
    capacity: filled?.capacity ?? 0,
  };
}

/** The figures of these digibanken (the caller has checked that the reader may see them). */
export async function reportOf(
  db: Database,
  banks: ReportDigibank[],
  { from, until }: Pick<ReportFilter, "from" | "until">,
  now: Date,
): Promise<Report> {
  const start = localInstant(from, "00:00");
  const end = localInstant(addDays(until, 1), "00:00");
  const months = monthsOf(from, until);
  const report: Report = {
    from,
    until,
    total: { ...emptyFigures(), sinceStart: 0, target: ADULT_TARGET * banks.length },
    digibanks: banks.map((b) => ({
      ...emptyFigures(),
      id: b.id,
      name: b.name,
      startedOn: b.startedOn,
      sinceStart: 0,
    })),
    digipunten: [],
    months: months.map((month) => ({ ...emptyFigures(), month })),
  };
  if (banks.length === 0) return report;
  const ids = banks.map((b) => b.id);

  const [work, fill, topics, sinceStart, completions, punten] = await Promise.all([
    workQuery(ids, start, end, now).execute(db),
    fillQuery(ids, start, end).execute(db),
    topicQuery(ids, start, end, now).execute(db),
    sinceStartQuery(ids, end).execute(db),
    completionsQuery(ids, start, end).execute(db),
    db
      .selectFrom("digipunten")
      .select(["id", "name", "digibank_id as digibankId"])
      .where("digibank_id", "in", ids)
      .execute(),
  ]);

  const bankById = new Map(report.digibanks.map((b) => [b.id, b]));
  const monthByKey = new Map(report.months.map((m) => [m.month, m]));
  const puntById = new Map<number, DigipuntFigures>();
  const puntOf = (id: number) => {
    let punt = puntById.get(id);
    if (!punt) {
      const known = punten.find((p) => p.id === id)!;
      punt = {
        ...emptyFigures(null),
        id,
        name: known.name,
        digibankId: known.digibankId,
        digibank: bankById.get(known.digibankId)!.name,
      };
      puntById.set(id, punt);
    }
    return punt;
  };
  const target = (row: Keyed): Figures | undefined => {
    if (row.g === LEVEL.total) return report.total;
    if (row.g === LEVEL.digibank) return bankById.get(row.digibank_id!);
    if (row.g === LEVEL.digipunt) return puntOf(row.digipunt_id!);
    if (row.g === LEVEL.month) return monthByKey.get(row.month!);
    return undefined;
  };

  for (const row of work.rows) {
    const figures = target(row);
    if (!figures) continue;
    Object.assign(figures, {
      volunteers: row.volunteers,
      shiftsWorked: row.shifts_worked,
      minutes: row.minutes,
      reportedMinutes: row.reported_minutes,
      reports: row.reports,
      peopleHelped: row.people_helped,
      referrals: row.referrals,
    });
  }
  for (const row of fill.rows) {
    const figures = target(row);
    if (figures) Object.assign(figures, { confirmed: row.confirmed, capacity: row.capacity });
  }
  for (const row of topics.rows) {
    const figures = target(row);
    if (figures) figures.topics[row.topic] = row.reports;
  }
  for (const row of sinceStart.rows) {
    const bank = bankById.get(row.digibank_id);
    if (bank) bank.sinceStart = row.people_helped;
    report.total.sinceStart += row.people_helped;
  }
  // An enrolment counts once in the total and per month, even when its volunteer helps at two
  // digibanken (it then counts for each of them).
  const counted = new Set<number>();
  for (const row of completions.rows) {
    const bank = bankById.get(row.digibank_id);
    if (bank) bank.completions = (bank.completions ?? 0) + 1;
    if (counted.has(row.id)) continue;
    counted.add(row.id);
    report.total.completions = (report.total.completions ?? 0) + 1;
    const month = monthByKey.get(row.month);
    if (month) month.completions = (month.completions ?? 0) + 1;
  }

  report.digipunten = [...puntById.values()].sort(
    (a, b) =>
      a.digibank.localeCompare(b.digibank, "nl") ||
      a.name.localeCompare(b.name, "nl") ||
      a.id - b.id,
  );
  return report;
}
