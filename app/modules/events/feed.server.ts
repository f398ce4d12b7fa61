import type { FeedSource } from "~/modules/shifts/feed.server.ts";
import { eventCalendarEntry, loadEventSnapshot } from "./calendar.server.ts";

// The gatherings' part of the personal calendar feed: those the person said yes to, and those
// cancelled after they said yes (marked cancelled, so calendars drop them). The UID is the one of
// the invitation's .ics: the gathering shows once.

export const eventFeedSource: FeedSource = {
  async entries(db, person, { from, appUrl }) {
    const events = await db
      .selectFrom("event_invitations as i")
      .innerJoin("events as e", "e.id", "i.event_id")
      .select("e.id")
      .where("i.user_id", "=", person.id)
      .where("i.response", "=", "yes")
      .where("i.revoked_at", "is", null)
      .where("e.status", "in", ["published", "cancelled"])
      .where("e.ends_at", ">=", from)
      .orderBy("e.starts_at")
      .orderBy("e.id")
      .execute();
    const entries = [];
    for (const { id } of events) {
      const snapshot = await loadEventSnapshot(db, id);
      if (snapshot)
        entries.push(eventCalendarEntry(snapshot, person.language, `${appUrl}/events/${id}`));
    }
    return entries;
  },
};
