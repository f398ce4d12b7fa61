import { describe, expect, it } from "vitest";
import { shiftStateLabel } from "~/modules/shifts/labels.ts";
import { filterParams, parseShiftFilters } from "~/modules/shifts/filters.ts";
import { listWeek, parseRangeBound, weekStart } from "~/modules/shifts/window.server.ts";
import { getFixedT } from "~/utils/i18n.server.ts";

describe("the list's weeks", () => {
  it("start on the Monday of the week asked for, or of this week in Brussels", () => {
    expect(weekStart("2026-11-22")).toBe("2026-11-16"); // a Sunday
    expect(weekStart("2026-11-23")).toBe("2026-11-23");
    expect(weekStart(null, new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23"); // Monday, 00:30
    expect(weekStart("not-a-date", new Date("2026-11-18T12:00:00Z"))).toBe("2026-11-16");
  });

  it("run from local midnight to local midnight, across a daylight-saving change", () => {
    const week = listWeek("2026-10-19");
    expect(week.from).toEqual(new Date("2026-10-18T22:00:00Z"));
    expect(week.to).toEqual(new Date("2026-10-25T23:00:00Z"));
    expect([week.previous, week.sunday, week.next]).toEqual([
      "2026-10-12",
      "2026-10-25",
      "2026-10-26",
    ]);
  });
});

describe("the calendar's range bounds", () => {
  it("read instants with an offset, and local dates and times in Brussels", () => {
    expect(parseRangeBound("2026-11-01T00:00:00+01:00")).toEqual(new Date("2026-10-31T23:00:00Z"));
    expect(parseRangeBound("2026-11-01T00:00:00Z")).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(parseRangeBound("2026-11-01")).toEqual(new Date("2026-10-31T23:00:00Z"));
    expect(parseRangeBound("2026-07-01T00:00:00")).toEqual(new Date("2026-06-30T22:00:00Z"));
    expect(parseRangeBound("gisteren")).toBeNull();
    expect(parseRangeBound(null)).toBeNull();
  });
});

describe("filters in the query string", () => {
  it("keep what is well formed and drop the rest, both ways", () => {
    const filters = parseShiftFilters(
      new URLSearchParams("digibank=3&digipunt=x&municipality=-1&mine=1&open=0"),
    );
    expect(filters).toEqual({
      digibankId: 3,
      digipuntId: null,
      municipalityId: null,
      mine: true,
      open: false,
    });
    expect(filterParams(filters).toString()).toBe("digibank=3&mine=1");
  });
});

describe("a shift's state in words", () => {
  const t = getFixedT("nl", "shifts");
  const shift = { cancelled: false, myStatus: null, confirmedCount: 1, capacity: 3 } as const;
  it("says it with an icon and words, never colour alone", () => {
    expect(shiftStateLabel(t, shift)).toBe("○ Nog 2 plaatsen");
    expect(shiftStateLabel(t, { ...shift, confirmedCount: 2 })).toBe("○ Nog 1 plaats");
    expect(shiftStateLabel(t, { ...shift, confirmedCount: 3 })).toBe("● Volzet");
    expect(shiftStateLabel(t, { ...shift, myStatus: "confirmed" })).toBe("✓ Jij staat erop");
    expect(shiftStateLabel(t, { ...shift, myStatus: "reserve" })).toBe(
      "◐ Jij staat op de reservelijst",
    );
    expect(shiftStateLabel(t, { ...shift, cancelled: true, myStatus: "confirmed" })).toBe(
      "✕ Geannuleerd",
    );
    expect(shiftStateLabel(getFixedT("fr", "shifts"), shift)).toBe("○ Encore 2 places");
  });

  it("says a started shift is over instead of offering its free spots", () => {
    const now = new Date("2027-01-05T10:00:00Z");
    const started = { ...shift, startsAt: "2027-01-05T08:00:00Z" };
    expect(shiftStateLabel(t, started, now)).toBe("– Voorbij");
    expect(shiftStateLabel(t, { ...started, confirmedCount: 3 }, now)).toBe("– Voorbij");
    expect(shiftStateLabel(t, { ...started, startsAt: "2027-01-06T08:00:00Z" }, now)).toBe(
      "○ Nog 2 plaatsen",
    );
    // One's own place and a cancellation stay what they were.
    expect(shiftStateLabel(t, { ...started, myStatus: "confirmed" }, now)).toBe("✓ Jij staat erop");
    expect(shiftStateLabel(t, { ...started, cancelled: true }, now)).toBe("✕ Geannuleerd");
  });
});
