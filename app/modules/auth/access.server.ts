import type { DB, Role } from "../../../db/schema.ts";
import type { ExpressionBuilder } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "~/utils/db.server.ts";

// The one place that answers "may this person do this to that". Every loader and action asks it
// (through the guards in guards.server.ts); hiding a button is never the check.

export interface Actor {
  id: number;
  name: string;
  email: string;
  language: "nl" | "fr" | "en";
  roles: Array<{ role: Role; regionId: number | null; digibankId: number | null }>;
  /** Digibanken this person coordinates, directly or through a region they coordinate. */
  coordinatedDigibankIds: number[];
  /** Digibanken this person volunteers for. */
  volunteerDigibankIds: number[];
  /** Regions this person works for as regional staff. */
  staffRegionIds: number[];
  /** Regions this person coordinates as a whole (a coordinator role scoped to a region). */
  coordinatedRegionIds: number[];
  /** Regions of the digibanken this person coordinates (directly or through their region). */
  coordinatorRegionIds: number[];
  /** Regions of the digibanken this person volunteers for. */
  volunteerRegionIds: number[];
}

export interface DigibankRef {
  id: number;
  regionId: number;
}

export interface PersonRef {
  id: number;
  roles: Array<{ role: Role; regionId: number | null; digibankId: number | null }>;
}

/**
 * Who organises a course or an event: a digibank of a region, or (digibankId null) the region
 * itself.
 */
export interface OrganiserScope {
  regionId: number;
  digibankId: number | null;
}

export type CourseScope = OrganiserScope;
export type EventScope = OrganiserScope;

export interface CourseRef extends CourseScope {
  status: "draft" | "published" | "cancelled";
  audience: "volunteers" | "coordinators" | "everyone";
  /** The people on the platform named trainer on this course. */
  trainerUserIds: readonly number[];
}

export type Permission =
  /** Open the people pages at all (the lists in them stay within the actor's digibanken). */
  | { action: "manage_people" }
  /** Invite volunteers to, and decide join requests for, this digibank; see its people. */
  | { action: "manage_volunteers"; digibank: DigibankRef }
  /** Deactivate, reactivate or see this person (a coordinator: only volunteers of their digibanken). */
  | { action: "manage_person"; person: PersonRef }
  /** Invite coordinators and regional staff, grant and revoke roles, see everyone. */
  | { action: "manage_staff" }
  /** See and retry emails that failed for good. */
  | { action: "manage_mail" }
  /** Use the platform's signed-in pages at all. */
  | { action: "use_app" }
  /** See this digibank's shifts and who is on them (first names only). */
  | { action: "view_shifts"; digibank: DigibankRef }
  /** Claim, release and queue for this digibank's shifts: its volunteers. */
  | { action: "claim_shifts"; digibank: DigibankRef }
  /**
   * Publish, change and cancel this digibank's shifts, manage its digipunten, see rosters with
   * contact details, record attendance: its coordinators (of the digibank or of its region).
   */
  | { action: "plan_shifts"; digibank: DigibankRef }
  /** Open the planning pages at all (what they list stays within the actor's digibanken). */
  | { action: "plan_any_shifts" }
  /** Change this region's settings (the release cut-off): its regional staff. */
  | { action: "manage_region"; regionId: number }
  /** Open the region settings at all. */
  | { action: "manage_any_region" }
  /** Open the course planning pages at all (what they list stays within the actor's scope). */
  | { action: "plan_any_courses" }
  /**
   * Create, change, publish and cancel courses of this scope, see their rosters with contact
   * details, take attendance, export: regional staff and coordinators of the region, and for a
   * digibank's course also that digibank's coordinators.
   */
  | { action: "plan_courses"; scope: CourseScope }
  /** See the course's roster and take its attendance: its planners and its trainers. */
  | { action: "train_course"; course: CourseRef }
  /** See a course and its sessions: its audience once published, its trainers and planners. */
  | { action: "view_course"; course: CourseRef }
  /** Enrol in a published course, or join its waiting list: the people of its audience. */
  | { action: "enrol_course"; course: CourseRef }
  /** Mark which skills only a course can grant: those who plan courses. */
  | { action: "manage_skills" }
  /** Open the event pages for organisers at all (what they list stays within the actor's scope). */
  | { action: "plan_any_events" }
  /**
   * Create, change, publish, send and cancel events of this scope, see who answered what, keep the
   * door list, export: regional staff and coordinators of the region, and for a digibank's event
   * also that digibank's coordinators (as for courses).
   */
  | { action: "plan_events"; scope: EventScope }
  /**
   * See this person's volunteer profile in full: the person, and coordinators of a digibank they
   * volunteer for. (The community board shows only what the person chose to show.)
   */
  | { action: "view_profile"; person: PersonRef }
  /**
   * File a shift report for a shift of this digibank: its volunteers. That they were on the shift is
   * the shift reports module's check, inside its transaction. A coordinator recording a report for
   * a volunteer uses plan_shifts.
   */
  | { action: "report_shift"; digibank: DigibankRef }
  /** Read, share on and thank posts of this region's community board: its people. */
  | { action: "use_board"; regionId: number }
  /** Hide (and show again) posts of this region's board: its coordinators and regional staff. */
  | { action: "moderate_board"; regionId: number }
  /** Open the reports at all (what they count stays within the actor's digibanken). */
  | { action: "view_any_reports" }
  /** See this digibank's figures and export them: its coordinators and its region's staff. */
  | { action: "view_reports"; digibank: DigibankRef };

