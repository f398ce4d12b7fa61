import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import { Temporal } from "temporal-polyfill";
import { TIME_ZONE } from "~/modules/shifts/recurrence.ts";

// The one way Digihelpers writes iCalendar: the personal feed and the .ics files attached to
// emails both describe their events as CalendarEntry and go through renderCalendar. Times are
// written as wall-clock times with TZID=Europe/Brussels plus a VTIMEZONE, so a calendar shows a
// 09:00 shift at 09:00 on both sides of a daylight-saving change.

export interface CalendarEntry {
  /** Stable across fetches and emails (e.g. shift-12@digihelpers): a calendar updates, not duplicates. */
  uid: string;
  start: Date;
  end: Date;
  /** Raised on every change (iCalendar SEQUENCE), so calendars take the newest version. */
  sequence: number;
  cancelled: boolean;
  summary: string;
  description: string;
  location: string | null;
  url?: string | null;
}

/** PUBLISH for a feed; REQUEST or CANCEL for an email about one event (RFC 5546). */
export type CalendarMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface CalendarOptions {
  method?: CalendarMethod;
  /** The calendar's name, shown by apps that subscribe to the feed. */
  name?: string;
  /** REQUEST and CANCEL name an organizer (the platform's sender) and the recipient. */
  organizer?: { name: string; email: string };
  attendee?: { name?: string; email: string };
  /**
   * The attendee is asked to answer (RSVP=TRUE, PARTSTAT=NEEDS-ACTION): a gathering's invitation,
   * whose ORGANIZER is a person who reads the replies. Without it, shifts and courses keep
   * RSVP=FALSE and ACCEPTED.
   */
  askReply?: boolean;
  /** DTSTAMP: when this description was made. */
  now?: Date;
  /** How often a subscribed app should fetch again, in seconds (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number;
}

const METHODS = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
} as const;

// ical-generator writes a native Date in the calendar's zone using the process's local clock
// (UTC here); a ZonedDateTime is written as the Brussels wall-clock time it is.
function brusselsTime(instant: Date) {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(TIME_ZONE);
}

export function renderCalendar(entries: CalendarEntry[], options: CalendarOptions = {}): string {
  const calendar = ical({
    prodId: { company: "Digihelpers", product: "Digihelpers", language: "NL" },
    method: options.method ? METHODS[options.method] : null,
    name: options.name ?? null,
    ttl: options.refreshSeconds ?? null,
  });
  // No calendar-wide zone (DTSTAMP stays in UTC); the generator adds a VTIMEZONE for each
  // zone the events use.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const stamp = options.now ?? new Date();
  for (const entry of entries) {
    calendar.createEvent({
      id: entry.uid,
      // ical-generator accepts Temporal objects; its types name only its own date types.
      start: brusselsTime(entry.start) as unknown as Date,
      end: brusselsTime(entry.end) as unknown as Date,
      timezone: TIME_ZONE,
      stamp,
      sequence: entry.sequence,
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: entry.summary,
      description: entry.description,
      location: entry.location,
      url: entry.url ?? null,
      organizer: options.method && options.organizer ? options.organizer : null,
      attendees:
        options.method && options.attendee
          ? [
              {
                ...options.attendee,
                role: ICalAttendeeRole.REQ,
                // Nobody reads the sender's mailbox: a calendar should not offer to answer, unless
                // the organizer is a person (askReply).
                rsvp: options.askReply === true && !entry.cancelled,
                status: entry.cancelled
                  ? ICalAttendeeStatus.DECLINED
                  : options.askReply
                    ? ICalAttendeeStatus.NEEDSACTION
                    : ICalAttendeeStatus.ACCEPTED,
              },
            ]
          : [],
    });
  }
  return calendar.toString();
}
