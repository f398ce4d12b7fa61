import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answerEventInvitation,
  findInvitationByToken,
  promoteEventWaitingList,
  waitingPosition,
} from "~/modules/events/answering.server.ts";
import { eventInvitationToken } from "~/modules/events/tokens.server.ts";
import { loadActor } from "~/modules/auth/access.server.ts";
import { erasePersonalData } from "~/modules/people/personal-data.server.ts";
import { listShiftEvents } from "~/modules/shifts/events.server.ts";
import { createCalendarFeed, renderPersonalFeed } from "~/modules/shifts/feed.server.ts";
import { loadShiftWeek } from "~/modules/shifts/week.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createEventGuest,
  createEventInvitation,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Answering an invitation: what a token may do, what an answer must hold, the deadline, and the
// waiting list (in order, each person moved up emailed once, also when someone's data is erased).

let database: TestDatabase;
let jobs: JobQueue;
let regionId: number;
let digibankId: number;

const DAY = 24 * 60 * 60 * 1000;
const days = (n: number) => new Date(Date.now() + n * DAY);

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  regionId = (await createRegion(database.db)).id;
  digibankId = (await createDigibank(database.db, { regionId })).id;
});

afterAll(async () => {
  await stopJobQueue(jobs);
  await database.destroy();
});

async function person(language: "nl" | "fr" | "en" = "nl") {
  const user = await createUser(database.db, { language });
  await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
  return user;
}

async function invite(eventId: number, language: "nl" | "fr" | "en" = "nl") {
  const user = await person(language);
  const invitation = await createEventInvitation(database.db, { eventId, userId: user.id });
  return { user, invitation, token: await eventInvitationToken(database.db, invitation) };
}

