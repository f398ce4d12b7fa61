import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import { type HomeCard, listHomeCards } from "~/modules/home/cards.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createEvent,
  createEventInvitation,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";

// The home page's card providers per role: what each reader is offered as a next step.

let database: TestDatabase;
let w: Awaited<ReturnType<typeof makeWorld>>;

// A Monday morning in Brussels.
const NOW = new Date("2027-03-01T08:00:00Z");
const at = (iso: string) => new Date(iso);

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db, { name: "Regio Een" });
  const other = await createRegion(db, { name: "Regio Twee" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank A" });
  const far = await createDigibank(db, { regionId: other.id, name: "Digibank Ver" });
  const town = await createMunicipality(db, { regionId: region.id, name: "Bree" });
  const farTown = await createMunicipality(db, { regionId: other.id, name: "Damme" });
  const point = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Bree",
  });
  const farPoint = await createDigipunt(db, {
    digibankId: far.id,
    municipalityId: farTown.id,
    name: "Digipunt Damme",
  });
  const person = async (name: string, role: Parameters<typeof assignRole>[1]) => {
    const user = await createUser(db, { name });
    await assignRole(db, { ...role, userId: user.id });
    return user.id;
  };
  const anna = await person("Anna Peeters", { userId: 0, role: "volunteer", digibankId: bank.id });
  const bert = await person("Bert Claes", { userId: 0, role: "volunteer", digibankId: bank.id });
  const cora = await person("Cora Maes", { userId: 0, role: "coordinator", digibankId: bank.id });
  const staf = await person("Staf Smets", {
    userId: 0,
    role: "regional_staff",
    regionId: region.id,
  });

  // Tuesday: Anna is on it. Wednesday: room for two. Thursday: Bert is on it and asked to be
  // released. The week after next: too far for the volunteer's cards. Far away: not their region.
  const mine = await createShift(db, {
    digipuntId: point.id,
    startsAt: at("2027-03-02T08:00:00Z"),
    endsAt: at("2027-03-02T11:00:00Z"),
    capacity: 2,
  });
  await createClaim(db, { shiftId: mine.id, userId: anna });
  const open = await createShift(db, {
    digipuntId: point.id,
    startsAt: at("2027-03-03T08:00:00Z"),
    endsAt: at("2027-03-03T11:00:00Z"),
    capacity: 2,
  });
  const asked = await createShift(db, {
    digipuntId: point.id,
    startsAt: at("2027-03-04T08:00:00Z"),
    capacity: 1,
  });
  await createClaim(db, { shiftId: asked.id, userId: bert });
  await db
    .updateTable("shift_claims")
    .set({ release_requested_at: NOW })
    .where("shift_id", "=", asked.id)
    .execute();
  await createShift(db, { digipuntId: point.id, startsAt: at("2027-03-20T08:00:00Z") });
  await createShift(db, { digipuntId: farPoint.id, startsAt: at("2027-03-03T08:00:00Z") });
  await db
    .insertInto("join_requests")
    .values({
      digibank_id: bank.id,
      name: "Nieuwe Helper",
      email: "nieuw@example.test",
      language: "nl",
    })
    .execute();
  return { anna, bert, cora, staf, shifts: { mine, open, asked }, region: region.id };
}

beforeAll(async () => {
  database = await createTestDatabase();
  w = await makeWorld();
});
afterAll(async () => {
  await database?.destroy();
});

async function cardsOf(userId: number | null) {
  const actor: Actor | null = userId === null ? null : await loadActor(database.db, userId);
  return listHomeCards(database.db, actor, { language: "nl", now: NOW });
}

const card = <K extends HomeCard["kind"]>(cards: HomeCard[], kind: K) =>
  cards.find((c): c is Extract<HomeCard, { kind: K }> => c.kind === kind)!;

