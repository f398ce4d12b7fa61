import { sql } from "kysely";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import { getSkillsOf } from "~/modules/people/skills.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { releaseDeadline } from "./claims.server.ts";
import type { ShiftFilters } from "./filters.ts";

// The volunteer's read side of shifts: the calendar and list (one query over a time window, through
// shifts_starts_idx), one shift's page, and the filter choices. Everything stays within the
// digibanken the reader may see (view_shifts); other people show up by first name only.

export type MyClaimStatus = "confirmed" | "reserve" | null;

export interface ShiftRow {
  id: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  cancelled: boolean;
  firstShiftFriendly: boolean;
  requiredSkill: string | null;
  digipuntId: number;
  digipuntName: string;
  municipalityId: number;
  municipalityName: string;
  digibankId: number;
  digibankName: string;
  myStatus: MyClaimStatus;
}

interface DigibankScope {
  id: number;
  name: string;
  regionId: number;
  releaseCutoffHours: number;
}

/** The digibanken whose shifts the reader may see, by name. */
export async function listViewableDigibanks(db: Database, actor: Actor): Promise<DigibankScope[]> {
  let query = db
    .selectFrom("digibanks")
    .innerJoin("regions", "regions.id", "digibanks.region_id")
    .select([
      "digibanks.id",
      "digibanks.name",
      "digibanks.region_id as regionId",
      "regions.release_cutoff_hours as releaseCutoffHours",
    ])
    .orderBy("digibanks.name");
  if (!isAdmin(actor)) {
    const ids = [...new Set([...actor.volunteerDigibankIds, ...actor.coordinatedDigibankIds])];
    if (ids.length === 0 && actor.staffRegionIds.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        ...(ids.length ? [eb("digibanks.id", "in", ids)] : []),
        ...(actor.staffRegionIds.length
          ? [eb("digibanks.region_id", "in", actor.staffRegionIds)]
          : []),
      ]),
    );
  }
  const banks = await query.execute();
  // The access module stays the one judge; the query above only narrows what it is asked about.
  return banks.filter((bank) =>
    may(actor, { action: "view_shifts", digibank: { id: bank.id, regionId: bank.regionId } }),
  );
}

/** The choices of the filter form: the reader's digibanken, their digipunten and municipalities. */
export async function listShiftFilterOptions(db: Database, actor: Actor) {
  const digibanks = await listViewableDigibanks(db, actor);
  if (digibanks.length === 0) return { digibanks, digipunten: [], municipalities: [] };
  const digipunten = await db
    .selectFrom("digipunten")
    .innerJoin("municipalities", "municipalities.id", "digipunten.municipality_id")
    .select([
      "digipunten.id",
      "digipunten.name",
      "digipunten.digibank_id as digibankId",
      "municipalities.id as municipalityId",
      "municipalities.name as municipalityName",
    ])
    .where(
      "digipunten.digibank_id",
      "in",
      digibanks.map((b) => b.id),
    )
    .where("digipunten.archived_at", "is", null)
    .orderBy("digipunten.name")
    .execute();
  const municipalities = [
    ...new Map(digipunten.map((p) => [p.municipalityId, p.municipalityName])).entries(),
  ]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return {
    digibanks: digibanks.map(({ id, name }) => ({ id, name })),
    digipunten: digipunten.map(({ id, name, digibankId }) => ({ id, name, digibankId })),
    municipalities,
  };
}

/**
 * The shifts that start in [from, to) in the reader's digibanken, with the reader's own place on
 * each. One query: the window runs over shifts_starts_idx, the reader's claims are joined in.
 */
