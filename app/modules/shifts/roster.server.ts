import { sql } from "kysely";
import type { Attendance } from "../../../db/schema.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type Actor, isAdmin } from "~/modules/auth/access.server.ts";
import { type CsvColumn, writeCsv } from "~/modules/reports/csv.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { readId } from "~/utils/schemas.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { promoteFromReserveList } from "./claims.server.ts";
import { noticeTakenOffShift } from "./notices.server.ts";
import { addDays, localInstant, localParts, localToday } from "./recurrence.ts";
import { readRange } from "./planning-schemas.ts";
import { findPlannedShift } from "./series.server.ts";

// What coordinators see of their shifts: who is on each one (with contact details, for them only),
// the reserve list in order, attendance afterwards, and how full the shifts were.

/** The digibanken whose shifts this person plans; null means all of them (an administrator). */
function plannedDigibanks(actor: Actor): number[] | null {
  return isAdmin(actor) ? null : actor.coordinatedDigibankIds;
}

/** The instants that bound the local dates `from` to `until`, both inclusive. */
function dateRange(from: string, until: string) {
  return { start: localInstant(from, "00:00"), end: localInstant(addDays(until, 1), "00:00") };
}

/** Local dates, both inclusive, and optionally one digibank (still within the actor's scope). */
export interface PlanningRange {
  from: string;
  until: string;
  digibankId?: number | null;
}

function shiftsInScope(
  db: Database,
  actor: Actor,
  { from, until, digibankId }: PlanningRange,
  /** A whole region instead of the digibanken the actor plans: for its figures, never people. */
  regionId?: number,
) {
  const banks = plannedDigibanks(actor);
  const { start, end } = dateRange(from, until);
  let query = db
    .selectFrom("shifts")
    .innerJoin("digipunten", "digipunten.id", "shifts.digipunt_id")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .where("shifts.starts_at", ">=", start)
    .where("shifts.starts_at", "<", end);
  if (regionId !== undefined) {
    const mayRead = isAdmin(actor) || actor.staffRegionIds.includes(regionId);
    query = query.where("digibanks.region_id", "=", mayRead ? regionId : -1);
  } else if (banks !== null) query = query.where("digibanks.id", "in", banks.length ? banks : [-1]);
  if (digibankId) query = query.where("digibanks.id", "=", digibankId);
  return query;
}

/** The shifts between two local dates of the digibanken this person plans, with their fill state. */
export async function listPlannedShifts(db: Database, actor: Actor, range: PlanningRange) {
  const rows = await shiftsInScope(db, actor, range)
    .leftJoin("shift_claims", (join) =>
      join
        .onRef("shift_claims.shift_id", "=", "shifts.id")
        .on("shift_claims.status", "=", "reserve"),
    )
    .select([
      "shifts.id",
      "shifts.starts_at as startsAt",
      "shifts.ends_at as endsAt",
      "shifts.capacity",
      "shifts.confirmed_count as confirmed",
      "shifts.status",
      "shifts.series_id as seriesId",
      "digipunten.name as digipunt",
      "digibanks.name as digibank",
      sql<number>`count(shift_claims.id)::int`.as("reserve"),
    ])
    .groupBy(["shifts.id", "digipunten.name", "digibanks.name"])
    .orderBy("shifts.starts_at")
    .orderBy("digipunten.name")
    .execute();
  // Release requests are asked by confirmed volunteers: counted apart from the reserve join.
  const ids = rows.map((r) => r.id);
  const requests = ids.length
    ? await db
        .selectFrom("shift_claims")
        .select(["shift_id", sql<number>`count(*)::int`.as("n")])
        .where("shift_id", "in", ids)
        .where("status", "=", "confirmed")
        .where("release_requested_at", "is not", null)
        .groupBy("shift_id")
        .execute()
    : [];
  const requestsOf = new Map(requests.map((r) => [r.shift_id, r.n]));
  return rows.map((row) => ({ ...row, releaseRequests: requestsOf.get(row.id) ?? 0 }));
}

export interface RosterPerson {
  claimId: number;
  userId: number;
  name: string;
  email: string;
  phone: string | null;
  status: "confirmed" | "reserve";
  claimedAt: Date;
  releaseRequestedAt: Date | null;
  attendance: Attendance | null;
}

/** The shift and everyone on it or waiting for it (in line order); null outside the actor's scope. */
export async function getRoster(db: Database, actor: Actor, shiftId: number) {
  const shift = await findPlannedShift(db, actor, shiftId);
  if (!shift) return null;
  const people = (await db
    .selectFrom("shift_claims")
    .innerJoin("users", "users.id", "shift_claims.user_id")
    .select([
      "shift_claims.id as claimId",
      "users.id as userId",
      "users.name",
      "users.email",
      "users.phone",
      "shift_claims.status",
      "shift_claims.claimed_at as claimedAt",
      "shift_claims.release_requested_at as releaseRequestedAt",
      "shift_claims.attendance",
    ])
    .where("shift_claims.shift_id", "=", shiftId)
    .where("shift_claims.status", "in", ["confirmed", "reserve"])
    .orderBy("shift_claims.claimed_at")
    .orderBy("shift_claims.id")
    .execute()) as RosterPerson[];
  return {
    shift,
    confirmed: people.filter((p) => p.status === "confirmed"),
    reserve: people.filter((p) => p.status === "reserve"),
  };
}

