import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import {
  getShiftDetail,
  listShiftFilterOptions,
  listShifts,
  listShiftsWithActions,
} from "~/modules/shifts/queries.server.ts";
import { listShiftEvents } from "~/modules/shifts/events.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
  giveSkill,
  skillId,
} from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// The volunteer's read side: what the calendar, the list and the shift page may show to whom.

let database: TestDatabase;
let w: Awaited<ReturnType<typeof makeWorld>>;

const NOW = new Date("2027-03-01T08:00:00Z");
const MONTH = { from: new Date("2027-03-01T00:00:00Z"), to: new Date("2027-04-01T00:00:00Z") };
const at = (iso: string) => new Date(iso);

async function actor(userId: number): Promise<Actor> {
  return (await loadActor(database.db, userId))!;
}

async function makeWorld() {
  const db = database.db;
  const r1 = await createRegion(db, { name: "Regio Een" });
  const r2 = await createRegion(db, { name: "Regio Twee" });
  const bankA = await createDigibank(db, { regionId: r1.id, name: "Digibank A" });
  const bankB = await createDigibank(db, { regionId: r1.id, name: "Digibank B" });
  const bankC = await createDigibank(db, { regionId: r2.id, name: "Digibank C" });
  const m1 = await createMunicipality(db, { regionId: r1.id, name: "Bree" });
  const m2 = await createMunicipality(db, { regionId: r1.id, name: "Peer" });
  const m3 = await createMunicipality(db, { regionId: r2.id, name: "Damme" });
  const pA1 = await createDigipunt(db, {
    digibankId: bankA.id,
    municipalityId: m1.id,
    name: "Bibliotheek Bree",
    address: "Markt 1, 3960 Bree",
    accessibilityNotes: "Lift naar boven.",
  });
  const pA2 = await createDigipunt(db, {
    digibankId: bankA.id,
    municipalityId: m2.id,
    name: "Digibus Peer",
    kind: "mobile",
  });
  const pB = await createDigipunt(db, {
    digibankId: bankB.id,
    municipalityId: m1.id,
    name: "OCMW Bree",
  });
  const pC = await createDigipunt(db, {
    digibankId: bankC.id,
    municipalityId: m3.id,
    name: "Damme",
  });

  const person = async (name: string, roles: Parameters<typeof assignRole>[1][]) => {
    const user = await createUser(db, { name });
    for (const role of roles) await assignRole(db, { ...role, userId: user.id });
    return user.id;
  };
  const anna = await person("Anna Peeters", [
    { userId: 0, role: "volunteer", digibankId: bankA.id },
  ]);
  const bert = await person("Bert Van den Broeck", [
    { userId: 0, role: "volunteer", digibankId: bankA.id },
  ]);
  const carla = await person("Carla Maes", [
    { userId: 0, role: "volunteer", digibankId: bankB.id },
  ]);
  const dirk = await person("Dirk Claes", [{ userId: 0, role: "volunteer", digibankId: bankA.id }]);
  const cora = await person("Cora Coördinator", [
    { userId: 0, role: "coordinator", digibankId: bankA.id },
  ]);
  const staf = await person("Staf Regio", [{ userId: 0, role: "regional_staff", regionId: r1.id }]);
  const ada = await person("Ada Admin", [{ userId: 0, role: "admin" }]);

  // Digibank A: a free shift, a full one Anna is on, one Anna waits for, one with a skill, a
  // cancelled one, and one outside the month. Digibank B and C: one each.
  const free = await createShift(db, {
    digipuntId: pA1.id,
    startsAt: at("2027-03-10T08:00:00Z"),
    capacity: 3,
    notes: "Breng je leesbril mee.",
    firstShiftFriendly: true,
  });
  const full = await createShift(db, {
    digipuntId: pA1.id,
    startsAt: at("2027-03-11T08:00:00Z"),
    capacity: 2,
  });
  const waiting = await createShift(db, {
    digipuntId: pA2.id,
    startsAt: at("2027-03-12T08:00:00Z"),
    capacity: 1,
    address: "Kerkplein, 3990 Peer",
  });
  const skilled = await createShift(db, {
    digipuntId: pA2.id,
    startsAt: at("2027-03-13T08:00:00Z"),
    capacity: 2,
    requiredSkillId: await skillId(db, "itsme"),
  });
  const cancelled = await createShift(db, {
    digipuntId: pA1.id,
    startsAt: at("2027-03-14T08:00:00Z"),
  });
  await db
    .updateTable("shifts")
    .set({ status: "cancelled", cancelled_at: new Date(), cancel_reason: "Bibliotheek dicht" })
    .where("id", "=", cancelled.id)
    .execute();
  const april = await createShift(db, { digipuntId: pA1.id, startsAt: at("2027-04-02T08:00:00Z") });
  const ofB = await createShift(db, { digipuntId: pB.id, startsAt: at("2027-03-10T08:00:00Z") });
  const ofC = await createShift(db, { digipuntId: pC.id, startsAt: at("2027-03-10T08:00:00Z") });
  // Tomorrow morning seen from NOW: inside the 24-hour release cut-off.
  const soon = await createShift(db, {
    digipuntId: pA1.id,
    startsAt: at("2027-03-02T07:00:00Z"),
    capacity: 2,
  });

  await createClaim(db, { shiftId: full.id, userId: anna });
  await createClaim(db, { shiftId: full.id, userId: bert });
  await createClaim(db, { shiftId: waiting.id, userId: bert });
  await createClaim(db, { shiftId: waiting.id, userId: dirk, status: "reserve" });
  await createClaim(db, { shiftId: waiting.id, userId: anna, status: "reserve" });
  await createClaim(db, { shiftId: free.id, userId: dirk, status: "released" });
  await createClaim(db, { shiftId: soon.id, userId: anna });

  return {
    banks: { a: bankA.id, b: bankB.id, c: bankC.id },
    municipalities: { bree: m1.id, peer: m2.id },
    digipunten: { a1: pA1.id, a2: pA2.id },
    users: { anna, bert, carla, dirk, cora, staf, ada },
    shifts: { free, full, waiting, skilled, cancelled, april, ofB, ofC, soon },
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  w = await makeWorld();
});
afterAll(async () => {
  await database?.destroy();
});

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

