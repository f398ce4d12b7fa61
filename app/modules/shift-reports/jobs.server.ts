import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { addDays, localInstant, localToday } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { selectShiftsAwaitingReport } from "./reports.server.ts";

// One email the morning after a shift: to each volunteer who worked a shift yesterday (Brussels
// days) and has no report for it, if they want these emails (users.notify_report_requests), listing
// those shifts. The job may run late, twice, or on two machines at once: the idempotency key (one
// per person and day) makes every run after the first a no-op.

const REQUEST_QUEUE = "shift-report-requests";

/** The key of the one email per person and day. */
export const reportRequestKey = (userId: number, day: string) =>
  `shift_report_request:${userId}:${day}`;

/**
 * Queues the emails for the shifts that ended yesterday. `keyOf` is the idempotency key; tests
 * swap it for one per run to show what the key prevents.
 */
export async function sendShiftReportRequests(
  db: Database,
  jobs: JobQueue,
  now = new Date(),
  keyOf: (userId: number, day: string) => string = reportRequestKey,
) {
  const today = localToday(now);
  const yesterday = addDays(today, -1);
  const appUrl = appUrlFromEnv();
  return db.transaction().execute(async (trx) => {
    const rows = await selectShiftsAwaitingReport(trx, {
      from: localInstant(yesterday, "00:00"),
      to: localInstant(today, "00:00"),
    })
      .innerJoin("users as u", "u.id", "c.user_id")
      .select(["u.name", "u.email", "u.language"])
      .where("u.status", "=", "active")
      .where("u.notify_report_requests", "=", true)
      .execute();
    const byPerson = new Map<number, typeof rows>();
    for (const row of rows) byPerson.set(row.userId, [...(byPerson.get(row.userId) ?? []), row]);
    let queued = 0;
    for (const [userId, shifts] of byPerson) {
      const first = shifts[0]!;
      const result = await enqueueEmail(trx, jobs, {
        template: "shift_report_request",
        to: first.email,
        recipientId: userId,
        language: first.language,
        idempotencyKey: keyOf(userId, yesterday),
        payload: {
          name: first.name,
          shifts: shifts.map((s) => ({
            digipuntName: s.digipunt,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            url: `${appUrl}/shifts/${s.shiftId}/report`,
          })),
          settingsUrl: `${appUrl}/account`,
        },
      });
      if (result.queued) queued++;
    }
    return queued;
  });
}

/** Registers the job: every morning at 08:00, Brussels time. */
export async function startShiftReportJobs(jobs: JobQueue, db: Database) {
  await jobs.createQueue(REQUEST_QUEUE);
  await jobs.schedule(REQUEST_QUEUE, "0 8 * * *", null, { tz: "Europe/Brussels" });
  await jobs.work(REQUEST_QUEUE, async () => {
    await sendShiftReportRequests(db, jobs);
  });
}
