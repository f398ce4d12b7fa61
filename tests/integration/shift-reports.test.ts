import { randomUUID } from "node:crypto";
import { parseWithZod } from "@conform-to/zod";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import { listHomeCards } from "~/modules/home/cards.server.ts";
import { reportRequestKey, sendShiftReportRequests } from "~/modules/shift-reports/jobs.server.ts";
import {
  OwnReportSchema,
  RecordedReportSchema,
} from "~/modules/shift-reports/report-schemas.server.ts";
import {
  getOwnReportPage,
  getShiftReportsForPlanner,
  recordShiftReport,
  saveOwnReport,
} from "~/modules/shift-reports/reports.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createShiftReport,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Shift reports: filing, correcting for 14 days, who may, bounds and personal data, one per
// person and shift under concurrent submits, a coordinator recording for an outside volunteer,
// and the morning email once per person and day.

let database: TestDatabase;
let jobs: JobQueue;
let world: Awaited<ReturnType<typeof makeWorld>>;

const NOW = new Date("2027-02-01T15:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const days = (n: number) => hours(24 * n);

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db);
  const municipality = await createMunicipality(db, { regionId: region.id });
  const home = await createDigibank(db, { regionId: region.id });
  const other = await createDigibank(db, { regionId: region.id });
  const digipunt = await createDigipunt(db, {
    digibankId: home.id,
    municipalityId: municipality.id,
  });
  const elsewhere = await createDigipunt(db, {
    digibankId: other.id,
    municipalityId: municipality.id,
  });
  const coordinatorUser = await createUser(db);
  await assignRole(db, { userId: coordinatorUser.id, role: "coordinator", digibankId: home.id });
  const otherCoordinatorUser = await createUser(db);
  await assignRole(db, {
    userId: otherCoordinatorUser.id,
    role: "coordinator",
    digibankId: other.id,
  });
  return {
    home,
    other,
    digipunt,
    elsewhere,
    coordinator: (await loadActor(db, coordinatorUser.id))!,
    otherCoordinator: (await loadActor(db, otherCoordinatorUser.id))!,
  };
}

async function volunteer(digibankId = world.home.id): Promise<Actor> {
  const user = await createUser(database.db);
  await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
  return (await loadActor(database.db, user.id))!;
}

/** A shift (three hours, by default ended yesterday) with this volunteer confirmed on it. */
async function workedShift(
  actor: Actor | null,
  values: Partial<Parameters<typeof createShift>[1]> = {},
  claim: Partial<Parameters<typeof createClaim>[1]> = {},
) {
  const shift = await createShift(database.db, {
    digipuntId: world.digipunt.id,
    startsAt: hours(-27),
    ...values,
  });
  if (actor) await createClaim(database.db, { shiftId: shift.id, userId: actor.id, ...claim });
  return shift;
}

const INPUT = {
  reportId: null,
  peopleHelped: 6,
  topics: ["eid" as const, "other" as const],
  otherTopic: "Een treinticket kopen",
  minutesWorked: 170,
  referrals: 1,
  reflection: "Druk, maar iedereen kon verder.",
};

/** The page of someone who may see it (a denial fails the test). */
async function openPage(actor: Actor, shiftId: number, now = NOW) {
  const page = await getOwnReportPage(database.db, actor, shiftId, now);
  if (page.denied) throw new Error(`denied ${page.denied}`);
  return page;
}

async function reportsOf(shiftId: number) {
  return database.db
    .selectFrom("shift_reports")
    .selectAll()
    .where("shift_id", "=", shiftId)
    .orderBy("id")
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
});

afterAll(async () => {
  await stopJobQueue(jobs);
  await database.destroy();
});

