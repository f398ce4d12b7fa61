import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import {
  createDigipunt as addDigipunt,
  listDigipunten,
  setDigipuntArchived,
  updateDigipunt,
} from "~/modules/places/digipunten.server.ts";
import { WEEKDAYS, localParts, occurrenceDates, toRRule } from "~/modules/shifts/recurrence.ts";
import { WEEKDAYS as FORM_WEEKDAYS } from "~/modules/shifts/planning-schemas.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import {
  exportShiftsCsv,
  fillRates,
  getRoster,
  grantReleaseRequest,
  listPlannedShifts,
  listShiftsForExport,
  recordAttendance,
  removeFromShift,
} from "~/modules/shifts/roster.server.ts";
import {
  type NewShifts,
  cancelShift,
  createShiftSeries,
  editShift,
  extendSeriesHorizon,
  startSeriesHorizonJob,
} from "~/modules/shifts/series.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
  skillId,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The coordinator's side of shifts: series and one-off shifts, edits of one or all following
// occurrences, cancellations, the database's refusals in plain words, rosters, fill rates, export.

let database: TestDatabase;
let jobs: JobQueue;
let w: Awaited<ReturnType<typeof makeWorld>>;
const NOW = new Date("2027-01-10T12:00:00Z");
const at = { now: NOW };

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db);
  const town = await createMunicipality(db, { regionId: region.id, name: "Brugge" });
  const otherRegion = await createRegion(db);
  const otherTown = await createMunicipality(db, { regionId: otherRegion.id, name: "Lommel" });
  const bankA = await createDigibank(db, { regionId: region.id, name: "Digibank A" });
  const bankB = await createDigibank(db, { regionId: region.id, name: "Digibank B" });
  const pointA = await createDigipunt(db, {
    digibankId: bankA.id,
    municipalityId: town.id,
    name: "Bibliotheek A",
  });
  const mobileA = await createDigipunt(db, {
    digibankId: bankA.id,
    municipalityId: town.id,
    name: "Digibus A",
    kind: "mobile",
  });
  const pointB = await createDigipunt(db, {
    digibankId: bankB.id,
    municipalityId: town.id,
    name: "Bibliotheek B",
  });
  const actor = async (role: "coordinator" | "admin", digibankId?: number, regionId?: number) => {
    const user = await createUser(db);
    await assignRole(db, { userId: user.id, role, digibankId, regionId });
    return (await loadActor(db, user.id))!;
  };
  const volunteer = async (name: string) => {
    const user = await createUser(db, { name, email: `${name.toLowerCase()}@example.test` });
    await db
      .updateTable("users")
      .set({ phone: "+32 470 12 34 56" })
      .where("id", "=", user.id)
      .execute();
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bankA.id });
    return user;
  };
  return {
    region,
    town,
    otherTown,
    bankA,
    bankB,
    pointA,
    mobileA,
    pointB,
    coordA: await actor("coordinator", bankA.id),
    coordB: await actor("coordinator", bankB.id),
    regionCoord: await actor("coordinator", undefined, region.id),
    admin: await actor("admin"),
    an: await volunteer("An"),
    bert: await volunteer("Bert"),
    cas: await volunteer("Cas"),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  w = await makeWorld();
});

afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

const details = {
  startTime: "09:00",
  endTime: "12:00",
  capacity: 3,
  requiredSkillId: null,
  firstShiftFriendly: false,
  notes: null,
  address: null,
};

async function weekly(
  overrides: Partial<Extract<NewShifts, { kind: "weekly" }>> = {},
  actor: Actor = w.coordA,
) {
  const outcome = await createShiftSeries(
    database.db,
    actor,
    {
      kind: "weekly",
      digipuntId: w.pointA.id,
      firstDate: "2027-02-01",
      lastDate: "2027-02-28",
      weekdays: ["TU", "TH"],
      skippedDates: [],
      ...details,
      ...overrides,
    },
    at,
  );
  if (!outcome.ok) throw new Error(`series refused: ${outcome.reason}`);
  return outcome;
}

const shiftsOf = (seriesId: number) =>
  database.db
    .selectFrom("shifts")
    .selectAll()
    .where("series_id", "=", seriesId)
    .orderBy("starts_at")
    .execute();

