import type { Actor } from "~/modules/auth/access.server.ts";
import { listMyCourseSessions } from "~/modules/courses/my-sessions.server.ts";
import { listMyEvents } from "~/modules/events/my-events.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import { shiftStateLabel } from "./labels.ts";
import { listShiftsWithActions } from "./queries.server.ts";
import type { ShiftFilters } from "./filters.ts";

// The calendar's events: the shifts of a window in the reader's words. Each event is a link to its
// shift page; its title says the state, the digipunt, and a skill the reader still lacks.

export interface ShiftEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  url: string;
  /** The code of a required skill the reader lacks (see ShiftListRow.missingSkill). */
  missingSkill: string | null;
  /** That in words: "Vraagt de vaardigheid eID en kaartlezer, die je nog niet hebt". */
  skillNote: string | null;
  /**
   * "shift", "course" for a session of a course the reader has a place in, or "event" for a
   * gathering they said yes to.
   */
  kind: "shift" | "course" | "event";
  /** FullCalendar's per-event class and colour: course sessions have their own (green, AA on white text). */
  className?: string;
  color?: string;
}

export async function listShiftEvents(
  db: Database,
  actor: Actor,
  window: { from: Date; to: Date; filters?: ShiftFilters },
  language: Language,
  { now = new Date() }: { now?: Date } = {},
): Promise<ShiftEvent[]> {
  const t = getFixedT(language, "shifts");
  const tc = getFixedT(language);
  const shifts = await listShiftsWithActions(db, actor, window, { now });
  const events: ShiftEvent[] = shifts.map((shift) => {
    const skillNote = shift.missingSkill
      ? t("skillNote", {
          skill: tc(`skill.${shift.missingSkill}` as "skill.eid", shift.missingSkill),
        })
      : null;
    return {
      id: String(shift.id),
      title: [shiftStateLabel(t, shift, now), shift.digipuntName, skillNote]
        .filter(Boolean)
        .join(" · "),
      start: shift.startsAt.toISOString(),
      end: shift.endsAt.toISOString(),
      url: `/shifts/${shift.id}`,
      missingSkill: shift.missingSkill,
      skillNote,
      kind: "shift" as const,
    };
  });
  // The reader's own course sessions, told apart by word, icon and colour. A filter on places or on
  // open shifts is about shifts: the sessions then stay out.
  const filters = window.filters;
  const narrowed =
    filters?.digibankId || filters?.digipuntId || filters?.municipalityId || filters?.open;
  if (narrowed) return events;
  const tk = getFixedT(language, "courses");
  const sessions = await listMyCourseSessions(db, actor.id, window);
  const courseEvents: ShiftEvent[] = sessions.map((session) => ({
    id: `course-session-${session.sessionId}`,
    title: [`🎓 ${tk("calendar.kind")}: ${session.title}`, session.place ?? tk("course.online")]
      .filter(Boolean)
      .join(" · "),
    start: session.startsAt.toISOString(),
    end: session.endsAt.toISOString(),
    url: `/courses/${session.courseId}`,
    missingSkill: null,
    skillNote: null,
    kind: "course",
    className: "course-event",
    color: "#1d6b3a",
  }));
  // Gatherings they said yes to: their own word, icon and colour (purple, AA on white text).
  const te = getFixedT(language, "events");
  const gatherings = await listMyEvents(db, actor.id, window);
  const eventEvents: ShiftEvent[] = gatherings.map((event) => ({
    id: `event-${event.eventId}`,
    title: [`🤝 ${te("calendar.kind")}: ${event.title}`, event.place ?? te("detail.online")].join(
      " · ",
    ),
    start: event.startsAt.toISOString(),
    end: event.endsAt.toISOString(),
    url: `/events/${event.eventId}`,
    missingSkill: null,
    skillNote: null,
    kind: "event",
    className: "gathering-event",
    color: "#6b2c91",
  }));
  return [...events, ...courseEvents, ...eventEvents].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
}
