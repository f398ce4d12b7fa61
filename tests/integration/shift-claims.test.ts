import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import type { ShiftSnapshot } from "~/modules/mail/messages.ts";
import {
  claimShift,
  joinReserveList,
  releaseShift,
  requestRelease,
} from "~/modules/shifts/claims.server.ts";
import { actOnShift } from "~/modules/shifts/act.server.ts";
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
  giveSkill,
  skillId,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The claim rules as the volunteer meets them: capacity, overlaps, skills, past and cancelled
// shifts, the reserve list and the release cut-off.

let database: TestDatabase;
let jobs: JobQueue;
let world: Awaited<ReturnType<typeof makeWorld>>;

const NOW = new Date("2027-02-01T09:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 60 * 60 * 1000);

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
  return { region, home, other, digipunt, elsewhere };
}

async function volunteer(digibankId = world.home.id): Promise<Actor> {
  const user = await createUser(database.db);
  await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
  return (await loadActor(database.db, user.id))!;
}

function shift(values: Partial<Parameters<typeof createShift>[1]> = {}) {
  return createShift(database.db, {
    digipuntId: world.digipunt.id,
    startsAt: hours(72),
    ...values,
  });
}

async function claimsOf(shiftId: number) {
  return database.db
    .selectFrom("shift_claims")
    .select(["user_id as userId", "status"])
    .where("shift_id", "=", shiftId)
    .orderBy("id")
    .execute();
}

async function confirmedCount(shiftId: number) {
  const row = await database.db
    .selectFrom("shifts")
    .select("confirmed_count")
    .where("id", "=", shiftId)
    .executeTakeFirstOrThrow();
  return row.confirmed_count;
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

describe("claiming a shift", () => {
  it("takes a free spot and counts it", async () => {
    const s = await shift({ capacity: 2 });
    const anna = await volunteer();
    const outcome = await claimShift(database.db, jobs, anna, s.id, { now: NOW });
    expect(outcome).toMatchObject({ ok: true, status: "confirmed" });
    expect(await confirmedCount(s.id)).toBe(1);
  });

  it("says full when every spot is taken, and the reserve list takes the person in line", async () => {
    const s = await shift({ capacity: 1 });
    const [first, second, third] = [await volunteer(), await volunteer(), await volunteer()];
    await claimShift(database.db, jobs, first, s.id, { now: NOW });
    expect(await claimShift(database.db, jobs, second, s.id, { now: NOW })).toEqual({
      ok: false,
      reason: "full",
    });
    expect(await joinReserveList(database.db, jobs, second, s.id, { now: NOW })).toMatchObject({
      ok: true,
      status: "reserve",
    });
    await joinReserveList(database.db, jobs, third, s.id, { now: NOW });
    expect(await confirmedCount(s.id)).toBe(1);

    // The first releases: the first in line (second) moves up, third keeps waiting.
    const released = await releaseShift(database.db, jobs, first, s.id, { now: NOW });
    expect(released).toEqual({ ok: true, promotedUserId: second.id });
    expect(await claimsOf(s.id)).toEqual([
      { userId: first.id, status: "released" },
      { userId: second.id, status: "confirmed" },
      { userId: third.id, status: "reserve" },
    ]);
  });

  it("joining the reserve list of a shift with a free spot gives the spot", async () => {
    const s = await shift({ capacity: 1 });
    const anna = await volunteer();
    expect(await joinReserveList(database.db, jobs, anna, s.id, { now: NOW })).toMatchObject({
      ok: true,
      status: "confirmed",
    });
  });

  it("refuses a second shift at the same time", async () => {
    const morning = await shift({ startsAt: hours(48), endsAt: hours(51) });
    const overlapping = await shift({ startsAt: hours(50), endsAt: hours(53) });
    const afterwards = await shift({ startsAt: hours(51), endsAt: hours(54) });
    const anna = await volunteer();
    await claimShift(database.db, jobs, anna, morning.id, { now: NOW });
    expect(await claimShift(database.db, jobs, anna, overlapping.id, { now: NOW })).toEqual({
      ok: false,
      reason: "overlap",
    });
    // Touching ends are not an overlap: one shift may start when the other ends.
    expect(await claimShift(database.db, jobs, anna, afterwards.id, { now: NOW })).toMatchObject({
      ok: true,
    });
  });

  it("refuses the same shift twice", async () => {
    const s = await shift();
    const anna = await volunteer();
    await claimShift(database.db, jobs, anna, s.id, { now: NOW });
    expect(await claimShift(database.db, jobs, anna, s.id, { now: NOW })).toEqual({
      ok: false,
      reason: "already",
    });
  });

  it("checks a required skill", async () => {
    const s = await shift({ requiredSkillId: await skillId(database.db, "itsme") });
    const anna = await volunteer();
    expect(await claimShift(database.db, jobs, anna, s.id, { now: NOW })).toEqual({
      ok: false,
      reason: "skill_missing",
    });
    await giveSkill(database.db, { userId: anna.id, code: "itsme" });
    expect(await claimShift(database.db, jobs, anna, s.id, { now: NOW })).toMatchObject({
      ok: true,
    });
  });

  it("refuses past and cancelled shifts", async () => {
    const past = await shift({ startsAt: hours(-1) });
    const cancelled = await shift();
    await database.db
      .updateTable("shifts")
      .set({ status: "cancelled", cancelled_at: new Date() })
      .where("id", "=", cancelled.id)
      .execute();
    const anna = await volunteer();
    expect(await claimShift(database.db, jobs, anna, past.id, { now: NOW })).toEqual({
      ok: false,
      reason: "past",
    });
    expect(await claimShift(database.db, jobs, anna, cancelled.id, { now: NOW })).toEqual({
      ok: false,
      reason: "cancelled",
    });
  });

  it("hides another digibank's shift and refuses a non-volunteer", async () => {
    const theirs = await createShift(database.db, {
      digipuntId: world.elsewhere.id,
      startsAt: hours(72),
    });
    const anna = await volunteer();
    expect(await claimShift(database.db, jobs, anna, theirs.id, { now: NOW })).toEqual({
      ok: false,
      reason: "not_found",
    });
    const coordinatorUser = await createUser(database.db);
    await assignRole(database.db, {
      userId: coordinatorUser.id,
      role: "coordinator",
      digibankId: world.home.id,
    });
    const coordinator = (await loadActor(database.db, coordinatorUser.id))!;
    const ours = await shift();
    expect(await claimShift(database.db, jobs, coordinator, ours.id, { now: NOW })).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await claimsOf(theirs.id)).toEqual([]);
    expect(await claimsOf(ours.id)).toEqual([]);
  });
});