export async function listShifts(
  db: Database,
  actor: Actor,
  window: { from: Date; to: Date; filters?: ShiftFilters },
  scope?: DigibankScope[],
): Promise<ShiftRow[]> {
  const banks = scope ?? (await listViewableDigibanks(db, actor));
  let bankIds = banks.map((b) => b.id);
  const filters = window.filters ?? {};
  if (filters.digibankId) bankIds = bankIds.filter((id) => id === filters.digibankId);
  if (bankIds.length === 0) return [];
  const rows = await shiftWindowQuery(db, actor, window, bankIds).execute();
  return rows.map(({ status, myStatus, ...row }) => ({
    ...row,
    cancelled: status === "cancelled",
    myStatus: myStatus === "confirmed" || myStatus === "reserve" ? myStatus : null,
  }));
}

/** The one query behind listShifts. */
function shiftWindowQuery(
  db: Database,
  actor: Actor,
  window: { from: Date; to: Date; filters?: ShiftFilters },
  bankIds: number[],
) {
  const filters = window.filters ?? {};
  let query = db
    .selectFrom("shifts")
    .innerJoin("digipunten", "digipunten.id", "shifts.digipunt_id")
    .innerJoin("municipalities", "municipalities.id", "digipunten.municipality_id")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .leftJoin("skills", "skills.id", "shifts.required_skill_id")
    .leftJoin("shift_claims", (join) =>
      join
        .onRef("shift_claims.shift_id", "=", "shifts.id")
        .on("shift_claims.user_id", "=", actor.id)
        .on("shift_claims.status", "in", ["confirmed", "reserve"]),
    )
    .select([
      "shifts.id",
      "shifts.starts_at as startsAt",
      "shifts.ends_at as endsAt",
      "shifts.capacity",
      "shifts.confirmed_count as confirmedCount",
      "shifts.status",
      "shifts.first_shift_friendly as firstShiftFriendly",
      "skills.code as requiredSkill",
      "digipunten.id as digipuntId",
      "digipunten.name as digipuntName",
      "municipalities.id as municipalityId",
      "municipalities.name as municipalityName",
      "digibanks.id as digibankId",
      "digibanks.name as digibankName",
      "shift_claims.status as myStatus",
    ])
    .where("shifts.starts_at", ">=", window.from)
    .where("shifts.starts_at", "<", window.to)
    .where("digipunten.digibank_id", "in", bankIds);
  if (filters.digipuntId) query = query.where("digipunten.id", "=", filters.digipuntId);
  if (filters.municipalityId)
    query = query.where("digipunten.municipality_id", "=", filters.municipalityId);
  if (filters.mine) query = query.where("shift_claims.id", "is not", null);
  if (filters.open)
    query = query
      .where("shifts.status", "=", "scheduled")
      .where(sql<boolean>`shifts.confirmed_count < shifts.capacity`);

  return query.orderBy("shifts.starts_at").orderBy("digipunten.name");
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? "";
}

export interface ShiftDetail {
  id: number;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  cancelled: boolean;
  cancelReason: string | null;
  firstShiftFriendly: boolean;
  requiredSkill: string | null;
  notes: string | null;
  digipunt: {
    id: number;
    name: string;
    kind: "fixed" | "mobile";
    /** The shift's own address (a mobile point) or else the digipunt's. */
    address: string | null;
    accessibilityNotes: string | null;
    municipality: string;
  };
  digibank: { id: number; name: string };
  /** First names of the people on the shift, the reader excluded. */
  others: string[];
  reserveCount: number;
  my: {
    status: MyClaimStatus;
    /** 1-based place on the reserve list, when waiting. */
    reservePosition: number | null;
    releaseRequested: boolean;
    hasRequiredSkill: boolean;
  };
  releaseCutoffHours: number;
  /** What the page offers the reader; the claims module decides again when they act. */
  can: {
    claim: boolean;
    joinReserve: boolean;
    release: boolean;
    requestRelease: boolean;
  };
  /** The reader may claim shifts of this digibank at all (is one of its volunteers). */
  isVolunteer: boolean;
  /** The reader plans this digibank's shifts (the page links to the shift's roster). */
  canPlan: boolean;
  past: boolean;
}

