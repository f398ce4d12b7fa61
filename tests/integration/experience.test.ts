import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAttestation, readAttestationPeriod } from "~/modules/experience/attestation.server.ts";
import { renderAttestationPdf } from "~/modules/experience/attestation-pdf.server.ts";
import { loadExperience, loadExperienceSummary } from "~/modules/experience/figures.server.ts";
import { describeAttestation, describeExperience } from "~/modules/experience/view.server.ts";
import { experienceCards } from "~/modules/home/cards.server.ts";
import { loadActor } from "~/modules/auth/access.server.ts";
import { erasePersonalData } from "~/modules/people/personal-data.server.ts";
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
  giveSkill,
  skillId,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { readPdf } from "../support/pdf.ts";

// A small known world with hand-computed figures for every number on /account/experience, each
// milestone and the attestation, counted as decision 024 says; the same figures after another
// volunteer's account is deleted; and the attestation PDF read back.

let database: TestDatabase;
const NOW = new Date("2026-11-20T12:00:00Z");
let w: Awaited<ReturnType<typeof makeWorld>>;

/** A shift on a local date, 09:00 Brussels, `hours` long. */
function at(date: string, hours = 3) {
  // Brussels is UTC+1 in winter and UTC+2 in summer (April to October here).
  const month = Number(date.slice(5, 7));
  const offset = month >= 4 && month <= 10 ? 2 : 1;
  const startsAt = new Date(`${date}T${String(9 - offset).padStart(2, "0")}:00:00Z`);
  return { startsAt, endsAt: new Date(startsAt.getTime() + hours * 3600_000) };
}

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db, { name: "Regio Kempen" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Geel" });
  const bank2 = await createDigibank(db, { regionId: region.id, name: "Digibank Mol" });
  const town = await createMunicipality(db, { regionId: region.id, name: "Geel" });
  const punt = await createDigipunt(db, { digibankId: bank.id, municipalityId: town.id });
  const punt2 = await createDigipunt(db, { digibankId: bank2.id, municipalityId: town.id });
  const carla = await createUser(db, { name: "Carla Claes" });
  await assignRole(db, { userId: carla.id, role: "coordinator", digibankId: bank.id });
  const rita = await createUser(db, { name: "Rita Regio" });
  await assignRole(db, { userId: rita.id, role: "coordinator", regionId: region.id });

  const v = await createUser(db, {
    name: "Véronique Dupré",
    language: "fr",
    volunteeringSince: "2025-03-01",
  });
  const wim = await createUser(db, { name: "Wim Wouters" });
  const x = await createUser(db, { name: "Xavier Xhonneux" });
  for (const person of [v, wim, x])
    await assignRole(db, { userId: person.id, role: "volunteer", digibankId: bank.id });

  const shift = (date: string, options: { hours?: number; digipuntId?: number } = {}) =>
    createShift(db, {
      digipuntId: options.digipuntId ?? punt.id,
      ...at(date, options.hours),
      capacity: 4,
    });

  // Véronique's shifts.
  const s1 = await shift("2025-06-10"); // present, report 150 min, 5 people, eid + itsme, 1 referral
  await createClaim(db, { shiftId: s1.id, userId: v.id, attendance: "present" });
  await createShiftReport(db, {
    shiftId: s1.id,
    userId: v.id,
    minutesWorked: 150,
    peopleHelped: 5,
    topics: ["eid", "itsme"],
    referrals: 1,
  });
  const s2 = await shift("2026-02-03"); // attendance not recorded, no report: 180 min
  await createClaim(db, { shiftId: s2.id, userId: v.id });
  const s3 = await shift("2026-03-03"); // no-show: not worked
  await createClaim(db, { shiftId: s3.id, userId: v.id, attendance: "no_show" });
  const s4 = await shift("2026-04-07"); // cancelled: not worked
  await createClaim(db, { shiftId: s4.id, userId: v.id });
  await db
    .updateTable("shifts")
    .set({ status: "cancelled", cancelled_at: new Date(), cancel_reason: "Ziek" })
    .where("id", "=", s4.id)
    .execute();
  const s5 = await shift("2026-12-15"); // future: not yet worked
  await createClaim(db, { shiftId: s5.id, userId: v.id });
  const s6 = await shift("2026-05-05"); // released, but a report recorded for her: worked, 240 min
  await createClaim(db, { shiftId: s6.id, userId: v.id, status: "released" });
  await createShiftReport(db, {
    shiftId: s6.id,
    userId: v.id,
    minutesWorked: 240,
    peopleHelped: 7,
    topics: ["eid", "e_banking"],
    recordedBy: carla.id,
  });
  const s7 = await shift("2026-06-02"); // present, report 120 min, 3 people, smartphone
  await createClaim(db, { shiftId: s7.id, userId: v.id, attendance: "present" });
  await createShiftReport(db, {
    shiftId: s7.id,
    userId: v.id,
    minutesWorked: 120,
    peopleHelped: 3,
    topics: ["smartphone"],
  });
  // Others on the same shift: Wim (later deleted) and an outside volunteer; never Véronique's.
  await createClaim(db, { shiftId: s7.id, userId: wim.id, attendance: "present" });
  await createShiftReport(db, {
    shiftId: s7.id,
    userId: wim.id,
    minutesWorked: 180,
    peopleHelped: 10,
    topics: ["email"],
    reflection: "Een drukke dag.",
  });
  await createShiftReport(db, {
    shiftId: s7.id,
    volunteerName: "Buiten Helper",
    peopleHelped: 6,
    recordedBy: carla.id,
  });
  const s8 = await shift("2026-09-01"); // on the reserve list: not worked
  await createClaim(db, { shiftId: s8.id, userId: v.id, status: "reserve" });
  const s9 = await shift("2026-10-06", { digipuntId: punt2.id }); // Digibank Mol, 180 min
  await createClaim(db, { shiftId: s9.id, userId: v.id });

  // Courses: one in 2025 without skills, one in 2026 granting itsme; a declared skill.
  const welcome = await createCourse(db, { regionId: region.id, title: "Welkom bij de digibank" });
  const itsme = await createCourse(db, { regionId: region.id, title: "Vorming itsme" });
  const open = await createCourse(db, { regionId: region.id, title: "Nog bezig" });
  for (const [course, completedAt] of [
    [welcome, new Date("2025-09-15T10:00:00Z")],
    [itsme, new Date("2026-04-20T10:00:00Z")],
    [open, null],
  ] as const) {
    const enrolment = await createEnrolment(db, { courseId: course.id, userId: v.id });
    await db
      .updateTable("course_enrolments")
      .set({ completed_at: completedAt })
      .where("id", "=", enrolment.id)
      .execute();
  }
  await db
    .insertInto("volunteer_skills")
    .values({
      user_id: v.id,
      skill_id: await skillId(db, "itsme"),
      source: "course",
      course_id: itsme.id,
      earned_at: new Date("2026-04-20T10:00:00Z"),
    })
    .execute();
  await giveSkill(db, { userId: v.id, code: "eid" });

  // Xavier: ten shifts of 6 hours, weekly from 1 July 2026, none reported.
  for (let week = 0; week < 10; week++) {
    const day = new Date(Date.UTC(2026, 6, 1 + 7 * week)).toISOString().slice(0, 10);
    const s = await shift(day, { hours: 6 });
    await createClaim(db, { shiftId: s.id, userId: x.id });
  }
  return { v, wim, x, carla, bank, bank2 };
}