export function isAdmin(actor: Actor) {
  return actor.roles.some((r) => r.role === "admin");
}

export function may(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  switch (permission.action) {
    case "use_app":
      return actor.roles.length > 0;
    case "manage_people":
      return actor.coordinatedDigibankIds.length > 0;
    case "manage_volunteers":
      return actor.coordinatedDigibankIds.includes(permission.digibank.id);
    case "manage_person": {
      if (permission.person.id === actor.id) return false;
      // Only someone who is nothing but a volunteer, and only of digibanken this coordinator runs:
      // a coordinator never disables another coordinator, staff or an admin, nor a volunteer who
      // also helps elsewhere (adding them to one's own digibank must not be a way to do that).
      const roles = permission.person.roles;
      return (
        roles.length > 0 &&
        roles.every(
          (r) =>
            r.role === "volunteer" &&
            r.digibankId !== null &&
            actor.coordinatedDigibankIds.includes(r.digibankId),
        )
      );
    }
    case "view_shifts":
      return (
        actor.volunteerDigibankIds.includes(permission.digibank.id) ||
        actor.coordinatedDigibankIds.includes(permission.digibank.id) ||
        actor.staffRegionIds.includes(permission.digibank.regionId)
      );
    case "claim_shifts":
      return actor.volunteerDigibankIds.includes(permission.digibank.id);
    case "plan_shifts":
      return actor.coordinatedDigibankIds.includes(permission.digibank.id);
    case "plan_any_shifts":
      return actor.coordinatedDigibankIds.length > 0;
    case "manage_region":
      return actor.staffRegionIds.includes(permission.regionId);
    case "manage_any_region":
      return actor.staffRegionIds.length > 0;
    case "plan_any_courses":
    case "manage_skills":
    case "plan_any_events":
      return actor.coordinatedDigibankIds.length > 0 || actor.staffRegionIds.length > 0;
    case "plan_courses":
    case "plan_events":
      return organises(actor, permission.scope);
    case "train_course":
      return (
        organises(actor, permission.course) || permission.course.trainerUserIds.includes(actor.id)
      );
    case "view_course":
      return (
        organises(actor, permission.course) ||
        permission.course.trainerUserIds.includes(actor.id) ||
        (permission.course.status !== "draft" && inAudience(actor, permission.course))
      );
    case "enrol_course":
      return permission.course.status === "published" && inAudience(actor, permission.course);
    case "view_profile": {
      if (permission.person.id === actor.id) return true;
      return permission.person.roles.some(
        (r) =>
          r.role === "volunteer" &&
          r.digibankId !== null &&
          actor.coordinatedDigibankIds.includes(r.digibankId),
      );
    }
    case "report_shift":
      return actor.volunteerDigibankIds.includes(permission.digibank.id);
    case "use_board":
      return (
        actor.volunteerRegionIds.includes(permission.regionId) ||
        actor.coordinatorRegionIds.includes(permission.regionId) ||
        actor.staffRegionIds.includes(permission.regionId)
      );
    case "moderate_board":
      return (
        actor.coordinatorRegionIds.includes(permission.regionId) ||
        actor.staffRegionIds.includes(permission.regionId)
      );
    case "view_any_reports":
      return actor.coordinatedDigibankIds.length > 0 || actor.staffRegionIds.length > 0;
    case "view_reports":
      return (
        actor.coordinatedDigibankIds.includes(permission.digibank.id) ||
        actor.staffRegionIds.includes(permission.digibank.regionId)
      );
    case "manage_staff":
    case "manage_mail":
      return false;
  }
}

function organises(actor: Actor, scope: OrganiserScope) {
  return (
    actor.staffRegionIds.includes(scope.regionId) ||
    actor.coordinatedRegionIds.includes(scope.regionId) ||
    (scope.digibankId !== null && actor.coordinatedDigibankIds.includes(scope.digibankId))
  );
}

