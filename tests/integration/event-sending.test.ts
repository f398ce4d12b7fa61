import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  sendEventInvitationBatch,
  sendEventInvitations,
  sendScheduledInvitations,
} from "~/modules/events/sending.server.ts";
import {
  brusselsMorning,
  sendEventNudges,
  sendEventReminders,
  sendEventThanks,
} from "~/modules/events/jobs.server.ts";
import { unsubscribeFromInvitations } from "~/modules/events/unsubscribe.server.ts";
import { eventInvitationToken } from "~/modules/events/tokens.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createEventGuest,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Sending a gathering's invitations and its follow-ups write to the outbox; no mail worker runs,
// so rows can be counted. Clocks are injected: NOW is far from the real one.

let database: TestDatabase;
let jobs: JobQueue;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = new Date("2027-05-03T08:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

/** A region with one digibank and `n` volunteers, and a published event for the region. */
async function world(n: number, event: Parameters<typeof createEvent>[1] | object = {}) {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const people = [];
  for (let i = 0; i < n; i++) {
    const user = await createUser(db, { language: (["nl", "fr", "en"] as const)[i % 3] });
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    people.push(user);
  }
  const e = await createEvent(db, {
    regionId: region.id,
    startsAt: new Date(NOW.getTime() + 30 * DAY),
    ...event,
  });
  return { region, bank, people, event: e };
}

async function addVolunteer(digibankId: number) {
  const user = await createUser(database.db);
  await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
  return user;
}

const invitationsOf = (eventId: number) =>
  database.db
    .selectFrom("event_invitations")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("id")
    .execute();

const mails = (prefix: string) =>
  database.db
    .selectFrom("email_messages")
    .selectAll()
    .where("idempotency_key", "like", `${prefix}%`)
    .orderBy("id")
    .execute();

describe("sending invitations", () => {
  it("works in batches: each invitation once, with its mail and job, in the person's language", async () => {
    const { event, people } = await world(7);
    const guest = await createEventGuest(database.db, { eventId: event.id, language: "fr" });
    const first = await sendEventInvitationBatch(database.db, jobs, event.id, {
      now: NOW,
      batchSize: 3,
    });
    expect(first).toEqual({ invited: 3, more: true, refused: null });
    const rest = await sendEventInvitations(database.db, jobs, event.id, {
      now: NOW,
      batchSize: 3,
    });
    expect(rest).toEqual({ invited: 5, refused: null });
    const rows = await invitationsOf(event.id);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.token_nonce)).size).toBe(8);
    const messages = await mails(`event_invitation:${event.id}:`);
    expect(messages).toHaveLength(8);
    for (const row of rows) {
      const message = messages.find((m) => m.id === row.email_message_id)!;
      expect(message.idempotency_key).toBe(`event_invitation:${event.id}:${row.id}`);
      const who = people.find((p) => p.id === row.user_id);
      expect(message.language).toBe(who ? who.language : guest.language);
      expect(message.recipient_id).toBe(row.user_id);
    }
    const jobCount = await database.db
      .selectFrom("pgboss.job" as "users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("name" as "id", "=", "send-email" as never)
      .where(
        "data" as "id",
        "in",
        messages.map((m) => JSON.stringify({ messageId: m.id })) as never,
      )
      .executeTakeFirstOrThrow();
    expect(Number(jobCount.n)).toBe(8);
    const sentEvent = await database.db
      .selectFrom("events")
      .select("invitations_sent_at")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(sentEvent.invitations_sent_at).toEqual(NOW);
  });

  it("sent twice at once: one invitation each", async () => {
    const { event } = await world(12);
    const runs = await Promise.all([
      sendEventInvitations(database.db, jobs, event.id, { now: NOW, batchSize: 5 }),
      sendEventInvitations(database.db, jobs, event.id, { now: NOW, batchSize: 5 }),
      sendEventInvitationBatch(database.db, jobs, event.id, { now: NOW, batchSize: 50 }),
    ]);
    expect(runs[0].invited + runs[1].invited + runs[2].invited).toBe(12);
    expect(await invitationsOf(event.id)).toHaveLength(12);
    expect(await mails(`event_invitation:${event.id}:`)).toHaveLength(12);
  });

  it("invites the late additions only, and leaves out who opted out", async () => {
    const { event, bank, people } = await world(3);
    await sendEventInvitations(database.db, jobs, event.id, { now: NOW });
    const late = await addVolunteer(bank.id);
    const optedOut = await addVolunteer(bank.id);
    await database.db
      .updateTable("users")
      .set({ notify_event_invitations: false })
      .where("id", "=", optedOut.id)
      .execute();
    const guest = await createEventGuest(database.db, { eventId: event.id });
    const unsubscribedGuest = await createEventGuest(database.db, {
      eventId: event.id,
      email: "Weg@Partner.example",
    });
    await database.db
      .insertInto("event_guest_opt_outs")
      .values({ email: "weg@partner.example" })
      .execute();
    const again = await sendEventInvitations(database.db, jobs, event.id, { now: NOW });
    expect(again.invited).toBe(2);
    const rows = await invitationsOf(event.id);
    expect(rows.map((r) => r.user_id ?? `g${r.guest_id}`)).toEqual([
      ...people.map((p) => p.id),
      late.id,
      `g${guest.id}`,
    ]);
    expect(rows.some((r) => r.guest_id === unsubscribedGuest.id)).toBe(false);
    expect(await mails(`event_invitation:${event.id}:`)).toHaveLength(5);
    // A third press sends nothing.
    expect((await sendEventInvitations(database.db, jobs, event.id, { now: NOW })).invited).toBe(0);
  });

  it("refuses a draft, a cancelled and a past event, and writes nothing", async () => {
    for (const [values, reason] of [
      [{ status: "draft" }, "draft"],
      [{ status: "cancelled" }, "cancelled"],
      [{ startsAt: new Date(NOW.getTime() - HOUR) }, "past"],
    ] as const) {
      const { event } = await world(1, values);
      const result = await sendEventInvitationBatch(database.db, jobs, event.id, { now: NOW });
      expect(result.refused).toBe(reason);
      expect(await invitationsOf(event.id)).toHaveLength(0);
    }
  });

  it("sends a scheduled event at its Brussels moment, once, also when the tick runs twice", async () => {
    // 10:00 in Brussels on 10 May 2027 (summer time): 08:00 UTC.
    const sendAt = new Date("2027-05-10T08:00:00Z");
    const { event } = await world(2, { sendAt });
    expect(
      await sendScheduledInvitations(database.db, jobs, new Date(sendAt.getTime() - 60_000)),
    ).toBe(0);
    expect(await invitationsOf(event.id)).toHaveLength(0);
    const [a, b] = await Promise.all([
      sendScheduledInvitations(database.db, jobs, sendAt),
      sendScheduledInvitations(database.db, jobs, sendAt),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(2);
    await sendScheduledInvitations(database.db, jobs, new Date(sendAt.getTime() + 60_000));
    expect(await invitationsOf(event.id)).toHaveLength(2);
    expect(await mails(`event_invitation:${event.id}:`)).toHaveLength(2);
    const after = await database.db
      .selectFrom("events")
      .select("send_at")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(after.send_at).toBeNull();
  });

  it("a one-click unsubscribe keeps the person out of the next send", async () => {
    const { event, bank } = await world(1);
    await sendEventInvitations(database.db, jobs, event.id, { now: NOW });
    const [row] = await invitationsOf(event.id);
    const token = await eventInvitationToken(database.db, row!);
    expect(await unsubscribeFromInvitations(database.db, token, null)).not.toBeNull();
    const other = await createEvent(database.db, {
      regionId: event.region_id,
      startsAt: new Date(NOW.getTime() + 40 * DAY),
    });
    await addVolunteer(bank.id);
    expect((await sendEventInvitations(database.db, jobs, other.id, { now: NOW })).invited).toBe(1);
    expect((await invitationsOf(other.id)).some((r) => r.user_id === row!.user_id)).toBe(false);
    // A tampered token changes nothing.
    expect(await unsubscribeFromInvitations(database.db, `${token}x`, null)).toBeNull();
  });
});

describe("follow-ups, with an injected clock", () => {
  it("reminds yes and maybe at 09:00 Brussels N days before, once each, not those who said no", async () => {
    // Starts Saturday 12 June 2027 at 14:00 Brussels (12:00 UTC).
    const startsAt = new Date("2027-06-12T12:00:00Z");
    const { event, people } = await world(5, {
      startsAt,
      answerDeadline: new Date("2027-06-01T12:00:00Z"),
      reminderDays: [7, 1],
    });
    await sendEventInvitations(database.db, jobs, event.id, { now: NOW });
    const rows = await invitationsOf(event.id);
    const answers = ["yes", "maybe", "no", "none", "yes"] as const;
    for (const [i, row] of rows.entries())
      if (answers[i] !== "none")
        await database.db
          .updateTable("event_invitations")
          .set({ response: answers[i]!, answered_at: NOW })
          .where("id", "=", row.id)
          .execute();
    await database.db
      .updateTable("users")
      .set({ notify_reminders: false })
      .where("id", "=", people[4]!.id)
      .execute();
    const sevenDays = new Date("2027-06-05T07:00:00Z"); // 09:00 Brussels
    expect(brusselsMorning(startsAt, 7)).toEqual(sevenDays);
    expect(
      await sendEventReminders(database.db, jobs, new Date(sevenDays.getTime() - 60_000)),
    ).toBe(0);
    expect(await sendEventReminders(database.db, jobs, sevenDays)).toBe(2);
    expect(await sendEventReminders(database.db, jobs, new Date(sevenDays.getTime() + HOUR))).toBe(
      0,
    );
    const oneDay = new Date("2027-06-11T07:00:00Z");
    expect(await sendEventReminders(database.db, jobs, oneDay)).toBe(2);
    expect(await sendEventReminders(database.db, jobs, oneDay)).toBe(0);
    const sent = await database.db
      .selectFrom("email_messages")
      .select(["idempotency_key", "recipient_id"])
      .where("template", "=", "event_reminder")
      .where(
        "recipient_id",
        "in",
        people.map((p) => p.id),
      )
      .orderBy("id")
      .execute();
    expect(sent.map((m) => m.idempotency_key)).toEqual([
      `event_reminder:${rows[0]!.id}:7`,
      `event_reminder:${rows[1]!.id}:7`,
      `event_reminder:${rows[0]!.id}:1`,
      `event_reminder:${rows[1]!.id}:1`,
    ]);
  });

  it("nudges those who did not answer three days before the deadline, once; thanks who came", async () => {
    const startsAt = new Date("2027-06-20T08:00:00Z");
    const deadline = new Date("2027-06-10T20:00:00Z");
    const { event, people } = await world(3, { startsAt, answerDeadline: deadline });
    await sendEventInvitations(database.db, jobs, event.id, { now: NOW });
    const rows = await invitationsOf(event.id);
    await database.db
      .updateTable("event_invitations")
      .set({ response: "no", answered_at: NOW })
      .where("id", "=", rows[0]!.id)
      .execute();
    await database.db
      .updateTable("users")
      .set({ notify_event_invitations: false })
      .where("id", "=", people[2]!.id)
      .execute();
    const nudgeAt = new Date(deadline.getTime() - 3 * DAY);
    expect(await sendEventNudges(database.db, jobs, new Date(nudgeAt.getTime() - 60_000))).toBe(0);
    expect(await sendEventNudges(database.db, jobs, nudgeAt)).toBe(1);
    expect(await sendEventNudges(database.db, jobs, new Date(nudgeAt.getTime() + DAY))).toBe(0);
    expect((await mails(`event_nudge:${rows[1]!.id}`)).length).toBe(1);

    // Came: the first two; the thank-you at 09:00 Brussels the day after (21 June, 07:00 UTC).
    await database.db
      .updateTable("event_invitations")
      .set({ attended_at: startsAt })
      .where("id", "in", [rows[1]!.id, rows[2]!.id])
      .execute();
    const thanksAt = new Date("2027-06-21T07:00:00Z");
    expect(await sendEventThanks(database.db, jobs, new Date(thanksAt.getTime() - 60_000))).toBe(0);
    expect(await sendEventThanks(database.db, jobs, thanksAt)).toBe(2);
    expect(await sendEventThanks(database.db, jobs, new Date(thanksAt.getTime() + HOUR))).toBe(0);
    expect((await mails(`event_thanks:${rows[0]!.id}`)).length).toBe(0);
  });

  it("nudges a late invitee halfway between the invitation and the deadline", async () => {
    const startsAt = new Date("2027-07-20T08:00:00Z");
    const deadline = new Date("2027-07-10T08:00:00Z");
    const { event } = await world(1, { startsAt, answerDeadline: deadline });
    const invitedAt = new Date(deadline.getTime() - 2 * DAY);
    await sendEventInvitations(database.db, jobs, event.id, { now: invitedAt });
    // The row's creation time is the database's: set it to the invitation's moment.
    await sql`update event_invitations set created_at = ${invitedAt} where event_id = ${event.id}`.execute(
      database.db,
    );
    expect(
      await sendEventNudges(database.db, jobs, new Date(deadline.getTime() - DAY - 60_000)),
    ).toBe(0);
    expect(await sendEventNudges(database.db, jobs, new Date(deadline.getTime() - DAY))).toBe(1);
  });
});
