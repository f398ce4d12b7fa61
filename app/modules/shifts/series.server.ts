import { sql } from "kysely";
import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import { type Database, inTransaction } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { promoteFromReserveList } from "./claims.server.ts";
import { noticeShiftCancelled, noticeShiftChanged } from "./notices.server.ts";
import {
  type Weekday,
  addDays,
  localInstant,
  localParts,
  localToday,
  occurrenceDates,
  toRRule,
} from "./recurrence.ts";

// Publishing, changing and cancelling digipunt shifts. A repeating pattern is a shift_series row
// (its RRULE over local dates) whose occurrences exist as shifts rows up to a horizon; a daily job
// keeps that horizon a year ahead. A one-off shift is a plain shifts row without a series.
// The database holds the rules (capacity, overlaps); this module turns its refusals into reasons.

type Trx = Transaction<DB>;

// For the planning pages' loaders: recurrence.ts pulls in rrule, which the browser build cannot
// bundle, so routes reach it through this server-only module.
export { localParts };

/** How far ahead occurrences exist as shifts: people can see and claim them a year in advance. */
export const HORIZON_DAYS = 365;
/** The longest a series may run; beyond that, a coordinator makes a new one. */
const MAX_SERIES_DAYS = 3 * 366;

export interface ShiftDetails {
  startTime: string;
  endTime: string;
  capacity: number;
  requiredSkillId: number | null;
  firstShiftFriendly: boolean;
  notes: string | null;
  /** Where a mobile digipunt stands; ignored for a fixed one. */
  address: string | null;
}

export type NewShifts = ShiftDetails & { digipuntId: number } & (
    | { kind: "once"; date: string }
    | {
        kind: "weekly";
        firstDate: string;
        lastDate: string;
        weekdays: readonly Weekday[];
        skippedDates: readonly string[];
      }
  );

export type PlanRefusal =
  | "not_found" // no such digipunt or shift, or not one this person plans
  | "past" // the date (or the shift) lies in the past
  | "no_dates" // the pattern falls on no date at all
  | "too_long" // the series runs longer than three years
  | "address_required" // a mobile digipunt needs an address for its shifts
  | "times" // the end is not after the start
  | "cancelled" // the shift is already cancelled
  | "capacity" // fewer spots than people already on the shift
  | "overlap"; // someone on the shift would then hold two shifts at once

export type PlanOutcome<T = object> =
  ({ ok: true } & T) | { ok: false; reason: PlanRefusal; confirmed?: number; person?: string };

interface Options {
  now?: Date;
}

/** The digipunt with its digibank, when this person plans its shifts (and it is not archived). */
async function plannedDigipunt(db: Database | Trx, actor: Actor, digipuntId: number) {
  const row = await db
    .selectFrom("digipunten")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .select([
      "digipunten.id",
      "digipunten.kind",
      "digipunten.digibank_id as digibankId",
      "digibanks.region_id as regionId",
    ])
    .where("digipunten.id", "=", digipuntId)
    .where("digipunten.archived_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (
    !may(actor, { action: "plan_shifts", digibank: { id: row.digibankId, regionId: row.regionId } })
  )
    return null;
  return row;
}

function shiftRow(digipuntId: number, details: ShiftDetails, date: string, kind: string) {
  return {
    digipunt_id: digipuntId,
    starts_at: localInstant(date, details.startTime),
    ends_at: localInstant(date, details.endTime),
    capacity: details.capacity,
    required_skill_id: details.requiredSkillId,
    first_shift_friendly: details.firstShiftFriendly,
    notes: details.notes,
    address: kind === "mobile" ? details.address : null,
  };
}

/**
 * Publishes a one-off shift (a shifts row without a series) or a weekly series, whose occurrences
 * up to the horizon are made at once.
 */
