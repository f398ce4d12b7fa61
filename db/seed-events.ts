import { type Transaction, sql } from "kysely";
import type { DB, EventResponse } from "./schema.ts";
import { createEvent } from "../tests/factories/index.ts";
import { audienceUserIds } from "../app/modules/events/audience.server.ts";
import { loadEventSnapshot } from "../app/modules/events/calendar.server.ts";
import { eventInvitationLinks, newTokenNonce } from "../app/modules/events/tokens.server.ts";
import { addDays, localInstant, localToday } from "../app/modules/shifts/recurrence.ts";
import type { Database } from "../app/utils/db.server.ts";

// The demo world's gatherings. In each region the Dag van de Digibank on the first Friday of next
// June: published, invitations delivered a week ago, answers mixed (some still to come, the demo
// volunteer's among them). And a brunch of the region's first digibank about two months ago, with
// its answers and who came. Invitations are rows as a send run leaves them, with their mail in the
// outbox as 'sent'; no job is queued (the seed runs before any worker). All dates relative to today.

const DAY = 24 * 60 * 60 * 1000;

interface EventWorld {
  today: Date;
  regionId: number;
  /** The digibank that held the brunch. */
  digibankId: number;
  /** Who organises: created_by and the contact. */
  organiser: { id: number; name: string; email: string };
  /** The brunch's organiser (a coordinator of its digibank). */
  brunchOrganiser: { id: number; name: string; email: string };
  address: string;
  brunchAddress: string;
  /** Stays without an answer (the demo volunteer). */
  unanswered?: number;
  /** Said yes and came (the demo volunteer, at the brunch: it shows in their calendar). */
  came?: number;
}

const LUNCH = ["Broodjes met vlees of vis", "Vegetarisch", "Veganistisch"];
const HELP = [
  "Ja, ik kom met de trein en zoek een lift vanaf het station.",
  "Ik gebruik een rolstoel: graag een plaats vooraan.",
  "Nee, ik rij met een collega mee.",
];

/** The first Friday of June of next year, as a local date. */
export function dagVanDeDigibankDate(today: Date): string {
  const year = Number(localToday(today).slice(0, 4)) + 1;
  const weekday = new Date(Date.UTC(year, 5, 1)).getUTCDay();
  const day = 1 + ((5 - weekday + 7) % 7);
  return `${year}-06-0${day}`;
}

export async function seedEvents(db: Transaction<DB>, world: EventWorld) {
  const { today } = world;
  const date = dagVanDeDigibankDate(today);
  const startsAt = localInstant(date, "09:30");
  const dag = await createEvent(db, {
    regionId: world.regionId,
    title: "Dag van de Digibank",
    startsAt,
    hours: 6.5,
    answerDeadline: localInstant(addDays(date, -14), "23:59"),
    capacity: 150,
    maxPlusOnes: 1,
    address: world.address,
    audience: { roles: ["volunteer", "coordinator"] },
    createdBy: world.organiser.id,
    questions: [
      { kind: "choice", label: "Wat eet je 's middags?", choices: LUNCH, required: true },
      { kind: "text", label: "Heb je hulp nodig om er te geraken?" },
    ],
  });
  await db
    .updateTable("events")
    .set({
      description:
        "Een dag voor alle digihelpers van de regio: ervaringen delen, workshops over wat nieuw is " +
        "(itsme, MyMinfin, phishing) en samen lunchen. Breng gerust iemand mee die wil helpen.",
      contact_name: world.organiser.name,
      contact_email: world.organiser.email,
      contact_phone: null,
      invitations_sent_at: new Date(today.getTime() - 7 * DAY),
    })
    .where("id", "=", dag.id)
    .execute();
  const [lunch, help] = dag.questions.map((q) => String(q.id));
  // Answers by turn: four yes, two no, one maybe, three not yet; some bring someone along.
  const dagAnswer = (index: number) => {
    const turn = index % 10;
    const response: EventResponse =
      turn < 4 ? "yes" : turn < 6 ? "no" : turn === 6 ? "maybe" : "none";
    const answers: Record<string, string> = {};
    if (response === "yes" || response === "maybe") {
      answers[lunch!] = LUNCH[index % LUNCH.length]!;
      if (index % 4 === 1) answers[help!] = HELP[index % HELP.length]!;
    }
    return { response, plusOnes: response === "yes" && index % 3 === 0 ? 1 : 0, answers };
  };
  await invite(db, dag.id, world, new Date(today.getTime() - 7 * DAY), dagAnswer);

  // The brunch: over, answered, and who came recorded at the door.
  const brunchDay = addDays(localToday(today), -60);
  const brunch = await createEvent(db, {
    regionId: world.regionId,
    digibankId: world.digibankId,
    title: "Bedankbrunch voor de digihelpers",
    startsAt: localInstant(brunchDay, "10:00"),
    hours: 2.5,
    answerDeadline: localInstant(addDays(brunchDay, -7), "23:59"),
    capacity: 60,
    address: world.brunchAddress,
    audience: { roles: ["volunteer", "coordinator"] },
    createdBy: world.brunchOrganiser.id,
    questions: [
      {
        kind: "choice",
        label: "Dieetwensen",
        choices: ["Geen", "Vegetarisch", "Glutenvrij"],
      },
    ],
  });
  await db
    .updateTable("events")
    .set({
      description: "Een brunch om jullie te bedanken voor een jaar helpen aan de digipunten.",
      contact_name: world.brunchOrganiser.name,
      contact_email: world.brunchOrganiser.email,
      contact_phone: null,
      invitations_sent_at: localInstant(addDays(brunchDay, -30), "10:00"),
    })
    .where("id", "=", brunch.id)
    .execute();
  const diet = String(brunch.questions[0]!.id);
  const brunchAnswer = (index: number) => {
    const turn = index % 6;
    const response: EventResponse = turn < 4 ? "yes" : turn === 4 ? "no" : "maybe";
    return {
      response,
      plusOnes: 0,
      answers:
        response === "no"
          ? {}
          : { [diet]: ["Geen", "Geen", "Vegetarisch", "Glutenvrij"][index % 4]! },
      // Most who said yes came, one in eight did not; one who said maybe came anyway.
      attended:
        (response === "yes" && index % 8 !== 3) || (response === "maybe" && index % 12 === 5),
    };
  };
  await invite(
    db,
    brunch.id,
    { ...world, unanswered: undefined, came: world.unanswered },
    localInstant(addDays(brunchDay, -30), "10:00"),
    brunchAnswer,
    localInstant(brunchDay, "10:05"),
  );
  return { dag, brunch };
}

