import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import { erasePersonalData } from "~/modules/people/personal-data.server.ts";
import { exportReportCsv } from "~/modules/reports/export.server.ts";
import { type Report, buildReport } from "~/modules/reports/figures.server.ts";
import { lastFullMonth, readReportFilter } from "~/modules/reports/filter.server.ts";
import { localInstant } from "~/modules/shifts/recurrence.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import {
  assignRole,
  createClaim,
  createCourse,
  createDigibank,
  createDigipunt,
  createEnrolment,
  createMunicipality,
  createRegion,
  createShift,
  createShiftReport,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";

// The funder's figures on a small world whose every figure is worked out by hand below (decision
// 024): October 2026 in region R1 (digibanken D1 and D2), with D3 of region R2 beside it.

let database: TestDatabase;
const NOW = new Date("2026-12-01T10:00:00Z");
const OCTOBER = { from: "2026-10-01", until: "2026-10-31" };
const w = {} as {
  d1: number;
  d2: number;
  d3: number;
  p1a: number;
  p1b: number;
  p2: number;
  p3: number;
  vA: number;
  staff1: Actor;
  staff2: Actor;
  coordinator1: Actor;
  admin: Actor;
};

/** A shift at local Brussels time. */
async function shift(
  digipuntId: number,
  date: string,
  start: string,
  end: string,
  capacity: number,
) {
  return createShift(database.db, {
    digipuntId,
    startsAt: localInstant(date, start),
    endsAt: localInstant(date, end),
    capacity,
  });
}