/** Whether the course is meant for this person: its audience, within its digibank or region. */
function inAudience(actor: Actor, course: CourseRef) {
  const asVolunteer =
    course.audience !== "coordinators" &&
    (course.digibankId !== null
      ? actor.volunteerDigibankIds.includes(course.digibankId)
      : actor.volunteerRegionIds.includes(course.regionId));
  const asCoordinator =
    course.audience !== "volunteers" &&
    (course.digibankId !== null
      ? actor.coordinatedDigibankIds.includes(course.digibankId)
      : actor.coordinatorRegionIds.includes(course.regionId));
  return asVolunteer || asCoordinator;
}

/**
 * The columns that make an actor, for a query over `users as u`: their roles with each digibank's
 * region, and the digibanken of the regions they coordinate. The session lookup selects them with
 * the session (session.server.ts), so a signed-in request finds its actor in that one round trip.
 */
export function actorColumns(eb: ExpressionBuilder<DB & { u: DB["users"] }, "u">) {
  return [
    "u.id",
    "u.name",
    "u.email",
    "u.language",
    jsonArrayFrom(
      eb
        .selectFrom("role_assignments as r")
        .leftJoin("digibanks as b", "b.id", "r.digibank_id")
        .select([
          "r.role",
          "r.region_id as regionId",
          "r.digibank_id as digibankId",
          "b.region_id as bankRegionId",
        ])
        .whereRef("r.user_id", "=", "u.id")
        .orderBy("r.id"),
    ).as("roles"),
    jsonArrayFrom(
      eb
        .selectFrom("digibanks as d")
        .select(["d.id", "d.region_id as regionId"])
        .where(
          "d.region_id",
          "in",
          eb
            .selectFrom("role_assignments as c")
            .select("c.region_id")
            .whereRef("c.user_id", "=", "u.id")
            .where("c.role", "=", "coordinator")
            .where("c.region_id", "is not", null),
        )
        .orderBy("d.id"),
    ).as("regionBanks"),
  ] as const;
}

/** What actorColumns selected, as it comes back from the driver. */
export interface ActorRow {
  id: number;
  name: string;
  email: string;
  language: "nl" | "fr" | "en";
  roles: Array<{
    role: Role;
    regionId: number | null;
    digibankId: number | null;
    bankRegionId: number | null;
  }>;
  regionBanks: Array<{ id: number; regionId: number }>;
}

/**
 * Loads a person with their roles and the scope those roles give, or null when not active. One
 * query (the person, their roles with each digibank's region, and the digibanken of the regions
 * they coordinate), not one round trip per step.
 */
export async function loadActor(db: Database, userId: number): Promise<Actor | null> {
  const row = await db
    .selectFrom("users as u")
    .select((eb) => actorColumns(eb))
    .where("u.id", "=", userId)
    .where("u.status", "=", "active")
    .executeTakeFirst();
  return row ? actorFromRow(row) : null;
}

/** The actor of a row with actorColumns: their roles, and the scope those roles give. */
export function actorFromRow(row: ActorRow): Actor {
  const { roles: held, regionBanks, id, name, email, language } = row;
  const user = { id, name, email, language };
  const roles = held.map(({ role, regionId, digibankId }) => ({ role, regionId, digibankId }));
  const regionIds = roles
    .filter((r) => r.role === "coordinator" && r.regionId !== null)
    .map((r) => r.regionId!);
  const coordinated = new Set([
    ...roles
      .filter((r) => r.role === "coordinator" && r.digibankId !== null)
      .map((r) => r.digibankId!),
    ...regionBanks.map((b) => b.id),
  ]);
  const volunteerDigibankIds = roles
    .filter((r) => r.role === "volunteer")
    .map((r) => r.digibankId!);
  const regionOf = new Map<number, number>([
    ...held.flatMap((r) =>
      r.digibankId !== null && r.bankRegionId !== null
        ? [[r.digibankId, r.bankRegionId] as [number, number]]
        : [],
    ),
    ...regionBanks.map((b) => [b.id, b.regionId] as [number, number]),
  ]);
  const regionsOf = (bankIds: Iterable<number>) =>
    [...new Set([...bankIds].map((id) => regionOf.get(id)!))].sort((a, b) => a - b);
  return {
    ...user,
    roles,
    coordinatedDigibankIds: [...coordinated].sort((a, b) => a - b),
    volunteerDigibankIds,
    staffRegionIds: roles.filter((r) => r.role === "regional_staff").map((r) => r.regionId!),
    coordinatedRegionIds: [...new Set(regionIds)].sort((a, b) => a - b),
    coordinatorRegionIds: regionsOf(coordinated),
    volunteerRegionIds: regionsOf(volunteerDigibankIds),
  };
}
