import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  MAX_INT,
  calendarDate,
  id,
  isCalendarDate,
  multiLineText,
  paramId,
  readCalendarDate,
  readId,
  singleLineText,
} from "~/utils/schemas.ts";
import { readDate } from "~/modules/shifts/planning-schemas.ts";

describe("the shared field rules", () => {
  it("an id is a whole number the database can hold", () => {
    expect(id().safeParse("2147483647").success).toBe(true);
    for (const bad of ["2147483648", "99999999999999999999", "0", "-1", "1.5", "abc"])
      expect(id().safeParse(bad).success, bad).toBe(false);
    expect(readId(String(MAX_INT))).toBe(MAX_INT);
    expect(readId("2147483648")).toBeNull();
    expect(readId("99999999999999999999")).toBeNull();
    expect(readId("1e3")).toBeNull();
  });

  it("a path id that cannot be an id is a 404", () => {
    expect(paramId("12")).toBe(12);
    for (const bad of ["2147483648", "99999999999999999999", "0", "x", undefined]) {
      let thrown: unknown;
      try {
        paramId(bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(bad)).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });

  it("one line of text is trimmed, refuses control characters and line breaks, and is not blank", () => {
    const name = singleLineText({ max: 10 });
    expect(name.parse("  Jan  ")).toBe("Jan");
    for (const bad of ["Ja\u0000n", "Jan\r\nBcc: x", "Jan\nPiet", "   ", "x".repeat(11)])
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(name.safeParse("Ja\u0000n").error?.issues[0]?.message).toBe(
      "auth:fields.controlCharacters",
    );
  });

  it("text of several lines keeps its line breaks as \\n and refuses other controls", () => {
    const notes = multiLineText({ max: 20 });
    expect(notes.parse(" een\r\ntwee\n")).toBe("een\ntwee");
    for (const bad of ["een\u0000", "tab\there", "bell\u0007", "\u0085"])
      expect(notes.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("a calendar date is a day that exists, as Temporal sees it", () => {
    expect(calendarDate().safeParse("2028-02-29").success).toBe(true);
    for (const bad of ["2027-02-30", "2027-02-29", "2100-02-29", "2027-13-01", "2027-04-31", "x"])
      expect(calendarDate().safeParse(bad).success, bad).toBe(false);
    expect(readCalendarDate("2027-02-30")).toBeNull();
    expect(readDate("30/2/2027")).toBeNull();
    expect(readDate("2027-02-30")).toBeNull();
    // Every day of four years (one of them a leap year, one a century) agrees with Temporal.
    for (const year of [1900, 2000, 2027, 2028])
      for (let month = 1; month <= 12; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          let valid = true;
          try {
            Temporal.PlainDate.from(text, { overflow: "reject" });
          } catch {
            valid = false;
          }
          expect(isCalendarDate(text), text).toBe(valid);
        }
  });
});