export async function createShiftSeries(
  db: Database | Trx,
  actor: Actor,
  input: NewShifts,
  { now = new Date() }: Options = {},
): Promise<PlanOutcome<{ seriesId: number | null; shiftIds: number[] }>> {
  // Nobody is on a new shift yet, so nobody is told: no mail, no job queue.
  const today = localToday(now);
  const digipunt = await plannedDigipunt(db, actor, input.digipuntId);
  if (!digipunt) return { ok: false, reason: "not_found" };
  if (input.endTime <= input.startTime) return { ok: false, reason: "times" };
  if (digipunt.kind === "mobile" && !input.address?.trim())
    return { ok: false, reason: "address_required" };

  if (input.kind === "once") {
    if (input.date < today) return { ok: false, reason: "past" };
    const row = await db
      .insertInto("shifts")
      .values(shiftRow(digipunt.id, input, input.date, digipunt.kind))
      .returning("id")
      .executeTakeFirstOrThrow();
    return { ok: true, seriesId: null, shiftIds: [row.id] };
  }

  if (input.firstDate < today) return { ok: false, reason: "past" };
  if (input.lastDate < input.firstDate) return { ok: false, reason: "no_dates" };
  if (input.lastDate > addDays(input.firstDate, MAX_SERIES_DAYS))
    return { ok: false, reason: "too_long" };
  const rrule = toRRule({
    firstDate: input.firstDate,
    lastDate: input.lastDate,
    weekdays: input.weekdays,
  });
  const skippedDates = [...new Set(input.skippedDates)].sort();
  const until = minDate(input.lastDate, addDays(today, HORIZON_DAYS));
  const dates = occurrenceDates(
    { rrule, firstDate: input.firstDate, skippedDates },
    { from: input.firstDate, until },
  );
  if (dates.length === 0) return { ok: false, reason: "no_dates" };

  return inTransaction(db, async (trx) => {
    const series = await trx
      .insertInto("shift_series")
      .values({
        digipunt_id: digipunt.id,
        rrule,
        first_date: input.firstDate,
        last_date: input.lastDate,
        start_time: input.startTime,
        end_time: input.endTime,
        skipped_dates: skippedDates,
        capacity: input.capacity,
        required_skill_id: input.requiredSkillId,
        first_shift_friendly: input.firstShiftFriendly,
        notes: input.notes,
        address: digipunt.kind === "mobile" ? input.address : null,
        generated_until: until,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rows = await trx
      .insertInto("shifts")
      .values(
        dates.map((date) => ({
          ...shiftRow(digipunt.id, input, date, digipunt.kind),
          series_id: series.id,
          occurrence_date: date,
        })),
      )
      .returning("id")
      .execute();
    return { ok: true as const, seriesId: series.id, shiftIds: rows.map((r) => r.id) };
  });
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * Makes the occurrences of every series that fall between what exists and the horizon (a year
 * from `today`), with the series' current details. Run daily; safe to run twice.
 */
export async function extendSeriesHorizon(db: Database, today: string): Promise<number> {
  const horizon = addDays(today, HORIZON_DAYS);
  const open = await db
    .selectFrom("shift_series")
    .innerJoin("digipunten", "digipunten.id", "shift_series.digipunt_id")
    .selectAll("shift_series")
    .select("digipunten.kind")
    .where("digipunten.archived_at", "is", null)
    .where("generated_until", "<", horizon)
    .whereRef("generated_until", "<", "last_date")
    .execute();
  let made = 0;
  for (const series of open) {
    const from = series.generated_until ? addDays(series.generated_until, 1) : series.first_date;
    const until = minDate(series.last_date, horizon);
    const dates = occurrenceDates(
      { rrule: series.rrule, firstDate: series.first_date, skippedDates: series.skipped_dates },
      { from: from < today ? today : from, until },
    );
    const details: ShiftDetails = {
      startTime: series.start_time,
      endTime: series.end_time,
      capacity: series.capacity,
      requiredSkillId: series.required_skill_id,
      firstShiftFriendly: series.first_shift_friendly,
      notes: series.notes,
      address: series.address,
    };
    await db.transaction().execute(async (trx) => {
      if (dates.length > 0) {
        const inserted = await trx
          .insertInto("shifts")
          .values(
            dates.map((date) => ({
              ...shiftRow(series.digipunt_id, details, date, series.kind),
              series_id: series.id,
              occurrence_date: date,
            })),
          )
          .onConflict((oc) => oc.columns(["series_id", "occurrence_date"]).doNothing())
          .returning("id")
          .execute();
        made += inserted.length;
      }
      await trx
        .updateTable("shift_series")
        .set({ generated_until: until })
        .where("id", "=", series.id)
        .execute();
    });
  }
  return made;
}

const HORIZON_QUEUE = "shift-series-horizon";

/** The daily job that keeps a year of occurrences in place. */
export async function startSeriesHorizonJob(jobs: JobQueue, db: Database) {
  await jobs.createQueue(HORIZON_QUEUE);
  await jobs.schedule(HORIZON_QUEUE, "23 3 * * *", undefined, { tz: "Europe/Brussels" });
  await jobs.work(HORIZON_QUEUE, async () => {
    await extendSeriesHorizon(db, localToday());
  });
}

/** A shift as the planning pages and this module need it, or null when the actor does not plan it. */
export async function findPlannedShift(db: Database | Trx, actor: Actor, shiftId: number) {
  const shift = await db
    .selectFrom("shifts")
    .innerJoin("digipunten", "digipunten.id", "shifts.digipunt_id")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .selectAll("shifts")
    .select([
      "digipunten.name as digipuntName",
      "digipunten.kind as digipuntKind",
      "digipunten.address as digipuntAddress",
      "digibanks.id as digibankId",
      "digibanks.name as digibankName",
      "digibanks.region_id as regionId",
    ])
    .where("shifts.id", "=", shiftId)
    .executeTakeFirst();
  if (!shift) return null;
  if (
    !may(actor, {
      action: "plan_shifts",
      digibank: { id: shift.digibankId, regionId: shift.regionId },
    })
  )
    return null;
  return shift;
}

export type EditScope = "this" | "following";

export interface ShiftChanges extends ShiftDetails {
  /** A new local date: only for "this" (moving a whole series is a new series). */
  date?: string;
}

const CAPACITY_CHECK = "23514";
const EXCLUSION = "23P01";

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/**
 * Changes one occurrence ("this": it becomes detached from later series edits) or this and every
 * following occurrence of its series that was not edited on its own ("following"; the series row
 * too, so occurrences made later follow). Claims stay: rows are updated in place.
 */
export async function editShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  changes: ShiftChanges,
  scope: EditScope,
  { now = new Date() }: Options = {},
): Promise<PlanOutcome<{ changedShiftIds: number[] }>> {
  const shift = await findPlannedShift(db, actor, shiftId);
  if (!shift) return { ok: false, reason: "not_found" };
  if (shift.status === "cancelled") return { ok: false, reason: "cancelled" };
  if (shift.starts_at <= now) return { ok: false, reason: "past" };
  if (changes.endTime <= changes.startTime) return { ok: false, reason: "times" };
  const mobile = shift.digipuntKind === "mobile";
  if (mobile && !changes.address?.trim()) return { ok: false, reason: "address_required" };
  const whole = scope === "following" && shift.series_id !== null && shift.occurrence_date !== null;
  if (!whole && changes.date && changes.date < localToday(now))
    return { ok: false, reason: "past" };

  const targets = whole
    ? await db
        .selectFrom("shifts")
        .select(["id", "occurrence_date"])
        .where("series_id", "=", shift.series_id)
        .where("status", "=", "scheduled")
        .where((eb) =>
          eb.or([
            eb("id", "=", shift.id),
            eb.and([eb("occurrence_date", ">", shift.occurrence_date), eb("detached", "=", false)]),
          ]),
        )
        .orderBy("starts_at")
        .execute()
    : [
        {
          id: shift.id,
          occurrence_date: changes.date ?? localParts(shift.starts_at).date,
        },
      ];

  try {
    const changed = await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const target of targets) {
        // This shift keeps the day it has now (it may have been moved on its own before); the
        // following ones are on their series dates.
        const date =
          whole && target.id === shift.id
            ? localParts(shift.starts_at).date
            : target.occurrence_date!;
        const set = {
          starts_at: localInstant(date, changes.startTime),
          ends_at: localInstant(date, changes.endTime),
          capacity: changes.capacity,
          required_skill_id: changes.requiredSkillId,
          first_shift_friendly: changes.firstShiftFriendly,
          notes: changes.notes,
          address: mobile ? changes.address : null,
        };
        // Only a real change raises the sequence and tells the people on the shift.
        const result = await trx
          .updateTable("shifts")
          .set({
            ...set,
            sequence: sql<number>`sequence + 1`,
            updated_at: now,
            ...(whole ? {} : { detached: shift.series_id !== null }),
          })
          .where("id", "=", target.id)
          .where((eb) =>
            eb.or([
              eb("starts_at", "<>", set.starts_at),
              eb("ends_at", "<>", set.ends_at),
              eb("capacity", "<>", set.capacity),
              sql<boolean>`required_skill_id is distinct from ${set.required_skill_id}`,
              eb("first_shift_friendly", "<>", set.first_shift_friendly),
              sql<boolean>`notes is distinct from ${set.notes}`,
              sql<boolean>`address is distinct from ${set.address}`,
            ]),
          )
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) {
          ids.push(target.id);
          await noticeShiftChanged(trx, jobs, target.id);
          // A raised capacity frees spots: the first in line move up.
          await promoteFromReserveList(trx, jobs, target.id, { now });
        }
      }
      if (whole) {
        await trx
          .updateTable("shift_series")
          .set({
            start_time: changes.startTime,
            end_time: changes.endTime,
            capacity: changes.capacity,
            required_skill_id: changes.requiredSkillId,
            first_shift_friendly: changes.firstShiftFriendly,
            notes: changes.notes,
            address: mobile ? changes.address : null,
          })
          .where("id", "=", shift.series_id)
          .execute();
      }
      return ids;
    });
    return { ok: true, changedShiftIds: changed };
  } catch (error) {
    const pg = error as PgError;
    if (pg.code === CAPACITY_CHECK && pg.constraint === "shifts_capacity") {
      const most = await db
        .selectFrom("shifts")
        .select((eb) => eb.fn.max("confirmed_count").as("n"))
        .where(
          "id",
          "in",
          targets.map((t) => t.id),
        )
        .executeTakeFirst();
      return { ok: false, reason: "capacity", confirmed: Number(most?.n ?? 0) };
    }
    if (pg.code === EXCLUSION && pg.constraint === "shift_claims_no_overlap") {
      return { ok: false, reason: "overlap", person: await personInConflict(db, pg.detail) };
    }
    throw error;
  }
}

