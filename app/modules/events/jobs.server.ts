import { sql } from "kysely";
import { Temporal } from "temporal-polyfill";
import type { Event } from "../../../db/schema.ts";
import type { EnqueueEmail } from "~/modules/mail/outbox.server.ts";
import { enqueueEmails } from "~/modules/mail/outbox.server.ts";
import type { EmailTemplate } from "~/modules/mail/messages.ts";
import { TIME_ZONE } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { loadEventSnapshot } from "./calendar.server.ts";
import { eventInvitationLinks, eventInvitationToken } from "./tokens.server.ts";
import { startEventSending } from "./sending.server.ts";

// The scheduled follow-ups of a gathering's invitations, each at most once per person by its
// idempotency key, so a tick that runs twice, late or on two machines sends nothing twice:
// - the reminder, at 09:00 Brussels time N days before the day of the event (events.reminder_days),
//   to those who said yes or maybe by then;
// - the nudge, to those who did not answer: three days before the answer deadline, or halfway
//   between their invitation and the deadline when they were invited later than that;
// - the thank-you, at 09:00 Brussels time the day after the event, to those recorded at the door.
// Who asked for no invitations (the account's setting, a guest's unsubscribe) gets no nudge and no
// reminder either: both carry the same one-click unsubscribe link, which must stop them. People
// also need their reminder setting on for a reminder. The thank-you goes to all who came.

const FOLLOW_UP_QUEUE = "event-follow-ups";
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** The nudge goes this long before the answer deadline. */
export const NUDGE_LEAD_DAYS = 3;
/** Follow-ups go out at this Brussels wall-clock time. */
const SEND_TIME = "09:00";
/** A follow-up whose moment passed longer ago than this is dropped (the jobs were down). */
const LATE_LIMIT = 2 * DAY;

/** 09:00 Brussels time on the day `days` before (negative: after) the instant's Brussels day. */
export function brusselsMorning(instant: Date, daysBefore: number): Date {
  const day = Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(TIME_ZONE)
    .toPlainDate()
    .subtract({ days: daysBefore });
  const at = day.toZonedDateTime({
    timeZone: TIME_ZONE,
    plainTime: Temporal.PlainTime.from(SEND_TIME),
  });
  return new Date(at.epochMilliseconds);
}

/** The reminder due now for this event, if any: the latest moment passed (the fewest days). */
export function dueReminder(
  event: Pick<Event, "starts_at" | "reminder_days">,
  now: Date,
): { days: number; at: Date } | null {
  const startsAt = new Date(event.starts_at);
  if (now.getTime() >= startsAt.getTime()) return null;
  let due: { days: number; at: Date } | null = null;
  for (const days of event.reminder_days) {
    const at = brusselsMorning(startsAt, days);
    if (at.getTime() > now.getTime() || now.getTime() - at.getTime() > LATE_LIMIT) continue;
    if (!due || at.getTime() > due.at.getTime()) due = { days, at };
  }
  return due;
}

/** When a nudge is due for an invitation made at `invitedAt`. */
export function nudgeMoment(deadline: Date, invitedAt: Date): Date {
  const lead = deadline.getTime() - NUDGE_LEAD_DAYS * DAY;
  const midpoint = invitedAt.getTime() + (deadline.getTime() - invitedAt.getTime()) / 2;
  return new Date(Math.max(lead, midpoint));
}

async function warmKey(db: Database) {
  // Read before any transaction: on PGlite a query beside an open transaction waits forever.
  await eventInvitationToken(db, { id: 1, token_nonce: "0".repeat(22) });
}

/** The invitations of an event with who they go to, opted-out people and guests left out. */
function recipients(db: Database, eventId: number, optedOutToo: boolean) {
  let query = db
    .selectFrom("event_invitations as i")
    .leftJoin("users as u", "u.id", "i.user_id")
    .leftJoin("event_guests as g", "g.id", "i.guest_id")
    .select([
      "i.id",
      "i.token_nonce",
      "i.user_id",
      "i.response",
      "i.created_at",
      "i.answered_at",
      sql<string>`coalesce(u.email, g.email)`.as("email"),
      sql<string>`coalesce(u.name, g.name)`.as("name"),
      sql<"nl" | "fr" | "en">`coalesce(u.language, g.language)`.as("language"),
    ])
    .where("i.event_id", "=", eventId)
    .where("i.revoked_at", "is", null)
    .where((eb) => eb.or([eb("u.status", "=", "active"), eb("i.guest_id", "is not", null)]));
  if (!optedOutToo)
    query = query.where((eb) =>
      eb.or([
        eb("u.notify_event_invitations", "=", true),
        eb.and([
          eb("i.guest_id", "is not", null),
          eb.not(
            eb.exists(
              eb
                .selectFrom("event_guest_opt_outs as o")
                .select(sql`1`.as("one"))
                .where(sql`o.email`, "=", sql`lower(g.email)`),
            ),
          ),
        ]),
      ]),
    );
  return query;
}

