import { sql } from "kysely";
import type { Database } from "~/utils/db.server.ts";

// Fixed-window counters in PostgreSQL, so every web process sees the same count. One upsert per
// hit; a job deletes windows that have passed.

export interface RateLimit {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export const LIMITS = {
  /** Sign-in attempts and link or reset requests for one address. */
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  /** The same from one client address (a shared computer in a library stays usable). */
  perClient: { limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

export async function hitRateLimit(
  db: Database,
  key: string,
  rule: RateLimit,
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(["key", "window_start"]).doUpdateSet({ hits: sql`rate_limits.hits + 1` }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: row.hits <= rule.limit, retryAfterSeconds };
}

/** Hits both keys and reports the stricter answer. */
export async function hitRateLimits(
  db: Database,
  checks: Array<[string, RateLimit]>,
  now = new Date(),
) {
  let allowed = true;
  let retryAfterSeconds = 0;
  for (const [key, rule] of checks) {
    const result = await hitRateLimit(db, key, rule, now);
    if (!result.allowed) {
      allowed = false;
      retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds);
    }
  }
  return { allowed, retryAfterSeconds };
}

export async function deleteOldRateLimitWindows(db: Database, now = new Date()) {
  await db
    .deleteFrom("rate_limits")
    .where("window_start", "<", new Date(now.getTime() - 24 * 60 * 60 * 1000))
    .execute();
}