/** The name of the volunteer the exclusion's detail names ("… ([12,13), …"), if it can tell. */
async function personInConflict(db: Database, detail: string | undefined) {
  const userId = Number(detail?.match(/\(\[(\d+),/)?.[1]);
  if (!userId) return undefined;
  const user = await db
    .selectFrom("users")
    .select("name")
    .where("id", "=", userId)
    .executeTakeFirst();
  return user?.name;
}

/**
 * Cancels one shift, or this and every following occurrence of its series (which then makes no
 * more). Everyone on it, confirmed or waiting, is told; their claims become 'cancelled'.
 */
export async function cancelShift(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  shiftId: number,
  { reason, scope }: { reason: string | null; scope: EditScope },
  { now = new Date() }: Options = {},
): Promise<PlanOutcome<{ cancelledShiftIds: number[] }>> {
  const shift = await findPlannedShift(db, actor, shiftId);
  if (!shift) return { ok: false, reason: "not_found" };
  if (shift.status === "cancelled") return { ok: false, reason: "cancelled" };
  if (shift.ends_at <= now) return { ok: false, reason: "past" };
  const whole = scope === "following" && shift.series_id !== null && shift.occurrence_date !== null;

  const ids = await db.transaction().execute(async (trx) => {
    const targets = whole
      ? await trx
          .selectFrom("shifts")
          .select("id")
          .where("series_id", "=", shift.series_id)
          .where("status", "=", "scheduled")
          .where((eb) =>
            eb.or([eb("id", "=", shift.id), eb("occurrence_date", ">", shift.occurrence_date)]),
          )
          .execute()
      : [{ id: shift.id }];
    for (const { id } of targets) {
      await trx
        .updateTable("shifts")
        .set({
          status: "cancelled",
          cancelled_at: now,
          cancel_reason: reason,
          sequence: sql<number>`sequence + 1`,
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
      await trx
        .updateTable("shift_claims")
        .set({ status: "cancelled", ended_at: now, updated_at: now })
        .where("shift_id", "=", id)
        .where("status", "in", ["confirmed", "reserve"])
        .execute();
      await noticeShiftCancelled(trx, jobs, id);
    }
    if (whole) {
      // The series ends before this occurrence, and the horizon job makes no new ones.
      await trx
        .updateTable("shift_series")
        .set({
          last_date: sql<string>`greatest(first_date, ${shift.occurrence_date}::date - 1)`,
          generated_until: sql<string>`greatest(first_date, ${shift.occurrence_date}::date - 1)`,
        })
        .where("id", "=", shift.series_id)
        .execute();
    }
    return targets.map((t) => t.id);
  });
  return { ok: true, cancelledShiftIds: ids };
}
