import { type Transaction, sql } from "kysely";
import type { DB, Event } from "../../../db/schema.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import type { EnqueueEmail } from "~/modules/mail/outbox.server.ts";
import { enqueueEmails, failedForGoodAs } from "~/modules/mail/outbox.server.ts";
import type { EmailTemplate } from "~/modules/mail/messages.ts";
import type { Database } from "~/utils/db.server.ts";
import { localInstant, localParts, localToday } from "~/modules/shifts/recurrence.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { audienceUserIds, previewAudience } from "./audience.server.ts";
import { loadEventSnapshot } from "./calendar.server.ts";
import { eventInvitationLinks, eventInvitationToken, newTokenNonce } from "./tokens.server.ts";

// Sending a gathering's invitations (docs/decisions/022-event-invitations-sending.md). A run works
// in batches; each batch is one transaction that locks the event row, picks the next audience
// members who have no invitation yet (and did not opt out), makes their invitation rows (unique per
// event and recipient) and their outbox rows and mail jobs together. A crash mid-batch rolls all of
// it back; a second run, a double press or a retried job finds the rows and invites nobody twice.

export const EVENT_INVITATIONS_QUEUE = "event-invitations";
const SCHEDULED_QUEUE = "event-invitations-scheduled";
export const INVITATION_BATCH_SIZE = 500;

export type SendRefusal = "not_found" | "draft" | "cancelled" | "past";

export interface BatchResult {
  /** Invitations made (and mails queued) by this batch. */
  invited: number;
  /** Whether audience members without an invitation remain. */
  more: boolean;
  /** Why nothing could be sent, or null. */
  refused: SendRefusal | null;
}

/** Why an event cannot be sent now, or null when it can. */
export function sendRefusal(
  event: Pick<Event, "status" | "starts_at"> | undefined,
  now: Date,
): SendRefusal | null {
  if (!event) return "not_found";
  if (event.status === "draft") return "draft";
  if (event.status === "cancelled") return "cancelled";
  if (new Date(event.starts_at).getTime() <= now.getTime()) return "past";
  return null;
}

type Candidate = {
  userId: number | null;
  guestId: number | null;
  email: string;
  name: string;
  language: "nl" | "fr" | "en";
};

/** The next audience members who have no invitation and did not opt out, people first, by id. */
async function nextCandidates(
  trx: Transaction<DB>,
  event: Event,
  limit: number,
): Promise<Candidate[]> {
  const people = await trx
    .selectFrom("users as u")
    .select(["u.id", "u.email", "u.name", "u.language"])
    .where("u.id", "in", audienceUserIds(trx, event))
    .where("u.notify_event_invitations", "=", true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("event_invitations as i")
            .select(sql`1`.as("one"))
            .whereRef("i.user_id", "=", "u.id")
            .where("i.event_id", "=", event.id),
        ),
      ),
    )
    .orderBy("u.id")
    .limit(limit)
    .execute();
  const found: Candidate[] = people.map((p) => ({
    userId: p.id,
    guestId: null,
    email: p.email,
    name: p.name,
    language: p.language,
  }));
  if (found.length >= limit) return found;
  const guests = await trx
    .selectFrom("event_guests as g")
    .select(["g.id", "g.email", "g.name", "g.language"])
    .where("g.event_id", "=", event.id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("event_invitations as i")
            .select(sql`1`.as("one"))
            .whereRef("i.guest_id", "=", "g.id"),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("event_guest_opt_outs as o")
            .select(sql`1`.as("one"))
            .where(sql`o.email`, "=", sql`lower(g.email)`),
        ),
      ),
    )
    .orderBy("g.id")
    .limit(limit - found.length)
    .execute();
  return [
    ...found,
    ...guests.map((g) => ({
      userId: null,
      guestId: g.id,
      email: g.email,
      name: g.name,
      language: g.language,
    })),
  ];
}

/**
 * One batch: invitations for the next `batchSize` audience members without one, with their mails,
 * in one transaction. Safe to run twice at once: the event row's lock makes the second wait, and it
 * then finds the first one's rows.
 */
