import { sql } from "kysely";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { verifyAgainstDecoy, verifyPassword } from "./password.server.ts";
import {
  LIMITS,
  clearRateLimit,
  clientKey,
  hitRateLimits,
  undoRateLimitHits,
} from "./rate-limit.server.ts";

export type SignInOutcome =
  | { ok: true; userId: number; language: "nl" | "fr" | "en" }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export function findActiveUserByEmail(db: Database, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "language", "password_hash"])
    .where(sql`lower(email)`, "=", email.trim().toLowerCase())
    .where("status", "=", "active")
    .executeTakeFirst();
}

const normalised = (email: string) => email.trim().toLowerCase();

/**
 * Signing in with a password. Only wrong passwords count (docs/decisions/014): per address and
 * client together, so a guesser elsewhere does not lock the owner out; per address alone, slower, as
 * a backstop against guessing from many clients; per client, against one client trying many
 * addresses. The attempt is counted before the password is checked, so simultaneous guesses cannot
 * all slip under the limit, and taken back when it is refused or turns out right.
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<SignInOutcome> {
  const email = normalised(input.email);
  const accountAndClient = `sign_in_failed:account_client:${email}:${clientKey(input.ip)}`;
  const limit = await hitRateLimits(db, [
    [accountAndClient, LIMITS.signInFailuresPerAccountAndClient],
    [`sign_in_failed:account:${email}`, LIMITS.signInFailuresPerAccount],
    [`sign_in_failed:client:${clientKey(input.ip)}`, LIMITS.signInFailuresPerClient],
  ]);
  if (!limit.allowed) {
    await undoRateLimitHits(db, limit.hits);
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
  }

  const user = await findActiveUserByEmail(db, input.email);
  const valid = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!user || !valid) {
    await recordAuditEvent(db, {
      action: "sign_in_failed",
      subjectId: user?.id ?? null,
      ip: input.ip,
    });
    return { ok: false, reason: "invalid" };
  }
  await undoRateLimitHits(db, limit.hits);
  // The owner got it right from here: earlier typos from this client are forgiven.
  await clearRateLimit(db, accountAndClient);
  await recordAuditEvent(db, {
    action: "sign_in",
    actorId: user.id,
    subjectId: user.id,
    ip: input.ip,
    details: { method: "password" },
  });
  return { ok: true, userId: user.id, language: user.language };
}
