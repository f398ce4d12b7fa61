import { sql } from "kysely";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { selectShiftSnapshot, toShiftSnapshot } from "./calendar.server.ts";
import { coordinatorsOf } from "~/modules/people/directory.server.ts";
import { planningShiftUrl, volunteerShiftUrl } from "./notices.server.ts";

// Two scheduled jobs about shifts to come. Both may run late, twice, or on two machines at once:
// each email's idempotency key makes the second run a no-op.

const REMINDER_QUEUE = "shift-reminders";
const UNDERSTAFFED_QUEUE = "shift-understaffed-alerts";

const HOUR = 60 * 60 * 1000;
/** Reminders go out this long before a shift starts. */
export const REMINDER_LEAD_HOURS = 24;
/** Coordinators hear about a shift that still lacks helpers this many days before it starts. */
export const UNDERSTAFFED_LEAD_DAYS = 3;

/**
 * A reminder to each volunteer on a shift that starts within the next 24 hours, if they want
 * reminders. Who claimed the shift when less than 24 hours were left just got its confirmation,
 * so they get no reminder. The key holds the shift's start: a shift moved to another day is
 * reminded of again.
 */
export async function sendShiftReminders(db: Database, jobs: JobQueue, now = new Date()) {
  const until = new Date(now.getTime() + REMINDER_LEAD_HOURS * HOUR);
  const appUrl = appUrlFromEnv();
  return db.transaction().execute(async (trx) => {
    const rows = await selectShiftSnapshot(trx)
      .innerJoin("shift_claims as c", "c.shift_id", "s.id")
      .innerJoin("users as u", "u.id", "c.user_id")
      .select(["c.id as claimId", "u.id as userId", "u.name", "u.email", "u.language"])
      .where("s.status", "=", "scheduled")
      .where("s.starts_at", ">", now)
      .where("s.starts_at", "<=", until)
      .where("c.status", "=", "confirmed")
      .where(
        "c.claimed_at",
        "<=",
        sql<Date>`s.starts_at - make_interval(hours => ${REMINDER_LEAD_HOURS})`,
      )
      .where("u.status", "=", "active")
      .where("u.notify_reminders", "=", true)
      .orderBy("c.id")
      .execute();
    let queued = 0;
    for (const row of rows) {
      const shift = toShiftSnapshot(row);
      const result = await enqueueEmail(trx, jobs, {
        template: "shift_reminder",
        to: row.email,
        recipientId: row.userId,
        language: row.language,
        idempotencyKey: `shift_reminder:${row.claimId}:${shift.startsAt}`,
        payload: { name: row.name, shift, url: volunteerShiftUrl(appUrl, row.shiftId) },
      });
      if (result.queued) queued++;
    }
    return queued;
  });
}

/**
 * An alert to each coordinator of the digibank about a shift that starts within three days and
 * still has open places: once per shift and coordinator.
 */
export async function alertUnderstaffedShifts(db: Database, jobs: JobQueue, now = new Date()) {
  const until = new Date(now.getTime() + UNDERSTAFFED_LEAD_DAYS * 24 * HOUR);
  const appUrl = appUrlFromEnv();
  return db.transaction().execute(async (trx) => {
    const shifts = await selectShiftSnapshot(trx)
      .where("s.status", "=", "scheduled")
      .where("s.starts_at", ">", now)
      .where("s.starts_at", "<=", until)
      .where((eb) => eb("s.confirmed_count", "<", eb.ref("s.capacity")))
      .orderBy("s.starts_at")
      .orderBy("s.id")
      .execute();
    let queued = 0;
    // Many shifts share a digibank: ask for its coordinators once per run.
    const byDigibank = new Map<number, ReturnType<typeof coordinatorsOf>>();
    for (const row of shifts) {
      const shift = toShiftSnapshot(row);
      let asked = byDigibank.get(row.digibank_id);
      if (!asked) {
        asked = coordinatorsOf(trx, { digibankId: row.digibank_id, regionId: row.region_id });
        byDigibank.set(row.digibank_id, asked);
      }
      const coordinators = await asked;
      for (const coordinator of coordinators) {
        const result = await enqueueEmail(trx, jobs, {
          template: "shift_understaffed",
          to: coordinator.email,
          recipientId: coordinator.id,
          language: coordinator.language,
          idempotencyKey: `shift_understaffed:${row.shiftId}:${coordinator.id}`,
          payload: {
            shift,
            confirmedCount: row.confirmed_count,
            capacity: row.capacity,
            url: planningShiftUrl(appUrl, row.shiftId),
          },
        });
        if (result.queued) queued++;
      }
    }
    return queued;
  });
}

/** Registers both jobs on the queue: every 15 minutes, and every hour. */
export async function startShiftJobs(jobs: JobQueue, db: Database) {
  await jobs.createQueue(REMINDER_QUEUE);
  await jobs.schedule(REMINDER_QUEUE, "*/15 * * * *");
  await jobs.work(REMINDER_QUEUE, async () => {
    await sendShiftReminders(db, jobs);
  });
  await jobs.createQueue(UNDERSTAFFED_QUEUE);
  await jobs.schedule(UNDERSTAFFED_QUEUE, "7 * * * *");
  await jobs.work(UNDERSTAFFED_QUEUE, async () => {
    await alertUnderstaffedShifts(db, jobs);
  });
}