/**
 * Invitations for the event's audience (as the rules resolve them), answered as `answer` says,
 * each with its invitation mail in the outbox as sent, linked as the send run links it.
 */
async function invite(
  db: Transaction<DB>,
  eventId: number,
  world: EventWorld,
  sentAt: Date,
  answer: (index: number) => {
    response: EventResponse;
    plusOnes: number;
    answers: Record<string, string>;
    attended?: boolean;
  },
  arrivedAt?: Date,
) {
  const event = await db
    .selectFrom("events")
    .select(["id", "region_id", "digibank_id", "audience"])
    .where("id", "=", eventId)
    .executeTakeFirstOrThrow();
  const people = await db
    .selectFrom("users")
    .select(["id", "name", "email", "language"])
    .where("id", "in", audienceUserIds(db as unknown as Database, event))
    .orderBy("id")
    .execute();
  if (people.length === 0) return;
  const answered = (index: number, userId: number) =>
    userId === world.unanswered
      ? { response: "none" as const, plusOnes: 0, answers: {}, attended: false }
      : userId === world.came
        ? { ...answer(index), response: "yes" as const, attended: true }
        : answer(index);
  const invitations = await db
    .insertInto("event_invitations")
    .values(
      people.map((p, index) => {
        const a = answered(index, p.id);
        const answeredAt = new Date(sentAt.getTime() + (1 + (index % 5)) * DAY);
        return {
          event_id: eventId,
          user_id: p.id,
          token_nonce: newTokenNonce(),
          response: a.response,
          answered_at: a.response === "none" ? null : answeredAt,
          plus_ones: a.plusOnes,
          answers: sql<Record<string, string>>`${JSON.stringify(a.answers)}::jsonb`,
          attended_at: a.attended && arrivedAt ? arrivedAt : null,
          created_at: sentAt,
        };
      }),
    )
    .returning(["id", "user_id", "token_nonce"])
    .execute();
  const snapshot = (await loadEventSnapshot(db, eventId))!;
  // Not appUrlFromEnv(): that checks the whole environment, and `db:seed` against a production
  // database runs without the mail settings the app needs. These rows are stored as sent and never
  // rendered again (a resend makes a new message), so the links need only be well formed.
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const byId = new Map(people.map((p) => [p.id, p]));
  const messages = [];
  for (const invitation of invitations) {
    const person = byId.get(invitation.user_id!)!;
    const links = await eventInvitationLinks(db as unknown as Database, appUrl, invitation);
    messages.push({
      idempotency_key: `event_invitation:${eventId}:${invitation.id}`,
      template: "event_invitation",
      recipient_id: person.id,
      to_address: person.email,
      language: person.language,
      payload: sql<
        Record<string, unknown>
      >`${JSON.stringify({ name: person.name, event: snapshot, links })}::jsonb`,
      status: "sent" as const,
      attempts: 1,
      created_at: sentAt,
      sent_at: sentAt,
    });
  }
  await db.insertInto("email_messages").values(messages).execute();
  await sql`update event_invitations i set email_message_id = m.id
    from email_messages m
    where i.event_id = ${eventId}
      and m.idempotency_key = 'event_invitation:' || i.event_id || ':' || i.id`.execute(db);
}