/** One shift for its page, or null when it does not exist or lies outside the reader's scope. */
export async function getShiftDetail(
  db: Database,
  actor: Actor,
  shiftId: number,
  { now = new Date() }: { now?: Date } = {},
): Promise<ShiftDetail | null> {
  const shift = await db
    .selectFrom("shifts")
    .innerJoin("digipunten", "digipunten.id", "shifts.digipunt_id")
    .innerJoin("municipalities", "municipalities.id", "digipunten.municipality_id")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .innerJoin("regions", "regions.id", "digibanks.region_id")
    .leftJoin("skills", "skills.id", "shifts.required_skill_id")
    .select([
      "shifts.id",
      "shifts.starts_at as startsAt",
      "shifts.ends_at as endsAt",
      "shifts.capacity",
      "shifts.confirmed_count as confirmedCount",
      "shifts.status",
      "shifts.cancel_reason as cancelReason",
      "shifts.first_shift_friendly as firstShiftFriendly",
      "shifts.notes",
      "shifts.address as shiftAddress",
      "shifts.required_skill_id as requiredSkillId",
      "skills.code as requiredSkill",
      "digipunten.id as digipuntId",
      "digipunten.name as digipuntName",
      "digipunten.kind",
      "digipunten.address as digipuntAddress",
      "digipunten.accessibility_notes as accessibilityNotes",
      "municipalities.name as municipality",
      "digibanks.id as digibankId",
      "digibanks.name as digibankName",
      "digibanks.region_id as regionId",
      "regions.release_cutoff_hours as releaseCutoffHours",
    ])
    .where("shifts.id", "=", shiftId)
    .executeTakeFirst();
  if (!shift) return null;
  const digibank = { id: shift.digibankId, regionId: shift.regionId };
  if (!may(actor, { action: "view_shifts", digibank })) return null;

  const [claims, skill] = await Promise.all([
    db
      .selectFrom("shift_claims")
      .innerJoin("users", "users.id", "shift_claims.user_id")
      .select([
        "shift_claims.user_id as userId",
        "shift_claims.status",
        "shift_claims.release_requested_at as releaseRequestedAt",
        "users.name",
      ])
      .where("shift_claims.shift_id", "=", shiftId)
      .where("shift_claims.status", "in", ["confirmed", "reserve"])
      .orderBy("shift_claims.claimed_at")
      .orderBy("shift_claims.id")
      .execute(),
    shift.requiredSkillId === null
      ? Promise.resolve(true)
      : db
          .selectFrom("volunteer_skills")
          .select("user_id")
          .where("user_id", "=", actor.id)
          .where("skill_id", "=", shift.requiredSkillId)
          .executeTakeFirst()
          .then((row) => row !== undefined),
  ]);

  const reserve = claims.filter((c) => c.status === "reserve");
  const mine = claims.find((c) => c.userId === actor.id);
  const myStatus: MyClaimStatus = mine ? (mine.status as "confirmed" | "reserve") : null;
  const cancelled = shift.status === "cancelled";
  const past = shift.startsAt.getTime() <= now.getTime();
  const isVolunteer = may(actor, { action: "claim_shifts", digibank });
  const releaseRequested = mine?.releaseRequestedAt != null;

  return {
    id: shift.id,
    startsAt: shift.startsAt,
    endsAt: shift.endsAt,
    capacity: shift.capacity,
    confirmedCount: shift.confirmedCount,
    cancelled,
    cancelReason: shift.cancelReason,
    firstShiftFriendly: shift.firstShiftFriendly,
    requiredSkill: shift.requiredSkill,
    notes: shift.notes,
    digipunt: {
      id: shift.digipuntId,
      name: shift.digipuntName,
      kind: shift.kind,
      address: shift.shiftAddress ?? shift.digipuntAddress,
      accessibilityNotes: shift.accessibilityNotes,
      municipality: shift.municipality,
    },
    digibank: { id: shift.digibankId, name: shift.digibankName },
    others: claims
      .filter((c) => c.status === "confirmed" && c.userId !== actor.id)
      .map((c) => firstName(c.name)),
    reserveCount: reserve.length,
    my: {
      status: myStatus,
      reservePosition:
        myStatus === "reserve" ? reserve.findIndex((c) => c.userId === actor.id) + 1 : null,
      releaseRequested,
      hasRequiredSkill: skill,
    },
    releaseCutoffHours: shift.releaseCutoffHours,
    can: offeredActions(
      {
        ...shift,
        cancelled,
        myStatus,
        isVolunteer,
        hasRequiredSkill: skill,
        releaseRequested,
      },
      now,
    ),
    isVolunteer,
    canPlan: may(actor, { action: "plan_shifts", digibank }),
    past,
  };
}

