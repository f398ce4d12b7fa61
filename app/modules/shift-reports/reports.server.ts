import { sql } from "kysely";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import { findPlannedShift } from "~/modules/shifts/series.server.ts";
import { type Database, inTransaction } from "~/utils/db.server.ts";
import type { ReportInput } from "./report-schemas.server.ts";
import { findSensitiveData } from "./sensitive.ts";

// Filing a shift report, correcting it, and a coordinator recording one for a volunteer. Who may
// file: a volunteer of the shift's digibank (report_shift) who was on it (a confirmed claim, not
// marked no_show), once it has started. One report per person and shift: the unique index holds
// it, so two tabs or a double click give one row and the second is told so.

/** A report can be corrected for this many days after it was filed; then it is read-only. */
export const CORRECTION_DAYS = 14;
const DAY = 86_400_000;

type Db = Database;

export type ReportRefusal =
  "not_started" | "cancelled" | "already_filed" | "locked" | "sensitive" | "not_on_roster";

export type SaveOutcome =
  | { ok: true; reportId: number; created: boolean; hasReflection: boolean }
  | { ok: false; denied: 404 | 403 }
  | { ok: false; reason: ReportRefusal };

/** The shift with what the report page needs, when the actor may report on its digibank. */
async function findReportableShift(db: Db, actor: Actor, shiftId: number) {
  const shift = await db
    .selectFrom("shifts as s")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .innerJoin("digibanks as d", "d.id", "p.digibank_id")
    .select([
      "s.id",
      "s.starts_at as startsAt",
      "s.ends_at as endsAt",
      "s.status",
      "p.name as digipunt",
      "d.id as digibankId",
      "d.region_id as regionId",
    ])
    .where("s.id", "=", shiftId)
    .executeTakeFirst();
  if (!shift) return null;
  if (
    !may(actor, {
      action: "report_shift",
      digibank: { id: shift.digibankId, regionId: shift.regionId },
    })
  )
    return null;
  return shift;
}

const REPORT_COLUMNS = [
  "id",
  "people_helped as peopleHelped",
  "topics",
  "other_topic as otherTopic",
  "minutes_worked as minutesWorked",
  "referrals",
  "reflection",
  "recorded_by as recordedBy",
  "created_at as createdAt",
  "updated_at as updatedAt",
] as const;