async function snapshot(eventId: number) {
  const [event, invitations, mail] = await Promise.all([
    database.db
      .selectFrom("events")
      .select(["taken_places", "updated_at"])
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow(),
    database.db
      .selectFrom("event_invitations")
      .selectAll()
      .where("event_id", "=", eventId)
      .orderBy("id")
      .execute(),
    database.db
      .selectFrom("email_messages")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { event, invitations, mail: Number(mail.n) };
}

async function promotedMail(invitationId: number) {
  return database.db
    .selectFrom("email_messages")
    .select(["template", "language", "idempotency_key as key", "to_address as to"])
    .where("template", "=", "event_promoted")
    .where("idempotency_key", "like", `event_promoted:${invitationId}:%`)
    .execute();
}

describe("the answer link's token", () => {
  it("finds the invitation, its event and its person (their language) with a good token", async () => {
    const event = await createEvent(database.db, { regionId, maxPlusOnes: 2 });
    const { invitation, token, user } = await invite(event.id, "fr");
    const found = await findInvitationByToken(database.db, token);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.invitation).toMatchObject({
      id: invitation.id,
      response: "none",
      recipient: { userId: user.id, name: user.name, language: "fr" },
      event: { eventId: event.id, maxPlusOnes: 2 },
      deadlinePassed: false,
    });
  });

  it("refuses tampered, malformed and foreign tokens as invalid, and changes nothing", async () => {
    const event = await createEvent(database.db, { regionId });
    const a = await invite(event.id);
    const b = await invite(event.id);
    const before = await snapshot(event.id);
    const [, nonce, mac] = a.token.split(".");
    // The first character: the last one of 22 also holds padding bits, which decoding ignores.
    const flipped = (mac!.startsWith("A") ? "B" : "A") + mac!.slice(1);
    // The same bytes spelled otherwise: the last character with one of its ignored bits changed.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet.indexOf(mac!.at(-1)!);
    const respelled = mac!.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(respelled, "base64url")).toEqual(Buffer.from(mac!, "base64url"));
    const foreign = [
      `${a.invitation.id}.${nonce}.${respelled}`, // the MAC's bytes, spelled otherwise
      `${a.invitation.id}.${nonce}.${flipped}`, // tampered signature
      `${b.invitation.id}.${nonce}.${mac}`, // another invitation's id on this token
      `${a.invitation.id}.${b.invitation.token_nonce}.${mac}`, // another nonce
      crypto.randomBytes(32).toString("base64url"), // a sign-in link's token
      `${a.token}x`,
      "",
      "1.2.3",
      `99999999999999999999.${nonce}.${mac}`,
      `${a.token}\u0000`,
    ];
    for (const token of foreign) {
      expect(await findInvitationByToken(database.db, token)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await snapshot(event.id)).toEqual(before);
  });

  it("says a token with an old nonce, or of a withdrawn invitation, is revoked, in the person's language", async () => {
    const event = await createEvent(database.db, { regionId });
    const old = await invite(event.id, "en");
    await database.db
      .updateTable("event_invitations")
      .set({ token_nonce: crypto.randomBytes(16).toString("base64url") })
      .where("id", "=", old.invitation.id)
      .execute();
    expect(await findInvitationByToken(database.db, old.token)).toEqual({
      ok: false,
      reason: "revoked",
      language: "en",
    });
    const withdrawn = await invite(event.id, "fr");
    await database.db
      .updateTable("event_invitations")
      .set({ revoked_at: new Date() })
      .where("id", "=", withdrawn.invitation.id)
      .execute();
    expect(await findInvitationByToken(database.db, withdrawn.token)).toEqual({
      ok: false,
      reason: "revoked",
      language: "fr",
    });
    expect(
      await answerEventInvitation(database.db, jobs, withdrawn.invitation.id, { response: "yes" }),
    ).toEqual({ ok: false, reason: "revoked" });
  });

  it("closes the link after the event and for a cancelled event, and answering changes nothing", async () => {
    const past = await createEvent(database.db, {
      regionId,
      startsAt: days(-3),
      answerDeadline: days(-10),
    });
    const p = await invite(past.id, "fr");
    const found = await findInvitationByToken(database.db, p.token);
    expect(found).toMatchObject({ ok: false, reason: "closed", why: "past" });
    const cancelled = await createEvent(database.db, { regionId, status: "cancelled" });
    const c = await invite(cancelled.id);
    expect(await findInvitationByToken(database.db, c.token)).toMatchObject({
      ok: false,
      reason: "closed",
      why: "cancelled",
      invitation: { event: { cancelled: true } },
    });
    const before = [await snapshot(past.id), await snapshot(cancelled.id)];
    expect(
      await answerEventInvitation(database.db, jobs, p.invitation.id, { response: "yes" }),
    ).toEqual({ ok: false, reason: "past" });
    expect(
      await answerEventInvitation(database.db, jobs, c.invitation.id, { response: "yes" }),
    ).toEqual({ ok: false, reason: "cancelled" });
    expect([await snapshot(past.id), await snapshot(cancelled.id)]).toEqual(before);
  });
});

describe("an answer", () => {
  async function eventWithQuestions() {
    return createEvent(database.db, {
      regionId,
      maxPlusOnes: 1,
      questions: [
        { kind: "choice", label: "Eetwensen", choices: ["Geen", "Vegetarisch"], required: true },
        { kind: "text", label: "Hulp bij het komen?" },
      ],
    });
  }

  it("is refused with a reason per field, writing nothing, when it does not fit the event", async () => {
    const event = await eventWithQuestions();
    const [choice, text] = event.questions.map((q) => String(q.id));
    const { invitation } = await invite(event.id);
    const before = await snapshot(event.id);
    const bad: Array<[Parameters<typeof answerEventInvitation>[3], string]> = [
      [{ response: "yes", plusOnes: 2, answers: { [choice!]: "Geen" } }, "plusOnes"],
      [{ response: "yes", plusOnes: -1, answers: { [choice!]: "Geen" } }, "plusOnes"],
      [{ response: "yes", plusOnes: 2147483648, answers: { [choice!]: "Geen" } }, "plusOnes"],
      [{ response: "yes", answers: { [choice!]: "Veganistisch" } }, `answers.q${choice}`],
      [{ response: "yes", answers: {} }, `answers.q${choice}`],
      [{ response: "maybe", answers: { [text!]: "x" } }, `answers.q${choice}`],
      [
        { response: "yes", answers: { [choice!]: "Geen", [text!]: "a\u0000b" } },
        `answers.q${text}`,
      ],
      [
        { response: "yes", answers: { [choice!]: "Geen", [text!]: "x".repeat(5000) } },
        `answers.q${text}`,
      ],
      [{ response: "yes", answers: { [choice!]: "Geen", "999999": "?" } }, "answers.q999999"],
    ];
    for (const [input, field] of bad) {
      const outcome = await answerEventInvitation(database.db, jobs, invitation.id, input);
      expect(outcome).toMatchObject({ ok: false, reason: "invalid" });
      if (!outcome.ok && outcome.reason === "invalid")
        expect(outcome.fieldErrors).toHaveProperty([field]);
    }
    expect(await snapshot(event.id)).toEqual(before);
  });

  it("records yes with a plus-one and the answers, and can be changed until the deadline, then not", async () => {
    const event = await eventWithQuestions();
    const [choice, text] = event.questions.map((q) => String(q.id));
    const { invitation, token } = await invite(event.id);
    expect(
      await answerEventInvitation(database.db, jobs, invitation.id, {
        response: "yes",
        plusOnes: 1,
        answers: { [choice!]: "Vegetarisch", [text!]: "  Ik kom met de bus\r\nen een rolstoel " },
      }),
    ).toEqual({ ok: true, response: "yes", position: null });
    let now = await snapshot(event.id);
    expect(now.event.taken_places).toBe(2);
    expect(now.invitations[0]).toMatchObject({
      response: "yes",
      plus_ones: 1,
      answers: { [choice!]: "Vegetarisch", [text!]: "Ik kom met de bus\nen een rolstoel" },
    });
    // A no needs no answers to the required questions, and takes no place.
    expect(
      await answerEventInvitation(database.db, jobs, invitation.id, {
        response: "no",
        plusOnes: 1,
      }),
    ).toEqual({ ok: true, response: "no", position: null });
    now = await snapshot(event.id);
    expect(now.event.taken_places).toBe(0);
    expect(now.invitations[0]).toMatchObject({ response: "no", plus_ones: 0 });
    // A maybe takes no place either.
    await answerEventInvitation(database.db, jobs, invitation.id, {
      response: "maybe",
      plusOnes: 1,
      answers: { [choice!]: "Geen" },
    });
    expect((await snapshot(event.id)).event.taken_places).toBe(0);

    // After the deadline: the page shows the answer, and answering is refused.
    const afterDeadline = new Date(new Date(event.answer_deadline).getTime() + 1000);
    const before = await snapshot(event.id);
    expect(
      await answerEventInvitation(
        database.db,
        jobs,
        invitation.id,
        { response: "yes", answers: { [choice!]: "Geen" } },
        { now: afterDeadline },
      ),
    ).toEqual({ ok: false, reason: "deadline_passed" });
    expect(await snapshot(event.id)).toEqual(before);
    const found = await findInvitationByToken(database.db, token, { now: afterDeadline });
    expect(found).toMatchObject({
      ok: true,
      invitation: { deadlinePassed: true, response: "maybe" },
    });
  });
});

describe("the waiting list", () => {
  it("puts a yes that does not fit in line, and moves the line up in order, emailing each once", async () => {
    const event = await createEvent(database.db, { regionId, capacity: 3, maxPlusOnes: 2 });
    const first = await invite(event.id);
    const second = await invite(event.id, "fr");
    const third = await invite(event.id);
    const fourth = await invite(event.id, "en");
    expect(
      await answerEventInvitation(database.db, jobs, first.invitation.id, {
        response: "yes",
        plusOnes: 1,
      }),
    ).toMatchObject({ ok: true, response: "yes" });
    // Two places asked for, one left: waiting, first in line.
    expect(
      await answerEventInvitation(database.db, jobs, second.invitation.id, {
        response: "yes",
        plusOnes: 1,
      }),
    ).toEqual({ ok: true, response: "waiting", position: 1 });
    // One place asked for, one left: a smaller party behind may take it.
    expect(
      await answerEventInvitation(database.db, jobs, third.invitation.id, { response: "yes" }),
    ).toMatchObject({ ok: true, response: "yes" });
    expect(
      await answerEventInvitation(database.db, jobs, fourth.invitation.id, { response: "yes" }),
    ).toEqual({ ok: true, response: "waiting", position: 2 });
    expect((await snapshot(event.id)).event.taken_places).toBe(3);

    // Someone with a place who wants more plus-ones than fit keeps what they have.
    expect(
      await answerEventInvitation(database.db, jobs, third.invitation.id, {
        response: "yes",
        plusOnes: 2,
      }),
    ).toEqual({ ok: false, reason: "no_room" });

    // The first lets go of two places: the second (a party of two) moves up, then nobody else fits.
    await answerEventInvitation(database.db, jobs, first.invitation.id, { response: "no" });
    const after = await snapshot(event.id);
    const byId = new Map(after.invitations.map((i) => [i.id, i]));
    expect(byId.get(second.invitation.id)).toMatchObject({ response: "yes", waiting_since: null });
    expect(byId.get(fourth.invitation.id)?.response).toBe("waiting");
    expect(await waitingPosition(database.db, event.id, fourth.invitation.id)).toBe(1);
    expect(after.event.taken_places).toBe(3);
    const mail = await promotedMail(second.invitation.id);
    expect(mail).toEqual([
      expect.objectContaining({
        template: "event_promoted",
        language: "fr",
        to: second.user.email,
      }),
    ]);

    // Plus-ones dropped also frees a place: the fourth moves up.
    await answerEventInvitation(database.db, jobs, second.invitation.id, { response: "yes" });
    expect(
      (await snapshot(event.id)).invitations.find((i) => i.id === fourth.invitation.id),
    ).toMatchObject({ response: "yes" });
    expect(await promotedMail(fourth.invitation.id)).toHaveLength(1);

    // Running the promotion again moves nobody and emails nobody twice.
    const mailBefore = (await snapshot(event.id)).mail;
    await database.db.transaction().execute((trx) => promoteEventWaitingList(trx, jobs, event.id));
    expect((await snapshot(event.id)).mail).toBe(mailBefore);
    expect(await promotedMail(second.invitation.id)).toHaveLength(1);
  });

  it("keeps the place in line of someone already waiting who says yes again", async () => {
    const event = await createEvent(database.db, { regionId, capacity: 1 });
    const holder = await invite(event.id);
    const a = await invite(event.id);
    const b = await invite(event.id);
    await answerEventInvitation(database.db, jobs, holder.invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, a.invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, b.invitation.id, { response: "yes" });
    expect(
      await answerEventInvitation(database.db, jobs, a.invitation.id, { response: "yes" }),
    ).toEqual({ ok: true, response: "waiting", position: 1 });
    expect(await waitingPosition(database.db, event.id, b.invitation.id)).toBe(2);
  });

  it("moves the line up when someone holding a place has their data erased", async () => {
    const event = await createEvent(database.db, { regionId, capacity: 1 });
    const leaver = await invite(event.id);
    const next = await invite(event.id);
    const guest = await createEventGuest(database.db, { eventId: event.id, language: "en" });
    const guestInvitation = await createEventInvitation(database.db, {
      eventId: event.id,
      guestId: guest.id,
    });
    await answerEventInvitation(database.db, jobs, leaver.invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, next.invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, guestInvitation.id, { response: "yes" });
    await erasePersonalData(database.db, leaver.user.id, { jobs });
    const after = await snapshot(event.id);
    expect(after.invitations.map((i) => [i.id, i.response])).toEqual([
      [next.invitation.id, "yes"],
      [guestInvitation.id, "waiting"],
    ]);
    expect(after.event.taken_places).toBe(1);
    expect(await promotedMail(next.invitation.id)).toHaveLength(1);
  });

  it("emails a guest moved up at their address, in their language", async () => {
    const event = await createEvent(database.db, { regionId, capacity: 1 });
    const holder = await invite(event.id);
    const guest = await createEventGuest(database.db, { eventId: event.id, language: "fr" });
    const invitation = await createEventInvitation(database.db, {
      eventId: event.id,
      guestId: guest.id,
    });
    await answerEventInvitation(database.db, jobs, holder.invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, holder.invitation.id, { response: "maybe" });
    expect(await promotedMail(invitation.id)).toEqual([
      expect.objectContaining({ language: "fr", to: guest.email }),
    ]);
  });
});

describe("the calendar", () => {
  it("shows the gatherings said yes to on /shifts, in its list and in the feed; not maybe or waiting", async () => {
    const startsAt = days(30);
    const yes = await createEvent(database.db, { regionId, title: "Brunch", startsAt });
    const maybe = await createEvent(database.db, { regionId, title: "Quiz", startsAt });
    const full = await createEvent(database.db, {
      regionId,
      title: "Volzet",
      startsAt,
      capacity: 1,
    });
    const user = await person();
    const actor = (await loadActor(database.db, user.id))!;
    const mine = (eventId: number) =>
      createEventInvitation(database.db, { eventId, userId: user.id });
    await answerEventInvitation(database.db, jobs, (await mine(yes.id)).id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, (await mine(maybe.id)).id, {
      response: "maybe",
    });
    const holder = await invite(full.id);
    await answerEventInvitation(database.db, jobs, holder.invitation.id, { response: "yes" });
    await answerEventInvitation(database.db, jobs, (await mine(full.id)).id, { response: "yes" });

    const window = { from: days(29), to: days(32) };
    const events = (await listShiftEvents(database.db, actor, window, "nl")).filter(
      (e) => e.kind === "event",
    );
    expect(events.map((e) => [e.id, e.url, e.className])).toEqual([
      [`event-${yes.id}`, `/events/${yes.id}`, "gathering-event"],
    ]);
    expect(events[0]!.title).toMatch(/^🤝 Bijeenkomst: Brunch/);
    expect(
      (
        await listShiftEvents(database.db, actor, { ...window, filters: { open: true } }, "nl")
      ).filter((e) => e.kind === "event"),
    ).toEqual([]);

    const { days: week } = await loadShiftWeek(database.db, actor, {
      week: startsAt.toISOString().slice(0, 10),
      filters: {},
      language: "nl",
    });
    expect(week.flatMap((d) => d.events.map((e) => e.title))).toEqual(["Brunch"]);

    const token = await createCalendarFeed(database.db, user.id);
    const feed = (await renderPersonalFeed(database.db, token, { appUrl: "https://dh.test" }))!;
    expect(feed).toContain(`UID:event-${yes.id}@digihelpers`);
    expect(feed).not.toContain(`event-${maybe.id}@`);
    expect(feed).not.toContain(`event-${full.id}@`);
  });
});
