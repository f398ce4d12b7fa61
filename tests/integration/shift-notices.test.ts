import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShiftSnapshot } from "~/modules/mail/messages.ts";
import { loadActor } from "~/modules/auth/access.server.ts";
import {
  claimShift,
  joinReserveList,
  releaseShift,
  requestRelease,
} from "~/modules/shifts/claims.server.ts";
import { alertUnderstaffedShifts, sendShiftReminders } from "~/modules/shifts/jobs.server.ts";
import { cancelShift, editShift } from "~/modules/shifts/series.server.ts";
import {
  noticeClaimConfirmed,
  noticePromotedFromReserve,
  noticeReleaseRequested,
  noticeShiftCancelled,
  noticeShiftChanged,
  noticeTakenOffShift,
} from "~/modules/shifts/notices.server.ts";
import { grantReleaseRequest, removeFromShift } from "~/modules/shifts/roster.server.ts";
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
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The shift notices and the two scheduled jobs write to the outbox; no worker runs, so the rows
// can be counted. Each test builds its own shifts and people, so the order does not matter.

let database: TestDatabase;
let jobs: JobQueue;
const HOUR = 60 * 60 * 1000;
const NOW = new Date("2026-12-01T09:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

interface Place {
  digibankId: number;
  digipuntId: number;
  mobileId: number;
  coordinators: { bank: number; region: number; otherBank: number; disabled: number };
}
let place: Place;

/** A region with two digibanken; coordinators of the bank, of the region, of the other bank. */
async function newPlace(): Promise<Place> {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Genk" });
  const other = await createDigibank(db, { regionId: region.id });
  const town = await createMunicipality(db, { regionId: region.id });
  const punt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Genk",
    address: "Dieplaan 2, 3600 Genk",
  });
  const mobile = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Digibus",
    kind: "mobile",
  });
  const coordinator = async (scope: { digibankId?: number; regionId?: number }, fr = false) => {
    const user = await createUser(db, { language: fr ? "fr" : "nl" });
    await assignRole(db, { userId: user.id, role: "coordinator", ...scope });
    return user.id;
  };
  const disabled = await coordinator({ digibankId: bank.id });
  await db.updateTable("users").set({ status: "disabled" }).where("id", "=", disabled).execute();
  return {
    digibankId: bank.id,
    digipuntId: punt.id,
    mobileId: mobile.id,
    coordinators: {
      bank: await coordinator({ digibankId: bank.id }),
      region: await coordinator({ regionId: region.id }, true),
      otherBank: await coordinator({ digibankId: other.id }),
      disabled,
    },
  };
}

beforeAll(async () => {
  place = await newPlace();
});

const volunteer = (values: { language?: "nl" | "fr" | "en"; name?: string } = {}) =>
  createUser(database.db, values);

function messages(where: { template?: string; prefix?: string } = {}) {
  let query = database.db.selectFrom("email_messages").selectAll().orderBy("id");
  if (where.template) query = query.where("template", "=", where.template);
  if (where.prefix) query = query.where("idempotency_key", "like", `${where.prefix}%`);
  return query.execute();
}

const inTransaction = <T>(run: (trx: Parameters<typeof noticeClaimConfirmed>[0]) => Promise<T>) =>
  database.db.transaction().execute(run);

