import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { hashPassword } from "./password.server.ts";
import { endAllSessions } from "./session.server.ts";
import { LIMITS, clientKey, hitRateLimits } from "./rate-limit.server.ts";
import { findActiveUserByEmail } from "./sign-in.server.ts";
import { consumeToken, hashToken, issueToken, revokeTokens } from "./tokens.server.ts";

// Getting in without a password: an emailed sign-in link, and a password reset. Both answer the
// same whether or not the address belongs to someone.

export type RequestOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Every request sends mail, so every one counts (unlike sign-in, where only failures do): per
 * address, whoever asks, which caps what lands in one inbox, and per client address.
 */
function limitEmailRequests(db: Database, kind: string, email: string, ip: string) {
  return hitRateLimits(db, [
    [`${kind}:account:${email.trim().toLowerCase()}`, LIMITS.emailsPerAddress],
    [`${kind}:client:${clientKey(ip)}`, LIMITS.emailRequestsPerClient],
  ]);
}

async function requestEmailedLink(
  db: Database,
  jobs: JobQueue,
  input: { email: string; ip: string; appUrl: string },
  kind: "sign_in" | "password_reset",
): Promise<RequestOutcome> {
  const limit = await limitEmailRequests(db, kind, input.email, input.ip);
  if (!limit.allowed) return { ok: false, retryAfterSeconds: limit.retryAfterSeconds };

  const user = await findActiveUserByEmail(db, input.email);
  if (!user) return { ok: true };
  await db.transaction().execute(async (trx) => {
    // A new link replaces the ones sent before.
    await revokeTokens(trx, user.id, kind);
    const token = await issueToken(trx, { userId: user.id, purpose: kind });
    const path = kind === "sign_in" ? "/login/link/" : "/reset/";
    await enqueueEmail(trx, jobs, {
      template: kind === "sign_in" ? "sign_in_link" : "password_reset",
      to: user.email,
      recipientId: user.id,
      language: user.language,
      idempotencyKey: `${kind}:${hashToken(token)}`,
      payload: { name: user.name, url: `${input.appUrl}${path}${token}` },
    });
  });
  return { ok: true };
}

export function requestSignInLink(
  db: Database,
  jobs: JobQueue,
  input: { email: string; ip: string; appUrl: string },
) {
  return requestEmailedLink(db, jobs, input, "sign_in");
}

export function requestPasswordReset(
  db: Database,
  jobs: JobQueue,
  input: { email: string; ip: string; appUrl: string },
) {
  return requestEmailedLink(db, jobs, input, "password_reset");
}

/** Uses a sign-in link up; returns the person to start a session for, or null. */
export async function signInWithLink(db: Database, input: { token: string; ip: string }) {
  const row = await consumeToken(db, input.token, "sign_in");
  if (!row) return null;
  const user = await db
    .selectFrom("users")
    .select(["id", "language"])
    .where("id", "=", row.user_id)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!user) return null;
  await recordAuditEvent(db, {
    action: "sign_in",
    actorId: user.id,
    subjectId: user.id,
    ip: input.ip,
    details: { method: "link" },
  });
  return user;
}

/**
 * Sets a new password with a reset link; every session of the person ends. Returns the person, or
 * null when the link is unknown, used or expired (nothing changes then).
 */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string; ip: string },
) {
  // Hashing first keeps the transaction short.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const row = await consumeToken(trx, input.token, "password_reset");
    if (!row) return null;
    const user = await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", row.user_id)
      .where("status", "=", "active")
      .returning(["id", "language"])
      .executeTakeFirst();
    if (!user) return null;
    await endAllSessions(trx, user.id);
    await recordAuditEvent(trx, {
      action: "password_reset",
      actorId: user.id,
      subjectId: user.id,
      ip: input.ip,
    });
    return user;
  });
}
