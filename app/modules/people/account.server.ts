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
// the signed-in person from the guard, never from the form. The data download and the erasure of
// an account are in personal-data.server.ts.

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
      "notify_report_requests",
      "notify_event_invitations",
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
  /** Left as it is when not given. */
  notifyReportRequests?: boolean;
  notifyEventInvitations: boolean;
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
      notify_report_requests: input.notifyReportRequests,
      notify_event_invitations: input.notifyEventInvitations,
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