export type RosterRefusal = "not_found" | "not_started" | "past";
export type RosterOutcome = { ok: true } | { ok: false; reason: RosterRefusal };

interface ClaimOptions {
  now?: Date;
  /** The shift the page was about: a claim of another shift is not found there. */
  shiftId?: number;
}

/** The claim with its shift, when the actor plans that shift. */
async function plannedClaim(db: Database, actor: Actor, claimId: number, shiftId?: number) {
  const claim = await db
    .selectFrom("shift_claims")
    .select([
      "id",
      "shift_id as shiftId",
      "user_id as userId",
      "status",
      "release_requested_at as releaseRequestedAt",
    ])
    .where("id", "=", claimId)
    .executeTakeFirst();
  if (!claim || (shiftId !== undefined && claim.shiftId !== shiftId)) return null;
  const shift = await findPlannedShift(db, actor, claim.shiftId);
  return shift ? { claim, shift } : null;
}

/**
 * Takes someone off a shift (or its reserve list): 'removed' by the coordinator, or 'released' when
 * the coordinator grants the volunteer's own request to be released. The first in line moves up.
 */
async function endClaim(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  claimId: number,
  to: "removed" | "released",
  { now = new Date(), shiftId }: ClaimOptions,
): Promise<RosterOutcome> {
  const found = await plannedClaim(db, actor, claimId, shiftId);
  if (!found || !["confirmed", "reserve"].includes(found.claim.status))
    return { ok: false, reason: "not_found" };
  if (to === "released" && found.claim.releaseRequestedAt === null)
    return { ok: false, reason: "not_found" };
  if (found.shift.ends_at <= now) return { ok: false, reason: "past" };
  await db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable("shift_claims")
      .set({ status: to, ended_at: now, updated_at: now })
      .where("id", "=", claimId)
      .where("status", "in", ["confirmed", "reserve"])
      .executeTakeFirst();
    // Only this request's change is told: a claim another request ended meanwhile is not ours.
    if (ended.numUpdatedRows > 0n)
      await noticeTakenOffShift(
        trx,
        jobs,
        claimId,
        to === "removed" ? "removed" : "release_granted",
      );
    await promoteFromReserveList(trx, jobs, found.shift.id, { now });
    await recordAuditEvent(trx, {
      action: to === "removed" ? "shift_claim_removed" : "shift_release_granted",
      actorId: actor.id,
      subjectId: found.claim.userId,
      details: { shiftId: found.shift.id, claimId, was: found.claim.status },
    });
  });
  return { ok: true };
}

export function removeFromShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  claimId: number,
  options: ClaimOptions = {},
) {
  return endClaim(db, jobs, actor, claimId, "removed", options);
}

/** Grants a volunteer's request to be released after the cut-off. */
export function grantReleaseRequest(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  claimId: number,
  options: ClaimOptions = {},
) {
  return endClaim(db, jobs, actor, claimId, "released", options);
}

/** Present or no-show, once the shift has started; for people confirmed on it. */
export async function recordAttendance(
  db: Database,
  actor: Actor,
  claimId: number,
  attendance: Attendance,
  { now = new Date(), shiftId }: ClaimOptions = {},
): Promise<RosterOutcome> {
  const found = await plannedClaim(db, actor, claimId, shiftId);
  if (!found || found.claim.status !== "confirmed") return { ok: false, reason: "not_found" };
  if (found.shift.starts_at > now) return { ok: false, reason: "not_started" };
  await db
    .updateTable("shift_claims")
    .set({ attendance, updated_at: now })
    .where("id", "=", claimId)
    .execute();
  return { ok: true };
}

export interface FillRate {
  confirmed: number;
  capacity: number;
  shifts: number;
}

/**
 * How full the scheduled shifts between two local dates were (or are): per ISO week, and per
 * digipunt, confirmed spots against capacity. With a region: that whole region's, for its regional
 * staff (and administrators); nothing for anyone else.
 */
