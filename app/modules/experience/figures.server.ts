import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import { listSkillHoldings } from "~/modules/people/skills.server.ts";
import { localParts, localToday } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import type { ReportTopic } from "../../../db/schema.ts";

// What one person's work adds up to, counted as docs/decisions/024-what-the-figures-count.md
// says (the reports count the same work for a digibank): listWorkedShifts is the one definition of
// "a shift worked" per person, sumWork adds them up. Both the page and the attestation use them.

/** A span of local (Europe/Brussels) dates, both ends included; null ends are open. */
export interface DateSpan {
  from: string | null;
  to: string | null;
}

export interface WorkedShift {
  shiftId: number;
  digibankId: number;
  /** The shift's start as a local date (YYYY-MM-DD): the day it counts on. */
  date: string;
  /** The report's minutes when there is a report, otherwise the shift's scheduled length. */
  minutes: number;
  reported: boolean;
  peopleHelped: number;
  referrals: number;
  topics: ReportTopic[];
}

/**
 * Every shift this person worked, in time order: a scheduled (not cancelled) shift that has ended,
 * with a confirmed claim whose attendance is not no_show, or with a report by this person.
 */
export async function listWorkedShifts(
  db: Database,
  userId: number,
  { now = new Date() }: { now?: Date } = {},
): Promise<WorkedShift[]> {
  const rows = await db
    .selectFrom("shifts as s")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .leftJoin("shift_reports as r", (join) =>
      join.onRef("r.shift_id", "=", "s.id").on("r.user_id", "=", userId),
    )
    .select([
      "s.id as shiftId",
      "s.starts_at as startsAt",
      "p.digibank_id as digibankId",
      "r.id as reportId",
      "r.people_helped as peopleHelped",
      "r.referrals as referrals",
      "r.topics as topics",
      sql<number>`coalesce(r.minutes_worked, round(extract(epoch from (s.ends_at - s.starts_at)) / 60))::int`.as(
        "minutes",
      ),
    ])
    // Starts from this person's own claims and reports (by their user indexes), not from every
    // shift that has ended: the time follows what they did, not the size of the whole database.
    .where((eb) =>
      eb(
        "s.id",
        "in",
        eb
          .selectFrom("shift_claims as c")
          .select("c.shift_id")
          .where("c.user_id", "=", userId)
          .where("c.status", "=", "confirmed")
          .where((w) => w.or([w("c.attendance", "is", null), w("c.attendance", "!=", "no_show")]))
          .union(
            eb
              .selectFrom("shift_reports as r2")
              .select("r2.shift_id")
              .where("r2.user_id", "=", userId),
          ),
      ),
    )
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", "<=", now)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  return rows.map((row) => ({
    shiftId: row.shiftId,
    digibankId: row.digibankId,
    date: localParts(new Date(row.startsAt)).date,
    minutes: Number(row.minutes),
    reported: row.reportId !== null,
    peopleHelped: row.peopleHelped ?? 0,
    referrals: row.referrals ?? 0,
    topics: (row.topics ?? []) as ReportTopic[],
  }));
}

export function within(date: string, span: DateSpan) {
  return (span.from === null || date >= span.from) && (span.to === null || date <= span.to);
}

export interface WorkTotals {
  shifts: number;
  minutes: number;
  /** The part of the minutes that reports give (the rest is shifts' scheduled length). */
  reportedMinutes: number;
  reports: number;
  peopleHelped: number;
  referrals: number;
  /** Per topic named in at least one report: how many reports name it, most first. */
  topics: Array<{ topic: ReportTopic; reports: number }>;
}

/** Adds up worked shifts (already chosen for the period). */
export function sumWork(shifts: readonly WorkedShift[]): WorkTotals {
  const topics = new Map<ReportTopic, number>();
  let minutes = 0;
  let reportedMinutes = 0;
  let reports = 0;
  let peopleHelped = 0;
  let referrals = 0;
  for (const shift of shifts) {
    minutes += shift.minutes;
    if (shift.reported) {
      reports += 1;
      reportedMinutes += shift.minutes;
    }
    peopleHelped += shift.peopleHelped;
    referrals += shift.referrals;
    for (const topic of new Set(shift.topics)) topics.set(topic, (topics.get(topic) ?? 0) + 1);
  }
  return {
    shifts: shifts.length,
    minutes,
    reportedMinutes,
    reports,
    peopleHelped,
    referrals,
    topics: [...topics]
      .map(([topic, count]) => ({ topic, reports: count }))
      .sort((a, b) => b.reports - a.reports || a.topic.localeCompare(b.topic)),
  };
}

export type MilestoneCode = "first_shift" | "ten_shifts" | "fifty_hours" | "one_year";

export interface Milestone {
  code: MilestoneCode;
  /** The local date it was reached on; null while still to come. */
  reachedOn: string | null;
  /** While to come: shifts, hours or days to go; null when it cannot be told yet. */
  toGo: number | null;
}

const TEN_SHIFTS = 10;
const FIFTY_HOURS_IN_MINUTES = 50 * 60;

/**
 * The milestones over all time: first shift, 10 shifts, 50 hours (by shift order), and a year
 * as a digihelper, counted from "digihelper since" or else from the first shift worked.
 */