describe("listShifts: who sees which shifts", () => {
  it("shows a volunteer of digibank A the month's shifts of A only, in time order", async () => {
    const rows = await listShifts(database.db, await actor(w.users.anna), MONTH);
    expect(ids(rows)).toEqual([
      w.shifts.soon.id,
      w.shifts.free.id,
      w.shifts.full.id,
      w.shifts.waiting.id,
      w.shifts.skilled.id,
      w.shifts.cancelled.id,
    ]);
    expect(ids(rows)).not.toContain(w.shifts.ofB.id);
    expect(ids(rows)).not.toContain(w.shifts.april.id);
  });

  it("never shows digibank A's shifts to a volunteer of digibank B, even when asked by filter", async () => {
    const carla = await actor(w.users.carla);
    expect(ids(await listShifts(database.db, carla, MONTH))).toEqual([w.shifts.ofB.id]);
    const asked = await listShifts(database.db, carla, {
      ...MONTH,
      filters: { digibankId: w.banks.a },
    });
    expect(asked).toEqual([]);
    const byPunt = await listShifts(database.db, carla, {
      ...MONTH,
      filters: { digipuntId: w.digipunten.a1 },
    });
    expect(byPunt).toEqual([]);
  });

  it("shows regional staff every digibank of their region, and admins everything", async () => {
    const staff = ids(await listShifts(database.db, await actor(w.users.staf), MONTH));
    expect(staff).toContain(w.shifts.ofB.id);
    expect(staff).toContain(w.shifts.free.id);
    expect(staff).not.toContain(w.shifts.ofC.id);
    const admin = ids(await listShifts(database.db, await actor(w.users.ada), MONTH));
    expect(admin).toContain(w.shifts.ofC.id);
  });

  it("carries the place, the numbers and the reader's own claim", async () => {
    const rows = await listShifts(database.db, await actor(w.users.anna), MONTH);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(w.shifts.full.id)).toMatchObject({
      digipuntName: "Bibliotheek Bree",
      municipalityName: "Bree",
      digibankName: "Digibank A",
      capacity: 2,
      confirmedCount: 2,
      myStatus: "confirmed",
      cancelled: false,
    });
    expect(byId.get(w.shifts.waiting.id)).toMatchObject({ myStatus: "reserve", confirmedCount: 1 });
    // A released claim is no claim.
    expect(byId.get(w.shifts.free.id)).toMatchObject({ myStatus: null, firstShiftFriendly: true });
    expect(byId.get(w.shifts.skilled.id)).toMatchObject({ requiredSkill: "itsme" });
    expect(byId.get(w.shifts.cancelled.id)).toMatchObject({ cancelled: true });
    expect(byId.get(w.shifts.free.id)!.startsAt).toEqual(at("2027-03-10T08:00:00Z"));
  });
});

