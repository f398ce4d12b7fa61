import { type ExpressionBuilder, sql } from "kysely";
import type { CourseTheme, DB } from "../../../db/schema.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { readId } from "~/utils/schemas.ts";
import { loadCourseAccess } from "./course.server.ts";
import { missingPrerequisites, waitingPosition } from "./enrolment.server.ts";

// What the course pages show a volunteer or coordinator: the published courses meant for them
// (by month, theme and place), and one course with its sessions, trainers, free places, enrolment
// window, prerequisites and the reader's own enrolment. The same may() rules as the actions decide
// what is listed; the SQL below says them once more so the list is one query.

export const COURSE_THEMES = [
  "digital_skills",
  "teaching_adults",
  "target_group",
  "service",
] as const satisfies readonly CourseTheme[];

export interface CourseFilters {
  /** YYYY-MM: courses with a session in that month (Brussels time). */
  month: string | null;
  theme: CourseTheme | null;
  /** A municipality id (sessions at a digipunt there), or "online". */
  place: number | "online" | null;
}

/** Filters from the query string; anything malformed is left out, never an error. */
export function parseCourseFilters(params: URLSearchParams): CourseFilters {
  const month = params.get("month");
  const theme = params.get("theme");
  const place = params.get("place");
  return {
    month: month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    theme: (COURSE_THEMES as readonly string[]).includes(theme ?? "")
      ? (theme as CourseTheme)
      : null,
    place: place === "online" ? "online" : readId(place),
  };
}

export type WindowState = "not_open_yet" | "open" | "closed";

export function windowState(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now < opensAt) return "not_open_yet";
  return now < closesAt ? "open" : "closed";
}

/** Published courses meant for this person (the SQL twin of may(enrol_course)). */
function inAudience(eb: ExpressionBuilder<DB & { c: DB["courses"] }, "c">, actor: Actor) {
  const ids = (list: number[]) => (list.length > 0 ? list : [0]);
  return eb.or([
    eb.and([
      eb("c.audience", "<>", "coordinators"),
      eb.or([
        eb("c.digibank_id", "in", ids(actor.volunteerDigibankIds)),
        eb.and([
          eb("c.digibank_id", "is", null),
          eb("c.region_id", "in", ids(actor.volunteerRegionIds)),
        ]),
      ]),
    ]),
    eb.and([
      eb("c.audience", "<>", "volunteers"),
      eb.or([
        eb("c.digibank_id", "in", ids(actor.coordinatedDigibankIds)),
        eb.and([
          eb("c.digibank_id", "is", null),
          eb("c.region_id", "in", ids(actor.coordinatorRegionIds)),
        ]),
      ]),
    ]),
  ]);
}

export interface CatalogCourse {
  id: number;
  title: string;
  theme: CourseTheme;
  organiserName: string;
  capacity: number;
  freePlaces: number;
  waitingCount: number;
  opensAt: string;
  closesAt: string;
  window: WindowState;
  firstStartsAt: string;
  lastEndsAt: string;
  sessionCount: number;
  places: string[];
  online: boolean;
  missing: { skillCode: string | null; courseTitle: string | null };
  myStatus: "enrolled" | "waiting" | null;
}