describe("shift notices", () => {
  it("tells a volunteer they are on a shift, in their language, once however often it is asked", async () => {
    const jan = await volunteer({ language: "fr", name: "Jan" });
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-10T08:00:00Z",
      notes: "Badge meebrengen",
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: jan.id });
    await inTransaction((trx) => noticeClaimConfirmed(trx, jobs, claim.id));
    await inTransaction((trx) => noticeClaimConfirmed(trx, jobs, claim.id));

    const sent = await messages({ prefix: `shift_confirmed:${claim.id}` });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      template: "shift_confirmed",
      to_address: jan.email,
      recipient_id: jan.id,
      language: "fr",
    });
    const payload = sent[0]!.payload as { name: string; shift: ShiftSnapshot; url: string };
    expect(payload.name).toBe("Jan");
    expect(payload.url).toMatch(new RegExp(`/shifts/${shift.id}$`));
    expect(payload.shift).toEqual({
      shiftId: shift.id,
      startsAt: "2026-12-10T08:00:00.000Z",
      endsAt: "2026-12-10T11:00:00.000Z",
      sequence: 0,
      cancelled: false,
      digipuntName: "Bibliotheek Genk",
      digibankName: "Digibank Genk",
      location: "Dieplaan 2, 3600 Genk",
      notes: "Badge meebrengen",
    });
  });

  it("sends nothing when the transaction that would have confirmed the claim rolls back", async () => {
    const an = await volunteer();
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-11T08:00:00Z",
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: an.id });
    await expect(
      inTransaction(async (trx) => {
        await noticeClaimConfirmed(trx, jobs, claim.id);
        throw new Error("the claim failed after all");
      }),
    ).rejects.toThrow("failed after all");
    expect(await messages({ prefix: `shift_confirmed:${claim.id}` })).toHaveLength(0);
  });

  it("tells a promoted volunteer where a mobile digipunt stands this time", async () => {
    const an = await volunteer();
    const shift = await createShift(database.db, {
      digipuntId: place.mobileId,
      startsAt: "2026-12-12T08:00:00Z",
      address: "Kerkplein 5, 3600 Genk",
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: an.id });
    await inTransaction((trx) => noticePromotedFromReserve(trx, jobs, claim.id));
    await inTransaction((trx) => noticePromotedFromReserve(trx, jobs, claim.id));
    const sent = await messages({ prefix: `shift_promoted:${claim.id}` });
    expect(sent).toHaveLength(1);
    expect((sent[0]!.payload as { shift: ShiftSnapshot }).shift.location).toBe(
      "Kerkplein 5, 3600 Genk",
    );
  });

  it("tells those on the shift and on its reserve list about a change, once per version", async () => {
    const [on, waiting, gone] = [await volunteer(), await volunteer(), await volunteer()];
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-14T08:00:00Z",
      capacity: 1,
    });
    await createClaim(database.db, { shiftId: shift.id, userId: on.id });
    await createClaim(database.db, { shiftId: shift.id, userId: waiting.id, status: "reserve" });
    await createClaim(database.db, { shiftId: shift.id, userId: gone.id, status: "released" });

    await inTransaction((trx) => noticeShiftChanged(trx, jobs, shift.id));
    await inTransaction((trx) => noticeShiftChanged(trx, jobs, shift.id));
    let sent = await messages({ prefix: `shift_changed:${shift.id}:` });
    expect(sent.map((m) => [m.recipient_id, m.payload.onReserveList])).toEqual([
      [on.id, false],
      [waiting.id, true],
    ]);

    await database.db
      .updateTable("shifts")
      .set({ starts_at: "2026-12-14T09:00:00Z", ends_at: "2026-12-14T12:00:00Z", sequence: 1 })
      .where("id", "=", shift.id)
      .execute();
    await inTransaction((trx) => noticeShiftChanged(trx, jobs, shift.id));
    sent = await messages({ prefix: `shift_changed:${shift.id}:1:` });
    expect(sent).toHaveLength(2);
    expect((sent[0]!.payload as { shift: ShiftSnapshot }).shift).toMatchObject({
      sequence: 1,
      startsAt: "2026-12-14T09:00:00.000Z",
    });
  });

  it("tells everyone whose claim the cancellation ended, with the reason, and no one else", async () => {
    const [on, waiting, gone] = [await volunteer(), await volunteer(), await volunteer()];
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-15T08:00:00Z",
    });
    await createClaim(database.db, { shiftId: shift.id, userId: on.id });
    await createClaim(database.db, { shiftId: shift.id, userId: waiting.id, status: "reserve" });
    await createClaim(database.db, { shiftId: shift.id, userId: gone.id, status: "released" });
    await inTransaction(async (trx) => {
      await trx
        .updateTable("shifts")
        .set({
          status: "cancelled",
          cancelled_at: new Date(),
          cancel_reason: "De bib is dicht",
          sequence: 1,
        })
        .where("id", "=", shift.id)
        .execute();
      await trx
        .updateTable("shift_claims")
        .set({ status: "cancelled", ended_at: new Date() })
        .where("shift_id", "=", shift.id)
        .where("status", "in", ["confirmed", "reserve"])
        .execute();
      await noticeShiftCancelled(trx, jobs, shift.id);
    });
    await inTransaction((trx) => noticeShiftCancelled(trx, jobs, shift.id));

    const sent = await messages({ prefix: `shift_cancelled:${shift.id}:` });
    expect(sent.map((m) => m.recipient_id)).toEqual([on.id, waiting.id]);
    const payload = sent[0]!.payload as { reason: string; shift: ShiftSnapshot };
    expect(payload.reason).toBe("De bib is dicht");
    expect(payload.shift).toMatchObject({ cancelled: true, sequence: 1 });
  });

  it("asks the coordinators of the shift's digibank and region, with a link to the shift", async () => {
    const an = await volunteer({ name: "An" });
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-16T08:00:00Z",
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: an.id });
    await database.db
      .updateTable("shift_claims")
      .set({ release_requested_at: new Date("2026-12-15T20:00:00Z") })
      .where("id", "=", claim.id)
      .execute();
    await inTransaction((trx) => noticeReleaseRequested(trx, jobs, claim.id));
    await inTransaction((trx) => noticeReleaseRequested(trx, jobs, claim.id));

    const sent = await messages({ prefix: `shift_release_requested:${claim.id}:` });
    expect(sent.map((m) => [m.recipient_id, m.language])).toEqual([
      [place.coordinators.bank, "nl"],
      [place.coordinators.region, "fr"],
    ]);
    const payload = sent[0]!.payload as { volunteerName: string; url: string };
    expect(payload.volunteerName).toBe("An");
    expect(payload.url).toMatch(new RegExp(`/planning/shifts/${shift.id}$`));
  });
});

