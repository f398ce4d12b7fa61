import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarEntry, renderCalendar } from "~/modules/calendar/ical.server.ts";

// The one iCalendar writer: Brussels wall-clock times with their zone, on both sides of a
// daylight-saving change.

const entry = (uid: string, start: string, end: string): CalendarEntry => ({
  uid,
  start: new Date(start),
  end: new Date(end),
  sequence: 0,
  cancelled: false,
  summary: "Digihelper in Bibliotheek Brugge",
  description: "Je dienst, met een komma; en een puntkomma",
  location: "Kuipersstraat 3, 8000 Brugge",
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    calendar,
    events: calendar.getAllSubcomponents("vevent").map((vevent) => ({
      vevent,
      event: new ICAL.Event(vevent),
    })),
  };
}

describe("renderCalendar", () => {
  it("keeps 09:00 at 09:00 in Brussels across the spring change, with one VTIMEZONE", () => {
    const text = renderCalendar(
      [
        // Saturday before the change: UTC+1.
        entry("a@digihelpers", "2026-03-28T08:00:00Z", "2026-03-28T11:00:00Z"),
        // The Sunday of the change and the Monday after: UTC+2.
        entry("b@digihelpers", "2026-03-29T07:00:00Z", "2026-03-29T10:00:00Z"),
        entry("c@digihelpers", "2026-03-30T07:00:00Z", "2026-03-30T10:00:00Z"),
      ],
      { method: "PUBLISH", name: "Digihelpers", refreshSeconds: 3600 },
    );
    const { calendar, events } = parse(text);
    expect(calendar.getAllSubcomponents("vtimezone")).toHaveLength(1);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    for (const { vevent, event } of events) {
      expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Brussels");
      expect(event.startDate.toString()).toMatch(/T09:00:00$/);
      expect(event.endDate.toString()).toMatch(/T12:00:00$/);
    }
    // Read back through the VTIMEZONE, each start is the instant it was given.
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")!);
    const instants = events.map(({ event }) => {
      const start = event.startDate.clone();
      start.zone = zone;
      return start.toJSDate().toISOString();
    });
    expect(instants).toEqual([
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
    ]);
    expect(events[0]!.event.description).toBe("Je dienst, met een komma; en een puntkomma");
  });

  it("writes DTSTAMP in UTC and STATUS:CANCELLED with the sequence of a cancelled event", () => {
    const cancelled = { ...entry("d@digihelpers", "2026-05-01T07:00:00Z", "2026-05-01T10:00:00Z") };
    const text = renderCalendar([{ ...cancelled, cancelled: true, sequence: 4 }], {
      method: "CANCEL",
      now: new Date("2026-04-20T10:11:12Z"),
    });
    expect(text).toContain("DTSTAMP:20260420T101112Z");
    const { events } = parse(text);
    expect(events[0]!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0]!.event.sequence).toBe(4);
  });
});