beforeAll(async () => {
  database = await createTestDatabase();
  w = await makeWorld();
});
afterAll(() => database.destroy());

const VERONIQUE_ALL = {
  shifts: 5,
  minutes: 150 + 180 + 240 + 120 + 180,
  reportedMinutes: 150 + 240 + 120,
  reports: 3,
  peopleHelped: 5 + 7 + 3,
  referrals: 1,
  topics: [
    { topic: "eid", reports: 2 },
    { topic: "e_banking", reports: 1 },
    { topic: "itsme", reports: 1 },
    { topic: "smartphone", reports: 1 },
  ],
};

async function experienceOf(userId: number, year: number | null = null) {
  return loadExperience(database.db, userId, { year, now: NOW });
}

describe("the figures of My experience", () => {
  it("counts a volunteer's work over all time as decision 024 says", async () => {
    const e = (await experienceOf(w.v.id))!;
    expect(e.totals).toEqual(VERONIQUE_ALL);
    expect(e.courses.map((c) => [c.title, c.date])).toEqual([
      ["Welkom bij de digibank", "2025-09-15"],
      ["Vorming itsme", "2026-04-20"],
    ]);
    // Earned skills only; the declared eid is not among them.
    expect(e.skills).toEqual([{ code: "itsme", date: "2026-04-20", courseTitle: "Vorming itsme" }]);
    expect(e.years).toEqual([2026, 2025]);
  });

  it("writes every number on the page out in the reader's language", async () => {
    const view = describeExperience((await experienceOf(w.v.id))!, "nl");
    expect(view.hours).toBe("14,5");
    expect(view.hoursNote).toBe(
      "Daarvan 8,5 uur uit je 3 verslagen; de rest is de geplande duur van je diensten.",
    );
    expect([view.shifts, view.peopleHelped, view.referrals]).toEqual(["5", "15", "1"]);
    expect(view.topics.map((t) => [t.label, t.reports])).toEqual([
      ["eID en kaartlezer", "2"],
      [expect.any(String), "1"],
      ["itsme", "1"],
      [expect.any(String), "1"],
    ]);
    expect(view.courses.map((c) => c.text)).toEqual([
      "Welkom bij de digibank, 15 september 2025",
      "Vorming itsme, 20 april 2026",
    ]);
  });

  it("counts one year at a time", async () => {
    const in2025 = (await experienceOf(w.v.id, 2025))!;
    expect(in2025.totals).toEqual({
      shifts: 1,
      minutes: 150,
      reportedMinutes: 150,
      reports: 1,
      peopleHelped: 5,
      referrals: 1,
      topics: [
        { topic: "eid", reports: 1 },
        { topic: "itsme", reports: 1 },
      ],
    });
    expect(in2025.courses.map((c) => c.title)).toEqual(["Welkom bij de digibank"]);
    expect(in2025.skills).toEqual([]);
    const in2026 = (await experienceOf(w.v.id, 2026))!;
    expect(in2026.totals).toEqual({
      shifts: 4,
      minutes: 180 + 240 + 120 + 180,
      reportedMinutes: 360,
      reports: 2,
      peopleHelped: 10,
      referrals: 0,
      topics: [
        { topic: "e_banking", reports: 1 },
        { topic: "eid", reports: 1 },
        { topic: "smartphone", reports: 1 },
      ],
    });
    expect(in2026.courses.map((c) => c.title)).toEqual(["Vorming itsme"]);
    expect(in2026.skills.map((s) => s.code)).toEqual(["itsme"]);
    // A year without anything: all zero.
    expect((await experienceOf(w.v.id, 2024))!.totals.shifts).toBe(0);
  });

  it("tells each milestone reached with its date, or how far to go", async () => {
    const v = (await experienceOf(w.v.id))!;
    expect(v.milestones).toEqual([
      { code: "first_shift", reachedOn: "2025-06-10", toGo: null },
      { code: "ten_shifts", reachedOn: null, toGo: 5 },
      // 870 minutes: 35.5 hours to go, told as 36.
      { code: "fifty_hours", reachedOn: null, toGo: 36 },
      // Digihelper since 1 March 2025.
      { code: "one_year", reachedOn: "2026-03-01", toGo: null },
    ]);
    const x = (await experienceOf(w.x.id))!;
    expect(x.totals.minutes).toBe(3600);
    expect(x.milestones).toEqual([
      { code: "first_shift", reachedOn: "2026-07-01", toGo: null },
      { code: "ten_shifts", reachedOn: "2026-09-02", toGo: null },
      // 9 shifts of 6 hours make 54: the ninth crossed 50.
      { code: "fifty_hours", reachedOn: "2026-08-26", toGo: null },
      // No "digihelper since": counted from the first shift, 1 July 2026.
      { code: "one_year", reachedOn: null, toGo: 223 },
    ]);
    expect(describeExperience(x, "nl").milestones.map((m) => m.text)).toEqual([
      "Gehaald op 1 juli 2026",
      "Gehaald op 2 september 2026",
      "Gehaald op 26 augustus 2026",
      "Nog 223 dagen te gaan",
    ]);
  });

  it("gives the home card of a volunteer with a shift worked, and none without", async () => {
    const actor = (await loadActor(database.db, w.v.id))!;
    const [card] = await experienceCards.cards(database.db, actor, { language: "nl", now: NOW });
    expect(card).toEqual({
      kind: "experience",
      helped: "Je hielp al 15 mensen in 14,5 uur.",
      next: "Volgende mijlpaal: 10 diensten. Nog 5 diensten te gaan.",
    });
    const newcomer = await createUser(database.db);
    await assignRole(database.db, {
      userId: newcomer.id,
      role: "volunteer",
      digibankId: w.bank.id,
    });
    const fresh = (await loadActor(database.db, newcomer.id))!;
    expect(await experienceCards.cards(database.db, fresh, { language: "nl", now: NOW })).toEqual(
      [],
    );
    expect(await loadExperienceSummary(database.db, newcomer.id, { now: NOW })).toBeNull();
  });
});