describe("filing and correcting a report", () => {
  it("files a report for a shift the volunteer worked, prefilled with the shift's length", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna, { endsAt: hours(-24) });
    const page = await openPage(anna, shift.id);
    expect(page.shift).toMatchObject({ started: true, minutes: 180 });
    expect(page.report).toBeNull();

    const outcome = await saveOwnReport(database.db, anna, shift.id, INPUT, NOW);
    expect(outcome).toMatchObject({ ok: true, created: true, hasReflection: true });
    const [row] = await reportsOf(shift.id);
    expect(row).toMatchObject({
      user_id: anna.id,
      volunteer_name: null,
      people_helped: 6,
      topics: ["eid", "other"],
      other_topic: "Een treinticket kopen",
      minutes_worked: 170,
      referrals: 1,
      reflection: "Druk, maar iedereen kon verder.",
      recorded_by: null,
    });
  });

  it("lets the volunteer correct it for 14 days, and then no more", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna);
    const filed = await saveOwnReport(database.db, anna, shift.id, INPUT, NOW);
    if (!filed.ok) throw new Error("not filed");
    const correction = {
      ...INPUT,
      reportId: filed.reportId,
      peopleHelped: 8,
      topics: ["itsme" as const],
    };

    const within = await saveOwnReport(database.db, anna, shift.id, correction, days(13));
    expect(within).toMatchObject({ ok: true, created: false });
    let [row] = await reportsOf(shift.id);
    // "other" unticked: its text goes too.
    expect(row).toMatchObject({ people_helped: 8, topics: ["itsme"], other_topic: null });

    const page = await openPage(anna, shift.id, days(15));
    expect(page.canEdit).toBe(false);
    const late = await saveOwnReport(
      database.db,
      anna,
      shift.id,
      { ...correction, peopleHelped: 1 },
      days(15),
    );
    expect(late).toEqual({ ok: false, reason: "locked" });
    [row] = await reportsOf(shift.id);
    expect(row!.people_helped).toBe(8);
  });

  it("refuses a second report for the same shift, and keeps the first", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna);
    await saveOwnReport(database.db, anna, shift.id, INPUT, NOW);
    const again = await saveOwnReport(
      database.db,
      anna,
      shift.id,
      { ...INPUT, peopleHelped: 100 },
      NOW,
    );
    expect(again).toEqual({ ok: false, reason: "already_filed" });
    const rows = await reportsOf(shift.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.people_helped).toBe(6);
  });

  it("says a shift that has not started, or was cancelled, takes no report", async () => {
    const anna = await volunteer();
    const coming = await workedShift(anna, { startsAt: hours(2) });
    expect((await openPage(anna, coming.id)).shift?.started).toBe(false);
    expect(await saveOwnReport(database.db, anna, coming.id, INPUT, NOW)).toEqual({
      ok: false,
      reason: "not_started",
    });
    const cancelled = await workedShift(anna, { startsAt: hours(-50) });
    await database.db
      .updateTable("shifts")
      .set({ status: "cancelled", cancelled_at: NOW, cancel_reason: "Ziek" })
      .where("id", "=", cancelled.id)
      .execute();
    expect(await saveOwnReport(database.db, anna, cancelled.id, INPUT, NOW)).toEqual({
      ok: false,
      reason: "cancelled",
    });
    expect(await reportsOf(coming.id)).toHaveLength(0);
    expect(await reportsOf(cancelled.id)).toHaveLength(0);
  });
});

describe("who may file", () => {
  it("refuses a shift the volunteer was not on (403), and another digibank's (404)", async () => {
    const anna = await volunteer();
    const bert = await volunteer();
    const shift = await workedShift(bert);
    expect((await getOwnReportPage(database.db, anna, shift.id, NOW)).denied).toBe(403);
    expect(await saveOwnReport(database.db, anna, shift.id, INPUT, NOW)).toEqual({
      ok: false,
      denied: 403,
    });
    const elsewhere = await workedShift(null, { digipuntId: world.elsewhere.id });
    await createClaim(database.db, { shiftId: elsewhere.id, userId: anna.id });
    expect(await saveOwnReport(database.db, anna, elsewhere.id, INPUT, NOW)).toEqual({
      ok: false,
      denied: 404,
    });
    expect(await saveOwnReport(database.db, anna, 2_147_483_647, INPUT, NOW)).toEqual({
      ok: false,
      denied: 404,
    });
    expect(await reportsOf(shift.id)).toHaveLength(0);
    expect(await reportsOf(elsewhere.id)).toHaveLength(0);
  });

  it("refuses someone marked absent, on the reserve list, or released", async () => {
    for (const claim of [
      { attendance: "no_show" as const },
      { status: "reserve" as const },
      { status: "released" as const },
    ]) {
      const anna = await volunteer();
      const shift = await workedShift(anna, {}, claim);
      expect(await saveOwnReport(database.db, anna, shift.id, INPUT, NOW)).toEqual({
        ok: false,
        denied: 403,
      });
    }
  });

  it("lets a volunteer read the report a coordinator recorded for them without a claim", async () => {
    const anna = await volunteer();
    const shift = await workedShift(null);
    await createShiftReport(database.db, {
      shiftId: shift.id,
      userId: anna.id,
      recordedBy: world.coordinator.id,
      createdAt: NOW,
    });
    const page = await openPage(anna, shift.id);
    expect(page.report?.recordedBy).toBe(world.coordinator.id);
  });
});