async function ownReport(db: Db, userId: number, shiftId: number) {
  return db
    .selectFrom("shift_reports")
    .select(REPORT_COLUMNS)
    .where("shift_id", "=", shiftId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Whether this person was on the shift: confirmed, and not marked absent. */
async function wasOnShift(db: Db, userId: number, shiftId: number) {
  const claim = await db
    .selectFrom("shift_claims")
    .select("id")
    .where("shift_id", "=", shiftId)
    .where("user_id", "=", userId)
    .where("status", "=", "confirmed")
    .where((eb) => eb.or([eb("attendance", "is", null), eb("attendance", "!=", "no_show")]))
    .executeTakeFirst();
  return !!claim;
}

export const correctableUntil = (createdAt: Date) =>
  new Date(createdAt.getTime() + CORRECTION_DAYS * DAY);

/**
 * The volunteer's report page: the shift, their report if any and whether it can still change.
 * `denied`: 404 outside their digibanken, 403 for a shift of theirs they were not on.
 */
export async function getOwnReportPage(db: Db, actor: Actor, shiftId: number, now = new Date()) {
  return readOwnReportPage(db, actor, shiftId, now) as Promise<OwnReportPage>;
}

export type OwnReportPage =
  | ({ denied?: undefined } & Exclude<
      Awaited<ReturnType<typeof readOwnReportPage>>,
      { denied: 403 | 404 }
    >)
  | { denied: 403 | 404 };

async function readOwnReportPage(db: Db, actor: Actor, shiftId: number, now: Date) {
  const shift = await findReportableShift(db, actor, shiftId);
  if (!shift) return { denied: 404 as const };
  const report = await ownReport(db, actor.id, shiftId);
  // Someone with a report (a coordinator may have recorded it from paper) may read it.
  if (!report && !(await wasOnShift(db, actor.id, shiftId))) return { denied: 403 as const };
  const until = report ? correctableUntil(report.createdAt) : null;
  return {
    shift: {
      id: shift.id,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      digipunt: shift.digipunt,
      cancelled: shift.status === "cancelled",
      started: shift.startsAt <= now,
      /** The scheduled length, which prefills "hours worked". */
      minutes: Math.min(1440, Math.max(1, Math.round((+shift.endsAt - +shift.startsAt) / 60_000))),
    },
    report: report ?? null,
    correctableUntil: until,
    canEdit: !report || (until !== null && now < until),
  };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";

/** Refuses text that looks like someone's data: the form warns, this is the check. */
function holdsSensitiveData(input: ReportInput) {
  return (
    findSensitiveData(input.reflection).length > 0 ||
    findSensitiveData(input.otherTopic ?? "").length > 0
  );
}

function reportRow(input: ReportInput) {
  return {
    people_helped: input.peopleHelped,
    topics: input.topics,
    other_topic: input.topics.includes("other") ? input.otherTopic : null,
    minutes_worked: input.minutesWorked,
    referrals: input.referrals,
    reflection: input.reflection,
  };
}

/**
 * Files the volunteer's report (reportId null) or corrects it (its id). A new report when one is
 * already there (a second tab, a double click) is refused as already_filed, and nothing changes.
 */
export async function saveOwnReport(
  db: Db,
  actor: Actor,
  shiftId: number,
  input: ReportInput & { reportId: number | null },
  now = new Date(),
): Promise<SaveOutcome> {
  if (holdsSensitiveData(input)) return { ok: false, reason: "sensitive" };
  try {
    return await inTransaction(db, async (trx): Promise<SaveOutcome> => {
      const page = await getOwnReportPage(trx, actor, shiftId, now);
      if (page.denied) return { ok: false, denied: page.denied };
      if (page.shift.cancelled) return { ok: false, reason: "cancelled" };
      if (!page.shift.started) return { ok: false, reason: "not_started" };
      const hasReflection = input.reflection.length > 0;
      if (page.report) {
        if (input.reportId !== page.report.id) return { ok: false, reason: "already_filed" };
        // Locked from the report's filing, checked again in the update itself.
        const updated = await trx
          .updateTable("shift_reports")
          .set({ ...reportRow(input), updated_at: now })
          .where("id", "=", page.report.id)
          .where("created_at", ">", new Date(now.getTime() - CORRECTION_DAYS * DAY))
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return { ok: false, reason: "locked" };
        return { ok: true, reportId: page.report.id, created: false, hasReflection };
      }
      // A correction of a report that is not there (another id): nothing to correct.
      if (input.reportId !== null) return { ok: false, denied: 404 };
      const row = await trx
        .insertInto("shift_reports")
        .values({
          shift_id: shiftId,
          user_id: actor.id,
          ...reportRow(input),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { ok: true, reportId: row.id, created: true, hasReflection };
    });
  } catch (error) {
    // The unique index: another request filed it between our look and our insert.
    if (isUniqueViolation(error)) return { ok: false, reason: "already_filed" };
    throw error;
  }
}

/** A shift's reports and who on its roster has none yet, for a coordinator who plans it. */
export async function getShiftReportsForPlanner(
  db: Db,
  actor: Actor,
  shiftId: number,
  now = new Date(),
) {
  const shift = await findPlannedShift(db, actor, shiftId);
  if (!shift) return null;
  const reports = await db
    .selectFrom("shift_reports as r")
    .leftJoin("users as u", "u.id", "r.user_id")
    .leftJoin("users as c", "c.id", "r.recorded_by")
    .select([
      "r.id",
      "r.user_id as userId",
      sql<string>`coalesce(u.name, r.volunteer_name)`.as("name"),
      "r.people_helped as peopleHelped",
      "r.topics",
      "r.other_topic as otherTopic",
      "r.minutes_worked as minutesWorked",
      "r.referrals",
      "c.name as recordedBy",
    ])
    .where("r.shift_id", "=", shiftId)
    .orderBy("r.created_at")
    .orderBy("r.id")
    .execute();
  const reported = new Set(reports.map((r) => r.userId).filter((id) => id !== null));
  const roster = await db
    .selectFrom("shift_claims as c")
    .innerJoin("users as u", "u.id", "c.user_id")
    .select(["u.id", "u.name"])
    .where("c.shift_id", "=", shiftId)
    .where("c.status", "=", "confirmed")
    .where((eb) => eb.or([eb("c.attendance", "is", null), eb("c.attendance", "!=", "no_show")]))
    .orderBy("u.name")
    .execute();
  return {
    shift: {
      id: shift.id,
      startsAt: shift.starts_at,
      endsAt: shift.ends_at,
      digipunt: shift.digipuntName,
      digibank: shift.digibankName,
      cancelled: shift.status === "cancelled",
      started: shift.starts_at <= now,
      minutes: Math.min(
        1440,
        Math.max(1, Math.round((+shift.ends_at - +shift.starts_at) / 60_000)),
      ),
    },
    reports,
    withoutReport: roster.filter((p) => !reported.has(p.id)),
  };
}

/**
 * A coordinator records a report for someone on the roster without one, or for an outside
 * volunteer by name (once per name and shift).
 */
export async function recordShiftReport(
  db: Db,
  actor: Actor,
  shiftId: number,
  input: ReportInput & { volunteer: { userId: number } | { name: string } },
  now = new Date(),
): Promise<SaveOutcome> {
  if (holdsSensitiveData(input)) return { ok: false, reason: "sensitive" };
  try {
    return await inTransaction(db, async (trx): Promise<SaveOutcome> => {
      const shift = await findPlannedShift(trx, actor, shiftId);
      if (!shift) return { ok: false, denied: 404 };
      if (shift.status === "cancelled") return { ok: false, reason: "cancelled" };
      if (shift.starts_at > now) return { ok: false, reason: "not_started" };
      const who = input.volunteer;
      if ("userId" in who && !(await wasOnShift(trx, who.userId, shiftId)))
        return { ok: false, reason: "not_on_roster" };
      const row = await trx
        .insertInto("shift_reports")
        .values({
          shift_id: shiftId,
          user_id: "userId" in who ? who.userId : null,
          volunteer_name: "name" in who ? who.name : null,
          ...reportRow(input),
          recorded_by: actor.id,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return {
        ok: true,
        reportId: row.id,
        created: true,
        hasReflection: input.reflection.length > 0,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already_filed" };
    throw error;
  }
}

/** How far back the home page and the email ask for a report. */
export const ASK_DAYS = 14;

/**
 * Shifts this person worked (decision 024: scheduled, ended, confirmed, not no_show) that ended
 * within [from, to) and have no report of theirs, of digibanken they still volunteer for; oldest first.
 */
export function selectShiftsAwaitingReport(db: Db, { from, to }: { from: Date; to: Date }) {
  return db
    .selectFrom("shift_claims as c")
    .innerJoin("shifts as s", "s.id", "c.shift_id")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .select([
      "c.user_id as userId",
      "s.id as shiftId",
      "s.starts_at as startsAt",
      "s.ends_at as endsAt",
      "p.name as digipunt",
    ])
    .where("c.status", "=", "confirmed")
    .where((eb) => eb.or([eb("c.attendance", "is", null), eb("c.attendance", "!=", "no_show")]))
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", ">=", from)
    .where("s.ends_at", "<", to)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("role_assignments as ra")
          .select("ra.id")
          .whereRef("ra.user_id", "=", "c.user_id")
          .where("ra.role", "=", "volunteer")
          .whereRef("ra.digibank_id", "=", "p.digibank_id"),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("shift_reports as r")
            .select("r.id")
            .whereRef("r.shift_id", "=", "s.id")
            .whereRef("r.user_id", "=", "c.user_id"),
        ),
      ),
    )
    .orderBy("s.starts_at")
    .orderBy("s.id");
}

/** The home page's "how did your shift go?": worked shifts of the last 14 days without a report. */
export async function listShiftsAwaitingReport(db: Db, actor: Actor, now = new Date()) {
  return selectShiftsAwaitingReport(db, { from: new Date(now.getTime() - ASK_DAYS * DAY), to: now })
    .where("c.user_id", "=", actor.id)
    .execute();
}