export async function sendEventInvitationBatch(
  db: Database,
  jobs: JobQueue,
  eventId: number,
  { now = new Date(), batchSize = INVITATION_BATCH_SIZE }: { now?: Date; batchSize?: number } = {},
): Promise<BatchResult> {
  const appUrl = appUrlFromEnv();
  // The signing key is read (or made) before the transaction: on PGlite a query beside an open
  // transaction would wait for it forever.
  await eventInvitationToken(db, { id: 1, token_nonce: "0".repeat(22) });
  return db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom("events")
      .selectAll()
      .where("id", "=", eventId)
      .forUpdate()
      .executeTakeFirst();
    const refused = sendRefusal(event, now);
    if (refused || !event) return { invited: 0, more: false, refused };

    const candidates = await nextCandidates(trx, event, batchSize);
    if (candidates.length === 0) return { invited: 0, more: false, refused: null };

    const rows = await trx
      .insertInto("event_invitations")
      .values(
        candidates.map((c) => ({
          event_id: event.id,
          user_id: c.userId,
          guest_id: c.guestId,
          token_nonce: newTokenNonce(),
        })),
      )
      // The unique indexes (event, user) and (event, guest): a row someone else made stays theirs.
      .onConflict((oc) => oc.doNothing())
      .returning(["id", "user_id", "guest_id", "token_nonce"])
      .execute();

    const snapshot = await loadEventSnapshot(trx, event.id);
    if (!snapshot) throw new Error(`Event ${event.id} vanished while locked`);
    const byRecipient = new Map(candidates.map((c) => [`${c.userId}:${c.guestId}`, c]));
    const emails: Array<EnqueueEmail<EmailTemplate>> = [];
    for (const row of rows) {
      const who = byRecipient.get(`${row.user_id}:${row.guest_id}`)!;
      emails.push({
        template: "event_invitation",
        to: who.email,
        recipientId: who.userId,
        language: who.language,
        idempotencyKey: `event_invitation:${event.id}:${row.id}`,
        payload: {
          name: who.name,
          event: snapshot,
          links: await eventInvitationLinks(db, appUrl, row),
        },
      });
    }
    await enqueueEmails(trx, jobs, emails);
    if (rows.length) {
      // Each row points at its mail (delivered or failed is read there), found by its key.
      await trx
        .updateTable("event_invitations as i")
        .from("email_messages as m")
        .set((eb) => ({ email_message_id: eb.ref("m.id") }))
        .whereRef(
          "m.idempotency_key",
          "=",
          sql<string>`'event_invitation:' || i.event_id || ':' || i.id`,
        )
        .where(
          "i.id",
          "in",
          rows.map((r) => r.id),
        )
        .execute();
      await trx
        .updateTable("events")
        .set({ invitations_sent_at: now })
        .where("id", "=", event.id)
        .execute();
    }
    const left = await nextCandidates(trx, event, 1);
    return { invited: rows.length, more: left.length > 0, refused: null };
  });
}

/** Every batch until nobody is left: the whole send run. Returns how many were invited. */
export async function sendEventInvitations(
  db: Database,
  jobs: JobQueue,
  eventId: number,
  options: { now?: Date; batchSize?: number } = {},
): Promise<{ invited: number; refused: SendRefusal | null }> {
  let invited = 0;
  for (;;) {
    const batch = await sendEventInvitationBatch(db, jobs, eventId, options);
    invited += batch.invited;
    if (batch.refused) return { invited, refused: batch.refused };
    if (!batch.more || batch.invited === 0) return { invited, refused: null };
  }
}

export type SendOutcome =
  | { ok: true; toInvite: number; queued: boolean }
  | { ok: false; reason: SendRefusal | "forbidden" };

async function plannedEvent(db: Database, actor: Actor, eventId: number) {
  const event = await db
    .selectFrom("events")
    .selectAll()
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  const scope = { regionId: event.region_id, digibankId: event.digibank_id };
  return may(actor, { action: "plan_events", scope }) ? event : null;
}

/**
 * "Send now": queues the send run. The job's singleton key is the event, so a double press (or two
 * organisers at once) queues one run; a press while one runs queues at most one more, which finds
 * only those added since.
 */
export async function sendEventInvitationsNow(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  eventId: number,
  now = new Date(),
): Promise<SendOutcome> {
  const event = await plannedEvent(db, actor, eventId);
  if (!event) return { ok: false, reason: "not_found" };
  const refused = sendRefusal(event, now);
  if (refused) return { ok: false, reason: refused };
  const preview = await previewAudience(db, event);
  await ensureSendQueue(jobs);
  const id = await jobs.send(
    EVENT_INVITATIONS_QUEUE,
    { eventId },
    { singletonKey: `event-${eventId}` },
  );
  return { ok: true, toInvite: preview.toInvite, queued: id !== null };
}

export type ScheduleOutcome =
  | { ok: true; sendAt: Date | null }
  | { ok: false; reason: SendRefusal | "in_past" | "after_deadline" };