/** The idempotency keys of the emails of one template about one shift. */
async function mailsAbout(shiftId: number, template: string) {
  const rows = await database.db
    .selectFrom("email_messages")
    .select("idempotency_key")
    .where("template", "=", template)
    .where("idempotency_key", "like", `${template}:${shiftId}:%`)
    .orderBy("idempotency_key")
    .execute();
  return rows.map((r) => r.idempotency_key);
}

const claimsOf = (shiftId: number) =>
  database.db
    .selectFrom("shift_claims")
    .selectAll()
    .where("shift_id", "=", shiftId)
    .orderBy("id")
    .execute();

describe("publishing shifts", () => {
  it("offers the form the weekdays the recurrence module knows", () => {
    expect(FORM_WEEKDAYS).toEqual(WEEKDAYS);
  });

  it("makes one shift per date of a weekly pattern, minus the skipped dates", async () => {
    const { seriesId, shiftIds } = await weekly({ skippedDates: ["2027-02-11"] });
    const shifts = await shiftsOf(seriesId!);
    expect(shifts.map((s) => s.occurrence_date)).toEqual([
      "2027-02-02",
      "2027-02-04",
      "2027-02-09",
      "2027-02-16",
      "2027-02-18",
      "2027-02-23",
      "2027-02-25",
    ]);
    expect(shiftIds).toHaveLength(7);
    expect(shifts.every((s) => localParts(s.starts_at).time === "09:00")).toBe(true);
    expect(shifts.every((s) => localParts(s.ends_at).time === "12:00")).toBe(true);
    const series = await database.db
      .selectFrom("shift_series")
      .selectAll()
      .where("id", "=", seriesId!)
      .executeTakeFirstOrThrow();
    expect(series.rrule).toBe("FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH;UNTIL=20270228");
    expect(series.skipped_dates).toEqual(["2027-02-11"]);
    expect(series.generated_until).toBe("2027-02-28");
  });

  it("keeps a weekly 09:00 shift at 09:00 local across both daylight-saving changes of 2027", async () => {
    const { seriesId } = await weekly({
      weekdays: ["SU"],
      firstDate: "2027-03-21",
      lastDate: "2027-11-07",
    });
    const shifts = await shiftsOf(seriesId!);
    const byDate = new Map(shifts.map((s) => [s.occurrence_date, s]));
    // Winter time (UTC+1) before 28 March, summer time (UTC+2) until 31 October, winter again.
    expect(byDate.get("2027-03-21")!.starts_at.toISOString()).toBe("2027-03-21T08:00:00.000Z");
    expect(byDate.get("2027-03-28")!.starts_at.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    expect(byDate.get("2027-10-24")!.starts_at.toISOString()).toBe("2027-10-24T07:00:00.000Z");
    expect(byDate.get("2027-10-31")!.starts_at.toISOString()).toBe("2027-10-31T08:00:00.000Z");
    expect(byDate.get("2027-10-31")!.ends_at.toISOString()).toBe("2027-10-31T11:00:00.000Z");
    expect(shifts.map((s) => localParts(s.starts_at).time)).toEqual(shifts.map(() => "09:00"));
    expect(shifts).toHaveLength(
      occurrenceDates(
        {
          rrule: toRRule({ firstDate: "2027-03-21", lastDate: "2027-11-07", weekdays: ["SU"] }),
          firstDate: "2027-03-21",
        },
        { from: "2027-03-21", until: "2027-11-07" },
      ).length,
    );
  });

  it("makes a year of a long series now and the rest day by day with the daily job", async () => {
    const { seriesId } = await weekly(
      {
        weekdays: ["WE"],
        firstDate: "2027-01-13",
        lastDate: "2028-12-27",
        digipuntId: w.pointB.id,
        startTime: "13:00",
        endTime: "16:00",
      },
      w.coordB,
    );
    const first = await shiftsOf(seriesId!);
    expect(first.at(-1)!.occurrence_date! <= "2028-01-10").toBe(true);
    expect(first.at(-1)!.occurrence_date! > "2028-01-02").toBe(true);
    const made = await extendSeriesHorizon(database.db, "2027-06-01");
    const later = await shiftsOf(seriesId!);
    expect(made).toBeGreaterThanOrEqual(later.length - first.length);
    expect(later.length - first.length).toBe(21);
    expect(later.at(-1)!.occurrence_date).toBe("2028-05-31");
    expect(await extendSeriesHorizon(database.db, "2027-06-01")).toBe(0);
    const series = await database.db
      .selectFrom("shift_series")
      .select("generated_until")
      .where("id", "=", seriesId!)
      .executeTakeFirstOrThrow();
    expect(series.generated_until).toBe("2028-05-31");
  });

  it("keeps the horizon filling with a daily job at night, Brussels time", async () => {
    await startSeriesHorizonJob(jobs, database.db);
    const schedules = await jobs.getSchedules("shift-series-horizon");
    expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([["23 3 * * *", "Europe/Brussels"]]);
  });

  it("makes a one-off shift as a shift without a series", async () => {
    const outcome = await createShiftSeries(
      database.db,
      w.coordA,
      {
        kind: "once",
        digipuntId: w.mobileA.id,
        date: "2027-03-03",
        ...details,
        address: "Markt 1",
      },
      at,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.seriesId).toBeNull();
    const shift = await database.db
      .selectFrom("shifts")
      .selectAll()
      .where("id", "=", outcome.shiftIds[0]!)
      .executeTakeFirstOrThrow();
    expect(shift.address).toBe("Markt 1");
    expect(shift.series_id).toBeNull();
  });

  it("refuses another digibank's digipunt, a mobile one without address, and a past date", async () => {
    const once = (digipuntId: number, actor: Actor, more: object = {}) =>
      createShiftSeries(
        database.db,
        actor,
        { kind: "once", digipuntId, date: "2027-03-03", ...details, ...more },
        at,
      );
    expect(await once(w.pointA.id, w.coordB)).toEqual({ ok: false, reason: "not_found" });
    expect(await once(w.mobileA.id, w.coordA)).toEqual({ ok: false, reason: "address_required" });
    expect(await once(w.pointA.id, w.coordA, { date: "2027-01-09" })).toEqual({
      ok: false,
      reason: "past",
    });
    expect(await once(w.pointA.id, w.coordA, { endTime: "08:00" })).toEqual({
      ok: false,
      reason: "times",
    });
    expect((await once(w.pointA.id, w.regionCoord)).ok).toBe(true);
  });
});

describe("changing shifts", () => {
  it("edits one occurrence: claims stay, the sequence rises, it leaves the series' later edits", async () => {
    const { seriesId } = await weekly();
    const [one, two] = await shiftsOf(seriesId!);
    const claim = await createClaim(database.db, { shiftId: one!.id, userId: w.an.id });
    const outcome = await editShift(
      database.db,
      jobs,
      w.coordA,
      one!.id,
      { ...details, startTime: "10:00", endTime: "13:00", notes: "Zaal 2" },
      "this",
      at,
    );
    expect(outcome).toEqual({ ok: true, changedShiftIds: [one!.id] });
    const [after, untouched] = await shiftsOf(seriesId!);
    expect(localParts(after!.starts_at).time).toBe("10:00");
    expect(after!.sequence).toBe(one!.sequence + 1);
    expect(after!.detached).toBe(true);
    expect(after!.notes).toBe("Zaal 2");
    expect(untouched).toEqual(two);
    const claims = await claimsOf(one!.id);
    expect(claims.map((c) => [c.id, c.status])).toEqual([[claim.id, "confirmed"]]);
    // The person on it is told, once per version of the shift.
    expect(await mailsAbout(one!.id, "shift_changed")).toEqual([
      `shift_changed:${one!.id}:1:${w.an.id}`,
    ]);

    // Nothing changed: nothing raised.
    await editShift(
      database.db,
      jobs,
      w.coordA,
      one!.id,
      { ...details, startTime: "10:00", endTime: "13:00", notes: "Zaal 2" },
      "this",
      at,
    );
    expect((await shiftsOf(seriesId!))[0]!.sequence).toBe(after!.sequence);
  });

  it("edits this and the following occurrences, keeping claims and edited ones", async () => {
    const { seriesId } = await weekly();
    const before = await shiftsOf(seriesId!);
    const [s0, s1, s2, s3] = before;
    await editShift(
      database.db,
      jobs,
      w.coordA,
      s3!.id,
      { ...details, notes: "Apart" },
      "this",
      at,
    );
    const claim = await createClaim(database.db, { shiftId: s2!.id, userId: w.bert.id });
    const reserve = await createClaim(database.db, {
      shiftId: s2!.id,
      userId: w.cas.id,
      status: "reserve",
    });
    const outcome = await editShift(
      database.db,
      jobs,
      w.coordA,
      s1!.id,
      { ...details, startTime: "13:30", endTime: "16:30", capacity: 4, firstShiftFriendly: true },
      "following",
      at,
    );
    expect(outcome.ok).toBe(true);
    const after = await shiftsOf(seriesId!);
    expect(after[0]).toEqual(s0);
    const moved = after.slice(1).filter((s) => s.id !== s3!.id);
    expect(moved.map((s) => localParts(s.starts_at).time)).toEqual(moved.map(() => "13:30"));
    expect(moved.every((s) => s.capacity === 4 && s.first_shift_friendly)).toBe(true);
    expect(moved.every((s) => s.sequence === 1)).toBe(true);
    expect(outcome.ok && outcome.changedShiftIds).toEqual(moved.map((s) => s.id));
    const detached = after.find((s) => s.id === s3!.id)!;
    expect(localParts(detached.starts_at).time).toBe("09:00");
    expect(detached.notes).toBe("Apart");
    // The same claim rows; with spots free after the change, the one waiting moved up.
    expect((await claimsOf(s2!.id)).map((c) => [c.id, c.status])).toEqual([
      [claim.id, "confirmed"],
      [reserve.id, "confirmed"],
    ]);
    const series = await database.db
      .selectFrom("shift_series")
      .selectAll()
      .where("id", "=", seriesId!)
      .executeTakeFirstOrThrow();
    expect([series.start_time, series.end_time, series.capacity]).toEqual(["13:30", "16:30", 4]);
  });

  it("keeps a moved occurrence on its new day when the following ones change from it", async () => {
    const { seriesId } = await weekly();
    const [, one, two] = await shiftsOf(seriesId!);
    // 4 February (Thursday) moves to Friday 5 February on its own.
    await editShift(
      database.db,
      jobs,
      w.coordA,
      one!.id,
      { ...details, date: "2027-02-05" },
      "this",
      at,
    );
    const outcome = await editShift(
      database.db,
      jobs,
      w.coordA,
      one!.id,
      { ...details, startTime: "14:00", endTime: "17:00" },
      "following",
      at,
    );
    expect(outcome.ok).toBe(true);
    const after = await shiftsOf(seriesId!);
    const moved = after.find((s) => s.id === one!.id)!;
    expect(localParts(moved.starts_at)).toEqual({ date: "2027-02-05", time: "14:00" });
    expect(localParts(after.find((s) => s.id === two!.id)!.starts_at)).toEqual({
      date: "2027-02-09",
      time: "14:00",
    });
  });

  it("says how many people are on a shift when its capacity would drop below that", async () => {
    const shift = await createShift(database.db, {
      digipuntId: w.pointA.id,
      startsAt: "2027-04-01T08:00:00Z",
      capacity: 3,
    });
    await createClaim(database.db, { shiftId: shift.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: shift.id, userId: w.bert.id });
    const outcome = await editShift(
      database.db,
      jobs,
      w.coordA,
      shift.id,
      { ...details, startTime: "10:00", endTime: "13:00", capacity: 1 },
      "this",
      at,
    );
    expect(outcome).toEqual({ ok: false, reason: "capacity", confirmed: 2 });
    const after = await database.db
      .selectFrom("shifts")
      .selectAll()
      .where("id", "=", shift.id)
      .executeTakeFirstOrThrow();
    expect([after.capacity, after.sequence, after.confirmed_count]).toEqual([3, 0, 2]);
  });

  it("refuses to move a shift onto another shift of someone on it, and names them", async () => {
    const morning = await createShift(database.db, {
      digipuntId: w.pointA.id,
      startsAt: "2027-04-02T08:00:00Z",
      endsAt: "2027-04-02T10:00:00Z",
    });
    const afternoon = await createShift(database.db, {
      digipuntId: w.pointB.id,
      startsAt: "2027-04-02T12:00:00Z",
      endsAt: "2027-04-02T14:00:00Z",
    });
    await createClaim(database.db, { shiftId: morning.id, userId: w.cas.id });
    await createClaim(database.db, { shiftId: afternoon.id, userId: w.cas.id });
    // 11:00-13:00 local on 2 April (summer time) is 09:00-11:00 UTC: into the morning shift.
    const outcome = await editShift(
      database.db,
      jobs,
      w.coordB,
      afternoon.id,
      { ...details, startTime: "11:00", endTime: "13:00" },
      "this",
      at,
    );
    expect(outcome).toEqual({ ok: false, reason: "overlap", person: "Cas" });
  });

  it("leaves other digibanken's shifts alone", async () => {
    const { seriesId } = await weekly();
    const [one] = await shiftsOf(seriesId!);
    expect(await editShift(database.db, jobs, w.coordB, one!.id, details, "this", at)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await cancelShift(database.db, jobs, w.coordB, one!.id, { reason: null, scope: "this" }, at),
    ).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("cancelling shifts", () => {
  it("cancels one shift: its claims become cancelled, the sequence rises", async () => {
    const shift = await createShift(database.db, {
      digipuntId: w.pointA.id,
      startsAt: "2027-05-03T08:00:00Z",
      capacity: 1,
    });
    await createClaim(database.db, { shiftId: shift.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: shift.id, userId: w.bert.id, status: "reserve" });
    await createClaim(database.db, { shiftId: shift.id, userId: w.cas.id, status: "released" });
    const outcome = await cancelShift(
      database.db,
      jobs,
      w.coordA,
      shift.id,
      { reason: "Bibliotheek dicht", scope: "this" },
      at,
    );
    expect(outcome).toEqual({ ok: true, cancelledShiftIds: [shift.id] });
    const after = await database.db
      .selectFrom("shifts")
      .selectAll()
      .where("id", "=", shift.id)
      .executeTakeFirstOrThrow();
    expect([after.status, after.cancel_reason, after.sequence, after.confirmed_count]).toEqual([
      "cancelled",
      "Bibliotheek dicht",
      1,
      0,
    ]);
    expect((await claimsOf(shift.id)).map((c) => c.status)).toEqual([
      "cancelled",
      "cancelled",
      "released",
    ]);
    // Everyone who was on it or waiting is told; the one who had let go is not.
    expect(await mailsAbout(shift.id, "shift_cancelled")).toEqual(
      [w.an.id, w.bert.id].map((id) => `shift_cancelled:${shift.id}:${id}`).sort(),
    );
    expect(
      await cancelShift(database.db, jobs, w.coordA, shift.id, { reason: null, scope: "this" }, at),
    ).toEqual({ ok: false, reason: "cancelled" });
  });

  it("cancels this and the following occurrences, and the series makes no new ones", async () => {
    const { seriesId } = await weekly({ firstDate: "2027-02-01", lastDate: "2028-06-30" });
    const before = await shiftsOf(seriesId!);
    const outcome = await cancelShift(
      database.db,
      jobs,
      w.coordA,
      before[2]!.id,
      { reason: null, scope: "following" },
      at,
    );
    expect(outcome.ok && outcome.cancelledShiftIds.length).toBe(before.length - 2);
    const after = await shiftsOf(seriesId!);
    expect(after.map((s) => s.status)).toEqual(
      before.map((_, i) => (i < 2 ? "scheduled" : "cancelled")),
    );
    await extendSeriesHorizon(database.db, "2027-09-01");
    expect(await shiftsOf(seriesId!)).toHaveLength(before.length);
  });
});

describe("rosters and reports", () => {
  it("shows coordinators the people on their own shifts with contact details, reserves in line", async () => {
    const shift = await createShift(database.db, {
      digipuntId: w.pointA.id,
      startsAt: "2027-06-01T08:00:00Z",
      capacity: 1,
    });
    await createClaim(database.db, { shiftId: shift.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: shift.id, userId: w.cas.id, status: "reserve" });
    await createClaim(database.db, { shiftId: shift.id, userId: w.bert.id, status: "reserve" });
    const roster = await getRoster(database.db, w.coordA, shift.id);
    expect(roster!.confirmed.map((p) => [p.name, p.email, p.phone])).toEqual([
      ["An", "an@example.test", "+32 470 12 34 56"],
    ]);
    expect(roster!.reserve.map((p) => p.name)).toEqual(["Cas", "Bert"]);
    expect(await getRoster(database.db, w.coordB, shift.id)).toBeNull();
    expect(await getRoster(database.db, w.admin, shift.id)).not.toBeNull();
    expect(await getRoster(database.db, w.regionCoord, shift.id)).not.toBeNull();
  });

  it("removes someone from a shift, grants a release request, records attendance afterwards", async () => {
    const shift = await createShift(database.db, {
      digipuntId: w.pointA.id,
      startsAt: "2027-06-02T08:00:00Z",
      capacity: 2,
    });
    const an = await createClaim(database.db, { shiftId: shift.id, userId: w.an.id });
    const bert = await createClaim(database.db, { shiftId: shift.id, userId: w.bert.id });
    expect(await removeFromShift(database.db, jobs, w.coordB, an.id, at)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await removeFromShift(database.db, jobs, w.coordA, an.id, at)).toEqual({ ok: true });
    expect((await claimsOf(shift.id))[0]!.status).toBe("removed");
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["actor_id", "subject_id", "details"])
      .where("action", "=", "shift_claim_removed")
      .execute();
    expect(audit).toEqual([
      {
        actor_id: w.coordA.id,
        subject_id: w.an.id,
        details: { shiftId: shift.id, claimId: an.id, was: "confirmed" },
      },
    ]);

    // No request, no one-click release.
    expect(await grantReleaseRequest(database.db, jobs, w.coordA, bert.id, at)).toEqual({
      ok: false,
      reason: "not_found",
    });
    await database.db
      .updateTable("shift_claims")
      .set({ release_requested_at: NOW })
      .where("id", "=", bert.id)
      .execute();
    expect(
      (
        await listPlannedShifts(database.db, w.coordA, { from: "2027-06-02", until: "2027-06-02" })
      )[0]!.releaseRequests,
    ).toBe(1);
    expect(await grantReleaseRequest(database.db, jobs, w.coordA, bert.id, at)).toEqual({
      ok: true,
    });
    expect((await claimsOf(shift.id))[1]!.status).toBe("released");

    const cas = await createClaim(database.db, { shiftId: shift.id, userId: w.cas.id });
    expect(await recordAttendance(database.db, w.coordA, cas.id, "present", at)).toEqual({
      ok: false,
      reason: "not_started",
    });
    const later = { now: new Date("2027-06-02T12:00:00Z") };
    expect(await recordAttendance(database.db, w.coordB, cas.id, "present", later)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await recordAttendance(database.db, w.coordA, cas.id, "no_show", later)).toEqual({
      ok: true,
    });
    expect((await claimsOf(shift.id))[2]!.attendance).toBe("no_show");
  });

  async function quietDigibank() {
    // A digibank of its own, so the other tests' shifts stay out of these sums.
    const bank = await createDigibank(database.db, { regionId: w.otherTown.region_id });
    const one = await createDigipunt(database.db, {
      digibankId: bank.id,
      municipalityId: w.otherTown.id,
      name: "Punt 1",
    });
    const two = await createDigipunt(database.db, {
      digibankId: bank.id,
      municipalityId: w.otherTown.id,
      name: "Punt 2",
    });
    const user = await createUser(database.db);
    await assignRole(database.db, { userId: user.id, role: "coordinator", digibankId: bank.id });
    return { bank, one, two, coordinator: (await loadActor(database.db, user.id))! };
  }

  it("moves the first in line up when someone is removed or the capacity is raised", async () => {
    const shift = await createShift(database.db, {
      digipuntId: w.pointA.id,
      startsAt: "2027-06-03T08:00:00Z",
      endsAt: "2027-06-03T11:00:00Z",
      capacity: 1,
    });
    const an = await createClaim(database.db, { shiftId: shift.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: shift.id, userId: w.bert.id, status: "reserve" });
    await createClaim(database.db, { shiftId: shift.id, userId: w.cas.id, status: "reserve" });
    expect(await removeFromShift(database.db, jobs, w.coordA, an.id, at)).toEqual({ ok: true });
    const statuses = async () =>
      Object.fromEntries((await claimsOf(shift.id)).map((c) => [c.user_id, c.status]));
    expect(await statuses()).toEqual({
      [w.an.id]: "removed",
      [w.bert.id]: "confirmed",
      [w.cas.id]: "reserve",
    });
    const raised = await editShift(
      database.db,
      jobs,
      w.coordA,
      shift.id,
      { ...details, startTime: "10:00", endTime: "13:00", capacity: 2 },
      "this",
      at,
    );
    expect(raised.ok).toBe(true);
    expect((await statuses())[w.cas.id]).toBe("confirmed");
  });

  it("reports fill rates per ISO week and per digipunt, within the coordinator's digibanken", async () => {
    const c = await quietDigibank();
    // Week 2027-W40: Monday 4 October to Sunday 10 October.
    const a1 = await createShift(database.db, {
      digipuntId: c.one.id,
      startsAt: "2027-10-04T08:00:00Z",
      capacity: 2,
    });
    const a2 = await createShift(database.db, {
      digipuntId: c.one.id,
      // Sunday 23:30 in Brussels: still week 40 there, though UTC+0 would say the same and
      // a zone further east Monday; the week is the local one.
      startsAt: "2027-10-10T21:30:00Z",
      endsAt: "2027-10-10T21:45:00Z",
      capacity: 3,
    });
    const a3 = await createShift(database.db, {
      digipuntId: c.two.id,
      startsAt: "2027-10-12T08:00:00Z",
      capacity: 4,
    });
    const cancelled = await createShift(database.db, {
      digipuntId: c.two.id,
      startsAt: "2027-10-13T08:00:00Z",
      capacity: 4,
    });
    await database.db
      .updateTable("shifts")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", cancelled.id)
      .execute();
    const b1 = await createShift(database.db, {
      digipuntId: w.pointB.id,
      startsAt: "2027-10-05T08:00:00Z",
      capacity: 5,
    });
    await createClaim(database.db, { shiftId: a1.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: a2.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: a2.id, userId: w.bert.id });
    await createClaim(database.db, { shiftId: a3.id, userId: w.cas.id });
    await createClaim(database.db, { shiftId: b1.id, userId: w.cas.id });
    const range = { from: "2027-10-04", until: "2027-10-17" };
    const rates = await fillRates(database.db, c.coordinator, range);
    expect(rates.byWeek).toEqual([
      {
        week: "2027-W40",
        number: 40,
        monday: "2027-10-04",
        sunday: "2027-10-10",
        confirmed: 3,
        capacity: 5,
        shifts: 2,
      },
      {
        week: "2027-W41",
        number: 41,
        monday: "2027-10-11",
        sunday: "2027-10-17",
        confirmed: 1,
        capacity: 4,
        shifts: 1,
      },
    ]);
    expect(rates.byDigipunt.map((r) => [r.digipunt, r.confirmed, r.capacity])).toEqual([
      ["Punt 1", 3, 5],
      ["Punt 2", 1, 4],
    ]);
    // One digibank picked out: an administrator sees just that one, a coordinator of another
    // digibank nothing at all.
    const picked = { ...range, digibankId: c.one.digibank_id };
    expect((await fillRates(database.db, w.admin, picked)).byWeek).toEqual(rates.byWeek);
    expect((await fillRates(database.db, w.coordB, picked)).byWeek).toEqual([]);
    const forB = await fillRates(database.db, w.coordB, {
      from: "2027-10-05",
      until: "2027-10-05",
    });
    expect(forB.byDigipunt.map((r) => [r.digipunt, r.confirmed, r.capacity])).toEqual([
      ["Bibliotheek B", 1, 5],
    ]);
  });

  it("exports shifts with their people as CSV for Excel", async () => {
    const c = await quietDigibank();
    const shift = await createShift(database.db, {
      digipuntId: c.one.id,
      startsAt: "2027-11-02T08:00:00Z",
    });
    await createShift(database.db, { digipuntId: c.two.id, startsAt: "2027-11-02T12:00:00Z" });
    await createClaim(database.db, { shiftId: shift.id, userId: w.an.id });
    await createClaim(database.db, { shiftId: shift.id, userId: w.bert.id, status: "released" });
    const rows = await listShiftsForExport(database.db, c.coordinator, {
      from: "2027-11-02",
      until: "2027-11-02",
    });
    expect(rows.map((r) => [r.digipunt, r.name, r.email])).toEqual([
      ["Punt 1", "An", "an@example.test"],
      ["Punt 2", null, null],
    ]);
    expect(
      await listShiftsForExport(database.db, w.coordB, { from: "2027-11-02", until: "2027-11-02" }),
    ).toEqual([]);
    const t = getFixedT("nl", "planning");
    const document = await exportShiftsCsv(
      database.db,
      c.coordinator,
      { from: "2027-11-02", until: "2027-11-02" },
      (key) => t(key as never),
    );
    const lines = document.split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFFDatum;Begin;Einde;Digibank;Digipunt;Adres;Dienst;Plaatsen;Bezet;Naam;E-mailadres;Telefoon;Inschrijving;Aanwezig",
    );
    // 08:00 UTC on 2 November is 09:00 in Brussels (winter time). A phone number's leading +
    // would start a formula in a spreadsheet: an invisible left-to-right mark keeps it text.
    expect(lines[1]).toBe(
      `2027-11-02;09:00;12:00;${c.bank.name};Punt 1;Marktplein 1;Gepland;2;1;An;an@example.test;\u200E+32 470 12 34 56;Ingeschreven;`,
    );
    expect(lines[2]).toMatch(/^2027-11-02;13:00;16:00;.*;Punt 2;Marktplein 1;Gepland;2;0;;;;;$/);
    // The export holds contact details: who took it, and which range, is in the audit log.
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["actor_id", "details"])
      .where("action", "=", "shifts_exported")
      .execute();
    expect(audit).toEqual([
      {
        actor_id: c.coordinator.id,
        details: { from: "2027-11-02", until: "2027-11-02", digibankId: null },
      },
    ]);
  });
});

describe("digipunten", () => {
  it("adds, changes and archives the digipunten of a coordinator's own digibank only", async () => {
    const input = {
      digibankId: w.bankA.id,
      municipalityId: w.town.id,
      name: "Dienstencentrum",
      kind: "fixed" as const,
      address: "Kerkstraat 1",
      accessibilityNotes: "Lift",
      contact: "Els, 050 11 22 33",
    };
    const made = await addDigipunt(database.db, w.coordA, input);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(await addDigipunt(database.db, w.coordB, input)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await addDigipunt(database.db, w.coordA, input)).toEqual({
      ok: false,
      reason: "name_taken",
    });
    expect(await addDigipunt(database.db, w.coordA, { ...input, name: "X", address: " " })).toEqual(
      { ok: false, reason: "address_required" },
    );
    expect(
      await addDigipunt(database.db, w.coordA, {
        ...input,
        name: "Y",
        municipalityId: w.otherTown.id,
      }),
    ).toEqual({ ok: false, reason: "municipality" });
    expect(
      await updateDigipunt(database.db, w.coordA, made.id, {
        ...input,
        kind: "mobile",
        address: "x",
      }),
    ).toEqual({ ok: true, id: made.id });
    expect(await updateDigipunt(database.db, w.coordB, made.id, input)).toEqual({
      ok: false,
      reason: "not_found",
    });
    const listed = await listDigipunten(database.db, w.coordA);
    expect(listed.find((p) => p.id === made.id)).toMatchObject({ kind: "mobile", address: null });
    expect((await listDigipunten(database.db, w.coordB)).map((p) => p.name)).toEqual([
      "Bibliotheek B",
    ]);
    expect(await setDigipuntArchived(database.db, w.coordA, made.id, true)).toEqual({
      ok: true,
      id: made.id,
    });
    expect((await listDigipunten(database.db, w.coordA)).some((p) => p.id === made.id)).toBe(false);
    // An archived digipunt gets no new shifts.
    expect(
      await createShiftSeries(
        database.db,
        w.coordA,
        { kind: "once", digipuntId: made.id, date: "2027-03-03", ...details, address: "x" },
        at,
      ),
    ).toEqual({ ok: false, reason: "not_found" });
    void skillId;
  });
});
