import type { EventScope } from "~/modules/auth/access.server.ts";
import { type Actor, may } from "~/modules/auth/access.server.ts";
import type { Event, EventStatus } from "../../../db/schema.ts";
import type { Database } from "~/utils/db.server.ts";

// What the access rules need to know about an event (its scope and state), loaded once for every
// page and action that asks may() about it.

export interface EventAccess extends EventScope {
  id: number;
  status: EventStatus;
}

/** The event's access facts, or null when there is no such event. */
export async function loadEventAccess(db: Database, eventId: number): Promise<EventAccess | null> {
  const event = await db
    .selectFrom("events")
    .select(["id", "region_id", "digibank_id", "status"])
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  return {
    id: event.id,
    regionId: event.region_id,
    digibankId: event.digibank_id,
    status: event.status,
  };
}

/**
 * The event when this person may plan it, else null: an event outside the actor's scope answers
 * like one that does not exist (404), so its existence does not leak.
 */
export async function loadPlannedEvent(
  db: Database,
  actor: Actor,
  eventId: number,
): Promise<Event | null> {
  const event = await db
    .selectFrom("events")
    .selectAll()
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  const scope = { regionId: event.region_id, digibankId: event.digibank_id };
  return may(actor, { action: "plan_events", scope }) ? event : null;
}
