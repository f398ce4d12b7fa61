import { sql } from "kysely";
import type { Language } from "../../../db/schema.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server.ts";
import { LIMITS, hitRateLimits } from "~/modules/auth/rate-limit.server.ts";
import { endAllSessions, endOtherSessions } from "~/modules/auth/session.server.ts";
import { consumeToken, hashToken, issueToken, revokeTokens } from "~/modules/auth/tokens.server.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";

// "My account": a person reads and changes only their own record. Every function takes the id of
// the signed-in person from the guard, never from the form.

/** What a deleted account keeps as its name; its address is `deleted-<id>@deleted.invalid`. */
export const DELETED_NAME = "Verwijderde gebruiker";
export const deletedAddress = (userId: number) => `deleted-${userId}@deleted.invalid`;

export function loadAccount(db: Database, userId: number) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "name",
      "phone",
      "language",
      "notify_reminders",
      "notify_invitations",
      "notify_newsletters",
    ])
    .select((eb) => eb("password_hash", "is not", null).as("has_password"))
    .where("id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
}

export interface ProfileInput {
  name: string;
  phone: string | null;
  language: Language;
  notifyReminders: boolean;
  notifyInvitations: boolean;
  notifyNewsletters: boolean;
}

export async function updateProfile(db: Database, userId: number, input: ProfileInput) {
  await db
    .updateTable("users")
    .set({
      name: input.name,
      phone: input.phone,
      language: input.language,
      notify_reminders: input.notifyReminders,
      notify_invitations: input.notifyInvitations,
      notify_newsletters: input.notifyNewsletters,
    })
    .where("id", "=", userId)
    .where("status", "=", "active")
    .execute();
}

export type ChangePasswordOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Sets a new password after checking the current one, and ends every session of the person (a
 * stolen session must not outlive the password change); the caller starts a new one for this
 * browser. Guesses at the current password count against the same limit as sign-in attempts.
 */
export async function changePassword(
  db: Database,
  userId: number,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<ChangePasswordOutcome> {
  const limit = await hitRateLimits(db, [[`change_password:user:${userId}`, LIMITS.perAccount]]);
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const user = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirst();
  const valid = user?.password_hash
    ? await verifyPassword(user.password_hash, input.currentPassword)
    : false;
  if (!valid) return { ok: false, reason: "wrong_password" };

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", userId)
      .execute();
    await endAllSessions(trx, userId);
    await recordAuditEvent(trx, {
      action: "password_changed",
      actorId: userId,
      subjectId: userId,
      ip: input.ip,
    });
  });
  return { ok: true };
}

export type RequestEmailChangeOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Asks to move the account to another address: after the current password, a link goes to the new
 * address, and the address changes only once it is opened (confirmEmailChange). An address that
 * already belongs to someone gets the same answer and no mail, so the form never tells who is a
 * member. Guesses at the password count like sign-in attempts.
 */
export async function requestEmailChange(
  db: Database,
  jobs: JobQueue,
  input: { userId: number; newEmail: string; password: string; appUrl: string; ip: string },
): Promise<RequestEmailChangeOutcome> {
  const limit = await hitRateLimits(db, [
    [`email_change:user:${input.userId}`, LIMITS.perAccount],
    [`email_change:client:${input.ip}`, LIMITS.perClient],
  ]);
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  const user = await db
    .selectFrom("users")
    .select(["id", "name", "language", "password_hash"])
    .where("id", "=", input.userId)
    .where("status", "=", "active")
    .executeTakeFirst();
  const valid = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : false;
  if (!user || !valid) return { ok: false, reason: "wrong_password" };

  const newEmail = input.newEmail.trim();
  // Any account holds it, whatever its state: the unique index would refuse it at confirmation.
  const taken = await db
    .selectFrom("users")
    .select("id")
    .where(sql`lower(email)`, "=", newEmail.toLowerCase())
    .executeTakeFirst();
  if (taken) return { ok: true };

  await db.transaction().execute(async (trx) => {
    // A new link replaces the ones sent before (perhaps to a mistyped address).
    await revokeTokens(trx, user.id, "email_change");
    const token = await issueToken(trx, { userId: user.id, purpose: "email_change", newEmail });
    await enqueueEmail(trx, jobs, {
      template: "email_change",
      to: newEmail,
      recipientId: user.id,
      language: user.language,
      idempotencyKey: `email_change:${hashToken(token)}`,
      payload: { name: user.name, url: `${input.appUrl}/account/email/${token}` },
    });
  });
  return { ok: true };
}

