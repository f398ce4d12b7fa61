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

const DAY = 24 * 60 * 60 * 1000;

/**
 * A course written directly, as the planning form would leave it: published unless told otherwise,
 * open for enrolment now, with `sessions` (default one) a week apart starting in two weeks.
 */
export async function createCourse(
  db: Db,
  values: {
    regionId: number;
    digibankId?: number | null;
    title?: string;
    theme?: "digital_skills" | "teaching_adults" | "target_group" | "service";
    audience?: "volunteers" | "coordinators" | "everyone";
    capacity?: number;
    status?: "draft" | "published" | "cancelled";
    enrolOpensAt?: Date;
    enrolClosesAt?: Date;
    /** Session start times; by default one session two weeks ahead, 2 hours long. */
    sessions?: Date[];
    digipuntId?: number | null;
    grantsSkillCodes?: string[];
    prerequisiteSkillId?: number | null;
    prerequisiteCourseId?: number | null;
    completionMinSessions?: number | null;
    trainerUserIds?: number[];
    createdBy?: number | null;
  },
) {
  const now = Date.now();
  const status = values.status ?? "published";
  const starts = values.sessions ?? [new Date(now + 14 * DAY)];
  const course = await db
    .insertInto("courses")
    .values({
      region_id: values.regionId,
      digibank_id: values.digibankId ?? null,
      title: values.title ?? "Vorming itsme",
      theme: values.theme ?? "digital_skills",
      audience: values.audience ?? "everyone",
      capacity: values.capacity ?? 12,
      enrol_opens_at: values.enrolOpensAt ?? new Date(now - DAY),
      enrol_closes_at:
        values.enrolClosesAt ?? new Date(Math.min(...starts.map((s) => s.getTime())) - DAY),
      prerequisite_skill_id: values.prerequisiteSkillId ?? null,
      prerequisite_course_id: values.prerequisiteCourseId ?? null,
      completion_min_sessions: values.completionMinSessions ?? null,
      status,
      published_at: status === "draft" ? null : new Date(),
      cancelled_at: status === "cancelled" ? new Date() : null,
      created_by: values.createdBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const sessions = [];
  for (const start of starts)
    sessions.push(
      await db
        .insertInto("course_sessions")
        .values({
          course_id: course.id,
          starts_at: start,
          ends_at: new Date(start.getTime() + 2 * 60 * 60 * 1000),
          digipunt_id: values.digipuntId ?? null,
          address: values.digipuntId ? null : "Stationsstraat 1, 3500 Hasselt",
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  for (const code of values.grantsSkillCodes ?? [])
    await db
      .insertInto("course_skills")
      .values({ course_id: course.id, skill_id: await skillId(db, code) })
      .execute();
  for (const userId of values.trainerUserIds ?? [])
    await db
      .insertInto("course_trainers")
      .values({ course_id: course.id, user_id: userId })
      .execute();
  return { ...course, sessions };
}

/** An enrolment written directly (a place, or the waiting list), as enrolling would leave it. */
export async function createEnrolment(
  db: Db,
  values: { courseId: number; userId: number; status?: "enrolled" | "waiting" },
) {
  return db
    .insertInto("course_enrolments")
    .values({
      course_id: values.courseId,
      user_id: values.userId,
      status: values.status ?? "enrolled",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
