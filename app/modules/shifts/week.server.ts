import type { Actor } from "~/modules/auth/access.server.ts";
import { listMyCourseSessions } from "~/modules/courses/my-sessions.server.ts";
import { listMyEvents } from "~/modules/events/my-events.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import { listShiftsWithActions } from "./queries.server.ts";
import type { ShiftFilters } from "./filters.ts";
import { localParts } from "./recurrence.ts";
import { listWeek, weekStart } from "./window.server.ts";

// The list page's week: its shifts grouped by local day, with dates and times already written
// out in the reader's language, so the server and the browser show the very same text.

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

export async function loadShiftWeek(
  db: Database,
  actor: Actor,
  {
    week: requested,
    filters,
    language,
    now = new Date(),
  }: { week: string | null; filters: ShiftFilters; language: Language; now?: Date },
) {
  const week = listWeek(weekStart(requested, now));
  const shifts = await listShiftsWithActions(
    db,
    actor,
    { from: week.from, to: week.to, filters },
    { now },
  );
  const time = (instant: Date) =>
    formatDateTime(instant, language, { hour: "2-digit", minute: "2-digit" });
  const items = shifts.map((shift) => ({
    ...shift,
    date: localParts(shift.startsAt).date,
    time: `${time(shift.startsAt)}–${time(shift.endsAt)}`,
  }));
  // The reader's own course sessions of the week, beside the shifts (not when the filters narrow
  // the list to places or to open shifts: those are about shifts).
  const narrowed =
    filters.digibankId || filters.digipuntId || filters.municipalityId || filters.open;
  const sessions = narrowed
    ? []
    : (await listMyCourseSessions(db, actor.id, { from: week.from, to: week.to })).map(
        (session) => ({
          ...session,
          date: localParts(session.startsAt).date,
          time: `${time(session.startsAt)}–${time(session.endsAt)}`,
        }),
      );
  // And the gatherings they said yes to, the same way.
  const gatherings = narrowed
    ? []
    : (await listMyEvents(db, actor.id, { from: week.from, to: week.to })).map((event) => ({
        ...event,
        date: localParts(event.startsAt).date,
        time: `${time(event.startsAt)}–${time(event.endsAt)}`,
      }));
  const dates = [
    ...new Set([...items, ...sessions, ...gatherings].map((entry) => entry.date)),
  ].sort();
  const days = dates.map((date) => ({
    date,
    title: formatDateTime(noon(date), language, { dateStyle: "full" }),
    shifts: items.filter((item) => item.date === date),
    courseSessions: sessions.filter((session) => session.date === date),
    events: gatherings.filter((event) => event.date === date),
  }));
  const long = (date: string) => formatDateTime(noon(date), language, { dateStyle: "long" });
  return {
    week: {
      monday: week.monday,
      previous: week.previous,
      next: week.next,
      title: getFixedT(language, "shifts")("list.week", {
        from: long(week.monday),
        to: long(week.sunday),
      }),
    },
    days,
  };
}
