import { sql } from "kysely";
import type { EventResponse } from "../../../db/schema.ts";
import type { Actor } from "~/modules/auth/access.server.ts";
import { type Database, escapeLike } from "~/utils/db.server.ts";
import { loadPlannedEvent } from "./event.server.ts";
import type { OrganiseOutcome } from "./overview.server.ts";

// The door list of an event's day: everyone who said yes, alphabetically, to print or to tick off
// on a phone as they arrive. Someone who said maybe or no (or never answered) and comes anyway is
// found with "everyone invited" and checked in the same way; withdrawn invitations never show.

export interface DoorRow {
  id: number;
  name: string;
  guest: boolean;
  response: EventResponse;
  plusOnes: number;
  attendedAt: Date | null;
}

/** The longest search the door list takes: a name, not an essay. */
export const DOOR_QUERY_MAX = 100;

/** The door list, or null when the event is not in the actor's scope. */
export async function loadDoorList(
  db: Database,
  actor: Actor,
  eventId: number,
  options: { q?: string | null; everyone?: boolean } = {},
) {
  const event = await loadPlannedEvent(db, actor, eventId);
  if (!event) return null;
  // Control characters (a NUL) cannot reach PostgreSQL; what is left is searched as typed.
  const q = (options.q ?? "")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, DOOR_QUERY_MAX);
  let query = db
    .selectFrom("event_invitations as i")
    .leftJoin("users as u", "u.id", "i.user_id")
    .leftJoin("event_guests as g", "g.id", "i.guest_id")
    .select((eb) => [
      "i.id",
      "i.guest_id",
      "i.response",
      "i.plus_ones",
      "i.attended_at",
      eb.fn.coalesce("u.name", "g.name").as("name"),
    ])
    .where("i.event_id", "=", eventId)
    .where("i.revoked_at", "is", null);
  if (!options.everyone) query = query.where("i.response", "=", "yes");
  if (q)
    query = query.where(sql<boolean>`coalesce(u.name, g.name) ilike ${"%" + escapeLike(q) + "%"}`);
  const rows = await query
    .orderBy(sql`lower(coalesce(u.name, g.name))`)
    .orderBy("i.id")
    .execute();
  const totals = await db
    .selectFrom("event_invitations")
    .select((eb) => [
      eb.fn.countAll<number>().as("yes"),
      sql<number>`coalesce(sum(plus_ones), 0)`.as("plusOnes"),
      sql<number>`count(attended_at)`.as("arrived"),
    ])
    .where("event_id", "=", eventId)
    .where("response", "=", "yes")
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    event,
    q,
    everyone: Boolean(options.everyone),
    totals: {
      yes: Number(totals.yes),
      plusOnes: Number(totals.plusOnes),
      arrived: Number(totals.arrived),
    },
    rows: rows.map((r): DoorRow => ({
      id: r.id,
      name: r.name ?? "",
      guest: r.guest_id !== null,
      response: r.response,
      plusOnes: r.plus_ones,
      attendedAt: r.attended_at,
    })),
  };
}

/**
 * Records that someone arrived, or takes it back. The state wanted is sent, not a toggle, so a
 * double tap changes nothing. A cancelled event takes no arrivals.
 */
export async function recordArrival(
  db: Database,
  actor: Actor,
  values: { eventId: number; invitationId: number; arrived: boolean; now?: Date },
): Promise<OrganiseOutcome<{ name: string }>> {
  return db.transaction().execute(async (trx) => {
    const event = await loadPlannedEvent(trx as unknown as Database, actor, values.eventId);
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status !== "published") return { ok: false, reason: "not_published" };
    const row = await trx
      .updateTable("event_invitations as i")
      .set({
        attended_at: values.arrived
          ? sql<Date>`coalesce(i.attended_at, ${values.now ?? new Date()})`
          : null,
        updated_at: new Date(),
      })
      .where("i.event_id", "=", values.eventId)
      .where("i.id", "=", values.invitationId)
      .where("i.revoked_at", "is", null)
      .returning(["i.user_id", "i.guest_id"])
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "no_invitation" };
    const person = row.user_id
      ? await trx
          .selectFrom("users")
          .select("name")
          .where("id", "=", row.user_id)
          .executeTakeFirst()
      : await trx
          .selectFrom("event_guests")
          .select("name")
          .where("id", "=", row.guest_id!)
          .executeTakeFirst();
    return { ok: true, name: person?.name ?? "" };
  });
}
