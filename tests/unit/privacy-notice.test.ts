import { describe, expect, it, vi } from "vitest";

// The privacy notice says how long each kind of data is kept, read from RETENTION: with other
// periods the page says other figures. A period written into a text (or into the page) instead of
// read from RETENTION keeps its old figure here and fails.

const { PERIODS } = vi.hoisted(() => ({
  // Figures the real periods never use, one per period, so each must show up by itself.
  PERIODS: {
    sessionIdleDays: 11,
    sessionAbsoluteDays: 47,
    usedTokenDays: 6,
    rateLimitHours: 5,
    mailBodyDays: 83,
    decidedJoinRequestDays: 4 * 365,
    auditEventDays: 1001,
    inactiveAccountDays: 7 * 365,
    inactiveAccountGraceDays: 19,
  },
}));
vi.mock("~/modules/retention/periods.ts", () => ({ RETENTION: PERIODS }));

const { loader } = await import("~/routes/privacy.tsx");
const { RETENTION } = await import("~/modules/retention/periods.ts");

async function noticeText(language: string) {
  const request = new Request("http://localhost/privacy", {
    headers: { "Accept-Language": language },
  });
  const page = await loader({ request, params: {}, context: {} as never });
  return JSON.stringify(page);
}

describe("the privacy notice's retention periods", () => {
  it("reads every period from RETENTION (mocked here)", () => {
    expect(RETENTION).toBe(PERIODS);
  });

  it.each([
    [
      "nl",
      [
        "11 dagen",
        "47 dagen",
        "6 dagen",
        "5 uur",
        "83 dagen",
        "4 jaar",
        "1001 dagen",
        "7 jaar",
        "19 dagen",
      ],
    ],
    [
      "fr",
      [
        "11 jours",
        "47 jours",
        "6 jours",
        "5 heures",
        "83 jours",
        "4 ans",
        "1001 jours",
        "7 ans",
        "19 jours",
      ],
    ],
    [
      "en",
      [
        "11 days",
        "47 days",
        "6 days",
        "5 hours",
        "83 days",
        "4 years",
        "1001 days",
        "7 years",
        "19 days",
      ],
    ],
  ])("in %s shows each period, and none of the real ones", async (language, figures) => {
    const text = await noticeText(language);
    for (const figure of figures) expect(text).toContain(figure);
    // None of the real figures (14, 60, 90 and 30 days, 1 hour, 1 day, 1, 2 and 3 years).
    expect(text).not.toMatch(
      /(?<!\d)(1|2|3|14|30|60|90) (dag|dagen|uur|jaar|day|days|hour|hours|year|years|jour|jours|heure|heures|an|ans)\b/,
    );
  });
});