describe("the claims module sends them", () => {
  it("on a claim, a promotion from the reserve list and a late request to be released", async () => {
    const actor = async () => {
      const user = await volunteer();
      await assignRole(database.db, {
        userId: user.id,
        role: "volunteer",
        digibankId: place.digibankId,
      });
      return (await loadActor(database.db, user.id))!;
    };
    const [first, waiting] = [await actor(), await actor()];
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: new Date(NOW.getTime() + 72 * HOUR),
      capacity: 1,
    });
    const claimed = await claimShift(database.db, jobs, first, shift.id, { now: NOW });
    expect(claimed).toMatchObject({ ok: true, status: "confirmed" });
    expect(await joinReserveList(database.db, jobs, waiting, shift.id, { now: NOW })).toMatchObject(
      { ok: true, status: "reserve" },
    );
    const of = async (template: string) =>
      (await messages({ template }))
        .filter((m) => (m.payload as { shift: ShiftSnapshot }).shift.shiftId === shift.id)
        .map((m) => m.recipient_id);
    expect(await of("shift_confirmed")).toEqual([first.id]);

    // Released in good time: the one in line moves up and hears so.
    await releaseShift(database.db, jobs, first, shift.id, { now: NOW });
    expect(await of("shift_promoted")).toEqual([waiting.id]);

    // Twelve hours before the start, past the cut-off: the coordinators are asked.
    const late = new Date(shift.starts_at.getTime() - 12 * HOUR);
    expect(await requestRelease(database.db, jobs, waiting, shift.id, { now: late })).toEqual({
      ok: true,
      promotedUserId: null,
    });
    expect(await of("shift_release_requested")).toEqual([
      place.coordinators.bank,
      place.coordinators.region,
    ]);
  });
});

describe("the planning module sends them", () => {
  it("on a change of time (to those on the shift and in line) and on a cancellation", async () => {
    const coordinator = (await loadActor(database.db, place.coordinators.bank))!;
    const [on, waiting] = [await volunteer(), await volunteer()];
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-20T08:00:00Z",
      capacity: 1,
    });
    await createClaim(database.db, { shiftId: shift.id, userId: on.id });
    await createClaim(database.db, { shiftId: shift.id, userId: waiting.id, status: "reserve" });
    const changes = {
      startTime: "10:00",
      endTime: "13:00",
      capacity: 1,
      requiredSkillId: null,
      firstShiftFriendly: false,
      notes: null,
      address: null,
    };
    expect(
      await editShift(database.db, jobs, coordinator, shift.id, changes, "this", { now: NOW }),
    ).toMatchObject({ ok: true });
    const changed = await messages({ prefix: `shift_changed:${shift.id}:` });
    expect(changed.map((m) => m.recipient_id)).toEqual([on.id, waiting.id]);
    expect((changed[0]!.payload as { shift: ShiftSnapshot }).shift).toMatchObject({
      sequence: 1,
      startsAt: "2026-12-20T09:00:00.000Z",
    });

    expect(
      await cancelShift(
        database.db,
        jobs,
        coordinator,
        shift.id,
        { reason: "Stormweer", scope: "this" },
        { now: NOW },
      ),
    ).toMatchObject({ ok: true });
    const cancelled = await messages({ prefix: `shift_cancelled:${shift.id}:` });
    expect(cancelled.map((m) => m.recipient_id)).toEqual([on.id, waiting.id]);
    expect(cancelled[0]!.payload).toMatchObject({
      reason: "Stormweer",
      shift: { cancelled: true, sequence: 2 },
    });
  });
});