async function actorWith(role: Parameters<typeof assignRole>[1]["role"], scope: object) {
  const user = await createUser(database.db, {});
  await assignRole(database.db, { userId: user.id, role, ...scope });
  return (await loadActor(database.db, user.id))!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const r1 = await createRegion(db, { name: "R1" });
  const r2 = await createRegion(db, { name: "R2" });
  const m1 = await createMunicipality(db, { regionId: r1.id });
  const m2 = await createMunicipality(db, { regionId: r2.id });
  const d1 = await createDigibank(db, { regionId: r1.id, name: "D1", startedOn: "2026-01-01" });
  const d2 = await createDigibank(db, { regionId: r1.id, name: "D2", startedOn: "2026-03-01" });
  const d3 = await createDigibank(db, { regionId: r2.id, name: "D3", startedOn: "2025-01-01" });
  const punt = (digibankId: number, name: string, municipalityId = m1.id) =>
    createDigipunt(db, { digibankId, municipalityId, name });
  const p1a = await punt(d1.id, '=HYPERLINK("http://x.example")');
  const p1b = await punt(d1.id, "Bibliotheek");
  const p2 = await punt(d2.id, "Buurthuis");
  const p3 = await punt(d3.id, "Bus", m2.id);

  const volunteer = async (...banks: number[]) => {
    const user = await createUser(db, {});
    for (const digibankId of banks)
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId });
    return user.id;
  };
  const vA = await volunteer(d1.id);
  const vB = await volunteer(d1.id);
  const vC = await volunteer(d1.id, d2.id);
  const vD = await volunteer(d2.id);
  const vE = await volunteer(d3.id);
  const coordinator = await actorWith("coordinator", { digibankId: d1.id });

  // S0: 1 October 00:30 in Brussels (still 30 September in UTC): October's. vB, no report: 60 min.
  const s0 = await shift(p1b.id, "2026-10-01", "00:30", "01:30", 1);
  await createClaim(db, { shiftId: s0.id, userId: vB });
  // S1: vA present with a report (150 min), vB without one (180 min), vC a no-show.
  const s1 = await shift(p1a.id, "2026-10-05", "09:00", "12:00", 3);
  await createClaim(db, { shiftId: s1.id, userId: vA, attendance: "present" });
  await createClaim(db, { shiftId: s1.id, userId: vB });
  await createClaim(db, { shiftId: s1.id, userId: vC, attendance: "no_show" });
  await createShiftReport(db, {
    shiftId: s1.id,
    userId: vA,
    peopleHelped: 5,
    topics: ["eid", "itsme"],
    minutesWorked: 150,
    referrals: 1,
    reflection: "Een goede dag.",
  });
  // S2: vA with a report, and an outside volunteer recorded by the coordinator (no claim).
  const s2 = await shift(p1b.id, "2026-10-20", "13:30", "16:30", 2);
  await createClaim(db, { shiftId: s2.id, userId: vA });
  await createShiftReport(db, {
    shiftId: s2.id,
    userId: vA,
    peopleHelped: 3,
    topics: ["itsme"],
    minutesWorked: 180,
  });
  await createShiftReport(db, {
    shiftId: s2.id,
    volunteerName: "Mia Peeters",
    peopleHelped: 2,
    topics: ["smartphone"],
    minutesWorked: 120,
    recordedBy: coordinator.id,
  });
  // S3: 1 November 00:30 in Brussels (31 October in UTC): November's, not October's.
  const s3 = await shift(p1a.id, "2026-11-01", "00:30", "02:30", 2);
  await createClaim(db, { shiftId: s3.id, userId: vB });
  await createShiftReport(db, { shiftId: s3.id, userId: vB, peopleHelped: 7, minutesWorked: 120 });
  // S4: cancelled after a report was filed on it: neither worked nor a place to fill, and its
  // report counts nowhere (decision 024, as on the experience page).
  const s4 = await shift(p1a.id, "2026-10-12", "09:00", "12:00", 2);
  await createClaim(db, { shiftId: s4.id, userId: vA, status: "cancelled" });
  await createShiftReport(db, {
    shiftId: s4.id,
    volunteerName: "Geannuleerde Helper",
    peopleHelped: 9,
    topics: ["job_search"],
    minutesWorked: 180,
  });
  await database.db
    .updateTable("shifts")
    .set({ status: "cancelled", cancelled_at: NOW, cancel_reason: "Gesloten" })
    .where("id", "=", s4.id)
    .execute();
  // S5 at D2: vD and vC, both with reports.
  const s5 = await shift(p2.id, "2026-10-07", "10:00", "12:00", 2);
  await createClaim(db, { shiftId: s5.id, userId: vD, attendance: "present" });
  await createClaim(db, { shiftId: s5.id, userId: vC, attendance: "present" });
  await createShiftReport(db, {
    shiftId: s5.id,
    userId: vD,
    peopleHelped: 4,
    topics: ["eid", "e_banking"],
    minutesWorked: 100,
    referrals: 2,
  });
  await createShiftReport(db, {
    shiftId: s5.id,
    userId: vC,
    peopleHelped: 1,
    topics: ["eid"],
    minutesWorked: 120,
  });
  // S6 at D3 (region R2): never in R1's figures.
  const s6 = await shift(p3.id, "2026-10-08", "10:00", "12:00", 2);
  await createClaim(db, { shiftId: s6.id, userId: vE });
  await createShiftReport(db, { shiftId: s6.id, userId: vE, peopleHelped: 9, minutesWorked: 120 });
  // Before the period: S7 at D2 before its start (not towards its target), S8 at D1 after its start.
  const s7 = await shift(p2.id, "2026-02-10", "10:00", "12:00", 2);
  await createClaim(db, { shiftId: s7.id, userId: vD });
  await createShiftReport(db, { shiftId: s7.id, userId: vD, peopleHelped: 6, minutesWorked: 120 });
  const s8 = await shift(p1a.id, "2026-09-15", "10:00", "12:00", 2);
  await createClaim(db, { shiftId: s8.id, userId: vA });
  await createShiftReport(db, { shiftId: s8.id, userId: vA, peopleHelped: 10, minutesWorked: 120 });

  // Course completions: vA and vC in October (vC helps at D1 and D2), vD in September.
  const course = await createCourse(db, { regionId: r1.id });
  for (const [userId, completedAt] of [
    [vA, "2026-10-10T10:00:00Z"],
    [vC, "2026-10-15T10:00:00Z"],
    [vD, "2026-09-30T10:00:00Z"],
  ] as const) {
    const enrolment = await createEnrolment(db, { courseId: course.id, userId });
    await db
      .updateTable("course_enrolments")
      .set({ completed_at: new Date(completedAt) })
      .where("id", "=", enrolment.id)
      .execute();
  }

  Object.assign(w, {
    d1: d1.id,
    d2: d2.id,
    d3: d3.id,
    p1a: p1a.id,
    p1b: p1b.id,
    p2: p2.id,
    p3: p3.id,
    vA,
  });
  w.staff1 = await actorWith("regional_staff", { regionId: r1.id });
  w.staff2 = await actorWith("regional_staff", { regionId: r2.id });
  w.coordinator1 = coordinator;
  w.admin = await actorWith("admin", {});
});

afterAll(async () => {
  await database?.destroy();
});

async function octoberOf(actor: Actor, digibankId: number | null = null): Promise<Report> {
  const outcome = await buildReport(database.db, actor, { ...OCTOBER, digibankId }, { now: NOW });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.report;
}

const noTopics = {
  eid: 0,
  itsme: 0,
  tax_on_web: 0,
  mijn_gezondheid: 0,
  mypension: 0,
  e_banking: 0,
  smartphone: 0,
  email: 0,
  safety: 0,
  job_search: 0,
  other: 0,
};

