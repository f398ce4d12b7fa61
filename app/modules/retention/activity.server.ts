import { sql } from "kysely";
import type { Database } from "~/utils/db.server.ts";

// When a person last used their account (users.last_active_at), for the rule that warns and then
// anonymises accounts unused for two years. Every signed-in page pays for keeping it, so it is kept
// to the day: the session lookup already reads the value, and only when it is a day old does a page
// send this one conditional UPDATE (concurrent pages of the same person: the row lock and the
// re-checked condition let one of them write).

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a page seeing `lastActiveAt` must record the use (once a day per person). */
export function isActivityStale(lastActiveAt: Date | null | undefined, now: Date): boolean {
  return !lastActiveAt || now.getTime() - new Date(lastActiveAt).getTime() >= DAY_MS;
}

/**
 * Records a sign-in or a session's use. Signing in after an inactivity warning cancels it: a
 * warned account was unused for two years, so its last_active_at is always a day old.
 */
export async function recordActivity(db: Database, userId: number, now: Date) {
  await db
    .updateTable("users")
    .set({ last_active_at: now, inactivity_warned_at: null })
    .where("id", "=", userId)
    .where("last_active_at", "<=", sql<Date>`${now}::timestamptz - interval '1 day'`)
    .execute();
}
