import { describe, expect, it } from "vitest";
import { formatDateTime, formatDayRange, formatNumber, formatPercent } from "~/utils/format.ts";

describe("formatting for the reader", () => {
  it("shows instants in Brussels time, summer and winter", () => {
    const options = { hour: "2-digit", minute: "2-digit" } as const;
    expect(formatDateTime(new Date("2026-07-01T07:00:00Z"), "nl", options)).toBe("09:00");
    expect(formatDateTime(new Date("2026-12-01T08:00:00Z"), "nl", options)).toBe("09:00");
  });

  it("writes dates in the reader's language", () => {
    const day = new Date("2026-06-05T10:00:00Z");
    const options = { dateStyle: "full" } as const;
    expect(formatDateTime(day, "nl", options)).toBe("vrijdag 5 juni 2026");
    expect(formatDateTime(day, "fr", options)).toBe("vendredi 5 juin 2026");
    expect(formatDateTime(day, "en", options)).toBe("Friday, 5 June 2026");
  });

  it("groups digits the Belgian way", () => {
    expect(formatNumber(1234.5, "nl")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });

  it("names a week by its days, not by an ISO code", () => {
    expect(formatDayRange("2026-11-02", "2026-11-08", "nl")).toBe("2–8 nov");
    expect(formatDayRange("2026-11-02", "2026-11-08", "fr")).toBe("2–8 nov.");
    // Thin spaces around the dash, as Intl writes them.
    expect(formatDayRange("2026-10-26", "2026-11-01", "nl").replace(/\s/g, " ")).toBe(
      "26 okt – 1 nov",
    );
  });

  it("keeps one formatter per language and options, never another's", () => {
    const day = new Date("2026-06-05T10:00:00Z");
    // The same calls again and interleaved answer as the first time (formatters are kept).
    for (let round = 0; round < 2; round++) {
      expect(formatDateTime(day, "nl", { dateStyle: "long" })).toBe("5 juni 2026");
      expect(formatDateTime(day, "fr", { dateStyle: "long" })).toBe("5 juin 2026");
      expect(formatDateTime(day, "nl", { month: "long" })).toBe("juni");
      expect(formatDateTime(day, "nl", { timeZone: "UTC", hour: "2-digit" })).toBe("10");
      expect(formatDateTime(day, "nl", { hour: "2-digit" })).toBe("12");
      expect(formatPercent(1, 4, "nl")).toBe("25%");
      expect(formatNumber(0.25, "nl")).toBe("0,25");
    }
  });
});
