import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.ts";
import { migrations } from "../../db/migrations/index.ts";
import {
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// The schema tidy-up meets rows written before it: text times, text dates, ended claims without
// an end. It converts what can be told from the row itself and refuses the rest, changing nothing.

const BEFORE = "2026-11-22-0003-shifts";

let database: TestDatabase;
let digipuntId: number;
let digibankId: number;
let userIds: number[];
beforeAll(async () => {
  database = await createTestDatabase();
  const region = await createRegion(database.db);
  const municipality = await createMunicipality(database.db, { regionId: region.id });
  digibankId = (await createDigibank(database.db, { regionId: region.id })).id;
  digipuntId = (await createDigipunt(database.db, { digibankId, municipalityId: municipality.id }))
    .id;
  userIds = [];
  for (let i = 0; i < 3; i++) userIds.push((await createUser(database.db)).id);
});
afterAll(() => database?.destroy());

async function migrateBack() {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error } = await migrator.migrateTo(BEFORE);
  if (error) throw error;
}

async function columnType(table: string, column: string) {
  const { rows } = await sql<{ type: string }>`select udt_name as type
    from information_schema.columns
    where table_name = ${table} and column_name = ${column}`.execute(database.db);
  return rows[0]?.type ?? null;
}

/** Rows as the app wrote them before the tidy-up. */
async function oldRows() {
  const db = database.db;
  const { rows } = await sql<{ id: number }>`insert into shift_series
    (digipunt_id, rrule, first_date, last_date, start_time, end_time, skipped_dates, capacity)
    values (${digipuntId}, 'FREQ=WEEKLY;BYDAY=TU', '2030-01-01', '2030-06-30', '09:30', '12:00',
      '{2030-02-12,2030-04-02}', 2)
    returning id`.execute(db);
  const seriesId = rows[0]!.id;
  const shift = async (day: number, status: string, cancelledAt: string | null) => {
    const { rows } = await sql<{ id: number }>`insert into shifts
      (digipunt_id, series_id, starts_at, ends_at, capacity, status, cancelled_at, updated_at)
      values (${digipuntId}, ${seriesId}, ${`2030-01-0${day}T08:00:00Z`}::timestamptz,
        ${`2030-01-0${day}T11:00:00Z`}::timestamptz, 2, ${status}, ${cancelledAt}::timestamptz,
        '2029-12-20T10:00:00Z')
      returning id`.execute(db);
    return rows[0]!.id;
  };
  const open = await shift(1, "scheduled", null);
  // Cancelled before cancelled_at was always written (as the tests and a hand edit did).
  const cancelled = await shift(2, "cancelled", null);
  const claim = async (shiftId: number, userId: number, status: string) => {
    const { rows } = await sql<{ id: number }>`insert into shift_claims
      (shift_id, user_id, status, updated_at)
      values (${shiftId}, ${userId}, ${status}, '2029-12-21T09:00:00Z')
      returning id`.execute(db);
    return rows[0]!.id;
  };
  return {
    seriesId,
    open,
    cancelled,
    confirmed: await claim(open, userIds[0]!, "confirmed"),
    released: await claim(open, userIds[1]!, "released"),
    cancelledClaim: await claim(cancelled, userIds[2]!, "cancelled"),
  };
}

describe("the schema tidy-up on existing rows", () => {
  it("converts times, skipped dates and ended claims, taking the end from the last change", async () => {
    await migrateBack();
    expect(await columnType("shift_series", "start_time")).toBe("text");
    expect(await columnType("shift_claims", "ended_at")).toBeNull();
    const old = await oldRows();

    await migrateToLatest(database.db);
    const db = database.db;
    const series = await db
      .selectFrom("shift_series")
      .select(["start_time", "end_time", "skipped_dates"])
      .where("id", "=", old.seriesId)
      .executeTakeFirstOrThrow();
    expect(series).toEqual({
      start_time: "09:30",
      end_time: "12:00",
      skipped_dates: ["2030-02-12", "2030-04-02"],
    });
    const claims = await db
      .selectFrom("shift_claims")
      .select(["id", "ended_at"])
      .where("id", "in", [old.confirmed, old.released, old.cancelledClaim])
      .orderBy("id")
      .execute();
    const changedAt = new Date("2029-12-21T09:00:00Z");
    expect(claims).toEqual([
      { id: old.confirmed, ended_at: null },
      { id: old.released, ended_at: changedAt },
      { id: old.cancelledClaim, ended_at: changedAt },
    ]);
    const shifts = await db
      .selectFrom("shifts")
      .select(["id", "cancelled_at"])
      .where("id", "in", [old.open, old.cancelled])
      .orderBy("id")
      .execute();
    expect(shifts).toEqual([
      { id: old.open, cancelled_at: null },
      { id: old.cancelled, cancelled_at: new Date("2029-12-20T10:00:00Z") },
    ]);
  });

  it("refuses rows whose status and timestamp disagree, naming them, and changes nothing", async () => {
    await migrateBack();
    const db = database.db;
    const { rows } = await sql<{ id: number }>`insert into join_requests
      (digibank_id, name, email, status) values (${digibankId}, 'Kandidaat', 'k@example.test',
      'approved') returning id`.execute(db);
    const requestId = rows[0]!.id;
    const { rows: bad } = await sql<{ id: number }>`insert into shift_series
      (digipunt_id, rrule, first_date, last_date, start_time, end_time, skipped_dates, capacity)
      values (${digipuntId}, 'FREQ=WEEKLY;BYDAY=TU', '2030-01-01', '2030-06-30', '09:00', '12:00',
        '{2030-02-30}', 2)
      returning id`.execute(db);

    const refusal = migrateToLatest(db);
    await expect(refusal).rejects.toThrow(
      `join_requests (join_requests_status_times): ${requestId}`,
    );
    await expect(refusal).rejects.toThrow(`shift_series (times or skipped dates): ${bad[0]!.id}`);
    // Nothing was applied: the claims still have no end, the times are still text.
    expect(await columnType("shift_claims", "ended_at")).toBeNull();
    expect(await columnType("shift_series", "start_time")).toBe("text");

    // Once someone has put the rows right, it runs through.
    await sql`update join_requests set decided_at = now() where id = ${requestId}`.execute(db);
    await sql`update shift_series set skipped_dates = '{2030-02-28}' where id = ${bad[0]!.id}`.execute(
      db,
    );
    await migrateToLatest(db);
    expect(await columnType("shift_series", "skipped_dates")).toBe("_date");
  });
});
