import { sql } from "kysely";
import type { Language, Role } from "../../../db/schema.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { consumeToken, hashToken, issueToken, revokeTokens } from "~/modules/auth/tokens.server.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import type { Scope } from "./schemas.ts";

// Inviting a person and accepting the invitation. Each runs in one transaction: the account, its
// role, the token, the email and the audit line are written together or not at all.

export type InvitableRole = Exclude<Role, "admin">;

export interface Invitation {
  email: string;
  name: string;
  language: Language;
  role: InvitableRole;
  scope: Scope;
}

/** A refusal names the form field it is about and a catalog key that explains it. */
export type Refusal = { ok: false; field: "email" | "role" | "scope"; message: string };
export type InviteOutcome =
  { ok: true; outcome: "invited" | "role_added"; userId: number } | Refusal;

interface Resolved {
  role: InvitableRole;
  regionId: number | null;
  digibankId: number | null;
  scopeName: string;
}

/** Checks that this actor may give this role with this scope, and finds the scope's name. */
async function resolveScope(
  db: Database,
  actor: Actor,
  role: InvitableRole,
  scope: Scope,
): Promise<Resolved | Refusal> {
  const refuse = (field: Refusal["field"], message: string): Refusal => ({
    ok: false,
    field,
    message,
  });
  if (role !== "volunteer" && !may(actor, { action: "manage_staff" }))
    return refuse("role", "people:invite.errors.role");
  if (scope.kind === "digibank") {
    if (role === "regional_staff") return refuse("scope", "people:invite.errors.scopeKind");
    const bank = await db
      .selectFrom("digibanks")
      .select(["id", "region_id", "name"])
      .where("id", "=", scope.id)
      .executeTakeFirst();
    if (
      !bank ||
      !may(actor, {
        action: "manage_volunteers",
        digibank: { id: bank.id, regionId: bank.region_id },
      })
    )
      return refuse("scope", "people:invite.errors.scope");
    return { role, regionId: null, digibankId: bank.id, scopeName: bank.name };
  }
  if (role === "volunteer") return refuse("scope", "people:invite.errors.scopeKind");
  const region = await db
    .selectFrom("regions")
    .select(["id", "name"])
    .where("id", "=", scope.id)
    .executeTakeFirst();
  if (!region) return refuse("scope", "people:invite.errors.scope");
  return { role, regionId: region.id, digibankId: null, scopeName: region.name };
}

/**
 * Invites a person, inside the caller's transaction. A new address gets an 'invited' account and
 * an emailed link; an address of an active person only gets the role (the inviter is told so).
 */