/**
 * Sets (or clears, with null) the moment the scheduled tick sends the invitations: an instant, or
 * a day and wall-clock time in Brussels.
 */
export async function scheduleEventInvitations(
  db: Database,
  actor: Actor,
  eventId: number,
  moment: Date | { date: string; time: string } | null,
  now = new Date(),
): Promise<ScheduleOutcome> {
  const sendAt =
    moment === null || moment instanceof Date ? moment : localInstant(moment.date, moment.time);
  const event = await plannedEvent(db, actor, eventId);
  if (!event) return { ok: false, reason: "not_found" };
  if (sendAt !== null) {
    const refused = sendRefusal(event, now);
    if (refused) return { ok: false, reason: refused };
    if (sendAt.getTime() <= now.getTime()) return { ok: false, reason: "in_past" };
    if (sendAt.getTime() >= new Date(event.answer_deadline).getTime())
      return { ok: false, reason: "after_deadline" };
  }
  await db
    .updateTable("events")
    .set({ send_at: sendAt, updated_at: now })
    .where("id", "=", eventId)
    .execute();
  return { ok: true, sendAt };
}

/**
 * The scheduled tick: sends every published event whose moment has come, then clears its moment
 * (later additions are sent by hand, "send" on the send page). Running twice sends nothing twice.
 */
export async function sendScheduledInvitations(
  db: Database,
  jobs: JobQueue,
  now = new Date(),
): Promise<number> {
  const due = await db
    .selectFrom("events")
    .select("id")
    .where("status", "=", "published")
    .where("send_at", "is not", null)
    .where("send_at", "<=", now)
    .orderBy("send_at")
    .orderBy("id")
    .execute();
  let invited = 0;
  for (const { id } of due) {
    const run = await sendEventInvitations(db, jobs, id, { now });
    invited += run.invited;
    await db
      .updateTable("events")
      .set({ send_at: null })
      .where("id", "=", id)
      .where("send_at", "<=", now)
      .execute();
  }
  return invited;
}

/** What the send page tells: how many were invited and when, and how many are new since. */
export async function loadSendState(db: Database, actor: Actor, eventId: number) {
  const event = await plannedEvent(db, actor, eventId);
  if (!event) return null;
  const preview = await previewAudience(db, event);
  const counts = await db
    .selectFrom("event_invitations as i")
    .leftJoin("email_messages as m", "m.id", "i.email_message_id")
    .select((eb) => [
      eb.fn.countAll<number>().as("invited"),
      eb.fn.count<number>("m.sent_at").as("delivered"),
      eb.fn.count<number>(sql`case when ${failedForGoodAs("m")} then 1 end`).as("failed"),
    ])
    .where("i.event_id", "=", eventId)
    .executeTakeFirstOrThrow();
  return {
    event,
    preview,
    /** Today and the scheduled moment, in Brussels, for the form's fields. */
    today: localToday(),
    scheduled: event.send_at ? localParts(new Date(event.send_at)) : null,
    invited: Number(counts.invited),
    delivered: Number(counts.delivered),
    failed: Number(counts.failed),
  };
}

const queuesMade = new WeakSet<JobQueue>();

/**
 * The send-run queue, made once per job queue. stately: at most one run queued and one running
 * per event (the singleton key). Made here too, not only at start-up, so a process that queues
 * without working the queue (a web process, a test) has it.
 */
async function ensureSendQueue(jobs: JobQueue) {
  if (queuesMade.has(jobs)) return;
  if (!(await jobs.getQueue(EVENT_INVITATIONS_QUEUE)))
    await jobs.createQueue(EVENT_INVITATIONS_QUEUE, { policy: "stately" }).catch(async (error) => {
      // Made by another press at the same moment: fine.
      if (!(await jobs.getQueue(EVENT_INVITATIONS_QUEUE))) throw error;
    });
  queuesMade.add(jobs);
}

/** Registers the send-run worker and the scheduled tick (every minute). */
export async function startEventSending(jobs: JobQueue, db: Database) {
  await ensureSendQueue(jobs);
  await jobs.work<{ eventId: number }>(EVENT_INVITATIONS_QUEUE, async ([job]) => {
    if (job) await sendEventInvitations(db, jobs, job.data.eventId);
  });
  await jobs.createQueue(SCHEDULED_QUEUE);
  await jobs.schedule(SCHEDULED_QUEUE, "* * * * *");
  await jobs.work(SCHEDULED_QUEUE, async () => {
    await sendScheduledInvitations(db, jobs);
  });
}