describe("listShifts: filters", () => {
  const filtered = async (filters: object, userId = w.users.anna) =>
    ids(await listShifts(database.db, await actor(userId), { ...MONTH, filters }));

  it("by digipunt and by municipality", async () => {
    expect(await filtered({ digipuntId: w.digipunten.a2 })).toEqual([
      w.shifts.waiting.id,
      w.shifts.skilled.id,
    ]);
    expect(await filtered({ municipalityId: w.municipalities.peer })).toEqual([
      w.shifts.waiting.id,
      w.shifts.skilled.id,
    ]);
  });

  it("by digibank, within the reader's scope", async () => {
    expect(await filtered({ digibankId: w.banks.b }, w.users.staf)).toEqual([w.shifts.ofB.id]);
  });

  it("mine: the shifts the reader is on or waits for", async () => {
    expect(await filtered({ mine: true })).toEqual([
      w.shifts.soon.id,
      w.shifts.full.id,
      w.shifts.waiting.id,
    ]);
  });

  it("still needs help: scheduled shifts with a free spot", async () => {
    expect(await filtered({ open: true })).toEqual([
      w.shifts.soon.id,
      w.shifts.free.id,
      w.shifts.skilled.id,
    ]);
  });
});

describe("getShiftDetail", () => {
  it("answers null for a shift of a digibank the reader may not see, as for no shift at all", async () => {
    expect(
      await getShiftDetail(database.db, await actor(w.users.carla), w.shifts.free.id),
    ).toBeNull();
    expect(await getShiftDetail(database.db, await actor(w.users.anna), 999_999)).toBeNull();
  });

  it("names the others on the shift by first name only, never the reader", async () => {
    const detail = await getShiftDetail(database.db, await actor(w.users.anna), w.shifts.full.id, {
      now: NOW,
    });
    expect(detail!.others).toEqual(["Bert"]);
    expect(JSON.stringify(detail)).not.toContain("Van den Broeck");
    expect(JSON.stringify(detail)).not.toContain("Peeters");
    expect(detail!.my.status).toBe("confirmed");
  });

  it("shows the place, its accessibility notes, the notes and the region's cut-off", async () => {
    const detail = await getShiftDetail(database.db, await actor(w.users.dirk), w.shifts.free.id, {
      now: NOW,
    });
    expect(detail).toMatchObject({
      notes: "Breng je leesbril mee.",
      firstShiftFriendly: true,
      releaseCutoffHours: 24,
      digipunt: {
        name: "Bibliotheek Bree",
        address: "Markt 1, 3960 Bree",
        accessibilityNotes: "Lift naar boven.",
        municipality: "Bree",
        kind: "fixed",
      },
      digibank: { name: "Digibank A" },
      others: [],
      my: { status: null },
      can: { claim: true, joinReserve: false, release: false, requestRelease: false },
    });
  });

  it("gives a mobile point's shift its own address", async () => {
    const detail = await getShiftDetail(
      database.db,
      await actor(w.users.anna),
      w.shifts.waiting.id,
      {
        now: NOW,
      },
    );
    expect(detail!.digipunt).toMatchObject({ kind: "mobile", address: "Kerkplein, 3990 Peer" });
  });

  it("tells the reserve list's length and the reader's place in it", async () => {
    const anna = await getShiftDetail(database.db, await actor(w.users.anna), w.shifts.waiting.id, {
      now: NOW,
    });
    expect(anna).toMatchObject({
      reserveCount: 2,
      others: ["Bert"],
      my: { status: "reserve", reservePosition: 2 },
      can: { claim: false, joinReserve: false, release: true, requestRelease: false },
    });
    const dirk = await getShiftDetail(database.db, await actor(w.users.dirk), w.shifts.waiting.id, {
      now: NOW,
    });
    expect(dirk!.my.reservePosition).toBe(1);
  });

  it("offers the reserve list on a full shift", async () => {
    const detail = await getShiftDetail(database.db, await actor(w.users.dirk), w.shifts.full.id, {
      now: NOW,
    });
    expect(detail!.can).toEqual({
      claim: false,
      joinReserve: true,
      release: false,
      requestRelease: false,
    });
  });

  it("offers release before the cut-off and asking the coordinator after it", async () => {
    const before = await getShiftDetail(database.db, await actor(w.users.anna), w.shifts.full.id, {
      now: NOW,
    });
    expect(before!.can).toMatchObject({ release: true, requestRelease: false });
    const after = await getShiftDetail(database.db, await actor(w.users.anna), w.shifts.soon.id, {
      now: NOW,
    });
    expect(after!.can).toMatchObject({ release: false, requestRelease: true });
  });

  it("offers nothing on a cancelled or past shift, and says why", async () => {
    const cancelled = await getShiftDetail(
      database.db,
      await actor(w.users.dirk),
      w.shifts.cancelled.id,
      { now: NOW },
    );
    expect(cancelled).toMatchObject({ cancelled: true, cancelReason: "Bibliotheek dicht" });
    expect(Object.values(cancelled!.can)).toEqual([false, false, false, false]);
    const past = await getShiftDetail(database.db, await actor(w.users.dirk), w.shifts.free.id, {
      now: at("2027-03-10T09:00:00Z"),
    });
    expect(past).toMatchObject({ past: true });
    expect(Object.values(past!.can)).toEqual([false, false, false, false]);
  });

  it("lets a coordinator see the shift but not claim it", async () => {
    const detail = await getShiftDetail(database.db, await actor(w.users.cora), w.shifts.free.id, {
      now: NOW,
    });
    expect(detail).toMatchObject({ isVolunteer: false, canPlan: true, can: { claim: false } });
    const volunteer = await getShiftDetail(
      database.db,
      await actor(w.users.dirk),
      w.shifts.free.id,
      { now: NOW },
    );
    expect(volunteer).toMatchObject({ isVolunteer: true, canPlan: false });
  });

  it("offers a shift that asks a skill only to those who have it", async () => {
    const without = await getShiftDetail(
      database.db,
      await actor(w.users.dirk),
      w.shifts.skilled.id,
      { now: NOW },
    );
    expect(without).toMatchObject({ my: { hasRequiredSkill: false }, can: { claim: false } });
    await giveSkill(database.db, { userId: w.users.dirk, code: "itsme" });
    const withSkill = await getShiftDetail(
      database.db,
      await actor(w.users.dirk),
      w.shifts.skilled.id,
      { now: NOW },
    );
    expect(withSkill).toMatchObject({ my: { hasRequiredSkill: true }, can: { claim: true } });
  });
});