export type ConfirmEmailChangeOutcome =
  { ok: true; userId: number; email: string } | { ok: false; reason: "invalid" | "taken" };

/**
 * Opens the link from requestEmailChange: uses the token up and moves its own person to the new
 * address, in one transaction. Every other session of the person ends (`keepSessionId` is this
 * browser's, when it is signed in as that person). When the address was taken meanwhile, the
 * unique index refuses it and nothing changes, the link included.
 */
export async function confirmEmailChange(
  db: Database,
  input: { token: string; ip: string; keepSessionId?: string | null },
): Promise<ConfirmEmailChangeOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await consumeToken(trx, input.token, "email_change");
      if (!row?.new_email) return { ok: false, reason: "invalid" } as const;
      const before = await trx
        .selectFrom("users")
        .select("email")
        .where("id", "=", row.user_id)
        .where("status", "=", "active")
        .forUpdate()
        .executeTakeFirst();
      if (!before) return { ok: false, reason: "invalid" } as const;
      await trx
        .updateTable("users")
        .set({ email: row.new_email })
        .where("id", "=", row.user_id)
        .execute();
      await endOtherSessions(trx, row.user_id, input.keepSessionId ?? null);
      await recordAuditEvent(trx, {
        action: "email_changed",
        actorId: row.user_id,
        subjectId: row.user_id,
        ip: input.ip,
        details: { from: before.email, to: row.new_email },
      });
      return { ok: true, userId: row.user_id, email: row.new_email } as const;
    });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === UNIQUE_VIOLATION)
      return { ok: false, reason: "taken" };
    throw error;
  }
}

const UNIQUE_VIOLATION = "23505";

/**
 * Confirms a deletion: the current password, or, for someone who signs in only by emailed link,
 * the word the page shows. False too after too many tries.
 */
export async function confirmsDeletion(
  db: Database,
  userId: number,
  typed: string,
  word: string,
): Promise<boolean> {
  // Guesses at the password count against the same limit as sign-in attempts.
  const limit = await hitRateLimits(db, [[`delete_account:user:${userId}`, LIMITS.perAccount]]);
  if (!limit.allowed) return false;
  const user = await db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!user) return false;
  if (user.password_hash) return verifyPassword(user.password_hash, typed);
  return typed.trim().toLocaleLowerCase() === word.toLocaleLowerCase();
}