describe("what the form takes", () => {
  const form = {
    peopleHelped: "6",
    topics: ["eid"],
    hours: "3",
    minutes: "0",
    referrals: "0",
    reflection: "",
  };
  const errorsOf = (payload: Record<string, unknown>) => {
    const result = OwnReportSchema.safeParse(payload);
    return result.success ? null : result.error.flatten().fieldErrors;
  };

  it("takes the form as the browser posts it, empty optional fields included", () => {
    const body = new FormData();
    for (const [name, value] of Object.entries({ ...form, topics: "eid", otherTopic: "" }))
      body.append(name, String(value));
    const submission = parseWithZod(body, { schema: OwnReportSchema });
    expect(submission.status).toBe("success");
    const recorded = new FormData();
    for (const [name, value] of Object.entries({
      ...form,
      topics: "eid",
      volunteer: "outside",
      volunteerName: "Jef",
      reportId: "",
    }))
      recorded.append(name, String(value));
    const record = parseWithZod(recorded, { schema: RecordedReportSchema });
    expect(record.status === "success" ? record.value.reflection : record.error).toBe("");
  });

  it("takes hours and minutes, and a single topic", () => {
    const result = OwnReportSchema.parse({
      ...form,
      topics: "smartphone",
      hours: "2",
      minutes: "30",
    });
    expect(result).toMatchObject({ reportId: null, minutesWorked: 150, topics: ["smartphone"] });
  });

  it("refuses 10,000 people helped, negative hours, 100,000 characters, NUL, an id past int range", () => {
    expect(errorsOf({ ...form, peopleHelped: "10000" })).toEqual({
      peopleHelped: ["shiftReports:errors.people"],
    });
    expect(errorsOf({ ...form, hours: "-2" })).toEqual({ hours: ["shiftReports:errors.hours"] });
    expect(errorsOf({ ...form, hours: "0", minutes: "0" })).toEqual({
      hours: ["shiftReports:errors.hours"],
    });
    expect(errorsOf({ ...form, hours: "24", minutes: "30" })).toEqual({
      hours: ["shiftReports:errors.hours"],
    });
    expect(errorsOf({ ...form, reflection: "a".repeat(100_000) })).toEqual({
      reflection: ["auth:fields.tooLong"],
    });
    expect(errorsOf({ ...form, reflection: "nul\u0000" })).toEqual({
      reflection: ["auth:fields.controlCharacters"],
    });
    expect(errorsOf({ ...form, reportId: "2147483648" })).toHaveProperty("reportId");
    expect(errorsOf({ ...form, topics: ["eid", "cooking"] })).toHaveProperty("topics");
    expect(errorsOf({ ...form, topics: ["other"] })).toEqual({
      otherTopic: ["shiftReports:errors.otherTopic"],
    });
  });

  it("refuses a reflection or other topic that looks like someone's data, one message per kind", () => {
    expect(
      errorsOf({ ...form, reflection: "Mevrouw (jan@voorbeeld.be, 0470 12 34 56) geholpen" }),
    ).toEqual({
      reflection: ["shiftReports:errors.sensitive.phone", "shiftReports:errors.sensitive.email"],
    });
    expect(
      errorsOf({ ...form, topics: ["other"], otherTopic: "BE68 5390 0754 7034 overschrijven" }),
    ).toEqual({ otherTopic: ["shiftReports:errors.sensitive.iban"] });
  });

  it("the module refuses such text too, and saves nothing", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna);
    const before = await snapshotCounts(database, ["shift_reports"]);
    expect(
      await saveOwnReport(
        database.db,
        anna,
        shift.id,
        { ...INPUT, reflection: "rijksregister 85.07.30-033.28" },
        NOW,
      ),
    ).toEqual({ ok: false, reason: "sensitive" });
    expect(await snapshotCounts(database, ["shift_reports"])).toEqual(before);
  });

  it("the database refuses out-of-bounds figures from any writer", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna);
    await expect(
      saveOwnReport(database.db, anna, shift.id, { ...INPUT, peopleHelped: 10_000 }, NOW),
    ).rejects.toThrow();
    expect(await reportsOf(shift.id)).toHaveLength(0);
  });
});

