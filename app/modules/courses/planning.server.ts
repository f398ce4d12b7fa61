import { evaluateCourseCompletions } from "./completion.server.ts";
import type { Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import { type Actor, type CourseScope, isAdmin, may } from "~/modules/auth/access.server.ts";
import { localInstant, localParts } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { type CourseForm, type SessionInput, localStamp } from "./planning-schemas.ts";
import {
  noticeCourseCancelled,
  noticeCourseChanged,
  noticeCourseMessage,
  noticeSessionCancelled,
} from "./notices.server.ts";

// Planning a course: creating and changing it as a draft, publishing it, changing it once
// published (people enrolled hear of it), cancelling it or one session, and writing to everyone
// enrolled. The database holds the rules two requests could race for (capacity, overlapping
// sessions); this module checks the rest and maps the database's refusals to reasons.

type Trx = Transaction<DB>;

export type PlanningRefusal =
  | "not_found"
  | "scope"
  | "digipunt"
  | "skill"
  | "prerequisite_course"
  | "trainer_region"
  | "overlap"
  | "capacity_below_enrolled"
  | "cancelled"
  | "already_published"
  | "session_not_found"
  | "last_session"
  | "window_after_start"
  | "times";

export type PlanningOutcome<T = object> =
  ({ ok: true } & T) | { ok: false; reason: PlanningRefusal; enrolled?: number };

/** The regions whose every course the actor plans (regional staff, region coordinators, admins). */
async function plannedRegionIds(db: Database | Trx, actor: Actor): Promise<number[] | "all"> {
  if (isAdmin(actor)) return "all";
  return [...new Set([...actor.staffRegionIds, ...actor.coordinatedRegionIds])];
}

/** The scopes the actor may plan courses for: whole regions, and digibanken. */
export async function listPlannableScopes(db: Database, actor: Actor) {
  const regions = await plannedRegionIds(db, actor);
  const regionRows = await db
    .selectFrom("regions")
    .select(["id", "name"])
    .$if(regions !== "all", (q) => q.where("id", "in", [0, ...(regions as number[])]))
    .orderBy("name")
    .execute();
  const digibanks = await db
    .selectFrom("digibanks as b")
    .innerJoin("regions as r", "r.id", "b.region_id")
    .select(["b.id", "b.name", "b.region_id", "r.name as regionName"])
    .$if(regions !== "all", (q) =>
      q.where((eb) =>
        eb.or([
          eb("b.region_id", "in", [0, ...(regions as number[])]),
          eb("b.id", "in", [0, ...actor.coordinatedDigibankIds]),
        ]),
      ),
    )
    .orderBy("r.name")
    .orderBy("b.name")
    .execute();
  return [
    ...regionRows.map((r) => ({
      value: `region-${r.id}`,
      kind: "region" as const,
      name: r.name,
      regionId: r.id,
      digibankId: null,
    })),
    ...digibanks.map((b) => ({
      value: `digibank-${b.id}`,
      kind: "digibank" as const,
      name: `${b.name} (${b.regionName})`,
      regionId: b.region_id,
      digibankId: b.id,
    })),
  ].filter((s) => may(actor, { action: "plan_courses", scope: s }));
}

/** The courses in the actor's scope, drafts included, newest first. */
export async function listPlannedCourses(db: Database, actor: Actor) {
  const regions = await plannedRegionIds(db, actor);
  return db
    .selectFrom("courses as c")
    .leftJoin("digibanks as b", "b.id", "c.digibank_id")
    .innerJoin("regions as r", "r.id", "c.region_id")
    .select((eb) => [
      "c.id",
      "c.title",
      "c.status",
      "c.capacity",
      "c.enrolled_count as enrolled",
      sql<string>`coalesce(b.name, r.name)`.as("organiser"),
      eb
        .selectFrom("course_sessions as s")
        .select((s) => s.fn.min("s.starts_at").as("first"))
        .whereRef("s.course_id", "=", "c.id")
        .where("s.status", "=", "scheduled")
        .as("firstSession"),
      eb
        .selectFrom("course_enrolments as e")
        .select((s) => s.fn.countAll<string>().as("n"))
        .whereRef("e.course_id", "=", "c.id")
        .where("e.status", "=", "waiting")
        .as("waiting"),
    ])
    .$if(regions !== "all", (q) =>
      q.where((eb) =>
        eb.or([
          eb("c.region_id", "in", [0, ...(regions as number[])]),
          eb("c.digibank_id", "in", [0, ...actor.coordinatedDigibankIds]),
        ]),
      ),
    )
    .orderBy("c.id", "desc")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, waiting: Number(r.waiting ?? 0) })));
}