/** Everything Digihelpers holds about one person, as one JSON-ready object. Audited. */
export async function exportPersonalData(
  db: Database,
  userId: number,
  input: { ip: string; now?: Date },
) {
  const profile = await db
    .selectFrom("users")
    .select([
      "email",
      "name",
      "phone",
      "language",
      "status",
      "volunteering_since",
      "created_at",
      "privacy_accepted_at",
      "notify_reminders",
      "notify_invitations",
      "notify_newsletters",
    ])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();

  const roles = await db
    .selectFrom("role_assignments as ra")
    .leftJoin("digibanks as d", "d.id", "ra.digibank_id")
    .leftJoin("regions as r", (join) =>
      join.on((eb) => eb("r.id", "=", eb.fn.coalesce("ra.region_id", "d.region_id"))),
    )
    .select(["ra.role", "d.name as digibank", "r.name as region", "ra.created_at"])
    .where("ra.user_id", "=", userId)
    .orderBy("ra.created_at")
    .execute();

  const sessions = await db
    .selectFrom("sessions")
    .select(["created_at", "expires_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();

  // Events about them or done by them. A client address is shown only where the person acted
  // themselves: a failed sign-in on their address may come from someone else.
  const audit = await db
    .selectFrom("audit_events")
    .select(["occurred_at", "action", "actor_id", "subject_id", "ip", "details"])
    .where((eb) => eb.or([eb("subject_id", "=", userId), eb("actor_id", "=", userId)]))
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();

  const emails = await db
    .selectFrom("email_messages")
    .select(["template", "language", "status", "created_at", "sent_at"])
    .where((eb) =>
      eb.or([
        eb("recipient_id", "=", userId),
        eb(sql`lower(to_address)`, "=", profile.email.toLowerCase()),
      ]),
    )
    .orderBy("created_at")
    .execute();

  const joinRequests = await db
    .selectFrom("join_requests as j")
    .innerJoin("digibanks as d", "d.id", "j.digibank_id")
    .select([
      "d.name as digibank",
      "j.name",
      "j.email",
      "j.language",
      "j.message",
      "j.status",
      "j.created_at",
      "j.decided_at",
    ])
    .where(sql`lower(j.email)`, "=", profile.email.toLowerCase())
    .orderBy("j.created_at")
    .execute();

  await recordAuditEvent(db, {
    action: "data_exported",
    actorId: userId,
    subjectId: userId,
    ip: input.ip,
  });

  return {
    exportedAt: (input.now ?? new Date()).toISOString(),
    profile,
    roles,
    sessions,
    auditEvents: audit.map((event) => ({
      occurredAt: event.occurred_at,
      action: event.action,
      byYou: event.actor_id === userId,
      aboutYou: event.subject_id === userId,
      ip: event.actor_id === userId ? event.ip : null,
      details: event.details,
    })),
    emails,
    joinRequests,
  };
}

/**
 * Deletes an account in one transaction. The person's row stays (anonymised) so that role
 * assignments and the counts built on them (volunteers per digibank, hours per digipunt) stay
 * right; everything that names or reaches the person is removed or blanked.
 */
export async function deleteAccount(db: Database, userId: number) {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select(["email", "name", "phone"])
      .where("id", "=", userId)
      .where("status", "!=", "deleted")
      .forUpdate()
      .executeTakeFirst();
    if (!user) return;
    const placeholder = deletedAddress(userId);
    const email = user.email.toLowerCase();

    await trx
      .updateTable("users")
      .set({
        name: DELETED_NAME,
        email: placeholder,
        phone: null,
        password_hash: null,
        privacy_accepted_at: null,
        status: "deleted",
        deleted_at: sql<Date>`now()`,
        notify_reminders: false,
        notify_invitations: false,
        notify_newsletters: false,
      })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    // The calendar address would still show their shifts to whoever has it.
    await trx.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
    await trx.deleteFrom("auth_tokens").where("user_id", "=", userId).execute();
    await trx
      .updateTable("email_messages")
      .set({
        to_address: placeholder,
        // A key may be built from the address; the message is sent, so a fresh unique one will do.
        idempotency_key: sql<string>`'deleted:' || id::text`,
        payload: sql<Record<string, unknown>>`'{}'::jsonb`,
        last_error: null,
      })
      .where((eb) =>
        eb.or([eb("recipient_id", "=", userId), eb(sql`lower(to_address)`, "=", email)]),
      )
      .execute();
    const aboutThem = trx
      .updateTable("audit_events")
      .where((eb) => eb.or([eb("subject_id", "=", userId), eb("actor_id", "=", userId)]));
    await aboutThem.set({ ip: null }).execute();
    // Details hold ids and outcomes, but an email change records addresses: blank any that
    // still names the person.
    const identifiers = [user.email, user.name, user.phone].filter((v): v is string => !!v);
    for (const value of identifiers) {
      await aboutThem
        .set({ details: sql<Record<string, unknown>>`'{}'::jsonb` })
        .where(sql`details::text`, "ilike", `%${escapeLike(value)}%`)
        .execute();
    }
    await trx
      .deleteFrom("join_requests")
      .where(sql`lower(email)`, "=", email)
      .execute();
    // Rate-limit windows are keyed by address.
    await trx
      .deleteFrom("rate_limits")
      .where("key", "like", `%:account:${escapeLike(email)}`)
      .execute();
    await recordAuditEvent(trx, {
      action: "account_deleted",
      actorId: userId,
      subjectId: userId,
      ip: null,
    });
  });
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
