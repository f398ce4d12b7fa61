import type { Kysely } from "kysely";
import type { DB, DigipuntKind, Language, Role, UserStatus } from "../../db/schema.ts";

// Test-data factories, shared by the tests and the demo seed (db/seed.ts). Each takes the database
// (or an open transaction) first and fills in what the caller leaves out.

type Db = Kysely<DB>;

let sequence = 0;
const next = () => ++sequence;

export async function createRegion(db: Db, values: { name?: string } = {}) {
  return db
    .insertInto("regions")
    .values({ name: values.name ?? `Regio ${next()}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createMunicipality(
  db: Db,
  values: { regionId: number; name?: string; postalCode?: string },
) {
  const n = next();
  return db
    .insertInto("municipalities")
    .values({
      region_id: values.regionId,
      name: values.name ?? `Gemeente ${n}`,
      postal_code: values.postalCode ?? String(1000 + (n % 9000)),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createDigibank(db: Db, values: { regionId: number; name?: string }) {
  return db
    .insertInto("digibanks")
    .values({ region_id: values.regionId, name: values.name ?? `Digibank ${next()}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createDigipunt(
  db: Db,
  values: {
    digibankId: number;
    municipalityId: number;
    name?: string;
    kind?: DigipuntKind;
    address?: string | null;
    accessibilityNotes?: string | null;
  },
) {
  const kind = values.kind ?? "fixed";
  return db
    .insertInto("digipunten")
    .values({
      digibank_id: values.digibankId,
      municipality_id: values.municipalityId,
      name: values.name ?? `Digipunt ${next()}`,
      kind,
      address:
        values.address !== undefined ? values.address : kind === "fixed" ? "Marktplein 1" : null,
      accessibility_notes: values.accessibilityNotes ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createUser(
  db: Db,
  values: {
    email?: string;
    name?: string;
    language?: Language;
    volunteeringSince?: string | null;
    passwordHash?: string | null;
    status?: UserStatus;
  } = {},
) {
  const n = next();
  return db
    .insertInto("users")
    .values({
      email: values.email ?? `person${n}@test.digihelpers.example`,
      name: values.name ?? `Persoon ${n}`,
      language: values.language ?? "nl",
      volunteering_since: values.volunteeringSince ?? null,
      password_hash: values.passwordHash ?? null,
      status: values.status ?? "active",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function assignRole(
  db: Db,
  values: { userId: number; role: Role; regionId?: number | null; digibankId?: number | null },
) {
  return db
    .insertInto("role_assignments")
    .values({
      user_id: values.userId,
      role: values.role,
      region_id: values.regionId ?? null,
      digibank_id: values.digibankId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createShift(
  db: Db,
  values: {
    digipuntId: number;
    startsAt: Date | string;
    endsAt?: Date | string;
    capacity?: number;
    requiredSkillId?: number | null;
    firstShiftFriendly?: boolean;
    notes?: string | null;
    address?: string | null;
    seriesId?: number | null;
    occurrenceDate?: string | null;
  },
) {
  const startsAt = new Date(values.startsAt);
  return db
    .insertInto("shifts")
    .values({
      digipunt_id: values.digipuntId,
      starts_at: startsAt,
      ends_at: values.endsAt ?? new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
      capacity: values.capacity ?? 2,
      required_skill_id: values.requiredSkillId ?? null,
      first_shift_friendly: values.firstShiftFriendly ?? false,
      notes: values.notes ?? null,
      address: values.address ?? null,
      series_id: values.seriesId ?? null,
      occurrence_date: values.occurrenceDate ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A claim written directly (the rules in the database still hold; the domain's checks do not run). */
export async function createClaim(
  db: Db,
  values: {
    shiftId: number;
    userId: number;
    status?: "confirmed" | "reserve" | "released" | "removed" | "cancelled";
    attendance?: "present" | "no_show" | null;
  },
) {
  return db
    .insertInto("shift_claims")
    .values({
      shift_id: values.shiftId,
      user_id: values.userId,
      status: values.status ?? "confirmed",
      attendance: values.attendance ?? null,
      // An ended claim says when it ended (a CHECK holds it).
      ended_at: ["confirmed", "reserve", undefined].includes(values.status) ? null : new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function skillId(db: Db, code: string) {
  const row = await db
    .selectFrom("skills")
    .select("id")
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function giveSkill(db: Db, values: { userId: number; code: string }) {
  await db
    .insertInto("volunteer_skills")
    .values({ user_id: values.userId, skill_id: await skillId(db, values.code) })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