export function milestonesOf(
  shifts: readonly WorkedShift[],
  volunteeringSince: string | null,
  today: string,
): Milestone[] {
  let total = 0;
  let fiftyOn: string | null = null;
  for (const shift of shifts) {
    total += shift.minutes;
    if (fiftyOn === null && total >= FIFTY_HOURS_IN_MINUTES) fiftyOn = shift.date;
  }
  const since = volunteeringSince ?? shifts[0]?.date ?? null;
  const anniversary = since ? Temporal.PlainDate.from(since).add({ years: 1 }).toString() : null;
  const yearReached = anniversary !== null && anniversary <= today;
  return [
    { code: "first_shift", reachedOn: shifts[0]?.date ?? null, toGo: 1 },
    {
      code: "ten_shifts",
      reachedOn: shifts[TEN_SHIFTS - 1]?.date ?? null,
      toGo: Math.max(0, TEN_SHIFTS - shifts.length),
    },
    {
      code: "fifty_hours",
      reachedOn: fiftyOn,
      toGo: Math.max(0, Math.ceil((FIFTY_HOURS_IN_MINUTES - total) / 60)),
    },
    {
      code: "one_year",
      reachedOn: yearReached ? anniversary : null,
      toGo: anniversary && !yearReached ? daysBetween(today, anniversary) : null,
    },
  ].map((m) => (m.reachedOn ? { ...m, toGo: null } : m)) as Milestone[];
}

function daysBetween(from: string, to: string) {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: "days" })
    .days;
}

/** The first milestone still to come, in the order the page lists them. */
export function nextMilestone(milestones: readonly Milestone[]): Milestone | null {
  return milestones.find((m) => m.reachedOn === null) ?? null;
}

export interface CompletedCourse {
  courseId: number;
  title: string;
  /** Local date of completion. */
  date: string;
}

export interface EarnedSkill {
  code: string;
  /** Local date it was earned. */
  date: string;
  courseTitle: string | null;
}

/** Courses this person completed, oldest first. */
export async function listCompletedCourses(
  db: Database,
  userId: number,
): Promise<CompletedCourse[]> {
  const rows = await db
    .selectFrom("course_enrolments as e")
    .innerJoin("courses as c", "c.id", "e.course_id")
    .select(["c.id", "c.title", "e.completed_at"])
    .where("e.user_id", "=", userId)
    .where("e.completed_at", "is not", null)
    .orderBy("e.completed_at")
    .orderBy("c.id")
    .execute();
  return rows.map((row) => ({
    courseId: row.id,
    title: row.title,
    date: localParts(new Date(row.completed_at!)).date,
  }));
}

/** Skills earned in a course (not the declared ones), oldest first. */
export async function listEarnedSkills(db: Database, userId: number): Promise<EarnedSkill[]> {
  const holdings = await listSkillHoldings(db, userId);
  return holdings
    .filter((h) => h.source === "course" && h.earnedAt)
    .map((h) => ({
      code: h.code,
      date: localParts(new Date(h.earnedAt!)).date,
      courseTitle: h.courseTitle,
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));
}

export interface Experience {
  name: string;
  volunteeringSince: string | null;
  /** The years with any work or course in them, newest first (for the period choice). */
  years: number[];
  totals: WorkTotals;
  courses: CompletedCourse[];
  skills: EarnedSkill[];
  milestones: Milestone[];
}

/**
 * One person's experience in a period (a year, or all time when null). Null for someone who is
 * not an active account (a deleted person has no page).
 */
export async function loadExperience(
  db: Database,
  userId: number,
  { year = null, now = new Date() }: { year?: number | null; now?: Date } = {},
): Promise<Experience | null> {
  const user = await db
    .selectFrom("users")
    .select(["name", "volunteering_since"])
    .where("id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!user) return null;
  const [worked, courses, skills] = await Promise.all([
    listWorkedShifts(db, userId, { now }),
    listCompletedCourses(db, userId),
    listEarnedSkills(db, userId),
  ]);
  const span: DateSpan = year
    ? { from: `${year}-01-01`, to: `${year}-12-31` }
    : { from: null, to: null };
  const today = localToday(now);
  const years = new Set<number>([Number(today.slice(0, 4))]);
  for (const { date } of [...worked, ...courses, ...skills]) years.add(Number(date.slice(0, 4)));
  return {
    name: user.name,
    volunteeringSince: user.volunteering_since,
    years: [...years].sort((a, b) => b - a),
    totals: sumWork(worked.filter((s) => within(s.date, span))),
    courses: courses.filter((c) => within(c.date, span)),
    skills: skills.filter((s) => within(s.date, span)),
    milestones: milestonesOf(worked, user.volunteering_since, today),
  };
}

/** What the home card says: people helped and hours over all time, and the next milestone. */
export async function loadExperienceSummary(
  db: Database,
  userId: number,
  { now = new Date() }: { now?: Date } = {},
) {
  const [worked, user] = await Promise.all([
    listWorkedShifts(db, userId, { now }),
    db.selectFrom("users").select("volunteering_since").where("id", "=", userId).executeTakeFirst(),
  ]);
  if (worked.length === 0) return null;
  const totals = sumWork(worked);
  return {
    peopleHelped: totals.peopleHelped,
    minutes: totals.minutes,
    next: nextMilestone(milestonesOf(worked, user?.volunteering_since ?? null, localToday(now))),
  };
}