describe("two submits at once", () => {
  async function race(anna: Actor, shiftId: number, n = 10) {
    return Promise.all(
      Array.from({ length: n }, () => saveOwnReport(database.db, anna, shiftId, INPUT, NOW)),
    );
  }

  it("leaves one report and tells the others it was already filed", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna);
    const outcomes = await race(anna, shift.id);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(new Set(outcomes.filter((o) => !o.ok).map((o) => "reason" in o && o.reason))).toEqual(
      new Set(["already_filed"]),
    );
    expect(await reportsOf(shift.id)).toHaveLength(1);
  });

  // Only on a PostgreSQL server: PGlite's one connection runs the submits one after another.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "control: without the unique index the same race files several",
    async () => {
      await sql`drop index shift_reports_one_per_volunteer`.execute(database.db);
      const shiftIds: number[] = [];
      try {
        let doubled = 0;
        for (let round = 0; round < 5; round++) {
          const anna = await volunteer();
          const shift = await workedShift(anna);
          shiftIds.push(shift.id);
          await race(anna, shift.id);
          if ((await reportsOf(shift.id)).length > 1) doubled++;
        }
        expect(doubled).toBeGreaterThan(0);
      } finally {
        await database.db.deleteFrom("shift_reports").where("shift_id", "in", shiftIds).execute();
        await sql`create unique index shift_reports_one_per_volunteer on shift_reports (shift_id, user_id) where user_id is not null`.execute(
          database.db,
        );
      }
    },
  );
});

describe("a coordinator records a report", () => {
  it("for an outside volunteer by name, once per name, and lists it", async () => {
    const shift = await workedShift(null);
    const input = RecordedReportSchema.parse({
      volunteer: "outside",
      volunteerName: "Marie Dubois",
      peopleHelped: "3",
      topics: ["mypension"],
      hours: "2",
      minutes: "45",
    });
    const outcome = await recordShiftReport(database.db, world.coordinator, shift.id, input, NOW);
    expect(outcome).toMatchObject({ ok: true, created: true });
    const [row] = await reportsOf(shift.id);
    expect(row).toMatchObject({
      user_id: null,
      volunteer_name: "Marie Dubois",
      people_helped: 3,
      minutes_worked: 165,
      recorded_by: world.coordinator.id,
    });
    const again = await recordShiftReport(
      database.db,
      world.coordinator,
      shift.id,
      { ...input, volunteer: { name: "marie dubois" } },
      NOW,
    );
    expect(again).toEqual({ ok: false, reason: "already_filed" });
    const page = await getShiftReportsForPlanner(database.db, world.coordinator, shift.id, NOW);
    expect(page?.reports.map((r) => [r.name, r.recordedBy])).toEqual([
      ["Marie Dubois", world.coordinator.name],
    ]);
  });

  it("for someone on the roster without a report, who then sees it as theirs", async () => {
    const anna = await volunteer();
    const shift = await workedShift(anna);
    const page = await getShiftReportsForPlanner(database.db, world.coordinator, shift.id, NOW);
    expect(page?.withoutReport.map((p) => p.id)).toEqual([anna.id]);
    const outcome = await recordShiftReport(
      database.db,
      world.coordinator,
      shift.id,
      { ...INPUT, volunteer: { userId: anna.id } },
      NOW,
    );
    expect(outcome.ok).toBe(true);
    expect((await openPage(anna, shift.id)).report?.recordedBy).toBe(world.coordinator.id);
    // Not for someone who was not on the shift.
    const bert = await volunteer();
    expect(
      await recordShiftReport(
        database.db,
        world.coordinator,
        shift.id,
        { ...INPUT, volunteer: { userId: bert.id } },
        NOW,
      ),
    ).toEqual({ ok: false, reason: "not_on_roster" });
  });

  it("not for another digibank's shift (404)", async () => {
    const shift = await workedShift(null);
    expect(
      await getShiftReportsForPlanner(database.db, world.otherCoordinator, shift.id, NOW),
    ).toBeNull();
    expect(
      await recordShiftReport(
        database.db,
        world.otherCoordinator,
        shift.id,
        { ...INPUT, volunteer: { name: "Iemand" } },
        NOW,
      ),
    ).toEqual({ ok: false, denied: 404 });
    expect(await reportsOf(shift.id)).toHaveLength(0);
  });
});

