import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { CalendarEntry } from "~/modules/calendar/ical.server.ts";
import type { EventSnapshot } from "~/modules/mail/messages.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";

// The one way to describe an event for calendars: the .ics of its emails, the personal feed and
// the /shifts calendar all start from an EventSnapshot, with one stable UID per event.

type Db = Kysely<DB> | Transaction<DB>;

/** The stable UID of an event's calendar entry. */
export const eventUid = (eventId: number) => `event-${eventId}@digihelpers`;

/** The event as its emails tell about it now. */
export async function loadEventSnapshot(db: Db, eventId: number): Promise<EventSnapshot | null> {
  const event = await db
    .selectFrom("events as e")
    .innerJoin("regions as r", "r.id", "e.region_id")
    .leftJoin("digibanks as b", "b.id", "e.digibank_id")
    .selectAll("e")
    .select(["r.name as regionName", "b.name as digibankName"])
    .where("e.id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  return {
    eventId: event.id,
    title: event.title,
    description: event.description,
    startsAt: new Date(event.starts_at).toISOString(),
    endsAt: new Date(event.ends_at).toISOString(),
    answerDeadline: new Date(event.answer_deadline).toISOString(),
    sequence: event.sequence,
    cancelled: event.status === "cancelled",
    address: event.address,
    accessibilityNotes: event.accessibility_notes,
    onlineUrl: event.online_url,
    organiserName: event.digibankName ?? event.regionName,
    contact: { name: event.contact_name, email: event.contact_email, phone: event.contact_phone },
    maxPlusOnes: event.max_plus_ones,
  };
}

/** The event as one calendar entry, in the reader's language. */
export function eventCalendarEntry(
  event: EventSnapshot,
  language: Language,
  url?: string | null,
): CalendarEntry {
  const t = getFixedT(language, "mail");
  const lines = [t("calendar.eventDescription", { organiserName: event.organiserName })];
  if (event.onlineUrl) lines.push(event.onlineUrl);
  if (url) lines.push(url);
  return {
    uid: eventUid(event.eventId),
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    sequence: event.sequence,
    cancelled: event.cancelled,
    summary: t("calendar.eventSummary", { title: event.title }),
    description: lines.join("\n\n"),
    location: event.address ?? event.onlineUrl,
    url: url ?? null,
  };
}