describe("the list's buttons and the filter choices", () => {
  it("marks per row what the reader may do", async () => {
    const rows = await listShiftsWithActions(database.db, await actor(w.users.anna), MONTH, {
      now: NOW,
    });
    const can = new Map(rows.map((r) => [r.id, r.can]));
    expect(can.get(w.shifts.free.id)).toMatchObject({ claim: true, release: false });
    expect(can.get(w.shifts.full.id)).toMatchObject({ claim: false, release: true });
    expect(can.get(w.shifts.soon.id)).toMatchObject({ release: false, requestRelease: true });
    expect(can.get(w.shifts.cancelled.id)).toMatchObject({ claim: false, joinReserve: false });
  });

  it("lists only the reader's digibanken, their digipunten and municipalities", async () => {
    const options = await listShiftFilterOptions(database.db, await actor(w.users.anna));
    expect(options.digibanks).toEqual([{ id: w.banks.a, name: "Digibank A" }]);
    expect(options.digipunten.map((p) => p.name)).toEqual(["Bibliotheek Bree", "Digibus Peer"]);
    expect(options.municipalities.map((m) => m.name)).toEqual(["Bree", "Peer"]);
    const staff = await listShiftFilterOptions(database.db, await actor(w.users.staf));
    expect(staff.digibanks.map((b) => b.name)).toEqual(["Digibank A", "Digibank B"]);
  });
});

describe("a required skill the reader lacks, told in advance", () => {
  it("names it in the calendar's events, in the reader's language", async () => {
    const anna = await actor(w.users.anna);
    const events = await listShiftEvents(database.db, anna, MONTH, "nl", { now: NOW });
    const skilled = events.find((e) => e.id === String(w.shifts.skilled.id))!;
    expect(skilled.missingSkill).toBe("itsme");
    expect(skilled.skillNote).toBe("Vraagt de vaardigheid itsme, die je nog niet hebt");
    expect(skilled.title).toBe(
      "○ Nog 2 plaatsen · Digibus Peer · Vraagt de vaardigheid itsme, die je nog niet hebt",
    );
    expect(skilled.url).toBe(`/shifts/${w.shifts.skilled.id}`);
    // A shift without a skill, and one she is on, say nothing of skills.
    const others = events.filter((e) => e.id !== String(w.shifts.skilled.id));
    expect(others.map((e) => e.skillNote)).toEqual(others.map(() => null));

    const french = await listShiftEvents(database.db, anna, MONTH, "fr", { now: NOW });
    expect(french.find((e) => e.id === String(w.shifts.skilled.id))!.skillNote).toBe(
      "Demande la compétence itsme, que vous n’avez pas encore",
    );
  });

  it("says nothing to someone who has the skill, or who cannot take shifts of that digibank", async () => {
    const eva = await createUser(database.db, { name: "Eva Smets" });
    await assignRole(database.db, { userId: eva.id, role: "volunteer", digibankId: w.banks.a });
    await giveSkill(database.db, { userId: eva.id, code: "itsme" });
    for (const userId of [eva.id, w.users.cora, w.users.staf]) {
      const rows = await listShiftsWithActions(database.db, await actor(userId), MONTH, {
        now: NOW,
      });
      const skilled = rows.find((r) => r.id === w.shifts.skilled.id)!;
      expect(skilled.missingSkill).toBeNull();
    }
    // Once the shift has started, there is nothing left to take.
    const later = await listShiftsWithActions(database.db, await actor(w.users.anna), MONTH, {
      now: new Date("2027-03-20T08:00:00Z"),
    });
    expect(later.find((r) => r.id === w.shifts.skilled.id)!.missingSkill).toBeNull();
  });
});
