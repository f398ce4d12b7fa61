import { isIPv6 } from "node:net";
import { sql } from "kysely";
import { RETENTION } from "~/modules/retention/periods.ts";
import type { Database } from "~/utils/db.server.ts";

// Fixed-window counters in PostgreSQL, so every web process sees the same count. A hit is one
// upsert that returns the new count, so simultaneous hits are counted exactly; a job deletes windows
// that have passed. Why sign-in counts failures only: docs/decisions/014-sign-in-rate-limits.md.

export interface RateLimit {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

const MINUTES = 60;

export const LIMITS = {
  /** Wrong passwords for one address from one client: the limit a guesser meets. */
  signInFailuresPerAccountAndClient: { limit: 5, windowSeconds: 15 * MINUTES },
  /**
   * Wrong passwords for one address from anywhere: only a backstop against guessing from many
   * clients. It does stop the owner's password too (never their emailed sign-in link).
   */
  signInFailuresPerAccount: { limit: 50, windowSeconds: 60 * MINUTES },
  /** Wrong passwords from one client, any address: a room of 30 may each mistype twice. */
  signInFailuresPerClient: { limit: 60, windowSeconds: 15 * MINUTES },
  /** Emailed sign-in links and resets to one address: every request sends mail, so each counts. */
  emailsPerAddress: { limit: 5, windowSeconds: 15 * MINUTES },
  /** Link and reset requests from one client: a course room asks for its links together. */
  emailRequestsPerClient: { limit: 100, windowSeconds: 60 * MINUTES },
  /** Other guesses at a signed-in person's password (changing it, the address, deleting). */
  perAccount: { limit: 5, windowSeconds: 15 * MINUTES },
  /** Other requests from one client address. */
  perClient: { limit: 30, windowSeconds: 15 * MINUTES },
} satisfies Record<string, RateLimit>;

/** One counted hit, so it can be taken back. */
export interface RateLimitHit {
  key: string;
  windowStart: Date;
}

export interface RateLimitAnswer {
  allowed: boolean;
  /** Until the stricter exceeded window ends; 0 when allowed. */
  retryAfterSeconds: number;
  hits: RateLimitHit[];
}

/**
 * The client part of a key. An IPv6 host usually holds a whole /64, so it counts as one client;
 * an IPv4 address written as IPv6 (`::ffff:10.0.0.1`) counts as that IPv4 address.
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Counts one hit on every key, in one statement; allowed when each key is within its limit. */
export async function hitRateLimits(
  db: Database,
  checks: Array<[string, RateLimit]>,
  now = new Date(),
): Promise<RateLimitAnswer> {
  // Always the same order of row locks, so simultaneous hits on shared keys cannot deadlock.
  const sorted = [...checks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const windows = sorted.map(([key, rule]) => {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    return { key, rule, windowStart, windowEnd: windowStart.getTime() + windowMs };
  });
  const rows = await db
    .insertInto("rate_limits")
    .values(windows.map((w) => ({ key: w.key, window_start: w.windowStart, hits: 1 })))
    .onConflict((oc) =>
      oc.columns(["key", "window_start"]).doUpdateSet({ hits: sql`rate_limits.hits + 1` }),
    )
    .returning(["key", "hits"])
    .execute();
  let retryAfterSeconds = 0;
  for (const w of windows) {
    const hits = rows.find((row) => row.key === w.key)!.hits;
    if (hits > w.rule.limit) {
      const left = Math.max(1, Math.ceil((w.windowEnd - now.getTime()) / 1000));
      retryAfterSeconds = Math.max(retryAfterSeconds, left);
    }
  }
  return {
    allowed: retryAfterSeconds === 0,
    retryAfterSeconds,
    hits: windows.map((w) => ({ key: w.key, windowStart: w.windowStart })),
  };
}

export async function hitRateLimit(db: Database, key: string, rule: RateLimit, now = new Date()) {
  return hitRateLimits(db, [[key, rule]], now);
}

/** Takes counted hits back: an attempt that was refused, or that turned out not to count. */
export async function undoRateLimitHits(db: Database, hits: RateLimitHit[]) {
  for (const hit of hits) {
    await db
      .updateTable("rate_limits")
      .set({ hits: sql`hits - 1` })
      .where("key", "=", hit.key)
      .where("window_start", "=", hit.windowStart)
      .where("hits", ">", 0)
      .execute();
  }
}

/** Forgets every window of a key (a right password clears that client's wrong ones). */
export async function clearRateLimit(db: Database, key: string) {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** The answer's status and `Retry-After` (seconds) for a refusal, as every 429 carries them. */
export function tooManyRequests(retryAfterSeconds: number): ResponseInit {
  return { status: 429, headers: { "Retry-After": String(Math.max(1, retryAfterSeconds)) } };
}

/** Windows that have passed: none is longer than RETENTION.rateLimitHours (an hour). */
export async function deleteOldRateLimitWindows(db: Database, now = new Date()) {
  const result = await db
    .deleteFrom("rate_limits")
    .where("window_start", "<=", new Date(now.getTime() - RETENTION.rateLimitHours * 3_600_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