/** The choices the course form offers within the actor's scopes. */
export async function loadCourseFormOptions(db: Database, actor: Actor) {
  const scopes = await listPlannableScopes(db, actor);
  const regionIds = [0, ...new Set(scopes.map((s) => s.regionId))];
  const [digipunten, skills, people, courses] = await Promise.all([
    db
      .selectFrom("digipunten as p")
      .innerJoin("digibanks as b", "b.id", "p.digibank_id")
      .select(["p.id", "p.name", "b.name as digibank"])
      .where("b.region_id", "in", regionIds)
      .where("p.archived_at", "is", null)
      .orderBy("p.name")
      .execute(),
    db.selectFrom("skills").select(["id", "code"]).orderBy("code").execute(),
    // Who can be a trainer: people with a role in one of these regions.
    db
      .selectFrom("users as u")
      .select(["u.id", "u.name"])
      .where("u.status", "=", "active")
      .where((eb) => eb.exists(rolesInRegion(eb, regionIds)))
      .orderBy("u.name")
      .limit(500)
      .execute(),
    db
      .selectFrom("courses")
      .select(["id", "title"])
      .where("region_id", "in", regionIds)
      .where("status", "=", "published")
      .orderBy("id", "desc")
      .limit(200)
      .execute(),
  ]);
  return { scopes, digipunten, skills, people, courses };
}

function rolesInRegion(eb: any, regionIds: number[]) {
  return eb
    .selectFrom("role_assignments as ra")
    .leftJoin("digibanks as rb", "rb.id", "ra.digibank_id")
    .select("ra.id")
    .whereRef("ra.user_id", "=", "u.id")
    .where((w: any) =>
      w.or([w("ra.region_id", "in", regionIds), w("rb.region_id", "in", regionIds)]),
    );
}

/** The course as the planning pages see it, or null when it is not in the actor's scope. */
export async function findPlannedCourse(db: Database | Trx, actor: Actor, courseId: number) {
  const course = await db
    .selectFrom("courses")
    .selectAll()
    .where("id", "=", courseId)
    .executeTakeFirst();
  if (!course) return null;
  const scope: CourseScope = { regionId: course.region_id, digibankId: course.digibank_id };
  return may(actor, { action: "plan_courses", scope }) ? course : null;
}