describe("the home page's cards", () => {
  it("offers a visitor only the way in, with the network's real size", async () => {
    const cards = await cardsOf(null);
    expect(cards).toEqual([
      { kind: "welcome", totals: { regions: 2, digibanks: 2, digipunten: 2, volunteers: 2 } },
    ]);
  });

  it("shows a volunteer their next shift first, then the shifts of their digibank with room", async () => {
    const cards = await cardsOf(w.anna);
    expect(cards.map((c) => c.kind)).toEqual(["next_shifts", "open_shifts"]);
    const next = card(cards, "next_shifts").shifts;
    expect(next).toEqual([
      {
        id: w.shifts.mine.id,
        href: `/shifts/${w.shifts.mine.id}`,
        digipunt: "Bibliotheek Bree",
        when: "di 2 mrt, 09:00–12:00",
        note: { icon: "✓", text: "Jij staat erop" },
      },
    ]);
    // Room to claim, in her own digibank only, within two weeks: not the shift she is on, not
    // the full one, not the one far away.
    expect(card(cards, "open_shifts").shifts.map((s) => [s.id, s.note])).toEqual([
      [w.shifts.open.id, { icon: "○", text: "Nog 2 plaatsen" }],
    ]);
  });

  it("puts finding a shift first for a volunteer who has none yet", async () => {
    const fresh = await createUser(database.db, { name: "Eva Janssens" });
    const bank = await database.db
      .selectFrom("digibanks")
      .select("id")
      .where("name", "=", "Digibank A")
      .executeTakeFirstOrThrow();
    await assignRole(database.db, { userId: fresh.id, role: "volunteer", digibankId: bank.id });
    const cards = await cardsOf(fresh.id);
    expect(cards.map((c) => c.kind)).toEqual(["open_shifts", "next_shifts"]);
    expect(card(cards, "next_shifts").shifts).toEqual([]);
  });

  it("shows a coordinator this week's shifts that lack helpers, release requests and join requests", async () => {
    const cards = await cardsOf(w.cora);
    expect(cards.map((c) => c.kind)).toEqual([
      "understaffed",
      "release_requests",
      "join_requests",
      "report_figures",
    ]);
    // March's shifts: 2 of 7 places (1 + 0 + 1 + 0 of 2 + 2 + 1 + 2); no reports yet.
    expect(card(cards, "report_figures").text).toBe(
      "Deze maand: 0 mensen geholpen, 29% van de plaatsen bezet.",
    );
    expect(card(cards, "understaffed").shifts.map((s) => [s.id, s.href, s.note])).toEqual([
      [w.shifts.mine.id, `/planning/shifts/${w.shifts.mine.id}`, "1 van 2 plaatsen bezet"],
      [w.shifts.open.id, `/planning/shifts/${w.shifts.open.id}`, "0 van 2 plaatsen bezet"],
    ]);
    expect(card(cards, "release_requests").shifts.map((s) => s.id)).toEqual([w.shifts.asked.id]);
    expect(card(cards, "join_requests")).toEqual({
      kind: "join_requests",
      count: 1,
      digibanks: ["Digibank A"],
    });
  });

  it("shows regional staff their own region's figures and the coming weeks' fill rate", async () => {
    const cards = await cardsOf(w.staf);
    expect(cards.map((c) => c.kind)).toEqual(["region_figures", "report_figures"]);
    const [region] = card(cards, "region_figures").regions;
    expect(card(cards, "region_figures").regions).toHaveLength(1);
    expect(region).toMatchObject({
      id: w.region,
      name: "Regio Een",
      digibanks: 1,
      digipunten: 1,
      // Anna, Bert and Eva (from the test before); the far region's nobody is not counted.
      volunteers: 3,
    });
    // Week 9 holds the three shifts of this week (2 of 5 places), week 11 the later one.
    expect(region!.weeks).toEqual([
      { monday: "2027-03-01", label: "Week 9, 1–7 mrt", rate: "40%" },
      { monday: "2027-03-15", label: "Week 11, 15–21 mrt", rate: "0%" },
    ]);
  });
});

