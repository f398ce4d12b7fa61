import type { Role, UserStatus } from "../../../db/schema.ts";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { Database } from "~/utils/db.server.ts";

// Who a coordinator or an admin sees on the people page, and what they may do with each person.

export interface PersonRole {
  assignmentId: number;
  role: Role;
  regionId: number | null;
  digibankId: number | null;
  scopeName: string | null;
}

export interface PersonRow {
  id: number;
  name: string;
  email: string;
  status: UserStatus;
  roles: PersonRole[];
  /** May deactivate or reactivate this person. */
  canManage: boolean;
  /** May grant and revoke this person's roles (admins). */
  canEditRoles: boolean;
}

/** True for the people page's visitors: admins and coordinators of at least one digibank. */
/** The digibanken an actor may invite volunteers to, with their region (for the scope picker). */
export async function listDigibanksInScope(db: Database, actor: Actor) {
  let query = db
    .selectFrom("digibanks")
    .innerJoin("regions", "regions.id", "digibanks.region_id")
    .select([
      "digibanks.id",
      "digibanks.name",
      "regions.id as regionId",
      "regions.name as regionName",
    ])
    .orderBy("digibanks.name");
  if (!isAdmin(actor)) {
    if (actor.coordinatedDigibankIds.length === 0) return [];
    query = query.where("digibanks.id", "in", actor.coordinatedDigibankIds);
  }
  return query.execute();
}

export async function listRegions(db: Database) {
  return db.selectFrom("regions").select(["id", "name"]).orderBy("name").execute();
}

async function rolesOf(db: Database, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("role_assignments")
    .leftJoin("digibanks", "digibanks.id", "role_assignments.digibank_id")
    .leftJoin("regions", "regions.id", "role_assignments.region_id")
    .select([
      "role_assignments.id as assignmentId",
      "role_assignments.user_id as userId",
      "role_assignments.role",
      "role_assignments.region_id as regionId",
      "role_assignments.digibank_id as digibankId",
      (eb) => eb.fn.coalesce("digibanks.name", "regions.name").as("scopeName"),
    ])
    .where("role_assignments.user_id", "in", userIds)
    .orderBy("role_assignments.id")
    .execute();
}

/**
 * The people an actor may see: an admin everyone (or the people of one digibank), a coordinator
 * the people with a role in the digibanken they coordinate. Deleted accounts are left out.
 */
export async function listPeople(
  db: Database,
  actor: Actor,
  filter: { digibankId?: number | null } = {},
): Promise<PersonRow[]> {
  const admin = isAdmin(actor);
  let banks: number[] | null = admin ? null : actor.coordinatedDigibankIds;
  if (filter.digibankId) {
    banks = banks === null || banks.includes(filter.digibankId) ? [filter.digibankId] : [];
  }
  if (banks !== null && banks.length === 0) return [];

  let query = db
    .selectFrom("users")
    .select(["id", "name", "email", "status"])
    .where("status", "!=", "deleted")
    .orderBy("name")
    .orderBy("id");
  if (banks !== null) {
    const inScope = banks;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("role_assignments")
          .select("role_assignments.id")
          .whereRef("role_assignments.user_id", "=", "users.id")
          .where("role_assignments.digibank_id", "in", inScope),
      ),
    );
  }
  const users = await query.execute();
  const roles = await rolesOf(
    db,
    users.map((u) => u.id),
  );
  return users.map((user) => {
    const own = roles
      .filter((r) => r.userId === user.id)
      .map(({ userId: _userId, ...role }) => role);
    return {
      ...user,
      roles: own,
      canManage:
        user.id !== actor.id &&
        may(actor, { action: "manage_person", person: { id: user.id, roles: own } }),
      canEditRoles: admin,
    };
  });
}

/** One person with their roles, as the access check needs them; null when unknown or deleted. */
export async function findPerson(db: Database, personId: number) {
  const user = await db
    .selectFrom("users")
    .select(["id", "name", "email", "status"])
    .where("id", "=", personId)
    .where("status", "!=", "deleted")
    .executeTakeFirst();
  if (!user) return null;
  const roles = (await rolesOf(db, [user.id])).map(({ userId: _userId, ...role }) => role);
  return { ...user, roles };
}

/** The active coordinators of a digibank: of the digibank itself or of its region. */
export function coordinatorsOf(
  trx: Database | Transaction<DB>,
  bank: { digibankId: number; regionId: number },
) {
  return trx
    .selectFrom("users")
    .innerJoin("role_assignments", "role_assignments.user_id", "users.id")
    .select(["users.id", "users.email", "users.language"])
    .distinct()
    .where("users.status", "=", "active")
    .where("role_assignments.role", "=", "coordinator")
    .where((eb) =>
      eb.or([
        eb("role_assignments.digibank_id", "=", bank.digibankId),
        eb("role_assignments.region_id", "=", bank.regionId),
      ]),
    )
    .orderBy("users.id")
    .execute();
}