/** The course's sessions, trainers and granted skills, in the form's shape. */
export async function loadCourseForm(db: Database, courseId: number) {
  const course = await db
    .selectFrom("courses")
    .selectAll()
    .where("id", "=", courseId)
    .executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom("course_sessions")
    .selectAll()
    .where("course_id", "=", courseId)
    .where("status", "=", "scheduled")
    .orderBy("starts_at")
    .execute();
  const trainers = await db
    .selectFrom("course_trainers")
    .select(["user_id", "outside_name"])
    .where("course_id", "=", courseId)
    .orderBy("id")
    .execute();
  const skills = await db
    .selectFrom("course_skills")
    .select("skill_id")
    .where("course_id", "=", courseId)
    .execute();
  const opens = localParts(course.enrol_opens_at);
  const closes = localParts(course.enrol_closes_at);
  return {
    scope: course.digibank_id ? `digibank-${course.digibank_id}` : `region-${course.region_id}`,
    title: course.title,
    description: course.description,
    theme: course.theme,
    serviceSkillId: course.service_skill_id ? String(course.service_skill_id) : "",
    audience: course.audience,
    capacity: String(course.capacity),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    prerequisiteSkillId: course.prerequisite_skill_id ? String(course.prerequisite_skill_id) : "",
    prerequisiteCourseId: course.prerequisite_course_id
      ? String(course.prerequisite_course_id)
      : "",
    completionMinSessions: course.completion_min_sessions
      ? String(course.completion_min_sessions)
      : "",
    grantedSkillIds: skills.map((s) => String(s.skill_id)),
    trainerUserIds: trainers.filter((t) => t.user_id).map((t) => String(t.user_id)),
    outsideTrainers: trainers
      .filter((t) => t.outside_name)
      .map((t) => t.outside_name)
      .join("\n"),
    sessions: sessions.map((s) => ({
      id: String(s.id),
      date: localParts(s.starts_at).date,
      startTime: localParts(s.starts_at).time,
      endTime: localParts(s.ends_at).time,
      digipuntId: s.digipunt_id ? String(s.digipunt_id) : "",
      address: s.address ?? "",
      onlineUrl: s.online_url ?? "",
    })),
  };
}

