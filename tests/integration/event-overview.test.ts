import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import { loadDoorList, recordArrival } from "~/modules/events/door.server.ts";
import {
  loadEventOverview,
  messageEventYes,
  resendInvitation,
  withdrawInvitation,
} from "~/modules/events/overview.server.ts";
import { readEventInvitationToken } from "~/modules/events/tokens.server.ts";
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
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The organiser's page of an event: its figures on a known small set (delivered and failed read
// from the outbox, plus-ones over the yeses, answers per question), and its actions: resend once
// per form, withdraw only what is not a yes, a message only to those coming, the door check-in.

let database: TestDatabase;
let jobs: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

const HOUR = 3600_000;
const KEY_1 = "11111111-1111-4111-8111-111111111111";
const KEY_2 = "22222222-2222-4222-8222-222222222222";

/** An outbox row in this state, as the worker would have left it. */
async function mail(
  status: "sent" | "failed" | "queued" | "sending",
  sendingUntil: Date | null = null,
) {
  const row = await database.db
    .insertInto("email_messages")
    .values({
      idempotency_key: `test:${crypto.randomUUID()}`,
      template: "event_invitation",
      to_address: "x@test.example",
      language: "nl",
      status,
      sending_until: sendingUntil,
      sent_at: status === "sent" ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A region-wide event of R1 with a choice and a text question, planned by R1's staff, and seven
 * invitations: Anna yes +2 (delivered), Bert yes (failed), Carla maybe (a claim lapsed two hours
 * ago: failed), Dirk no (queued), Els none (no mail yet), Fien waiting, and a guest, Gust, yes +1.
 */
async function world() {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const other = await createRegion(db);
  const staff = await createUser(db, { name: "Stafmedewerker" });
  await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
  const otherStaff = await createUser(db);
  await assignRole(db, { userId: otherStaff.id, role: "regional_staff", regionId: other.id });
  const event = await createEvent(db, {
    regionId: region.id,
    capacity: 20,
    maxPlusOnes: 2,
    questions: [
      { kind: "choice", label: "Lunch", choices: ["Vlees", "Vegetarisch"] },
      { kind: "text", label: "Hulp nodig om er te geraken?" },
    ],
  });
  const [lunch, help] = event.questions.map((q) => String(q.id));
  const person = async (name: string, language: "nl" | "fr" | "en" = "nl") => {
    const user = await createUser(db, { name, language });
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    return user;
  };
  const invite = async (
    userId: number | null,
    values: Omit<Parameters<typeof createEventInvitation>[1], "eventId" | "userId">,
    emailMessageId: number | null,
  ) => {
    const invitation = await createEventInvitation(db, {
      eventId: event.id,
      userId,
      ...values,
    });
    if (emailMessageId)
      await db
        .updateTable("event_invitations")
        .set({ email_message_id: emailMessageId })
        .where("id", "=", invitation.id)
        .execute();
    return invitation;
  };
  const anna = await person("Anna Aerts");
  const bert = await person("Bert Bogaert", "fr");
  const carla = await person("Carla Claes");
  const dirk = await person("Dirk Desmet");
  const els = await person("Els Engels");
  const fien = await person("Fien Fonteyne");
  const guest = await createEventGuest(db, {
    eventId: event.id,
    name: "Gust Gemeente",
    email: "gust@gemeente.example",
    language: "en",
  });
  const inv = {
    anna: await invite(
      anna.id,
      {
        response: "yes",
        plusOnes: 2,
        answers: { [lunch!]: "Vegetarisch", [help!]: "Ja, een lift" },
      },
      await mail("sent"),
    ),
    bert: await invite(
      bert.id,
      { response: "yes", answers: { [lunch!]: "Vlees" } },
      await mail("failed"),
    ),
    carla: await invite(
      carla.id,
      { response: "maybe", answers: { [lunch!]: "Vegetarisch" } },
      await mail("sending", new Date(Date.now() - 2 * HOUR)),
    ),
    dirk: await invite(dirk.id, { response: "no" }, await mail("queued")),
    els: await invite(els.id, {}, null),
    fien: await invite(fien.id, { response: "waiting" }, await mail("sent")),
    gust: await invite(
      null,
      { guestId: guest.id, response: "yes", plusOnes: 1 },
      await mail("sent"),
    ),
  };
  return {
    event,
    actor: (await loadActor(db, staff.id))!,
    outsider: (await loadActor(db, otherStaff.id))!,
    inv,
    people: { anna, bert, carla, dirk, els, fien },
    guest,
  };
}

async function outbox(prefix: string) {
  return database.db
    .selectFrom("email_messages")
    .select(["id", "template", "to_address", "language", "recipient_id", "payload"])
    .where("idempotency_key", "like", `${prefix}%`)
    .orderBy("id")
    .execute();
}

describe("the overview", () => {
  it("counts invited, delivered, failed, each answer, plus-ones and places on a known set", async () => {
    const w = await world();
    const overview = (await loadEventOverview(database.db, w.actor, w.event.id))!;
    expect(overview.counts).toEqual({
      invited: 7,
      delivered: 3,
      // 'failed', and 'sending' an hour past its claim.
      failed: 2,
      yes: 3,
      no: 1,
      maybe: 1,
      none: 1,
      waiting: 1,
      // Over the yeses: Anna 2, Gust 1.
      plusOnes: 3,
      attended: 0,
    });
    // The trigger's count of places: three yeses and their three plus-ones.
    expect(overview.event.taken_places).toBe(6);
    const delivery = Object.fromEntries(overview.invitees.map((i) => [i.name, i.delivery]));
    expect(delivery).toEqual({
      "Anna Aerts": "delivered",
      "Bert Bogaert": "failed",
      "Carla Claes": "failed",
      "Dirk Desmet": "pending",
      "Els Engels": "none",
      "Fien Fonteyne": "delivered",
      "Gust Gemeente": "delivered",
    });
    // Alphabetical, people and guests together.
    expect(overview.invitees.map((i) => i.name)).toEqual(Object.keys(delivery));
    expect(overview.invitees.find((i) => i.name === "Gust Gemeente")!.guest).toBe(true);

    const [lunch, help] = overview.questions;
    expect(lunch!.options).toEqual([
      { option: "Vlees", count: 1 },
      { option: "Vegetarisch", count: 2 },
    ]);
    expect(help!.texts).toEqual([{ name: "Anna Aerts", text: "Ja, een lift" }]);
    expect(overview.waiting.map((i) => i.name)).toEqual(["Fien Fonteyne"]);
  });

  it("is not found for staff of another region", async () => {
    const w = await world();
    expect(await loadEventOverview(database.db, w.outsider, w.event.id)).toBeNull();
    expect(await loadDoorList(database.db, w.outsider, w.event.id)).toBeNull();
  });
});

describe("resending one invitation", () => {
  it("queues one invitation per form key, in the person's language, with working links", async () => {
    const w = await world();
    const values = { eventId: w.event.id, invitationId: w.inv.bert.id, formKey: KEY_1 };
    const first = await resendInvitation(database.db, jobs, w.actor, values);
    expect(first).toEqual({ ok: true, name: "Bert Bogaert", queued: true });
    // The same form posted twice: still one message.
    const again = await resendInvitation(database.db, jobs, w.actor, values);
    expect(again).toEqual({ ok: true, name: "Bert Bogaert", queued: false });
    const sent = await outbox(`event_invitation:${w.event.id}:${w.inv.bert.id}:resend:`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: "event_invitation", language: "fr" });
    expect(sent[0]!.recipient_id).toBe(w.people.bert.id);
    // The links carry the invitation's own token.
    const links = (sent[0]!.payload as { links: { answerUrl: string } }).links;
    const token = links.answerUrl.split("/events/answer/")[1]!;
    expect(await readEventInvitationToken(database.db, token)).toEqual({
      invitationId: w.inv.bert.id,
      nonce: w.inv.bert.token_nonce,
    });
    // The page now reads the new message's state.
    const row = await database.db
      .selectFrom("event_invitations")
      .select("email_message_id")
      .where("id", "=", w.inv.bert.id)
      .executeTakeFirstOrThrow();
    expect(row.email_message_id).toBe(sent[0]!.id);
    // A new form (a new key) sends again.
    await resendInvitation(database.db, jobs, w.actor, { ...values, formKey: KEY_2 });
    expect(await outbox(`event_invitation:${w.event.id}:${w.inv.bert.id}:resend:`)).toHaveLength(2);
  });

  it("goes to a guest without a person, in the guest's language", async () => {
    const w = await world();
    await resendInvitation(database.db, jobs, w.actor, {
      eventId: w.event.id,
      invitationId: w.inv.gust.id,
      formKey: KEY_1,
    });
    const [message] = await outbox(`event_invitation:${w.event.id}:${w.inv.gust.id}:resend:`);
    expect(message).toMatchObject({
      to_address: "gust@gemeente.example",
      language: "en",
      recipient_id: null,
    });
  });

  it("refuses someone withdrawn, opted out, of another event, or an event not published; nothing written", async () => {
    const w = await world();
    await withdrawInvitation(database.db, w.actor, {
      eventId: w.event.id,
      invitationId: w.inv.els.id,
    });
    await database.db
      .updateTable("users")
      .set({ notify_event_invitations: false })
      .where("id", "=", w.people.dirk.id)
      .execute();
    await database.db
      .insertInto("event_guest_opt_outs")
      .values({ email: "gust@gemeente.example" })
      .execute();
    const other = await world();
    const before = await snapshotCounts(database, ["email_messages"]);
    const resend = (invitationId: number, eventId = w.event.id, actor: Actor = w.actor) =>
      resendInvitation(database.db, jobs, actor, { eventId, invitationId, formKey: KEY_1 });
    expect(await resend(w.inv.els.id)).toMatchObject({ ok: false, reason: "withdrawn" });
    expect(await resend(w.inv.dirk.id)).toMatchObject({
      ok: false,
      reason: "opted_out",
      name: "Dirk Desmet",
    });
    expect(await resend(w.inv.gust.id)).toMatchObject({ ok: false, reason: "opted_out" });
    expect(await resend(other.inv.anna.id)).toMatchObject({ ok: false, reason: "no_invitation" });
    // After the event: its links answer nothing, so nothing goes out.
    expect(
      await resendInvitation(database.db, jobs, w.actor, {
        eventId: w.event.id,
        invitationId: w.inv.anna.id,
        formKey: KEY_1,
        now: new Date(w.event.ends_at.getTime() + 1),
      }),
    ).toMatchObject({ ok: false, reason: "over" });
    expect(await resend(w.inv.anna.id, w.event.id, w.outsider)).toEqual({
      ok: false,
      reason: "not_found",
    });
    await database.db
      .updateTable("events")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", other.event.id)
      .execute();
    expect(await resend(other.inv.anna.id, other.event.id, other.actor)).toMatchObject({
      ok: false,
      reason: "not_published",
    });
    expect(await snapshotCounts(database, ["email_messages"])).toEqual(before);
  });
});

describe("withdrawing an invitation", () => {
  it("withdraws a no or no answer: its links stop working and it counts for nothing", async () => {
    const w = await world();
    const outcome = await withdrawInvitation(database.db, w.actor, {
      eventId: w.event.id,
      invitationId: w.inv.dirk.id,
    });
    expect(outcome).toEqual({ ok: true, name: "Dirk Desmet" });
    const row = await database.db
      .selectFrom("event_invitations")
      .select(["revoked_at", "token_nonce"])
      .where("id", "=", w.inv.dirk.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    // A new nonce: the token in the mail no longer matches the row.
    expect(row.token_nonce).not.toBe(w.inv.dirk.token_nonce);
    expect(
      await withdrawInvitation(database.db, w.actor, {
        eventId: w.event.id,
        invitationId: w.inv.els.id,
      }),
    ).toMatchObject({ ok: true });
    const overview = (await loadEventOverview(database.db, w.actor, w.event.id))!;
    expect(overview.counts).toMatchObject({ invited: 5, no: 0, none: 0 });
    // Twice: told, nothing changes.
    expect(
      await withdrawInvitation(database.db, w.actor, {
        eventId: w.event.id,
        invitationId: w.inv.dirk.id,
      }),
    ).toMatchObject({ ok: false, reason: "withdrawn" });
  });

  it("refuses a yes, a maybe or someone waiting (the database holds it too)", async () => {
    const w = await world();
    for (const invitation of [w.inv.anna, w.inv.carla, w.inv.fien])
      expect(
        await withdrawInvitation(database.db, w.actor, {
          eventId: w.event.id,
          invitationId: invitation.id,
        }),
      ).toMatchObject({ ok: false, reason: "answered" });
    const withdrawn = await database.db
      .selectFrom("event_invitations")
      .select("id")
      .where("event_id", "=", w.event.id)
      .where("revoked_at", "is not", null)
      .execute();
    expect(withdrawn).toEqual([]);
    await expect(
      sql`update event_invitations set revoked_at = now() where id = ${w.inv.anna.id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/event_invitations_revoked/);
  });
});

describe("a message to everyone coming", () => {
  it("goes to each yes (people and guests), once per form, with the organiser's name", async () => {
    const w = await world();
    const values = {
      eventId: w.event.id,
      formKey: KEY_1,
      subject: "Parkeren",
      body: "Parkeer achter het gebouw.",
    };
    expect(await messageEventYes(database.db, jobs, w.actor, values)).toEqual({
      ok: true,
      recipients: 3,
    });
    await messageEventYes(database.db, jobs, w.actor, values);
    const sent = await outbox(`event_message:${w.event.id}:${KEY_1}:`);
    expect(sent.map((m) => m.to_address).sort()).toEqual(
      ["gust@gemeente.example", w.people.anna.email, w.people.bert.email].sort(),
    );
    expect(sent.map((m) => m.language).sort()).toEqual(["en", "fr", "nl"]);
    expect(sent[0]!.payload).toMatchObject({
      senderName: "Stafmedewerker",
      subject: "Parkeren",
      body: "Parkeer achter het gebouw.",
    });
  });

  it("is refused out of scope or for an event not published; nothing queued", async () => {
    const w = await world();
    const before = await snapshotCounts(database, ["email_messages"]);
    const values = { eventId: w.event.id, formKey: KEY_2, subject: "x", body: "y" };
    expect(await messageEventYes(database.db, jobs, w.outsider, values)).toEqual({
      ok: false,
      reason: "not_found",
    });
    const draft = await createEvent(database.db, { regionId: w.event.region_id, status: "draft" });
    expect(
      await messageEventYes(database.db, jobs, w.actor, { ...values, eventId: draft.id }),
    ).toEqual({ ok: false, reason: "not_published" });
    expect(await snapshotCounts(database, ["email_messages"])).toEqual(before);
  });
});

describe("the door list", () => {
  it("lists the yeses alphabetically, finds a name, finds walk-ins, and records arrivals", async () => {
    const w = await world();
    const list = (await loadDoorList(database.db, w.actor, w.event.id))!;
    expect(list.rows.map((r) => `${r.name} +${r.plusOnes}`)).toEqual([
      "Anna Aerts +2",
      "Bert Bogaert +0",
      "Gust Gemeente +1",
    ]);
    expect(list.totals).toEqual({ yes: 3, plusOnes: 3, arrived: 0 });
    const found = (await loadDoorList(database.db, w.actor, w.event.id, { q: "bog" }))!;
    expect(found.rows.map((r) => r.name)).toEqual(["Bert Bogaert"]);
    // A search is text, never a pattern; a NUL is dropped, not sent to PostgreSQL.
    expect((await loadDoorList(database.db, w.actor, w.event.id, { q: "%" }))!.rows).toEqual([]);
    expect(
      (await loadDoorList(database.db, w.actor, w.event.id, { q: "An\u0000na" }))!.rows.map(
        (r) => r.name,
      ),
    ).toEqual(["Anna Aerts"]);
    // A walk-in who said maybe is found with "everyone".
    const everyone = (await loadDoorList(database.db, w.actor, w.event.id, {
      q: "carla",
      everyone: true,
    }))!;
    expect(everyone.rows.map((r) => r.name)).toEqual(["Carla Claes"]);

    const arrive = (invitationId: number, arrived: boolean) =>
      recordArrival(database.db, w.actor, { eventId: w.event.id, invitationId, arrived });
    expect(await arrive(w.inv.anna.id, true)).toEqual({ ok: true, name: "Anna Aerts" });
    expect(await arrive(w.inv.carla.id, true)).toEqual({ ok: true, name: "Carla Claes" });
    expect(await arrive(w.inv.gust.id, true)).toEqual({ ok: true, name: "Gust Gemeente" });
    const first = await database.db
      .selectFrom("event_invitations")
      .select("attended_at")
      .where("id", "=", w.inv.anna.id)
      .executeTakeFirstOrThrow();
    // A double tap keeps the first time.
    await arrive(w.inv.anna.id, true);
    const second = await database.db
      .selectFrom("event_invitations")
      .select("attended_at")
      .where("id", "=", w.inv.anna.id)
      .executeTakeFirstOrThrow();
    expect(second.attended_at).toEqual(first.attended_at);
    expect(await arrive(w.inv.gust.id, false)).toEqual({ ok: true, name: "Gust Gemeente" });
    const after = (await loadDoorList(database.db, w.actor, w.event.id))!;
    expect(after.rows.filter((r) => r.attendedAt).map((r) => r.name)).toEqual(["Anna Aerts"]);
    expect((await loadEventOverview(database.db, w.actor, w.event.id))!.counts.attended).toBe(2);
  });

  it("refuses a withdrawn invitation, another event's, and anyone out of scope", async () => {
    const w = await world();
    await withdrawInvitation(database.db, w.actor, {
      eventId: w.event.id,
      invitationId: w.inv.els.id,
    });
    const other = await world();
    const arrive = (invitationId: number, actor: Actor = w.actor) =>
      recordArrival(database.db, actor, { eventId: w.event.id, invitationId, arrived: true });
    expect(await arrive(w.inv.els.id)).toEqual({ ok: false, reason: "no_invitation" });
    expect(await arrive(other.inv.anna.id)).toEqual({ ok: false, reason: "no_invitation" });
    expect(await arrive(w.inv.anna.id, w.outsider)).toEqual({ ok: false, reason: "not_found" });
    const arrived = await database.db
      .selectFrom("event_invitations")
      .select("id")
      .where("attended_at", "is not", null)
      .where("event_id", "in", [w.event.id, other.event.id])
      .execute();
    expect(arrived).toEqual([]);
  });
});