/** The published courses, still to come or under way, the person may enrol in or is enrolled in. */
export async function listCatalog(
  db: Database,
  actor: Actor,
  filters: CourseFilters,
  {
    now = new Date(),
    limit = 500,
    offset = 0,
  }: { now?: Date; limit?: number; offset?: number } = {},
): Promise<CatalogCourse[]> {
  let query = db
    .selectFrom("courses as c")
    .innerJoin("regions as r", "r.id", "c.region_id")
    .leftJoin("digibanks as b", "b.id", "c.digibank_id")
    .leftJoin("skills as ps", "ps.id", "c.prerequisite_skill_id")
    .leftJoin("courses as pc", "pc.id", "c.prerequisite_course_id")
    .leftJoin("course_enrolments as me", (join) =>
      join
        .onRef("me.course_id", "=", "c.id")
        .on("me.user_id", "=", actor.id)
        .on("me.status", "in", ["enrolled", "waiting"]),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom("course_sessions as s")
          .leftJoin("digipunten as p", "p.id", "s.digipunt_id")
          .leftJoin("municipalities as m", "m.id", "p.municipality_id")
          .select((s) => [
            s.fn.min("s.starts_at").as("firstStartsAt"),
            s.fn.max("s.ends_at").as("lastEndsAt"),
            s.fn.countAll<string>().as("sessionCount"),
            sql<
              string[]
            >`coalesce(array_agg(distinct m.name) filter (where m.name is not null), '{}')`.as(
              "places",
            ),
            sql<boolean>`bool_or(s.online_url is not null)`.as("online"),
          ])
          .whereRef("s.course_id", "=", "c.id")
          .where("s.status", "=", "scheduled")
          .as("ss"),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      "c.id",
      "c.title",
      "c.theme",
      "c.capacity",
      "c.enrolled_count as enrolledCount",
      "c.enrol_opens_at as opensAt",
      "c.enrol_closes_at as closesAt",
      sql<string>`coalesce(b.name, r.name)`.as("organiserName"),
      "ss.firstStartsAt",
      "ss.lastEndsAt",
      "ss.sessionCount",
      "ss.places",
      "ss.online",
      "me.status as myStatus",
      "ps.code as skillCode",
      "pc.title as courseTitle",
      eb
        .exists(
          eb
            .selectFrom("volunteer_skills as vs")
            .select("vs.user_id")
            .where("vs.user_id", "=", actor.id)
            .whereRef("vs.skill_id", "=", "c.prerequisite_skill_id"),
        )
        .as("hasSkill"),
      eb
        .exists(
          eb
            .selectFrom("course_enrolments as pe")
            .select("pe.id")
            .where("pe.user_id", "=", actor.id)
            .whereRef("pe.course_id", "=", "c.prerequisite_course_id")
            .where("pe.completed_at", "is not", null),
        )
        .as("completedPrerequisite"),
      eb
        .selectFrom("course_enrolments as w")
        .select((w) => w.fn.countAll<string>().as("n"))
        .whereRef("w.course_id", "=", "c.id")
        .where("w.status", "=", "waiting")
        .as("waitingCount"),
    ])
    .where("c.status", "=", "published")
    .where("ss.lastEndsAt", ">", now)
    .where((eb) => eb.or([inAudience(eb as never, actor), eb("me.id", "is not", null)]));

  if (filters.theme) query = query.where("c.theme", "=", filters.theme);
  if (filters.month || filters.place) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("course_sessions as f")
          .leftJoin("digipunten as fp", "fp.id", "f.digipunt_id")
          .select("f.id")
          .whereRef("f.course_id", "=", "c.id")
          .where("f.status", "=", "scheduled")
          .$if(filters.month !== null, (q) =>
            q.where(
              sql<string>`to_char(f.starts_at at time zone 'Europe/Brussels', 'YYYY-MM')`,
              "=",
              filters.month!,
            ),
          )
          .$if(filters.place === "online", (q) => q.where("f.online_url", "is not", null))
          .$if(typeof filters.place === "number", (q) =>
            q.where("fp.municipality_id", "=", filters.place as number),
          ),
      ),
    );
  }
  const rows = await query
    .orderBy("ss.firstStartsAt")
    .orderBy("c.id")
    .limit(limit)
    .offset(offset)
    .execute();

  return rows.map((row) => {
    const missing = missingPrerequisites({
      prerequisiteSkillId: row.skillCode === null ? null : 1,
      prerequisiteCourseId: row.courseTitle === null ? null : 1,
      hasSkill: row.hasSkill,
      completedPrerequisite: row.completedPrerequisite,
    });
    return {
      id: row.id,
      title: row.title,
      theme: row.theme,
      organiserName: row.organiserName,
      capacity: row.capacity,
      freePlaces: Math.max(0, row.capacity - row.enrolledCount),
      waitingCount: Number(row.waitingCount ?? 0),
      opensAt: new Date(row.opensAt).toISOString(),
      closesAt: new Date(row.closesAt).toISOString(),
      window: windowState(new Date(row.opensAt), new Date(row.closesAt), now),
      firstStartsAt: new Date(row.firstStartsAt!).toISOString(),
      lastEndsAt: new Date(row.lastEndsAt!).toISOString(),
      sessionCount: Number(row.sessionCount),
      places: row.places,
      online: Boolean(row.online),
      missing: {
        skillCode: missing.includes("skill") ? row.skillCode : null,
        courseTitle: missing.includes("course") ? row.courseTitle : null,
      },
      myStatus: row.myStatus as "enrolled" | "waiting" | null,
    };
  });
}