export interface ShiftListRow extends ShiftRow {
  /** What the list offers on this row; the claims module decides again when the reader acts. */
  can: { claim: boolean; joinReserve: boolean; release: boolean; requestRelease: boolean };
  /**
   * The skill (its code) that keeps the reader from taking this shift, told in advance: set when
   * they volunteer for its digibank, are not on it, it is still to come, and they lack the skill.
   */
  missingSkill: string | null;
}

/** The calendar's and the list's rows: listShifts plus, per shift, what the reader can do. */
export async function listShiftsWithActions(
  db: Database,
  actor: Actor,
  window: { from: Date; to: Date; filters?: ShiftFilters },
  { now = new Date() }: { now?: Date } = {},
): Promise<ShiftListRow[]> {
  const banks = await listViewableDigibanks(db, actor);
  const [rows, skills] = await Promise.all([
    listShifts(db, actor, window, banks),
    getSkillsOf(db, actor.id),
  ]);
  const bankById = new Map(banks.map((b) => [b.id, b]));
  const mySkills = new Set(skills);
  return rows.map((row) => {
    const bank = bankById.get(row.digibankId)!;
    const isVolunteer = may(actor, {
      action: "claim_shifts",
      digibank: { id: bank.id, regionId: bank.regionId },
    });
    const hasRequiredSkill = row.requiredSkill === null || mySkills.has(row.requiredSkill);
    const couldTake = isVolunteer && !row.cancelled && row.myStatus === null && row.startsAt > now;
    return {
      ...row,
      missingSkill: couldTake && !hasRequiredSkill ? row.requiredSkill : null,
      can: offeredActions(
        {
          ...row,
          isVolunteer,
          hasRequiredSkill,
          releaseCutoffHours: bank.releaseCutoffHours,
          // The list does not read release requests; the shift page says when one is pending.
          releaseRequested: false,
        },
        now,
      ),
    };
  });
}

/**
 * The buttons a reader gets on a shift, for the shift page and the list alike. Only an offer: the
 * claims module decides again, and the database holds the rules, when the reader acts.
 */
function offeredActions(
  shift: {
    startsAt: Date;
    cancelled: boolean;
    confirmedCount: number;
    capacity: number;
    myStatus: MyClaimStatus;
    isVolunteer: boolean;
    hasRequiredSkill: boolean;
    releaseCutoffHours: number;
    releaseRequested: boolean;
  },
  now: Date,
): ShiftListRow["can"] {
  const upcoming = !shift.cancelled && shift.startsAt > now;
  const beforeCutoff = now < releaseDeadline(shift.startsAt, shift.releaseCutoffHours);
  const open = shift.isVolunteer && upcoming && shift.myStatus === null && shift.hasRequiredSkill;
  const full = shift.confirmedCount >= shift.capacity;
  return {
    claim: open && !full,
    joinReserve: open && full,
    // A reserve place holds nobody up, so it may be let go of until the start.
    release:
      upcoming &&
      (shift.myStatus === "reserve" || (shift.myStatus === "confirmed" && beforeCutoff)),
    requestRelease:
      upcoming && shift.myStatus === "confirmed" && !beforeCutoff && !shift.releaseRequested,
  };
}
