import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoWorld } from "../../db/seed.ts";
import { loadActor } from "~/modules/auth/access.server.ts";
import {
  buildReport,
  listReportDigibanks,
  reportOf,
  reportTotals,
} from "~/modules/reports/figures.server.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";

// The demo world's reports: /reports shows figures right after `npm start`, and the demo
// volunteer has one recent shift left to report on.

const TODAY = new Date("2026-11-22T12:00:00Z");
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoWorld(database.db, TODAY);
});
afterAll(() => database?.destroy());

async function userId(email: string) {
  const row = await database.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("the demo world's shift reports", () => {
  it("gives every digibank a start date and the coordinator last month's figures", async () => {
    const banks = await database.db.selectFrom("digibanks").select("started_on").execute();
    expect(banks.map((b) => b.started_on).sort()).toEqual([
      "2023-09-01",
      "2024-01-15",
      "2024-03-01",
      "2025-02-01",
    ]);
    const coordinator = (await loadActor(
      database.db,
      await userId("coordinator@digihelpers.example"),
    ))!;
    const outcome = await buildReport(
      database.db,
      coordinator,
      { from: "2026-10-01", until: "2026-10-31", digibankId: null },
      { now: TODAY },
    );
    if (!outcome.ok) throw new Error("refused");
    const { total } = outcome.report;
    expect(total.reports).toBeGreaterThan(10);
    expect(total.peopleHelped).toBeGreaterThan(total.reports);
    expect(total.peopleHelped).toBeLessThan(total.reports * 12);
    expect(total.volunteers).toBeGreaterThan(3);
    // eID, itsme and smartphone basics lead the topic mix.
    const top = Object.entries(total.topics)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([topic]) => topic);
    expect(top.sort()).toEqual(["eid", "itsme", "smartphone"]);
  });

  it("includes reports recorded by a coordinator for helpers without an account", async () => {
    const outside = await database.db
      .selectFrom("shift_reports")
      .select(["volunteer_name", "recorded_by"])
      .where("user_id", "is", null)
      .execute();
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((r) => r.volunteer_name && r.recorded_by)).toBe(true);
  });

  it("leaves the demo volunteer one shift of the last two weeks to report on", async () => {
    const volunteer = await userId("volunteer@digihelpers.example");
    const claims = await database.db
      .selectFrom("shift_claims as c")
      .innerJoin("shifts as s", "s.id", "c.shift_id")
      .leftJoin("shift_reports as r", (join) =>
        join.onRef("r.shift_id", "=", "c.shift_id").onRef("r.user_id", "=", "c.user_id"),
      )
      .select(["s.ends_at", "r.id as reportId"])
      .where("c.user_id", "=", volunteer)
      .where("c.status", "=", "confirmed")
      .where("s.status", "=", "scheduled")
      .where("s.ends_at", "<=", TODAY)
      .where((eb) => eb.or([eb("c.attendance", "is", null), eb("c.attendance", "=", "present")]))
      .execute();
    const unreported = claims.filter((c) => c.reportId === null);
    expect(claims.length).toBeGreaterThan(2);
    expect(unreported).toHaveLength(1);
    expect(unreported[0]!.ends_at.getTime()).toBeGreaterThan(TODAY.getTime() - 14 * 86_400_000);
  });
});

describe("the home page's report card", () => {
  it("counts what the reports page counts, for every reader and period", async () => {
    for (const email of [
      "coordinator@digihelpers.example",
      "staff@digihelpers.example",
      "admin@digihelpers.example",
    ]) {
      const actor = (await loadActor(database.db, await userId(email)))!;
      const banks = await listReportDigibanks(database.db, actor);
      expect(banks.length).toBeGreaterThan(0);
      // A month gone by, the month of today (shifts still to come), and a year.
      for (const period of [
        { from: "2026-10-01", until: "2026-10-31" },
        { from: "2026-11-01", until: "2026-11-30" },
        { from: "2026-01-01", until: "2026-12-31" },
      ]) {
        const { total } = await reportOf(database.db, banks, period, TODAY);
        const card = await reportTotals(database.db, banks, period, TODAY);
        expect(card).toEqual({
          peopleHelped: total.peopleHelped,
          confirmed: total.confirmed,
          capacity: total.capacity,
        });
        expect(card.capacity).toBeGreaterThan(0);
      }
    }
  });
});