/**
 * Courses per page of the list: a phone shows the next few at once, and a region with hundreds of
 * courses costs no more to show than one with twenty.
 */
export const CATALOG_PAGE_SIZE = 20;

/** The page number from the query string: 1 unless it is a whole number from 1 to 999. */
export function readCatalogPage(params: URLSearchParams): number {
  const page = params.get("page");
  return page && /^[1-9][0-9]{0,2}$/.test(page) ? Number(page) : 1;
}

/** One page of the list, in the order of the first session, and whether more follow. */
export async function listCatalogPage(
  db: Database,
  actor: Actor,
  filters: CourseFilters,
  { now = new Date(), page = 1 }: { now?: Date; page?: number } = {},
): Promise<{ courses: CatalogCourse[]; page: number; hasMore: boolean }> {
  const rows = await listCatalog(db, actor, filters, {
    now,
    limit: CATALOG_PAGE_SIZE + 1,
    offset: (page - 1) * CATALOG_PAGE_SIZE,
  });
  return {
    courses: rows.slice(0, CATALOG_PAGE_SIZE),
    page,
    hasMore: rows.length > CATALOG_PAGE_SIZE,
  };
}

/** The municipalities of the actor's region(s) with a published course session, for the filter. */
export async function listPlaceOptions(db: Database, actor: Actor) {
  const regions = [...new Set([...actor.volunteerRegionIds, ...actor.coordinatorRegionIds])];
  if (regions.length === 0) return [];
  return db
    .selectFrom("course_sessions as s")
    .innerJoin("courses as c", "c.id", "s.course_id")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .innerJoin("municipalities as m", "m.id", "p.municipality_id")
    .select(["m.id", "m.name"])
    .distinct()
    .where("c.status", "=", "published")
    .where("c.region_id", "in", regions)
    .orderBy("m.name")
    .execute();
}

