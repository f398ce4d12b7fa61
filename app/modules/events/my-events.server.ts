import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";

// The gatherings a person said yes to: for their calendar at /shifts (and its list) and their
// calendar feed. Only a yes counts: waiting or maybe is not a plan.

type Db = Kysely<DB> | Transaction<DB>;

export interface MyEvent {
  eventId: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The address, or null when only online. */
  place: string | null;
}

/** The person's published gatherings they said yes to, overlapping [from, to). */
export async function listMyEvents(
  db: Db,
  userId: number,
  { from, to, limit = 200 }: { from: Date; to?: Date; limit?: number },
): Promise<MyEvent[]> {
  const rows = await db
    .selectFrom("event_invitations as i")
    .innerJoin("events as e", "e.id", "i.event_id")
    .select(["e.id as eventId", "e.title", "e.starts_at", "e.ends_at", "e.address"])
    .where("i.user_id", "=", userId)
    .where("i.response", "=", "yes")
    .where("i.revoked_at", "is", null)
    .where("e.status", "=", "published")
    .where("e.ends_at", ">", from)
    .$if(to !== undefined, (q) => q.where("e.starts_at", "<", to!))
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    eventId: row.eventId,
    title: row.title,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    place: row.address,
  }));
}
