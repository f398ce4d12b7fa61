import { type Transaction, sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";
import { promoteEventWaitingList } from "./answering.server.ts";

// The events capability's part of the personal data: the person's invitations to gatherings and
// their answers (with the answers to the event's questions and whether they came), the events
// they organised, and anything kept under their address as a guest (a guest row, an unsubscribe).

export const eventsPersonalData: PersonalDataPart = {
  name: "events",
  tables: [
    // An invitation belongs to the person: it goes, and its place (a yes) goes to the waiting list.
    { table: "event_invitations", userColumns: { user_id: "erased" } },
    {
      table: "events",
      userColumns: {
        created_by: {
          kept: "points to the organiser's row, which erasure anonymises; the event keeps who made it",
        },
        contact_email: {
          notPersonal:
            "the contact the organiser publishes with the event (often a shared mailbox), not a person's account",
        },
      },
    },
    // Looked up by the person's address: the same person invited as a guest before they joined.
    { table: "event_guests", userColumns: { email: "erased" } },
    { table: "event_guest_opt_outs", userColumns: { email: "erased" } },
  ],

  async download(db, subject) {
    const invitations = await db
      .selectFrom("event_invitations as i")
      .innerJoin("events as e", "e.id", "i.event_id")
      .select([
        "e.title as event",
        "e.starts_at",
        "i.response",
        "i.plus_ones",
        "i.answers",
        "i.answered_at",
        "i.attended_at",
      ])
      .where("i.user_id", "=", subject.id)
      .orderBy("e.starts_at")
      .orderBy("i.id")
      .execute();

    const asGuest = await db
      .selectFrom("event_guests as g")
      .innerJoin("events as e", "e.id", "g.event_id")
      .leftJoin("event_invitations as i", "i.guest_id", "g.id")
      .select([
        "e.title as event",
        "e.starts_at",
        "g.email",
        "g.name",
        "i.response",
        "i.plus_ones",
        "i.answers",
        "i.answered_at",
        "i.attended_at",
      ])
      .where(sql`lower(g.email)`, "=", subject.email.toLowerCase())
      .orderBy("e.starts_at")
      .execute();

    const plannedEvents = await db
      .selectFrom("events")
      .select(["title as event", "starts_at", "status", "created_at"])
      .where("created_by", "=", subject.id)
      .orderBy("created_at")
      .execute();

    return { eventInvitations: [...invitations, ...asGuest], plannedEvents };
  },

  async erase(trx, subject, { jobs = null } = {}) {
    const t = trx as Transaction<DB>;
    // Places held (a yes, as the person or as a guest under their address) go to the waiting
    // list: each event row is locked first, as an answer does, so promotions keep the line's order.
    const held = await t
      .selectFrom("event_invitations as i")
      .leftJoin("event_guests as g", "g.id", "i.guest_id")
      .select("i.event_id as eventId")
      .distinct()
      .where("i.response", "=", "yes")
      .where((eb) =>
        eb.or([
          eb("i.user_id", "=", subject.id),
          eb(sql`lower(g.email)`, "=", subject.email.toLowerCase()),
        ]),
      )
      .orderBy("i.event_id")
      .execute();
    for (const { eventId } of held) {
      await t.selectFrom("events").select("id").where("id", "=", eventId).forUpdate().execute();
    }
    await trx.deleteFrom("event_invitations").where("user_id", "=", subject.id).execute();
    await trx
      .deleteFrom("event_guests")
      .where(sql`lower(email)`, "=", subject.email.toLowerCase())
      .execute();
    for (const { eventId } of held) await promoteEventWaitingList(t, jobs, eventId);
    await trx
      .deleteFrom("event_guest_opt_outs")
      .where("email", "=", subject.email.toLowerCase())
      .execute();
  },
};