describe("the roster sends them", () => {
  it("tells whom a coordinator removed or released, once, in their language, with the reason", async () => {
    const coordinator = (await loadActor(database.db, place.coordinators.bank))!;
    const removed = await volunteer({ language: "fr", name: "Amélie" });
    const released = await volunteer({ language: "en", name: "Bob" });
    const waiting = await volunteer();
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-22T08:00:00Z",
      capacity: 2,
    });
    const first = await createClaim(database.db, { shiftId: shift.id, userId: removed.id });
    const second = await createClaim(database.db, { shiftId: shift.id, userId: released.id });
    await createClaim(database.db, { shiftId: shift.id, userId: waiting.id, status: "reserve" });
    await database.db
      .updateTable("shift_claims")
      .set({ release_requested_at: NOW })
      .where("id", "=", second.id)
      .execute();
    const left = () =>
      messages({ template: "shift_left" }).then((rows) =>
        rows.filter((m) => (m.payload as { shift: ShiftSnapshot }).shift.shiftId === shift.id),
      );

    expect(await removeFromShift(database.db, jobs, coordinator, first.id, { now: NOW })).toEqual({
      ok: true,
    });
    expect(
      await grantReleaseRequest(database.db, jobs, coordinator, second.id, { now: NOW }),
    ).toEqual({ ok: true });
    const sent = await left();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      to_address: removed.email,
      recipient_id: removed.id,
      language: "fr",
      idempotency_key: `shift_left:${first.id}`,
      payload: { name: "Amélie", reason: "removed", shift: { shiftId: shift.id } },
    });
    expect(sent[1]).toMatchObject({
      to_address: released.email,
      recipient_id: released.id,
      language: "en",
      idempotency_key: `shift_left:${second.id}`,
      payload: { name: "Bob", reason: "release_granted", shift: { shiftId: shift.id } },
    });
    expect((sent[0]!.payload as { url: string }).url).toMatch(/\/shifts$/);

    // Asked again (a double click, a retried request): the claim has ended, nothing more is sent.
    expect(await removeFromShift(database.db, jobs, coordinator, first.id, { now: NOW })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await grantReleaseRequest(database.db, jobs, coordinator, second.id, { now: NOW }),
    ).toEqual({ ok: false, reason: "not_found" });
    await inTransaction((trx) => noticeTakenOffShift(trx, jobs, first.id, "removed"));
    await inTransaction((trx) => noticeTakenOffShift(trx, jobs, second.id, "release_granted"));

    expect(await left()).toEqual(sent);

    // The one who moved up from the reserve list hears that, not this.
    const promoted = await messages({ template: "shift_promoted" });
    expect(
      promoted.filter((m) => (m.payload as { shift: ShiftSnapshot }).shift.shiftId === shift.id),
    ).toMatchObject([{ recipient_id: waiting.id }]);
  });

  it("does not tell about a claim that was not ended that way", async () => {
    const an = await volunteer();
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: "2026-12-23T08:00:00Z",
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: an.id });
    await inTransaction((trx) => noticeTakenOffShift(trx, jobs, claim.id, "removed"));
    expect(await messages({ prefix: `shift_left:${claim.id}` })).toHaveLength(0);
  });
});