export async function fillRates(
  db: Database,
  actor: Actor,
  range: PlanningRange,
  { regionId }: { regionId?: number } = {},
) {
  const base = shiftsInScope(db, actor, range, regionId).where("shifts.status", "=", "scheduled");
  const totals = [
    sql<number>`coalesce(sum(shifts.confirmed_count), 0)::int`.as("confirmed"),
    sql<number>`coalesce(sum(shifts.capacity), 0)::int`.as("capacity"),
    sql<number>`count(shifts.id)::int`.as("shifts"),
  ] as const;
  const week = sql<string>`to_char(shifts.starts_at at time zone 'Europe/Brussels', 'IYYY-"W"IW')`;
  // The week's Monday, so pages can say "week 45, 2–8 nov." rather than an ISO code.
  const monday = sql<string>`min(to_char(date_trunc('week', shifts.starts_at at time zone 'Europe/Brussels'), 'YYYY-MM-DD'))`;
  const [weeks, byDigipunt] = await Promise.all([
    base
      .select([week.as("week"), monday.as("monday"), ...totals])
      .groupBy(week)
      .orderBy(week)
      .execute(),
    base
      .select([
        "digipunten.id as digipuntId",
        "digipunten.name as digipunt",
        "digibanks.name as digibank",
        ...totals,
      ])
      .groupBy(["digipunten.id", "digipunten.name", "digibanks.name"])
      .orderBy("digibanks.name")
      .orderBy("digipunten.name")
      .execute(),
  ]);
  const byWeek = weeks.map((row) => ({
    ...row,
    /** The ISO week number, 1 to 53. */
    number: Number(row.week.slice(row.week.indexOf("W") + 1)),
    sunday: addDays(row.monday, 6),
  }));
  return { byWeek, byDigipunt };
}

/** Every shift between two local dates with the people on it: one row per person (or per empty shift). */
export async function listShiftsForExport(db: Database, actor: Actor, range: PlanningRange) {
  return shiftsInScope(db, actor, range)
    .leftJoin("shift_claims", (join) =>
      join
        .onRef("shift_claims.shift_id", "=", "shifts.id")
        .on("shift_claims.status", "in", ["confirmed", "reserve"]),
    )
    .leftJoin("users", "users.id", "shift_claims.user_id")
    .select([
      "shifts.id as shiftId",
      "shifts.starts_at as startsAt",
      "shifts.ends_at as endsAt",
      "shifts.status as shiftStatus",
      "shifts.capacity",
      "shifts.confirmed_count as confirmed",
      "digibanks.name as digibank",
      "digipunten.name as digipunt",
      sql<string | null>`coalesce(shifts.address, digipunten.address)`.as("address"),
      "users.name as name",
      "users.email as email",
      "users.phone as phone",
      "shift_claims.status as claimStatus",
      "shift_claims.attendance as attendance",
    ])
    .orderBy("shifts.starts_at")
    .orderBy("digipunten.name")
    .orderBy("shift_claims.claimed_at")
    .execute();
}

/**
 * The local dates a planning page covers: ?from= and ?to= when given, otherwise `days` days from
 * `startOffset` days after today.
 */
export function planningRange(
  params: URLSearchParams,
  { startOffset = 0, days = 28 }: { startOffset?: number; days?: number } = {},
): Required<PlanningRange> {
  const start = addDays(localToday(), startOffset);
  const from = readRange(params, start, start).from;
  const range = readRange(params, start, addDays(from, days - 1));
  // At most a year and a day at once: enough for a yearly report, and the page stays light.
  const latest = addDays(range.from, 366);
  return {
    ...(range.until > latest ? { from: range.from, until: latest } : range),
    digibankId: readId(params.get("digibank")),
  };
}

type Translate = (key: string) => string;

/** The export as CSV: one row per person on a shift (or per empty shift), times in Brussels. */
export async function exportShiftsCsv(
  db: Database,
  actor: Actor,
  range: PlanningRange,
  t: Translate,
  options: { ip?: string | null } = {},
) {
  const rows = await listShiftsForExport(db, actor, range);
  // It holds people's email addresses and phone numbers: who took them, and when, is kept.
  await recordAuditEvent(db, {
    action: "shifts_exported",
    actorId: actor.id,
    ip: options.ip,
    details: { from: range.from, until: range.until, digibankId: range.digibankId ?? null },
  });
  type Row = (typeof rows)[number];
  const column = (key: string, value: CsvColumn<Row>["value"], phone = false) => ({
    header: t(`export.${key}`),
    value,
    phone,
  });
  const start = (r: Row) => localParts(new Date(r.startsAt));
  return writeCsv<Row>(
    [
      column("date", (r) => start(r).date),
      column("start", (r) => start(r).time),
      column("end", (r) => localParts(new Date(r.endsAt)).time),
      column("digibank", (r) => r.digibank),
      column("digipunt", (r) => r.digipunt),
      column("address", (r) => r.address),
      column("status", (r) => t(`export.shiftStatus.${r.shiftStatus}`)),
      column("capacity", (r) => r.capacity),
      column("confirmed", (r) => r.confirmed),
      column("name", (r) => r.name),
      column("email", (r) => r.email),
      column("phone", (r) => r.phone, true),
      column("claim", (r) => (r.claimStatus ? t(`export.claimStatus.${r.claimStatus}`) : null)),
      column("attendance", (r) => (r.attendance ? t(`roster.attendance.${r.attendance}`) : null)),
    ],
    rows,
  );
}