describe("the attestation", () => {
  it("defaults to digihelper-since until today, else the first shift", async () => {
    const none = new URLSearchParams();
    expect(await readAttestationPeriod(database.db, w.v.id, none, { now: NOW })).toEqual({
      ok: true,
      value: { from: "2025-03-01", to: "2026-11-20" },
    });
    expect(await readAttestationPeriod(database.db, w.x.id, none, { now: NOW })).toEqual({
      ok: true,
      value: { from: "2026-07-01", to: "2026-11-20" },
    });
  });

  it("refuses an impossible date, from after to, year 99999 and a NUL", async () => {
    const read = (query: string) =>
      readAttestationPeriod(database.db, w.v.id, new URLSearchParams(query), { now: NOW });
    expect(await read("from=2026-02-30")).toEqual({ ok: false, error: "experience:errors.date" });
    expect(await read("from=99999-01-01")).toEqual({ ok: false, error: "experience:errors.date" });
    expect(await read("to=2026-01-01%00")).toEqual({ ok: false, error: "experience:errors.date" });
    expect(await read("from=2026-05-01&to=2026-04-30")).toEqual({
      ok: false,
      error: "experience:errors.order",
    });
  });

  it("holds the period's work per digibank, with a coordinator of it or of its region", async () => {
    const a = (await loadAttestation(
      database.db,
      w.v.id,
      { from: "2026-01-01", to: "2026-12-31" },
      { now: NOW },
    ))!;
    expect(a.name).toBe("Véronique Dupré");
    expect([a.totals.shifts, a.totals.minutes, a.totals.peopleHelped]).toEqual([4, 720, 10]);
    expect(a.digibanks).toEqual([
      { id: w.bank.id, name: "Digibank Geel", coordinator: "Carla Claes", shifts: 3, minutes: 540 },
      { id: w.bank2.id, name: "Digibank Mol", coordinator: "Rita Regio", shifts: 1, minutes: 180 },
    ]);
    expect(a.courses.map((c) => c.title)).toEqual(["Vorming itsme"]);
    expect(a.skills.map((s) => s.code)).toEqual(["itsme"]);
    expect(a.issuedOn).toBe("2026-11-20");
  });

  it("is a PDF in French for a French reader, with her name, the period and the hours", async () => {
    const a = (await loadAttestation(
      database.db,
      w.v.id,
      { from: "2026-01-01", to: "2026-12-31" },
      { now: NOW },
    ))!;
    const text = describeAttestation(a, "fr");
    const pdf = await readPdf(await renderAttestationPdf(text));
    expect(pdf.title).toBe("Attestation de bénévolat");
    expect(pdf.language).toBe("fr");
    const flat = pdf.text.replace(/\s+/g, " ");
    expect(flat).toContain("Véronique Dupré");
    expect(flat).toContain("1 janvier 2026 – 31 décembre 2026");
    expect(flat).toContain("Heures: 12");
    expect(flat).toContain("Digibanque");
    expect(flat).toContain("Carla Claes");
    expect(flat).toContain("Établie le 20 novembre 2026.");
    expect(text.filename).toBe("attestation-benevolat-veronique-dupre-2026-01-01-2026-12-31.pdf");
  });
});

describe("after another volunteer's account is deleted", () => {
  it("keeps everyone else's figures, and the deleted person has no page", async () => {
    const before = {
      v: await experienceOf(w.v.id),
      x: await experienceOf(w.x.id),
      v2026: await experienceOf(w.v.id, 2026),
    };
    expect((await experienceOf(w.wim.id))!.totals.peopleHelped).toBe(10);
    await erasePersonalData(database.db, w.wim.id);
    expect(await experienceOf(w.v.id)).toEqual(before.v);
    expect(await experienceOf(w.x.id)).toEqual(before.x);
    expect(await experienceOf(w.v.id, 2026)).toEqual(before.v2026);
    expect((await experienceOf(w.v.id))!.totals).toEqual(VERONIQUE_ALL);
    expect(await experienceOf(w.wim.id)).toBeNull();
    expect(
      await loadAttestation(database.db, w.wim.id, { from: "2026-01-01", to: "2026-12-31" }),
    ).toBeNull();
  });
});