// Worked out by hand from the world above.
const D1 = {
  volunteers: 3, // vB, vA, Mia (vC was a no-show)
  shiftsWorked: 5, // S0 vB, S1 vA and vB, S2 vA and Mia
  minutes: 690, // 60 + 150 + 180 + 180 + 120
  reportedMinutes: 450, // 150 + 180 + 120
  reports: 3,
  peopleHelped: 10, // 5 + 3 + 2
  referrals: 1,
  confirmed: 5, // S0 1, S1 3, S2 1 (S4 cancelled)
  capacity: 6, // 1 + 3 + 2
  completions: 2, // vA and vC
  topics: { ...noTopics, eid: 1, itsme: 2, smartphone: 1 },
  sinceStart: 20, // S8 10 + S1 5 + S2 3 + 2 (S3 is November's)
};
const D2 = {
  volunteers: 2,
  shiftsWorked: 2,
  minutes: 220,
  reportedMinutes: 220,
  reports: 2,
  peopleHelped: 5,
  referrals: 2,
  confirmed: 2,
  capacity: 2,
  completions: 1, // vC (vD's was in September)
  topics: { ...noTopics, eid: 2, e_banking: 1 },
  sinceStart: 5, // S7 was before D2 started
};
const TOTAL = {
  volunteers: 5,
  shiftsWorked: 7,
  minutes: 910,
  reportedMinutes: 670,
  reports: 5,
  peopleHelped: 15,
  referrals: 3,
  confirmed: 7,
  capacity: 8,
  completions: 2, // vC counts once
  topics: { ...noTopics, eid: 3, itsme: 2, smartphone: 1, e_banking: 1 },
  sinceStart: 25,
  target: 2000,
};
const P1A = {
  volunteers: 2,
  shiftsWorked: 2,
  minutes: 330,
  reportedMinutes: 150,
  reports: 1,
  peopleHelped: 5,
  referrals: 1,
  confirmed: 3,
  capacity: 3,
  completions: null,
  topics: { ...noTopics, eid: 1, itsme: 1 },
};
const P1B = {
  volunteers: 3, // vB, vA, Mia
  shiftsWorked: 3,
  minutes: 360,
  reportedMinutes: 300,
  reports: 2,
  peopleHelped: 5,
  referrals: 0,
  confirmed: 2,
  capacity: 3,
  completions: null,
  topics: { ...noTopics, itsme: 1, smartphone: 1 },
};

function expectFigures(report: Report) {
  const { sinceStart: _d1, ...d1Figures } = D1;
  expect(report.digibanks.map((b) => b.name)).toEqual(["D1", "D2"]);
  expect(report.digibanks[0]).toMatchObject(D1);
  expect(report.digibanks[1]).toMatchObject(D2);
  expect(report.total).toEqual(TOTAL);
  expect(report.digipunten.map((p) => p.name)).toEqual([
    '=HYPERLINK("http://x.example")',
    "Bibliotheek",
    "Buurthuis",
  ]);
  expect(report.digipunten[0]).toMatchObject(P1A);
  expect(report.digipunten[1]).toMatchObject(P1B);
  const { sinceStart: _d2, completions: _c, ...d2Figures } = D2;
  expect(report.digipunten[2]).toMatchObject({ ...d2Figures, completions: null });
  const { sinceStart: _t, target: _g, ...totalFigures } = TOTAL;
  expect(report.months).toEqual([{ month: "2026-10", ...totalFigures }]);
  expect(d1Figures.minutes).toBe(P1A.minutes + P1B.minutes);
}

describe("the funder's figures", () => {
  it("counts every figure per digibank, digipunt and month as worked out by hand", async () => {
    expectFigures(await octoberOf(w.staff1));
  });

  it("gives an admin the same figures for one digibank, and a coordinator theirs", async () => {
    const admin = await octoberOf(w.admin, w.d2);
    expect(admin.digibanks).toHaveLength(1);
    expect(admin.digibanks[0]).toMatchObject(D2);
    expect(admin.total).toMatchObject({ peopleHelped: 5, target: 1000, sinceStart: 5 });
    const coordinator = await octoberOf(w.coordinator1);
    expect(coordinator.digibanks.map((b) => b.id)).toEqual([w.d1]);
    expect(coordinator.total).toMatchObject({ peopleHelped: 10, volunteers: 3, minutes: 690 });
  });

  it("refuses a digibank outside the reader's scope, or one that does not exist", async () => {
    for (const [actor, digibankId] of [
      [w.staff2, w.d1],
      [w.coordinator1, w.d2],
      [w.staff1, w.d3],
      [w.admin, 2_000_000_000],
    ] as const) {
      const outcome = await buildReport(
        database.db,
        actor,
        { ...OCTOBER, digibankId },
        { now: NOW },
      );
      expect(outcome).toEqual({ ok: false, reason: "not_found" });
    }
  });

  it("lists every month of a year, counting each shift in its Brussels month", async () => {
    const outcome = await buildReport(
      database.db,
      w.admin,
      { from: "2026-01-01", until: "2026-12-31", digibankId: w.d1 },
      { now: NOW },
    );
    if (!outcome.ok) throw new Error("refused");
    expect(outcome.report.months.map((m) => m.month)).toHaveLength(12);
    const helped = Object.fromEntries(outcome.report.months.map((m) => [m.month, m.peopleHelped]));
    expect(helped).toMatchObject({ "2026-09": 10, "2026-10": 10, "2026-11": 7, "2026-12": 0 });
  });

  it("keeps every figure after a volunteer deletes their account", async () => {
    await erasePersonalData(database.db, w.vA);
    const reflections = await database.db
      .selectFrom("shift_reports")
      .select("reflection")
      .where("user_id", "=", w.vA)
      .execute();
    expect(reflections.every((r) => r.reflection === "")).toBe(true);
    expectFigures(await octoberOf(w.staff1));
  });
});