describe("asking for a report", () => {
  it("the home page lists worked shifts of the last 14 days without a report", async () => {
    const anna = await volunteer();
    const recent = await workedShift(anna, { startsAt: hours(-30) });
    const reported = await workedShift(anna, { startsAt: hours(-60) });
    await createShiftReport(database.db, { shiftId: reported.id, userId: anna.id });
    await workedShift(anna, { startsAt: days(-20) });
    await workedShift(anna, { startsAt: days(-3) }, { attendance: "no_show" });
    await workedShift(anna, { startsAt: hours(5) });
    const cards = await listHomeCards(database.db, anna, { language: "nl", now: NOW });
    const card = cards.find((c) => c.kind === "shift_reports_due");
    expect(card && "shifts" in card ? card.shifts.map((s) => s.href) : null).toEqual([
      `/shifts/${recent.id}/report`,
    ]);
  });

  // The job runs at 08:00 in Brussels (07:00 UTC in winter); "yesterday" is 1 February.
  const MORNING = new Date("2027-02-02T07:00:00Z");
  const YESTERDAY = (h: number) => new Date(`2027-02-01T${String(h).padStart(2, "0")}:00:00Z`);

  async function emailsTo(userId: number) {
    return database.db
      .selectFrom("email_messages")
      .select(["idempotency_key", "payload"])
      .where("template", "=", "shift_report_request")
      .where("recipient_id", "=", userId)
      .execute();
  }

  it("sends one email per person and day, listing yesterday's shifts without a report", async () => {
    const anna = await volunteer();
    const morning = await workedShift(anna, { startsAt: YESTERDAY(8), endsAt: YESTERDAY(11) });
    const afternoon = await workedShift(anna, {
      startsAt: YESTERDAY(13),
      endsAt: YESTERDAY(16),
    });
    // The day before yesterday: asked the day before.
    await workedShift(anna, { startsAt: new Date("2027-01-31T09:00:00Z") });
    const bert = await volunteer();
    const reported = await workedShift(bert, { startsAt: YESTERDAY(9), endsAt: YESTERDAY(12) });
    await createShiftReport(database.db, { shiftId: reported.id, userId: bert.id });
    const carla = await volunteer();
    await workedShift(carla, { startsAt: YESTERDAY(10), endsAt: YESTERDAY(12) });
    await database.db
      .updateTable("users")
      .set({ notify_report_requests: false })
      .where("id", "=", carla.id)
      .execute();

    // Two workers at once, then a rerun.
    await Promise.all([
      sendShiftReportRequests(database.db, jobs, MORNING),
      sendShiftReportRequests(database.db, jobs, MORNING),
    ]);
    await sendShiftReportRequests(database.db, jobs, new Date(MORNING.getTime() + 3_600_000));

    const annas = await emailsTo(anna.id);
    expect(annas).toHaveLength(1);
    expect(annas[0]!.idempotency_key).toBe(reportRequestKey(anna.id, "2027-02-01"));
    const payload = annas[0]!.payload as { shifts: Array<{ url: string }> };
    expect(payload.shifts.map((s) => new URL(s.url).pathname)).toEqual([
      `/shifts/${morning.id}/report`,
      `/shifts/${afternoon.id}/report`,
    ]);
    expect(await emailsTo(bert.id)).toHaveLength(0);
    expect(await emailsTo(carla.id)).toHaveLength(0);
  });

  it("control: without the key per person and day, the same runs send more than one", async () => {
    const dora = await volunteer();
    await workedShift(dora, { startsAt: YESTERDAY(9), endsAt: YESTERDAY(12) });
    const perRun = (userId: number, day: string) =>
      `${reportRequestKey(userId, day)}:${randomUUID()}`;
    await Promise.all([
      sendShiftReportRequests(database.db, jobs, MORNING, perRun),
      sendShiftReportRequests(database.db, jobs, MORNING, perRun),
    ]);
    expect((await emailsTo(dora.id)).length).toBeGreaterThan(1);
  });
});