/** Reminders due now, once per invitation and number of days. Returns how many were queued. */
export async function sendEventReminders(db: Database, jobs: JobQueue, now = new Date()) {
  await warmKey(db);
  const appUrl = appUrlFromEnv();
  const events = await db
    .selectFrom("events")
    .selectAll()
    .where("status", "=", "published")
    .where("starts_at", ">", now)
    .where("starts_at", "<=", new Date(now.getTime() + 62 * DAY))
    .orderBy("id")
    .execute();
  let queued = 0;
  for (const event of events) {
    const due = dueReminder(event, now);
    if (!due) continue;
    queued += await db.transaction().execute(async (trx) => {
      const snapshot = await loadEventSnapshot(trx, event.id);
      if (!snapshot) return 0;
      const people = await recipients(trx, event.id, false)
        .where("i.response", "in", ["yes", "maybe"])
        // Who said yes after the moment had the news fresh: the next reminder is theirs.
        .where("i.answered_at", "<=", due.at)
        .where((eb) => eb.or([eb("u.notify_reminders", "=", true), eb("i.user_id", "is", null)]))
        .orderBy("i.id")
        .execute();
      const emails: Array<EnqueueEmail<EmailTemplate>> = [];
      for (const p of people)
        emails.push({
          template: "event_reminder",
          to: p.email,
          recipientId: p.user_id,
          language: p.language,
          idempotencyKey: `event_reminder:${p.id}:${due.days}`,
          payload: {
            name: p.name,
            event: snapshot,
            daysBefore: due.days,
            response: p.response as "yes" | "maybe",
            links: await eventInvitationLinks(db, appUrl, p),
          },
        });
      return (await enqueueEmails(trx, jobs, emails)).filter((r) => r.queued).length;
    });
  }
  return queued;
}

/** Nudges due now to those who have not answered, once per invitation. */
export async function sendEventNudges(db: Database, jobs: JobQueue, now = new Date()) {
  await warmKey(db);
  const appUrl = appUrlFromEnv();
  const events = await db
    .selectFrom("events")
    .selectAll()
    .where("status", "=", "published")
    .where("answer_deadline", ">", now)
    .where("answer_deadline", "<=", new Date(now.getTime() + 120 * DAY))
    .orderBy("id")
    .execute();
  let queued = 0;
  for (const event of events) {
    const deadline = new Date(event.answer_deadline);
    queued += await db.transaction().execute(async (trx) => {
      const open = await recipients(trx, event.id, false)
        .where("i.response", "=", "none")
        .where(
          sql<boolean>`not exists (select 1 from email_messages m
            where m.idempotency_key = 'event_nudge:' || i.id)`,
        )
        .orderBy("i.id")
        .execute();
      const due = open.filter((p) => {
        const at = nudgeMoment(deadline, new Date(p.created_at));
        return at.getTime() <= now.getTime() && now.getTime() - at.getTime() <= LATE_LIMIT;
      });
      if (due.length === 0) return 0;
      const snapshot = await loadEventSnapshot(trx, event.id);
      if (!snapshot) return 0;
      const emails: Array<EnqueueEmail<EmailTemplate>> = [];
      for (const p of due)
        emails.push({
          template: "event_nudge",
          to: p.email,
          recipientId: p.user_id,
          language: p.language,
          idempotencyKey: `event_nudge:${p.id}`,
          payload: {
            name: p.name,
            event: snapshot,
            links: await eventInvitationLinks(db, appUrl, p),
          },
        });
      return (await enqueueEmails(trx, jobs, emails)).filter((r) => r.queued).length;
    });
  }
  return queued;
}

/** Thank-yous at 09:00 Brussels the day after the event, to those who came, once each. */
export async function sendEventThanks(db: Database, jobs: JobQueue, now = new Date()) {
  const events = await db
    .selectFrom("events")
    .selectAll()
    .where("status", "=", "published")
    .where("ends_at", "<=", now)
    .where("ends_at", ">", new Date(now.getTime() - 7 * DAY))
    .orderBy("id")
    .execute();
  let queued = 0;
  for (const event of events) {
    const at = brusselsMorning(new Date(event.ends_at), -1);
    if (at.getTime() > now.getTime() || now.getTime() - at.getTime() > LATE_LIMIT) continue;
    queued += await db.transaction().execute(async (trx) => {
      const snapshot = await loadEventSnapshot(trx, event.id);
      if (!snapshot) return 0;
      const came = await recipients(trx, event.id, true)
        .where("i.attended_at", "is not", null)
        .orderBy("i.id")
        .execute();
      const emails: Array<EnqueueEmail<EmailTemplate>> = came.map((p) => ({
        template: "event_thanks",
        to: p.email,
        recipientId: p.user_id,
        language: p.language,
        idempotencyKey: `event_thanks:${p.id}`,
        payload: { name: p.name, event: snapshot },
      }));
      return (await enqueueEmails(trx, jobs, emails)).filter((r) => r.queued).length;
    });
  }
  return queued;
}

/** Every follow-up due now (the tick). */
export async function sendEventFollowUps(db: Database, jobs: JobQueue, now = new Date()) {
  return {
    reminders: await sendEventReminders(db, jobs, now),
    nudges: await sendEventNudges(db, jobs, now),
    thanks: await sendEventThanks(db, jobs, now),
  };
}

/** The send run, the scheduled send and the follow-ups (every 5 minutes) on the job queue. */
export async function startEventJobs(jobs: JobQueue, db: Database) {
  await startEventSending(jobs, db);
  await jobs.createQueue(FOLLOW_UP_QUEUE);
  await jobs.schedule(FOLLOW_UP_QUEUE, "*/5 * * * *");
  await jobs.work(FOLLOW_UP_QUEUE, async () => {
    await sendEventFollowUps(db, jobs);
  });
}