export async function inviteInTransaction(
  trx: Database,
  jobs: JobQueue,
  actor: Actor,
  invitation: Invitation,
  options: { appUrl: string; ip?: string | null },
): Promise<InviteOutcome> {
  const resolved = await resolveScope(trx, actor, invitation.role, invitation.scope);
  if ("ok" in resolved) return resolved;

  const existing = await trx
    .selectFrom("users")
    .select(["id", "status", "name", "language"])
    .where(sql<string>`lower(email)`, "=", invitation.email.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
  if (existing && existing.status !== "active" && existing.status !== "invited")
    return { ok: false, field: "email", message: "people:invite.errors.unavailable" };

  const user =
    existing ??
    (await trx
      .insertInto("users")
      .values({
        email: invitation.email,
        name: invitation.name,
        language: invitation.language,
        status: "invited",
      })
      .returning(["id", "status", "name", "language"])
      .executeTakeFirstOrThrow());

  await trx
    .insertInto("role_assignments")
    .values({
      user_id: user.id,
      role: resolved.role,
      region_id: resolved.regionId,
      digibank_id: resolved.digibankId,
    })
    // The role_assignments_unique index: holding the role already is not an error.
    .onConflict((oc) => oc.doNothing())
    .execute();

  if (user.status === "active") {
    await recordAuditEvent(trx, {
      action: "role_granted",
      actorId: actor.id,
      subjectId: user.id,
      ip: options.ip,
      details: {
        role: resolved.role,
        regionId: resolved.regionId,
        digibankId: resolved.digibankId,
      },
    });
    return { ok: true, outcome: "role_added", userId: user.id };
  }

  // Invited again: only the newest link works, and the account counts as unused from now on
  // (retention anonymises an invitation never accepted; docs/decisions/026).
  if (existing) {
    await revokeTokens(trx, user.id, "invitation");
    await trx
      .updateTable("users")
      .set({ last_active_at: sql<Date>`now()` })
      .where("id", "=", user.id)
      .execute();
  }
  const token = await issueToken(trx, { userId: user.id, purpose: "invitation" });
  await enqueueEmail(trx, jobs, {
    template: "invitation",
    to: invitation.email,
    recipientId: user.id,
    language: existing ? user.language : invitation.language,
    idempotencyKey: `invitation:${hashToken(token).slice(0, 32)}`,
    payload: {
      name: existing ? user.name : invitation.name,
      url: `${options.appUrl}/invitation/${token}`,
      inviterName: actor.name,
      scopeName: resolved.scopeName,
      role: resolved.role,
    },
  });
  await recordAuditEvent(trx, {
    action: "account_invited",
    actorId: actor.id,
    subjectId: user.id,
    ip: options.ip,
    details: { role: resolved.role, regionId: resolved.regionId, digibankId: resolved.digibankId },
  });
  return { ok: true, outcome: "invited", userId: user.id };
}

/** Thrown inside a transaction to roll it back with a refusal for the caller. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const UNIQUE_VIOLATION = "23505";
const isUniqueViolation = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  (error as { code?: string }).code === UNIQUE_VIOLATION;

export async function invitePerson(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  invitation: Invitation,
  options: { appUrl: string; ip?: string | null },
): Promise<InviteOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      const outcome = await inviteInTransaction(trx, jobs, actor, invitation, options);
      if (!outcome.ok) throw new Refused(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    // Someone invited the same address at the same moment: the database kept one account.
    if (isUniqueViolation(error))
      return { ok: false, field: "email", message: "people:invite.errors.busy" };
    throw error;
  }
}

/** The invitation behind a link, for its form; null when the link no longer works. */
export async function findInvitation(db: Database, token: string, now = new Date()) {
  return db
    .selectFrom("auth_tokens")
    .innerJoin("users", "users.id", "auth_tokens.user_id")
    .select(["users.id", "users.name", "users.email", "users.language"])
    .where("auth_tokens.token_hash", "=", hashToken(token))
    .where("auth_tokens.purpose", "=", "invitation")
    .where("auth_tokens.used_at", "is", null)
    .where("auth_tokens.expires_at", ">", now)
    .where("users.status", "=", "invited")
    .executeTakeFirst();
}

export type AcceptOutcome =
  { ok: true; userId: number; language: Language } | { ok: false; reason: "invalid" };

/**
 * Activates the account behind an invitation link. The token is used up in the same transaction,
 * so of two simultaneous submits exactly one succeeds.
 */
export async function acceptInvitation(
  db: Database,
  values: {
    token: string;
    name: string;
    password: string;
    language: Language;
    ip?: string | null;
    now?: Date;
  },
): Promise<AcceptOutcome> {
  // Hashing takes a moment: do it before the transaction, not while holding its locks.
  const passwordHash = await hashPassword(values.password);
  const invalid = { ok: false, reason: "invalid" } as const;
  try {
    return await db.transaction().execute(async (trx) => {
      const token = await consumeToken(trx, values.token, "invitation", values.now);
      if (!token) throw invalid;
      const user = await trx
        .updateTable("users")
        .set({
          name: values.name,
          language: values.language,
          password_hash: passwordHash,
          status: "active",
          privacy_accepted_at: sql<Date>`now()`,
        })
        .where("id", "=", token.user_id)
        .where("status", "=", "invited")
        .returning(["id", "language"])
        .executeTakeFirst();
      // A person disabled after the invitation went out: the link must not bring them back.
      if (!user) throw invalid;
      await recordAuditEvent(trx, {
        action: "invitation_accepted",
        actorId: user.id,
        subjectId: user.id,
        ip: values.ip,
      });
      return { ok: true as const, userId: user.id, language: user.language };
    });
  } catch (error) {
    if (error === invalid) return invalid;
    throw error;
  }
}
