import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventInvitationToken } from "~/modules/events/tokens.server.ts";
import {
  createEvent,
  createEventGuest,
  createEventInvitation,
  createRegion,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { type RunningServer, startServer } from "../support/server.ts";

// 100 people invited to a 12-place gathering press "yes" on their answer page at once, through
// the real server on the real PostgreSQL server, without signing in: exactly 12 get a place, 88
// wait in line numbered in the order the list keeps, and nobody gets a 500. The control run drops
// the capacity CHECK and shows the same requests overbook. Then 20 with a place say no at once:
// the first 20 in line move up, in their order, each emailed once.

const PEOPLE = 100;
const PLACES = 12;

describe.skipIf(!process.env.TEST_DATABASE_URL)("answering an invitation all at once", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let regionId: number;
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    regionId = (await createRegion(database.db)).id;
    server = await startServer({ DATABASE_URL: database.url!, DATABASE_POOL_MAX: "20" });
    // The CSRF token is tied to its cookie: one pair serves every anonymous visitor here.
    const page = new HttpClient(server.url);
    const token = await page.csrfToken("/");
    csrf = { cookie: page.cookieHeader(), token };
  });

  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  async function invited(eventId: number, count: number) {
    const invitations = [];
    for (let i = 0; i < count; i++) {
      const guest = await createEventGuest(database.db, { eventId });
      const invitation = await createEventInvitation(database.db, { eventId, guestId: guest.id });
      invitations.push({
        ...invitation,
        token: await eventInvitationToken(database.db, invitation),
      });
    }
    return invitations;
  }

  function answer(token: string, response: "yes" | "no") {
    return fetch(`${server.url}/events/answer/${token}`, {
      method: "POST",
      body: new URLSearchParams({ response, csrf: csrf.token }),
      headers: { Cookie: csrf.cookie, Origin: server.url },
      redirect: "manual",
    }).then((r) => ({ status: r.status, outcome: outcomeOf(r) }));
  }

  async function rows(eventId: number) {
    return database.db
      .selectFrom("event_invitations")
      .select(["id", "response", "waiting_since"])
      .where("event_id", "=", eventId)
      .orderBy("waiting_since")
      .orderBy("id")
      .execute();
  }

  it("leaves exactly 12 yes and 88 waiting in order, never a 500", async () => {
    const event = await createEvent(database.db, { regionId, capacity: PLACES });
    const invitations = await invited(event.id, PEOPLE);
    const answers = await Promise.all(invitations.map((i) => answer(i.token, "yes")));
    expect(answers.map((a) => a.status).filter((s) => s !== 302)).toEqual([]);
    const messages = answers.map((a) => a.outcome?.message);
    expect(messages.filter((m) => m === "events:answer.done.yes")).toHaveLength(PLACES);
    expect(messages.filter((m) => m === "events:answer.done.waiting")).toHaveLength(
      PEOPLE - PLACES,
    );
    const all = await rows(event.id);
    expect(all.filter((r) => r.response === "yes")).toHaveLength(PLACES);
    const waiting = all.filter((r) => r.response === "waiting");
    expect(waiting).toHaveLength(PEOPLE - PLACES);
    // Each was told the place in line the list keeps: 1 to 88 in (waiting_since, id) order.
    waiting.forEach((row, index) => {
      const told = answers[invitations.findIndex((i) => i.id === row.id)]!;
      expect(told.outcome?.values).toEqual({ position: index + 1 });
    });
    const event2 = await database.db
      .selectFrom("events")
      .select("taken_places")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(event2.taken_places).toBe(PLACES);
  });

  it("control: with the capacity CHECK dropped, the same requests overbook", async () => {
    const event = await createEvent(database.db, { regionId, capacity: PLACES });
    const invitations = await invited(event.id, PEOPLE);
    await sql`alter table events drop constraint events_capacity`.execute(database.db);
    try {
      await Promise.all(invitations.map((i) => answer(i.token, "yes")));
      const all = await rows(event.id);
      expect(all.filter((r) => r.response === "yes").length).toBeGreaterThan(PLACES);
    } finally {
      await database.db.deleteFrom("event_invitations").where("event_id", "=", event.id).execute();
      await sql`alter table events add constraint events_capacity
        check (taken_places <= capacity)`.execute(database.db);
    }
  });

  it("20 no's at once move the first 20 in line up, in order, each emailed once", async () => {
    const event = await createEvent(database.db, { regionId, capacity: 20 });
    const holders = await invited(event.id, 20);
    for (const holder of holders) {
      await database.db
        .updateTable("event_invitations")
        .set({ response: "yes", answered_at: new Date() })
        .where("id", "=", holder.id)
        .execute();
    }
    const line = await invited(event.id, 30);
    for (const [index, invitation] of line.entries()) {
      await database.db
        .updateTable("event_invitations")
        .set({
          response: "waiting",
          answered_at: new Date(),
          waiting_since: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
        })
        .where("id", "=", invitation.id)
        .execute();
    }
    const answers = await Promise.all(holders.map((h) => answer(h.token, "no")));
    expect(answers.map((a) => a.status).filter((s) => s !== 302)).toEqual([]);
    expect(answers.map((a) => a.outcome?.message)).toEqual(
      holders.map(() => "events:answer.done.no"),
    );
    const all = await database.db
      .selectFrom("event_invitations")
      .select(["id", "response"])
      .where("event_id", "=", event.id)
      .orderBy("id")
      .execute();
    const yes = all.filter((r) => r.response === "yes").map((r) => r.id);
    expect(yes).toEqual(line.slice(0, 20).map((i) => i.id));
    expect(all.filter((r) => r.response === "waiting").map((r) => r.id)).toEqual(
      line.slice(20).map((i) => i.id),
    );
    const mail = await database.db
      .selectFrom("email_messages")
      .select("idempotency_key as key")
      .where("template", "=", "event_promoted")
      .where(
        "idempotency_key",
        "in",
        line.map((i, index) => `event_promoted:${i.id}:${Date.UTC(2026, 0, 1, 0, 0, index)}`),
      )
      .execute();
    expect(mail.map((m) => m.key).sort()).toEqual(
      line
        .slice(0, 20)
        .map((i, index) => `event_promoted:${i.id}:${Date.UTC(2026, 0, 1, 0, 0, index)}`)
        .sort(),
    );
  });
});