describe("the reminder job", () => {
  it("reminds each volunteer once, a day ahead, only when they want reminders", async () => {
    const [wants, doesNot, late, other] = [
      await volunteer(),
      await volunteer(),
      await volunteer(),
      await volunteer(),
    ];
    await database.db
      .updateTable("users")
      .set({ notify_reminders: false })
      .where("id", "=", doesNot.id)
      .execute();
    // Starts in 20 hours: inside the reminder window.
    const soon = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: new Date(NOW.getTime() + 20 * HOUR),
      capacity: 3,
    });
    // Starts in 30 hours: not yet.
    const later = await createShift(database.db, {
      digipuntId: place.mobileId,
      startsAt: new Date(NOW.getTime() + 30 * HOUR),
    });
    const claimed = new Date(NOW.getTime() - 7 * 24 * HOUR);
    const claim = async (shiftId: number, userId: number, at = claimed) => {
      const row = await createClaim(database.db, { shiftId, userId });
      await database.db
        .updateTable("shift_claims")
        .set({ claimed_at: at })
        .where("id", "=", row.id)
        .execute();
      return row;
    };
    const remembered = await claim(soon.id, wants.id);
    await claim(soon.id, doesNot.id);
    // Took the spot 10 hours before the start: the confirmation was the reminder.
    await claim(soon.id, late.id, new Date(soon.starts_at.getTime() - 10 * HOUR));
    await claim(later.id, other.id);

    const key = `shift_reminder:${remembered.id}:`;
    expect(await sendShiftReminders(database.db, jobs, NOW)).toBe(1);
    // Run again a quarter later, and by a second worker at the same time.
    const again = new Date(NOW.getTime() + 15 * 60 * 1000);
    await Promise.all([
      sendShiftReminders(database.db, jobs, again),
      sendShiftReminders(database.db, jobs, again),
    ]);
    const sent = await messages({ template: "shift_reminder" });
    const mine = sent.filter((m) => m.idempotency_key.startsWith(key));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.recipient_id).toBe(wants.id);
    expect(sent.map((m) => m.recipient_id)).not.toContain(doesNot.id);
    expect(sent.map((m) => m.recipient_id)).not.toContain(late.id);
    expect(sent.map((m) => m.recipient_id)).not.toContain(other.id);

    // Six hours on, the later shift enters the window.
    await sendShiftReminders(database.db, jobs, new Date(NOW.getTime() + 6 * HOUR + 1));
    const now = await messages({ template: "shift_reminder" });
    expect(now.filter((m) => m.recipient_id === other.id)).toHaveLength(1);
  });

  it("does not remind anyone of a cancelled shift", async () => {
    const an = await volunteer();
    const shift = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: new Date(NOW.getTime() + 48 * HOUR + 5 * HOUR),
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: an.id });
    await database.db
      .updateTable("shifts")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", shift.id)
      .execute();
    await database.db
      .updateTable("shift_claims")
      .set({ status: "cancelled", ended_at: new Date() })
      .where("id", "=", claim.id)
      .execute();
    await sendShiftReminders(database.db, jobs, new Date(NOW.getTime() + 48 * HOUR));
    expect(await messages({ prefix: `shift_reminder:${claim.id}:` })).toHaveLength(0);
  });
});

describe("the understaffed alert", () => {
  it("alerts each coordinator once about a shift three days out that still lacks helpers", async () => {
    const an = await volunteer();
    const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR);
    const lacking = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: at(60),
      capacity: 2,
    });
    await createClaim(database.db, { shiftId: lacking.id, userId: an.id });
    const full = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: at(50),
      capacity: 1,
    });
    await createClaim(database.db, { shiftId: full.id, userId: (await volunteer()).id });
    const cancelled = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: at(40),
    });
    await database.db
      .updateTable("shifts")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", cancelled.id)
      .execute();
    const farAway = await createShift(database.db, {
      digipuntId: place.digipuntId,
      startsAt: at(100),
    });

    await alertUnderstaffedShifts(database.db, jobs, NOW);
    await alertUnderstaffedShifts(database.db, jobs, at(1));

    const forShift = async (id: number) => messages({ prefix: `shift_understaffed:${id}:` });
    const sent = await forShift(lacking.id);
    expect(sent.map((m) => m.recipient_id)).toEqual([
      place.coordinators.bank,
      place.coordinators.region,
    ]);
    expect(sent[0]!.payload).toMatchObject({ confirmedCount: 1, capacity: 2 });
    expect(sent[0]!.payload.url).toMatch(new RegExp(`/planning/shifts/${lacking.id}$`));
    expect(await forShift(full.id)).toHaveLength(0);
    expect(await forShift(cancelled.id)).toHaveLength(0);
    expect(await forShift(farAway.id)).toHaveLength(0);

    // Once within three days, the far shift is alerted about too, still once per coordinator.
    await alertUnderstaffedShifts(database.db, jobs, at(30));
    await alertUnderstaffedShifts(database.db, jobs, at(31));
    expect(await forShift(farAway.id)).toHaveLength(2);
    expect(await forShift(lacking.id)).toHaveLength(2);
  });
});
