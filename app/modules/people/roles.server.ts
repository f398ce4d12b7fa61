import type { Role } from "../../../db/schema.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { Scope } from "./schemas.ts";

// Admins grant and revoke roles. The scope must fit the role (the role_assignments_scope check
// holds the same rule); an admin never takes away their own admin role.

export type RoleOutcome =
  { ok: true } | { ok: false; reason: "forbidden" | "not_found" | "scope" | "own_admin" };

function scopeColumns(role: Role, scope: Scope | null) {
  if (role === "admin") return scope ? null : { region_id: null, digibank_id: null };
  if (!scope) return null;
  if (scope.kind === "region" && (role === "regional_staff" || role === "coordinator"))
    return { region_id: scope.id, digibank_id: null };
  if (scope.kind === "digibank" && (role === "volunteer" || role === "coordinator"))
    return { region_id: null, digibank_id: scope.id };
  return null;
}

export async function grantRole(
  db: Database,
  actor: Actor,
  values: { personId: number; role: Role; scope: Scope | null; ip?: string | null },
): Promise<RoleOutcome> {
  if (!may(actor, { action: "manage_staff" })) return { ok: false, reason: "forbidden" };
  const columns = scopeColumns(values.role, values.scope);
  if (!columns) return { ok: false, reason: "scope" };
  return db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("users")
      .select("id")
      .where("id", "=", values.personId)
      .where("status", "!=", "deleted")
      .executeTakeFirst();
    if (!person) return { ok: false, reason: "not_found" };
    const table =
      columns.region_id !== null ? "regions" : columns.digibank_id !== null ? "digibanks" : null;
    if (table) {
      const found = await trx
        .selectFrom(table)
        .select("id")
        .where("id", "=", (columns.region_id ?? columns.digibank_id)!)
        .executeTakeFirst();
      if (!found) return { ok: false, reason: "scope" };
    }
    const inserted = await trx
      .insertInto("role_assignments")
      .values({ user_id: person.id, role: values.role, ...columns })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) {
      await recordAuditEvent(trx, {
        action: "role_granted",
        actorId: actor.id,
        subjectId: person.id,
        ip: values.ip,
        details: {
          role: values.role,
          regionId: columns.region_id,
          digibankId: columns.digibank_id,
        },
      });
    }
    return { ok: true };
  });
}

export async function revokeRole(
  db: Database,
  actor: Actor,
  values: { personId: number; assignmentId: number; ip?: string | null },
): Promise<RoleOutcome> {
  if (!may(actor, { action: "manage_staff" })) return { ok: false, reason: "forbidden" };
  return db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom("role_assignments")
      .selectAll()
      .where("id", "=", values.assignmentId)
      .where("user_id", "=", values.personId)
      .executeTakeFirst();
    if (!assignment) return { ok: false, reason: "not_found" };
    if (assignment.role === "admin" && assignment.user_id === actor.id)
      return { ok: false, reason: "own_admin" };
    await trx.deleteFrom("role_assignments").where("id", "=", assignment.id).execute();
    await recordAuditEvent(trx, {
      action: "role_revoked",
      actorId: actor.id,
      subjectId: assignment.user_id,
      ip: values.ip,
      details: {
        role: assignment.role,
        regionId: assignment.region_id,
        digibankId: assignment.digibank_id,
      },
    });
    return { ok: true };
  });
}
