import nodeCrypto from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB, DigipuntKind, Language, ReportTopic, Role, UserStatus } from "../../db/schema.ts";

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

export async function createDigibank(
  db: Db,
  values: { regionId: number; name?: string; startedOn?: string },
) {
  return db
    .insertInto("digibanks")
    .values({
      region_id: values.regionId,
      name: values.name ?? `Digibank ${next()}`,
      ...(values.startedOn ? { started_on: values.startedOn } : {}),
    })
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

/** An event (a gathering), published by default, three weeks ahead, with optional questions. */
export async function createEvent(
  db: Db,
  values: {
    regionId: number;
    digibankId?: number | null;
    title?: string;
    startsAt?: Date;
    /** Hours; 4 by default. */
    hours?: number;
    answerDeadline?: Date;
    capacity?: number;
    maxPlusOnes?: number;
    status?: "draft" | "published" | "cancelled";
    audience?: Record<string, unknown>;
    reminderDays?: number[];
    sendAt?: Date | null;
    address?: string | null;
    onlineUrl?: string | null;
    questions?: Array<{
      kind: "text" | "choice";
      label: string;
      choices?: string[];
      required?: boolean;
    }>;
    createdBy?: number | null;
  },
) {
  const startsAt = values.startsAt ?? new Date(Date.now() + 21 * DAY);
  const status = values.status ?? "published";
  const event = await db
    .insertInto("events")
    .values({
      region_id: values.regionId,
      digibank_id: values.digibankId ?? null,
      title: values.title ?? "Dag van de Digibank",
      description: "Een dag om elkaar te ontmoeten en van elkaar te leren.",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (values.hours ?? 4) * 60 * 60 * 1000),
      address:
        values.address === undefined ? "Provinciehuis, Boulevard 1, 3500 Hasselt" : values.address,
      online_url: values.onlineUrl ?? null,
      accessibility_notes: "Rolstoeltoegankelijk, met een lift.",
      capacity: values.capacity ?? 100,
      answer_deadline: values.answerDeadline ?? new Date(startsAt.getTime() - 7 * DAY),
      max_plus_ones: values.maxPlusOnes ?? 0,
      contact_name: "Lotte Janssens",
      contact_email: "lotte@digibank.example",
      contact_phone: "011 23 45 67",
      audience: sql<Record<string, unknown>>`${JSON.stringify(values.audience ?? {})}::jsonb`,
      reminder_days: values.reminderDays ?? [7, 1],
      status,
      published_at: status === "draft" ? null : new Date(),
      cancelled_at: status === "cancelled" ? new Date() : null,
      send_at: values.sendAt ?? null,
      created_by: values.createdBy ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const questions = [];
  for (const [index, q] of (values.questions ?? []).entries())
    questions.push(
      await db
        .insertInto("event_questions")
        .values({
          event_id: event.id,
          position: index + 1,
          kind: q.kind,
          label: q.label,
          choices: q.kind === "choice" ? (q.choices ?? ["Ja", "Nee"]) : null,
          required: q.required ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  return { ...event, questions };
}

/** A guest from outside the platform on an event's guest list. */
export async function createEventGuest(
  db: Db,
  values: { eventId: number; email?: string; name?: string; language?: "nl" | "fr" | "en" },
) {
  return db
    .insertInto("event_guests")
    .values({
      event_id: values.eventId,
      email: values.email ?? `guest-${crypto.randomUUID().slice(0, 8)}@partner.example`,
      name: values.name ?? "Gast van de gemeente",
      language: values.language ?? "nl",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An invitation (as a send run makes it, without its email), with an answer if given. */
export async function createEventInvitation(
  db: Db,
  values: {
    eventId: number;
    userId?: number | null;
    guestId?: number | null;
    response?: "none" | "yes" | "no" | "maybe" | "waiting";
    plusOnes?: number;
    answers?: Record<string, string>;
    attended?: boolean;
  },
) {
  const response = values.response ?? "none";
  return db
    .insertInto("event_invitations")
    .values({
      event_id: values.eventId,
      user_id: values.userId ?? null,
      guest_id: values.guestId ?? null,
      token_nonce: nodeCrypto.randomBytes(16).toString("base64url"),
      response,
      answered_at: response === "none" ? null : new Date(),
      waiting_since: response === "waiting" ? new Date() : null,
      plus_ones: values.plusOnes ?? 0,
      answers: sql<Record<string, string>>`${JSON.stringify(values.answers ?? {})}::jsonb`,
      attended_at: values.attended ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A shift report: by a volunteer on the platform (userId) or, recorded by a coordinator, by name. */
export async function createShiftReport(
  db: Db,
  values: {
    shiftId: number;
    userId?: number;
    volunteerName?: string;
    peopleHelped?: number;
    topics?: ReportTopic[];
    otherTopic?: string;
    minutesWorked?: number;
    referrals?: number;
    reflection?: string;
    recordedBy?: number;
    createdAt?: Date;
  },
) {
  return db
    .insertInto("shift_reports")
    .values({
      shift_id: values.shiftId,
      user_id: values.userId ?? null,
      volunteer_name:
        values.userId === undefined ? (values.volunteerName ?? "Outside Helper") : null,
      people_helped: values.peopleHelped ?? 4,
      topics: values.topics ?? ["eid"],
      other_topic: values.otherTopic ?? null,
      minutes_worked: values.minutesWorked ?? 180,
      referrals: values.referrals ?? 0,
      reflection: values.reflection ?? "",
      recorded_by: values.recordedBy ?? null,
      created_at: values.createdAt ?? new Date(),
      updated_at: values.createdAt ?? new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