describe("the report's CSV", () => {
  it("holds the figures per level, formula-safe, and records who took it", async () => {
    const t = getFixedT("nl", "reports");
    const csv = await exportReportCsv(
      database.db,
      w.staff1,
      { ...OCTOBER, digibankId: null, level: "digipunt" },
      (key, options) => t(key as never, options as never) as unknown as string,
      { ip: "127.0.0.1", now: NOW },
    );
    expect(csv.ok).toBe(true);
    if (!csv.ok) return;
    const rows = parse(csv.text.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
    const header = rows[0]!;
    const row = (name: string) => {
      const found = rows.find((r) => r[1] === name);
      return Object.fromEntries(header.map((h, i) => [h, found?.[i]]));
    };
    // The digipunt named like a formula is written with an apostrophe, so Excel shows it as text.
    const hyperlink = row('\'=HYPERLINK("http://x.example")');
    expect(hyperlink).toMatchObject({
      [t("csv.digibank")]: "D1",
      [t("csv.volunteers")]: "2",
      [t("csv.hours")]: "5,5",
      [t("csv.peopleHelped")]: "5",
      [t("csv.filled")]: "3",
      [t("csv.capacity")]: "3",
    });
    expect(row("Bibliotheek")).toMatchObject({
      [t("csv.hours")]: "6",
      [t("csv.peopleHelped")]: "5",
    });
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "details"])
      .where("action", "=", "report_exported")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: w.staff1.id });
    expect(audit.details).toMatchObject({
      from: "2026-10-01",
      until: "2026-10-31",
      level: "digipunt",
    });
  });

  it("refuses another region's digibank and records nothing", async () => {
    const before = await database.db.selectFrom("audit_events").select("id").execute();
    const csv = await exportReportCsv(
      database.db,
      w.staff2,
      { ...OCTOBER, digibankId: w.d1, level: "digibank" },
      (key) => key,
      { ip: null, now: NOW },
    );
    expect(csv).toEqual({ ok: false, reason: "not_found" });
    expect(await database.db.selectFrom("audit_events").select("id").execute()).toEqual(before);
  });
});

describe("the report's filter", () => {
  const read = (query: string) => readReportFilter(new URLSearchParams(query), "2026-12-02");

  it("defaults to the last full month, per digibank", () => {
    expect(read("")).toEqual({
      ok: true,
      filter: {
        kind: "month",
        month: "2026-11",
        year: "2026",
        from: "2026-11-01",
        until: "2026-11-30",
        digibankId: null,
        level: "digibank",
      },
    });
    expect(lastFullMonth("2027-01-15")).toBe("2026-12");
  });

  it("reads a month, a year and a range", () => {
    expect(read("period=month&month=2028-02")).toMatchObject({
      ok: true,
      filter: { from: "2028-02-01", until: "2028-02-29" },
    });
    expect(read("period=year&year=2026&level=month&digibank=7")).toMatchObject({
      ok: true,
      filter: { from: "2026-01-01", until: "2026-12-31", level: "month", digibankId: 7 },
    });
    expect(read("period=range&from=2026-03-05&to=2026-04-04")).toMatchObject({
      ok: true,
      filter: { kind: "range", from: "2026-03-05", until: "2026-04-04" },
    });
  });

  it.each([
    ["period=range&from=2027-02-30&to=2027-03-05", "date"],
    ["period=range&from=2026-05-01&to=2026-04-01", "order"],
    ["period=range&from=2024-01-01&to=2026-01-01", "tooLong"],
    ["period=month&month=2026-13", "month"],
    ["period=year&year=20266", "year"],
    ["period=week", "period"],
    ["digibank=2147483648", "digibank"],
    ["digibank=-1", "digibank"],
    ["level=region", "level"],
    ["month=2026-10%00", "badInput"],
  ])("refuses %s", (query, error) => {
    expect(read(query)).toMatchObject({ ok: false, error });
  });
});