/** Checks what the form cannot know: the scope, places, skills, courses and trainers exist here. */
async function checkReferences(
  db: Database | Trx,
  actor: Actor,
  form: CourseForm,
  courseId: number | null,
): Promise<PlanningRefusal | { scope: CourseScope }> {
  const { kind, id } = form.scope;
  let scope: CourseScope;
  if (kind === "region") {
    const region = await db
      .selectFrom("regions")
      .select("id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!region) return "scope";
    scope = { regionId: region.id, digibankId: null };
  } else {
    const bank = await db
      .selectFrom("digibanks")
      .select(["id", "region_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!bank) return "scope";
    scope = { regionId: bank.region_id, digibankId: bank.id };
  }
  if (!may(actor, { action: "plan_courses", scope })) return "scope";

  const digipuntIds = form.sessions.flatMap((s) => (s.digipuntId ? [s.digipuntId] : []));
  if (digipuntIds.length > 0) {
    const found = await db
      .selectFrom("digipunten as p")
      .innerJoin("digibanks as b", "b.id", "p.digibank_id")
      .select("p.id")
      .where("p.id", "in", digipuntIds)
      .where("b.region_id", "=", scope.regionId)
      .execute();
    if (new Set(found.map((p) => p.id)).size !== new Set(digipuntIds).size) return "digipunt";
  }
  const skillIds = [
    ...(form.grantedSkillIds ?? []),
    ...(form.serviceSkillId ? [form.serviceSkillId] : []),
    ...(form.prerequisiteSkillId ? [form.prerequisiteSkillId] : []),
  ];
  if (skillIds.length > 0) {
    const found = await db.selectFrom("skills").select("id").where("id", "in", skillIds).execute();
    if (found.length !== new Set(skillIds).size) return "skill";
  }
  if (form.prerequisiteCourseId) {
    const earlier = await db
      .selectFrom("courses")
      .select("id")
      .where("id", "=", form.prerequisiteCourseId)
      .where("region_id", "=", scope.regionId)
      .executeTakeFirst();
    if (!earlier || earlier.id === courseId) return "prerequisite_course";
  }
  const trainerIds = [...new Set(form.trainerUserIds ?? [])];
  if (trainerIds.length > 0) {
    // A trainer on the platform works in the course's region: a role there, of any kind.
    const found = await db
      .selectFrom("users as u")
      .select("u.id")
      .where("u.id", "in", trainerIds)
      .where("u.status", "=", "active")
      .where((eb) => eb.exists(rolesInRegion(eb, [scope.regionId])))
      .execute();
    if (found.length !== trainerIds.length) return "trainer_region";
  }
  return { scope };
}

const sessionRow = (s: SessionInput) => ({
  starts_at: localInstant(s.date, s.startTime),
  ends_at: localInstant(s.date, s.endTime),
  digipunt_id: s.digipuntId ?? null,
  address: s.address ?? null,
  online_url: s.onlineUrl ?? null,
});

const courseRow = (form: CourseForm, scope: CourseScope) => ({
  region_id: scope.regionId,
  digibank_id: scope.digibankId,
  title: form.title,
  description: form.description ?? "",
  theme: form.theme,
  service_skill_id: form.theme === "service" ? (form.serviceSkillId ?? null) : null,
  audience: form.audience,
  capacity: form.capacity,
  enrol_opens_at: localInstant(form.opensDate, form.opensTime),
  enrol_closes_at: localInstant(form.closesDate, form.closesTime),
  prerequisite_skill_id: form.prerequisiteSkillId ?? null,
  prerequisite_course_id: form.prerequisiteCourseId ?? null,
  completion_min_sessions: form.completionMinSessions ?? null,
});

async function writeTrainersAndSkills(trx: Trx, courseId: number, form: CourseForm) {
  await trx.deleteFrom("course_trainers").where("course_id", "=", courseId).execute();
  await trx.deleteFrom("course_skills").where("course_id", "=", courseId).execute();
  const trainers = [
    ...[...new Set(form.trainerUserIds ?? [])].map((userId) => ({
      course_id: courseId,
      user_id: userId,
      outside_name: null,
    })),
    ...(form.outsideTrainers ?? []).map((name) => ({
      course_id: courseId,
      user_id: null,
      outside_name: name,
    })),
  ];
  if (trainers.length > 0) await trx.insertInto("course_trainers").values(trainers).execute();
  const skills = [...new Set(form.grantedSkillIds ?? [])];
  if (skills.length > 0)
    await trx
      .insertInto("course_skills")
      .values(skills.map((skillId) => ({ course_id: courseId, skill_id: skillId })))
      .execute();
}

/** Maps the database's refusals of a course write to reasons; anything else is a real error. */
function refusalFrom(error: unknown): PlanningRefusal | null {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  if (code === "23P01" && constraint === "course_sessions_no_overlap") return "overlap";
  if (code === "23514" && constraint === "courses_capacity") return "capacity_below_enrolled";
  if (code === "23514" && constraint === "course_sessions_times") return "times";
  return null;
}

async function refusing<T>(work: () => Promise<PlanningOutcome<T>>): Promise<PlanningOutcome<T>> {
  try {
    return await work();
  } catch (error) {
    const reason = refusalFrom(error);
    if (!reason) throw error;
    return { ok: false, reason };
  }
}

/** A new course, as a draft. */
export async function createCourse(
  db: Database,
  actor: Actor,
  form: CourseForm,
): Promise<PlanningOutcome<{ courseId: number }>> {
  return refusing(() =>
    db.transaction().execute(async (trx): Promise<PlanningOutcome<{ courseId: number }>> => {
      const checked = await checkReferences(trx, actor, form, null);
      if (typeof checked === "string") return { ok: false, reason: checked };
      const course = await trx
        .insertInto("courses")
        .values({ ...courseRow(form, checked.scope), created_by: actor.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const s of form.sessions)
        await trx
          .insertInto("course_sessions")
          .values({ course_id: course.id, ...sessionRow(s) })
          .execute();
      await writeTrainersAndSkills(trx, course.id, form);
      return { ok: true, courseId: course.id };
    }),
  );
}

/**
 * Changes a draft or a published course. Once published, people enrolled hear of a change to
 * the title or to a session's time or place: the course's SEQUENCE rises (and the changed
 * session's), so their calendars take the new version. Sessions left out of the form are deleted
 * from a draft; a published course's sessions are only ever cancelled, one by one.
 */
export async function updateCourse(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  courseId: number,
  form: CourseForm,
): Promise<PlanningOutcome> {
  return refusing(() =>
    db.transaction().execute(async (trx): Promise<PlanningOutcome> => {
      // Locked: a second edit, a publish or an enrolment waits for this one.
      const course = await trx
        .selectFrom("courses")
        .selectAll()
        .where("id", "=", courseId)
        .forUpdate()
        .executeTakeFirst();
      if (
        !course ||
        !may(actor, {
          action: "plan_courses",
          scope: { regionId: course.region_id, digibankId: course.digibank_id },
        })
      )
        return { ok: false, reason: "not_found" };
      if (course.status === "cancelled") return { ok: false, reason: "cancelled" };
      const checked = await checkReferences(trx, actor, form, courseId);
      if (typeof checked === "string") return { ok: false, reason: checked };
      if (form.capacity < course.enrolled_count)
        return { ok: false, reason: "capacity_below_enrolled", enrolled: course.enrolled_count };

      const existing = await trx
        .selectFrom("course_sessions")
        .selectAll()
        .where("course_id", "=", courseId)
        .where("status", "=", "scheduled")
        .execute();
      const byId = new Map(existing.map((s) => [s.id, s]));
      if (form.sessions.some((s) => s.id !== undefined && !byId.has(s.id)))
        return { ok: false, reason: "session_not_found" };
      const published = course.status === "published";
      // The window rule holds for the sessions kept too (the form only saw those it holds).
      const kept = published
        ? existing.filter((s) => !form.sessions.some((f) => f.id === s.id))
        : [];
      const closes = localStamp(form.closesDate, form.closesTime);
      if (
        kept.some(
          (s) => localStamp(localParts(s.starts_at).date, localParts(s.starts_at).time) < closes,
        )
      )
        return { ok: false, reason: "window_after_start" };

      let news = course.title !== form.title;
      if (!published) {
        const keep = new Set(form.sessions.flatMap((s) => (s.id ? [s.id] : [])));
        const gone = existing.filter((s) => !keep.has(s.id)).map((s) => s.id);
        if (gone.length > 0)
          await trx.deleteFrom("course_sessions").where("id", "in", gone).execute();
      }
      for (const s of form.sessions) {
        const row = sessionRow(s);
        const before = s.id ? byId.get(s.id) : undefined;
        if (!before) {
          await trx
            .insertInto("course_sessions")
            .values({ course_id: courseId, ...row })
            .execute();
          news = true;
          continue;
        }
        const changed =
          before.starts_at.getTime() !== row.starts_at.getTime() ||
          before.ends_at.getTime() !== row.ends_at.getTime() ||
          before.digipunt_id !== row.digipunt_id ||
          before.address !== row.address ||
          before.online_url !== row.online_url;
        if (!changed) continue;
        news = true;
        await trx
          .updateTable("course_sessions")
          .set({ ...row, sequence: sql`sequence + 1`, updated_at: new Date() })
          .where("id", "=", before.id)
          .execute();
      }
      await trx
        .updateTable("courses")
        .set({
          ...courseRow(form, checked.scope),
          updated_at: new Date(),
          ...(published && news ? { sequence: sql`sequence + 1` } : {}),
        })
        .where("id", "=", courseId)
        .execute();
      await writeTrainersAndSkills(trx, courseId, form);
      if (published && news) await noticeCourseChanged(trx, jobs, courseId);
      // A changed completion rule may complete, or undo, someone's course.
      await evaluateCourseCompletions(trx, courseId);
      return { ok: true };
    }),
  );
}

/** A draft becomes published: it shows to its audience, who may enrol in its window. */
export async function publishCourse(
  db: Database,
  actor: Actor,
  courseId: number,
): Promise<PlanningOutcome> {
  return db.transaction().execute(async (trx) => {
    const course = await findPlannedCourse(trx, actor, courseId);
    if (!course) return { ok: false, reason: "not_found" };
    if (course.status !== "draft")
      return {
        ok: false,
        reason: course.status === "cancelled" ? "cancelled" : "already_published",
      };
    const updated = await trx
      .updateTable("courses")
      .set({ status: "published", published_at: new Date(), updated_at: new Date() })
      .where("id", "=", courseId)
      .where("status", "=", "draft")
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n ? { ok: true } : { ok: false, reason: "already_published" };
  });
}

/**
 * Cancels the whole course: every enrolment (and place on the waiting list) ends, and each of
 * those people hears of it, the enrolled with a CANCEL for every session.
 */
export async function cancelCourse(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  courseId: number,
  reason: string,
): Promise<PlanningOutcome> {
  return db.transaction().execute(async (trx) => {
    const course = await findPlannedCourse(trx, actor, courseId);
    if (!course) return { ok: false, reason: "not_found" };
    if (course.status === "cancelled") return { ok: false, reason: "cancelled" };
    const now = new Date();
    await trx
      .updateTable("courses")
      .set({
        status: "cancelled",
        cancelled_at: now,
        cancel_reason: reason,
        // A draft was never published; the CHECK wants a published_at on a cancelled course.
        published_at: course.published_at ?? now,
        sequence: sql`sequence + 1`,
        updated_at: now,
      })
      .where("id", "=", courseId)
      .execute();
    // Who was enrolled and who was waiting, read before their enrolments end.
    const ended = await trx
      .selectFrom("course_enrolments")
      .select(["id", "status"])
      .where("course_id", "=", courseId)
      .where("status", "in", ["enrolled", "waiting"])
      .forUpdate()
      .execute();
    await trx
      .updateTable("course_enrolments")
      .set({ status: "cancelled", ended_at: now, updated_at: now })
      .where("id", "in", [0, ...ended.map((e) => e.id)])
      .execute();
    await noticeCourseCancelled(
      trx,
      jobs,
      courseId,
      ended.map((e) => ({ enrolmentId: e.id, waiting: e.status === "waiting" })),
    );
    return { ok: true };
  });
}

/** Cancels one session of a published or draft course; the enrolled get its CANCEL. */
export async function cancelSession(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  courseId: number,
  sessionId: number,
): Promise<PlanningOutcome> {
  return db.transaction().execute(async (trx) => {
    const course = await findPlannedCourse(trx, actor, courseId);
    if (!course) return { ok: false, reason: "not_found" };
    if (course.status === "cancelled") return { ok: false, reason: "cancelled" };
    const sessions = await trx
      .selectFrom("course_sessions")
      .select(["id", "status"])
      .where("course_id", "=", courseId)
      .forUpdate()
      .execute();
    const session = sessions.find((s) => s.id === sessionId);
    if (!session || session.status !== "scheduled")
      return { ok: false, reason: "session_not_found" };
    // A course without sessions is no course: cancel the course instead.
    if (sessions.filter((s) => s.status === "scheduled").length === 1)
      return { ok: false, reason: "last_session" };
    const now = new Date();
    await trx
      .updateTable("course_sessions")
      .set({
        status: "cancelled",
        cancelled_at: now,
        sequence: sql`sequence + 1`,
        updated_at: now,
      })
      .where("id", "=", sessionId)
      .execute();
    if (course.status === "published") await noticeSessionCancelled(trx, jobs, courseId, sessionId);
    // One session fewer may be all someone still lacked to complete the course.
    await evaluateCourseCompletions(trx, courseId, now);
    return { ok: true };
  });
}

/** A message from the planner to everyone enrolled (not the waiting list), sent once per key. */
export async function messageEnrolled(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  courseId: number,
  message: { key: string; subject: string; body: string },
): Promise<PlanningOutcome<{ recipients: number }>> {
  return db.transaction().execute(async (trx) => {
    const course = await findPlannedCourse(trx, actor, courseId);
    if (!course) return { ok: false, reason: "not_found" };
    if (course.status !== "published") return { ok: false, reason: "cancelled" };
    const recipients = await noticeCourseMessage(trx, jobs, courseId, {
      ...message,
      senderName: actor.name,
    });
    return { ok: true, recipients };
  });
}