describe("releasing a shift", () => {
  it("is allowed until the region's cut-off, then it asks the coordinator", async () => {
    await database.db
      .updateTable("regions")
      .set({ release_cutoff_hours: 48 })
      .where("id", "=", world.region.id)
      .execute();
    try {
      const soon = await shift({ startsAt: hours(30) });
      const later = await shift({ startsAt: hours(60) });
      const anna = await volunteer();
      await createClaim(database.db, { shiftId: soon.id, userId: anna.id });
      await createClaim(database.db, { shiftId: later.id, userId: anna.id });

      expect(await releaseShift(database.db, jobs, anna, soon.id, { now: NOW })).toEqual({
        ok: false,
        reason: "after_cutoff",
        cutoffHours: 48,
      });
      expect(await releaseShift(database.db, jobs, anna, later.id, { now: NOW })).toMatchObject({
        ok: true,
      });

      expect(await requestRelease(database.db, jobs, anna, soon.id, { now: NOW })).toMatchObject({
        ok: true,
      });
      expect(await requestRelease(database.db, jobs, anna, soon.id, { now: NOW })).toEqual({
        ok: false,
        reason: "already_requested",
      });
      const claim = await database.db
        .selectFrom("shift_claims")
        .select(["status", "release_requested_at"])
        .where("shift_id", "=", soon.id)
        .executeTakeFirstOrThrow();
      // Still on the shift until the coordinator lets them go.
      expect(claim.status).toBe("confirmed");
      expect(claim.release_requested_at).not.toBeNull();
    } finally {
      await database.db
        .updateTable("regions")
        .set({ release_cutoff_hours: 24 })
        .where("id", "=", world.region.id)
        .execute();
    }
  });

  it("leaving the reserve list is allowed at any time and promotes nobody", async () => {
    const s = await shift({ startsAt: hours(2), capacity: 1 });
    const [anna, bert] = [await volunteer(), await volunteer()];
    await createClaim(database.db, { shiftId: s.id, userId: anna.id });
    await createClaim(database.db, { shiftId: s.id, userId: bert.id, status: "reserve" });
    expect(await releaseShift(database.db, jobs, bert, s.id, { now: NOW })).toEqual({
      ok: true,
      promotedUserId: null,
    });
    expect(await confirmedCount(s.id)).toBe(1);
  });

  it("cannot release a shift one is not on", async () => {
    const s = await shift();
    const anna = await volunteer();
    expect(await releaseShift(database.db, jobs, anna, s.id, { now: NOW })).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("many people at once (the database holds the rules)", () => {
  async function race(volunteers: Actor[], shiftId: number) {
    return Promise.all(
      volunteers.map((actor) =>
        claimShift(database.db, jobs, actor, shiftId, { now: NOW }).catch((error: unknown) => ({
          ok: false as const,
          reason: `error: ${String(error)}`,
        })),
      ),
    );
  }

  it("200 volunteers claiming 3 spots at once leave exactly 3 confirmed", async () => {
    const s = await shift({ capacity: 3 });
    const volunteers = await Promise.all(Array.from({ length: 200 }, () => volunteer()));
    const outcomes = await race(volunteers, s.id);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
    expect(new Set(outcomes.filter((o) => !o.ok).map((o) => o.reason))).toEqual(new Set(["full"]));
    expect(await confirmedCount(s.id)).toBe(3);
    const confirmed = (await claimsOf(s.id)).filter((c) => c.status === "confirmed");
    expect(confirmed).toHaveLength(3);
  });

  // Only on a PostgreSQL server: PGlite's one connection runs the claims one after another.
  const onServer = it.skipIf(!process.env.TEST_DATABASE_URL);

  onServer("control: without the capacity constraint the same race overbooks", async () => {
    const s = await shift({ capacity: 3 });
    const volunteers = await Promise.all(Array.from({ length: 200 }, () => volunteer()));
    await sql`alter table shifts drop constraint shifts_capacity`.execute(database.db);
    try {
      await race(volunteers, s.id);
      expect(await confirmedCount(s.id)).toBeGreaterThan(3);
    } finally {
      await database.db.deleteFrom("shift_claims").where("shift_id", "=", s.id).execute();
      await sql`alter table shifts add constraint shifts_capacity check (confirmed_count <= capacity)`.execute(
        database.db,
      );
    }
  });

  it("one volunteer claiming two overlapping shifts at once holds at most one", async () => {
    // Each claim inserts, then waits for the other's row in the exclusion check: now and then
    // PostgreSQL ends one as a deadlock, which the claim must answer as an overlap, not an error.
    for (let round = 0; round < 20; round++) {
      const a = await shift({ startsAt: hours(100 + round * 10), endsAt: hours(103 + round * 10) });
      const b = await shift({ startsAt: hours(101 + round * 10), endsAt: hours(104 + round * 10) });
      const anna = await volunteer();
      const outcomes = await Promise.all([
        claimShift(database.db, jobs, anna, a.id, { now: NOW }),
        claimShift(database.db, jobs, anna, b.id, { now: NOW }),
      ]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, reason: "overlap" });
    }
  });

  onServer("control: without the exclusion constraint the same volunteer gets both", async () => {
    await sql`alter table shift_claims drop constraint shift_claims_no_overlap`.execute(
      database.db,
    );
    try {
      let doubled = 0;
      for (let round = 0; round < 10; round++) {
        const a = await shift({
          startsAt: hours(300 + round * 10),
          endsAt: hours(303 + round * 10),
        });
        const b = await shift({
          startsAt: hours(301 + round * 10),
          endsAt: hours(304 + round * 10),
        });
        const anna = await volunteer();
        const outcomes = await Promise.all([
          claimShift(database.db, jobs, anna, a.id, { now: NOW }),
          claimShift(database.db, jobs, anna, b.id, { now: NOW }),
        ]);
        if (outcomes.every((o) => o.ok)) doubled++;
      }
      expect(doubled).toBeGreaterThan(0);
    } finally {
      await database.db
        .updateTable("shift_claims")
        .set({ status: "released", ended_at: new Date() })
        .where("status", "in", ["confirmed", "reserve"])
        .execute();
      await sql`alter table shift_claims add constraint shift_claims_no_overlap
        exclude using gist (int4range(user_id, user_id, '[]') with &&, span with &&)
        where (status in ('confirmed', 'reserve'))`.execute(database.db);
    }
  });
});

describe("the confirmation email of a claim", () => {
  async function confirmationOf(claimId: number) {
    return database.db
      .selectFrom("email_messages")
      .select(["id", "payload"])
      .where("idempotency_key", "=", `shift_confirmed:${claimId}`)
      .executeTakeFirstOrThrow();
  }

  async function jobsFor(messageId: number) {
    const rows = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
      where data->>'messageId' = ${String(messageId)}`.execute(database.db);
    return rows.rows[0]!.n;
  }

  it("tells the shift and the person, with one job to send it", async () => {
    const s = await shift({ notes: "Ingang langs de tuin" });
    const anna = await volunteer();
    const outcome = await claimShift(database.db, jobs, anna, s.id, { now: NOW });
    if (!outcome.ok) throw new Error(outcome.reason);
    const message = await confirmationOf(outcome.claimId);
    const payload = message.payload as { name: string; shift: ShiftSnapshot };
    expect(payload.name).toBe(anna.name);
    expect(payload.shift).toMatchObject({
      shiftId: s.id,
      sequence: 0,
      notes: "Ingang langs de tuin",
    });
    expect(await jobsFor(message.id)).toBe(1);
  });

  // The claim reads what its email tells before its transaction; a change of the shift that
  // commits in between must not leave the volunteer with the old version (the change's own notice
  // went out before the claim existed). Only on a server: it needs a second connection.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "tells the shift as it is when the claim commits, when it is changed meanwhile",
    async () => {
      const s = await shift({ notes: "Ingang langs de tuin" });
      const anna = await volunteer();
      const coordinator = new pg.Client({ connectionString: database.url! });
      await coordinator.connect();
      try {
        // A change of the shift, written but not yet committed: it holds the shift's row.
        await coordinator.query("begin");
        await coordinator.query(
          "update shifts set notes = 'Ingang langs de markt', sequence = sequence + 1 where id = $1",
          [s.id],
        );
        const claiming = claimShift(database.db, jobs, anna, s.id, { now: NOW });
        // The claim has read the shift and now waits for the row.
        for (let waiting = 0; waiting === 0;) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          const { rows } = await coordinator.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
          );
          waiting = rows[0]!.n;
        }
        await coordinator.query("commit");
        const outcome = await claiming;
        if (!outcome.ok) throw new Error(outcome.reason);
        const message = await confirmationOf(outcome.claimId);
        const payload = message.payload as { shift: ShiftSnapshot };
        expect(payload.shift).toMatchObject({ sequence: 1, notes: "Ingang langs de markt" });
        expect(await jobsFor(message.id)).toBe(1);
      } finally {
        await coordinator.end();
      }
    },
  );
});

describe("one action on a shift, as the shift pages ask it", () => {
  it("returns a denial for a shift the reader may not see or not act on, never an HTTP answer", async () => {
    const mieke = await volunteer();
    const theirs = await shift({ digipuntId: world.elsewhere.id });
    for (const intent of ["claim", "reserve", "release", "request_release"] as const)
      await expect(
        actOnShift(database.db, jobs, mieke, { intent, shiftId: theirs.id }),
      ).resolves.toEqual({ ok: false, denied: 404 });

    const user = await createUser(database.db);
    await assignRole(database.db, {
      userId: user.id,
      role: "coordinator",
      digibankId: world.home.id,
    });
    const coordinator = (await loadActor(database.db, user.id))!;
    const open = await shift();
    await expect(
      actOnShift(database.db, jobs, coordinator, { intent: "claim", shiftId: open.id }),
    ).resolves.toEqual({ ok: false, denied: 403 });

    // Any other refusal is a reason the page explains.
    await expect(
      actOnShift(database.db, jobs, mieke, { intent: "release", shiftId: open.id }),
    ).resolves.toEqual({ ok: false, refusal: "not_on_shift", cutoffHours: null });
    await expect(
      actOnShift(database.db, jobs, mieke, { intent: "claim", shiftId: open.id }),
    ).resolves.toEqual({ ok: true, done: "claimed" });
  });
});
