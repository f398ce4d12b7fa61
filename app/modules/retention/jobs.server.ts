import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { logger } from "~/utils/log.server.ts";
import { anonymiseInactiveAccounts, warnInactiveAccounts } from "./accounts.server.ts";
import {
  deleteDecidedJoinRequests,
  deleteExpiredSessions,
  deleteOldAuditEvents,
  deleteOldRateLimitWindows,
  deleteSpentAuthTokens,
  eraseOldMailBodies,
  anonymiseOldGuests,
} from "./sweeps.server.ts";

// The one scheduled retention job: every night it removes or empties what is kept no longer
// (periods in periods.ts). It replaced the hourly auth-maintenance job: expired sessions can sign
// nobody in, so clearing them nightly loses nothing. The job may run late, twice, or on two workers
// at once: every step is idempotent, and the mail and anonymisation steps hold their own guards.

const QUEUE = "retention";
/** The queue that ran the session clean-up before this job; removed at start. */
const RETIRED_QUEUE = "auth-maintenance";

/** Every kind of row, in one run; returns how many of each were removed, emptied or mailed. */
export async function runRetention(db: Database, jobs: JobQueue, now = new Date()) {
  const counts = {
    sessions: await deleteExpiredSessions(db, now),
    authTokens: await deleteSpentAuthTokens(db, now),
    rateLimitWindows: await deleteOldRateLimitWindows(db, now),
    mailBodies: await eraseOldMailBodies(db, now),
    joinRequests: await deleteDecidedJoinRequests(db, now),
    auditEvents: await deleteOldAuditEvents(db, now),
    guestsAnonymised: await anonymiseOldGuests(db, now),
    // Anonymise before warning: a warning queued this run never counts towards today.
    accountsAnonymised: await anonymiseInactiveAccounts(db, jobs, now),
    accountsWarned: await warnInactiveAccounts(db, jobs, now),
  };
  logger.info({ component: "retention", ...counts }, "retention run done");
  return counts;
}

/**
 * Registers the job: every night at 03:30 Brussels time (after the daylight-saving hour, so it
 * runs exactly once each day). An hour to finish before pg-boss retries it elsewhere.
 */
export async function startRetentionJobs(jobs: JobQueue, db: Database) {
  if (await jobs.getQueue(RETIRED_QUEUE)) {
    await jobs.unschedule(RETIRED_QUEUE);
    await jobs.deleteQueue(RETIRED_QUEUE);
  }
  await jobs.createQueue(QUEUE, { expireInSeconds: 60 * 60 });
  await jobs.schedule(QUEUE, "30 3 * * *", null, { tz: "Europe/Brussels" });
  await jobs.work(QUEUE, async () => {
    await runRetention(db, jobs);
  });
}