describe("the invitations card", () => {
  it("lists invitations waiting for an answer with their deadline, and the next gathering said yes to", async () => {
    const db = database.db;
    const region = await createRegion(db, { name: "Regio Drie" });
    const bank = await createDigibank(db, { regionId: region.id, name: "Digibank C" });
    const user = await createUser(db, { name: "Dirk Wouters" });
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    const actor = (await loadActor(db, user.id))!;
    const event = (title: string, startsAt: string, deadline: string, status?: "cancelled") =>
      createEvent(db, {
        regionId: region.id,
        title,
        startsAt: at(startsAt),
        answerDeadline: at(deadline),
        status,
      });
    const brunch = await event("Brunch", "2027-03-20T09:00:00Z", "2027-03-10T22:00:00Z");
    const dag = await event("Dag van de Digibank", "2027-06-05T08:00:00Z", "2027-05-20T21:00:00Z");
    const closed = await event("Te laat", "2027-03-05T09:00:00Z", "2027-02-27T22:00:00Z");
    const off = await event(
      "Geannuleerd",
      "2027-03-12T09:00:00Z",
      "2027-03-08T22:00:00Z",
      "cancelled",
    );
    const quiz = await event("Quiz", "2027-03-15T18:00:00Z", "2027-03-09T22:00:00Z");
    for (const e of [brunch, dag, closed, off]) {
      await createEventInvitation(db, { eventId: e.id, userId: user.id });
    }
    await createEventInvitation(db, { eventId: quiz.id, userId: user.id, response: "yes" });

    const cards = await listHomeCards(db, actor, { language: "nl", now: NOW });
    const card = cards.find((c) => c.kind === "event_invitations");
    expect(card).toEqual({
      kind: "event_invitations",
      toAnswerCount: 2,
      toAnswer: [
        {
          eventId: brunch.id,
          href: `/events/${brunch.id}`,
          text: expect.stringMatching(/^Brunch: antwoord tot 10 maart 2027/),
        },
        {
          eventId: dag.id,
          href: `/events/${dag.id}`,
          text: expect.stringMatching(/^Dag van de Digibank: antwoord tot 20 mei 2027/),
        },
      ],
      next: {
        eventId: quiz.id,
        href: `/events/${quiz.id}`,
        text: expect.stringMatching(/^Volgende bijeenkomst: Quiz, /),
      },
    });
    // Someone not invited gets no such card.
    const other = await createUser(db);
    await assignRole(db, { userId: other.id, role: "volunteer", digibankId: bank.id });
    const theirs = await listHomeCards(db, (await loadActor(db, other.id))!, {
      language: "nl",
      now: NOW,
    });
    expect(theirs.map((c) => c.kind)).not.toContain("event_invitations");
  });

  it("shows organisers their coming gatherings with the answers so far and failed mail", async () => {
    const db = database.db;
    const region = await createRegion(db, { name: "Regio Vier" });
    const elsewhere = await createRegion(db, { name: "Regio Vijf" });
    const bank = await createDigibank(db, { regionId: region.id, name: "Digibank D" });
    const staff = await createUser(db, { name: "Sara Staf" });
    await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
    const otherStaff = await createUser(db);
    await assignRole(db, { userId: otherStaff.id, role: "regional_staff", regionId: elsewhere.id });
    const volunteer = await createUser(db);
    await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bank.id });

    const dag = await createEvent(db, {
      regionId: region.id,
      title: "Dag van de Digibank",
      startsAt: at("2027-03-26T08:30:00Z"),
    });
    // Over, or a draft: not on the card; months ahead: after the nearer one.
    await createEvent(db, {
      regionId: region.id,
      title: "Voorbij",
      startsAt: at("2027-02-01T09:00:00Z"),
    });
    await createEvent(db, {
      regionId: region.id,
      title: "Ver",
      startsAt: at("2027-06-01T09:00:00Z"),
    });
    await createEvent(db, {
      regionId: region.id,
      title: "Ontwerp",
      status: "draft",
      startsAt: at("2027-03-20T09:00:00Z"),
    });
    const answers = ["yes", "yes", "maybe", "none", "no"] as const;
    for (const response of answers) {
      const person = await createUser(db);
      const invitation = await createEventInvitation(db, {
        eventId: dag.id,
        userId: person.id,
        response,
      });
      if (response === "none") {
        const mail = await db
          .insertInto("email_messages")
          .values({
            idempotency_key: `home-card-failed-${invitation.id}`,
            template: "event_invitation",
            to_address: person.email,
            language: "nl",
            status: "failed",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db
          .updateTable("event_invitations")
          .set({ email_message_id: mail.id })
          .where("id", "=", invitation.id)
          .execute();
      }
    }

    const cards = await listHomeCards(db, (await loadActor(db, staff.id))!, {
      language: "nl",
      now: NOW,
    });
    expect(cards.find((c) => c.kind === "events_organised")).toEqual({
      kind: "events_organised",
      events: [
        {
          eventId: dag.id,
          href: `/events/manage/${dag.id}`,
          title: expect.stringMatching(/^Dag van de Digibank, /),
          answers:
            "2 ja, 1 misschien, 1 nog zonder antwoord. 1 uitnodiging kon niet bezorgd worden.",
        },
        {
          eventId: expect.any(Number),
          href: expect.stringMatching(/^\/events\/manage\/\d+$/),
          title: expect.stringMatching(/^Ver, /),
          answers: "0 ja, 0 misschien, 0 nog zonder antwoord.",
        },
      ],
    });
    for (const person of [otherStaff, volunteer]) {
      const theirs = await listHomeCards(db, (await loadActor(db, person.id))!, {
        language: "nl",
        now: NOW,
      });
      expect(theirs.map((c) => c.kind)).not.toContain("events_organised");
    }
  });
});
