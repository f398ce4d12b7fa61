import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import { endAllSessions } from "~/modules/auth/session.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { findPerson } from "./directory.server.ts";

// Deactivating and reactivating an account. A deactivated person is signed out everywhere at once.

export type StatusOutcome =
  { ok: true } | { ok: false; reason: "forbidden" | "not_found" | "unchanged" };

async function mayManage(db: Database, actor: Actor, personId: number) {
  const person = await findPerson(db, personId);
  if (!person) return { person: null, allowed: false };
  // Nobody switches off their own account here, not even an admin.
  const allowed =
    person.id !== actor.id &&
    may(actor, { action: "manage_person", person: { id: person.id, roles: person.roles } });
  return { person, allowed };
}

/** Moves an account between active and disabled; disabling also ends every session at once. */
async function setAccountStatus(
  db: Database,
  actor: Actor,
  personId: number,
  to: "active" | "disabled",
  ip: string | null | undefined,
): Promise<StatusOutcome> {
  return db.transaction().execute(async (trx) => {
    const { person, allowed } = await mayManage(trx, actor, personId);
    if (!person) return { ok: false, reason: "not_found" };
    if (!allowed) return { ok: false, reason: "forbidden" };
    const changed = await trx
      .updateTable("users")
      .set({ status: to })
      .where("id", "=", person.id)
      .where("status", "=", to === "active" ? "disabled" : "active")
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) return { ok: false, reason: "unchanged" };
    if (to === "disabled") await endAllSessions(trx, person.id);
    await recordAuditEvent(trx, {
      action: to === "disabled" ? "account_disabled" : "account_enabled",
      actorId: actor.id,
      subjectId: person.id,
      ip,
    });
    return { ok: true };
  });
}

export function deactivatePerson(
  db: Database,
  actor: Actor,
  personId: number,
  options: { ip?: string | null } = {},
): Promise<StatusOutcome> {
  return setAccountStatus(db, actor, personId, "disabled", options.ip);
}

export function reactivatePerson(
  db: Database,
  actor: Actor,
  personId: number,
  options: { ip?: string | null } = {},
): Promise<StatusOutcome> {
  return setAccountStatus(db, actor, personId, "active", options.ip);
}