/** One course as its page shows it to this reader, or null when they may not see it. */
export async function getCourseDetail(
  db: Database,
  actor: Actor,
  courseId: number,
  { now = new Date() }: { now?: Date } = {},
) {
  const access = await loadCourseAccess(db, courseId);
  if (!access || !may(actor, { action: "view_course", course: access })) return null;
  const course = await db
    .selectFrom("courses as c")
    .innerJoin("regions as r", "r.id", "c.region_id")
    .leftJoin("digibanks as b", "b.id", "c.digibank_id")
    .leftJoin("skills as ps", "ps.id", "c.prerequisite_skill_id")
    .leftJoin("courses as pc", "pc.id", "c.prerequisite_course_id")
    .select((eb) => [
      "c.id",
      "c.title",
      "c.description",
      "c.theme",
      "c.audience",
      "c.status",
      "c.cancel_reason as cancelReason",
      "c.capacity",
      "c.enrolled_count as enrolledCount",
      "c.enrol_opens_at as opensAt",
      "c.enrol_closes_at as closesAt",
      "c.prerequisite_skill_id as prerequisiteSkillId",
      "c.prerequisite_course_id as prerequisiteCourseId",
      "ps.code as skillCode",
      "pc.title as courseTitle",
      sql<string>`coalesce(b.name, r.name)`.as("organiserName"),
      eb
        .exists(
          eb
            .selectFrom("volunteer_skills as vs")
            .select("vs.user_id")
            .where("vs.user_id", "=", actor.id)
            .whereRef("vs.skill_id", "=", "c.prerequisite_skill_id"),
        )
        .as("hasSkill"),
      eb
        .exists(
          eb
            .selectFrom("course_enrolments as pe")
            .select("pe.id")
            .where("pe.user_id", "=", actor.id)
            .whereRef("pe.course_id", "=", "c.prerequisite_course_id")
            .where("pe.completed_at", "is not", null),
        )
        .as("completedPrerequisite"),
      eb
        .selectFrom("course_enrolments as w")
        .select((w) => w.fn.countAll<string>().as("n"))
        .whereRef("w.course_id", "=", "c.id")
        .where("w.status", "=", "waiting")
        .as("waitingCount"),
    ])
    .where("c.id", "=", courseId)
    .executeTakeFirstOrThrow();
  const sessions = await db
    .selectFrom("course_sessions as s")
    .leftJoin("digipunten as p", "p.id", "s.digipunt_id")
    .leftJoin("municipalities as m", "m.id", "p.municipality_id")
    .select([
      "s.id",
      "s.starts_at as startsAt",
      "s.ends_at as endsAt",
      "s.status",
      "s.address",
      "s.online_url as onlineUrl",
      "p.name as digipuntName",
      "p.address as digipuntAddress",
      "m.name as municipalityName",
    ])
    .where("s.course_id", "=", courseId)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  const trainers = await db
    .selectFrom("course_trainers as t")
    .leftJoin("users as u", "u.id", "t.user_id")
    .select(sql<string>`coalesce(u.name, t.outside_name)`.as("name"))
    .where("t.course_id", "=", courseId)
    .orderBy("t.id")
    .execute();
  const mine = await db
    .selectFrom("course_enrolments")
    .select(["status"])
    .where("course_id", "=", courseId)
    .where("user_id", "=", actor.id)
    .where("status", "in", ["enrolled", "waiting"])
    .executeTakeFirst();
  const myStatus = (mine?.status ?? null) as "enrolled" | "waiting" | null;
  const missing = missingPrerequisites(course);
  const window = windowState(new Date(course.opensAt), new Date(course.closesAt), now);
  const scheduled = sessions.filter((s) => s.status === "scheduled");
  const started = scheduled.some((s) => new Date(s.startsAt) <= now);
  const mayEnrol = may(actor, { action: "enrol_course", course: access });
  const open = course.status === "published" && window === "open" && missing.length === 0;
  const full = course.enrolledCount >= course.capacity;
  return {
    id: course.id,
    title: course.title,
    description: course.description,
    theme: course.theme,
    audience: course.audience,
    status: course.status,
    cancelReason: course.cancelReason,
    organiserName: course.organiserName,
    capacity: course.capacity,
    freePlaces: Math.max(0, course.capacity - course.enrolledCount),
    waitingCount: Number(course.waitingCount ?? 0),
    opensAt: new Date(course.opensAt).toISOString(),
    closesAt: new Date(course.closesAt).toISOString(),
    window,
    missing: {
      skillCode: missing.includes("skill") ? course.skillCode : null,
      courseTitle: missing.includes("course") ? course.courseTitle : null,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      cancelled: s.status === "cancelled",
      place: s.digipuntName
        ? [s.digipuntName, s.digipuntAddress, s.municipalityName].filter(Boolean).join(", ")
        : s.address,
      onlineUrl: s.onlineUrl,
    })),
    trainers: trainers.map((t) => t.name),
    myStatus,
    myPosition: myStatus === "waiting" ? await waitingPosition(db, courseId, actor.id) : null,
    isInAudience: mayEnrol,
    can: {
      enrol: mayEnrol && open && myStatus === null && !full,
      wait: mayEnrol && open && myStatus === null && full,
      cancel: myStatus === "waiting" || (myStatus === "enrolled" && !started),
    },
    canTrain: may(actor, { action: "train_course", course: access }),
  };
}

export type CourseDetail = NonNullable<Awaited<ReturnType<typeof getCourseDetail>>>;

/** Whether the person is named trainer on any course (the list then links to their courses). */
export async function trainsAnyCourse(db: Database, actor: Actor): Promise<boolean> {
  const row = await db
    .selectFrom("course_trainers")
    .select("id")
    .where("user_id", "=", actor.id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The coming twelve months (YYYY-MM, in Brussels), for the month filter. */
export function comingMonths(now: Date, count = 12): string[] {
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Brussels",
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = year * 12 + (month - 1) + i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  });
}
