import { sql } from "kysely";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { deleteOldRateLimitWindows } from "./rate-limit.server.ts";
import { deleteExpiredSessions } from "./session.server.ts";

// Sessions, rate-limit windows and emailed tokens would pile up forever; an hourly job clears
// what can no longer be used.
const QUEUE = "auth-maintenance";

export async function clearExpiredAuthData(db: Database, now = new Date()) {
  await deleteExpiredSessions(db);
  await deleteOldRateLimitWindows(db, now);
  // Used or expired tokens are kept a day, for the audit trail of a confusing morning.
  await db
    .deleteFrom("auth_tokens")
    .where((eb) => eb.or([eb("used_at", "is not", null), eb("expires_at", "<", now)]))
    .where("created_at", "<", sql<Date>`${now}::timestamptz - interval '1 day'`)
    .execute();
}

export async function startAuthMaintenance(jobs: JobQueue, db: Database) {
  await jobs.createQueue(QUEUE);
  await jobs.schedule(QUEUE, "17 * * * *");
  await jobs.work(QUEUE, async () => {
    await clearExpiredAuthData(db);
  });
}
