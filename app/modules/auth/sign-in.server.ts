import { sql } from "kysely";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { verifyAgainstDecoy, verifyPassword } from "./password.server.ts";
import { LIMITS, hitRateLimits } from "./rate-limit.server.ts";

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

/** Limits per address and per client, counted before anything else so guessing costs the same. */
export function limitAccountAttempts(db: Database, scope: string, email: string, ip: string) {
  return hitRateLimits(db, [
    [`${scope}:account:${email.trim().toLowerCase()}`, LIMITS.perAccount],
    [`${scope}:client:${ip}`, LIMITS.perClient],
  ]);
}

export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<SignInOutcome> {
  const limit = await limitAccountAttempts(db, "sign_in", input.email, input.ip);
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

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
  await recordAuditEvent(db, {
    action: "sign_in",
    actorId: user.id,
    subjectId: user.id,
    ip: input.ip,
    details: { method: "password" },
  });
  return { ok: true, userId: user.id, language: user.language };
}
