import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// The rules the schema tidy-up (db/migrations/2026-12-01-0002-schema-tidy.ts) adds: each status
// with its timestamps, wall-clock times and skipped dates as real types, and two indexes.

let database: TestDatabase;
let digipuntId: number;
let digibankId: number;
beforeAll(async () => {
  database = await createTestDatabase();
  const region = await createRegion(database.db);
  const municipality = await createMunicipality(database.db, { regionId: region.id });
  const digibank = await createDigibank(database.db, { regionId: region.id });
  digibankId = digibank.id;
  const punt = await createDigipunt(database.db, {
    digibankId,
    municipalityId: municipality.id,
  });
  digipuntId = punt.id;
});
afterAll(() => database?.destroy());

let hour = 0;
/** A shift of its own hour, so that claims on different shifts never overlap. */
function shift() {
  hour += 4;
  return createShift(database.db, {
    digipuntId,
    startsAt: new Date(Date.UTC(2030, 0, 1) + hour * 3_600_000),
  });
}

describe("each status with its timestamps", () => {
  it("a shift is cancelled exactly when it says when, and only a cancelled one has a reason", async () => {
    const { db } = database;
    const cancel = async (set: Record<string, unknown>) => {
      const { id } = await shift();
      await db
        .updateTable("shifts")
        .set(set as never)
        .where("id", "=", id)
        .execute();
    };
    await cancel({ status: "cancelled", cancelled_at: new Date(), cancel_reason: "Dicht" });
    const refused = /shifts_status_times/;
    await expect(cancel({ status: "cancelled" })).rejects.toThrow(refused);
    await expect(cancel({ cancelled_at: new Date() })).rejects.toThrow(refused);
    await expect(cancel({ cancel_reason: "Dicht" })).rejects.toThrow(refused);
  });

  it("a claim has ended exactly when it is released, removed or cancelled", async () => {
    const { db } = database;
    const person = await createUser(db);
    const write = async (values: Record<string, unknown>) => {
      const { id } = await shift();
      await db
        .insertInto("shift_claims")
        .values({ shift_id: id, user_id: person.id, ...values } as never)
        .execute();
    };
    const now = new Date();
    for (const status of ["released", "removed", "cancelled"]) {
      await write({ status, ended_at: now });
      await write({ status, ended_at: now, release_requested_at: now });
    }
    await write({ status: "confirmed" });
    await write({ status: "confirmed", release_requested_at: now });
    await write({ status: "reserve" });

    const refused = /shift_claims_status_times/;
    for (const status of ["released", "removed", "cancelled"])
      await expect(write({ status })).rejects.toThrow(refused);
    await expect(write({ status: "confirmed", ended_at: now })).rejects.toThrow(refused);
    await expect(write({ status: "reserve", ended_at: now })).rejects.toThrow(refused);
    // Only a volunteer on the shift asks to be let go; a reserve simply leaves the list.
    await expect(write({ status: "reserve", release_requested_at: now })).rejects.toThrow(refused);

    // The factory follows the rule: a released claim it writes says when it ended.
    const { id } = await shift();
    const released = await createClaim(db, { shiftId: id, userId: person.id, status: "released" });
    expect(released.ended_at).toBeInstanceOf(Date);
  });

  it("a join request is decided exactly when it says when", async () => {
    const { db } = database;
    let n = 0;
    const write = (values: Record<string, unknown>) =>
      db
        .insertInto("join_requests")
        .values({
          digibank_id: digibankId,
          name: "Kandidaat",
          email: `kandidaat${++n}@example.test`,
          ...values,
        } as never)
        .execute();
    await write({});
    await write({ status: "approved", decided_at: new Date() });
    await write({ status: "declined", decided_at: new Date() });
    const refused = /join_requests_status_times/;
    await expect(write({ status: "approved" })).rejects.toThrow(refused);
    await expect(write({ status: "declined" })).rejects.toThrow(refused);
    await expect(write({ status: "pending", decided_at: new Date() })).rejects.toThrow(refused);
  });

  it("an email is sent exactly when it says when", async () => {
    const { db } = database;
    let n = 0;
    const write = (values: Record<string, unknown>) =>
      db
        .insertInto("email_messages")
        .values({
          idempotency_key: `rules:${++n}`,
          template: "sign_in_link",
          to_address: "an@example.test",
          language: "nl",
          ...values,
        } as never)
        .execute();
    await write({});
    await write({ status: "failed" });
    await write({ status: "sent", sent_at: new Date() });
    const refused = /email_messages_status_times/;
    await expect(write({ status: "sent" })).rejects.toThrow(refused);
    await expect(write({ status: "queued", sent_at: new Date() })).rejects.toThrow(refused);
    await expect(write({ status: "failed", sent_at: new Date() })).rejects.toThrow(refused);
  });

  it("an account is deleted exactly when it says when", async () => {
    const { db } = database;
    const person = await createUser(db);
    const set = (values: Record<string, unknown>) =>
      db
        .updateTable("users")
        .set(values as never)
        .where("id", "=", person.id)
        .execute();
    const refused = /users_status_times/;
    await expect(set({ status: "deleted" })).rejects.toThrow(refused);
    await expect(set({ deleted_at: new Date() })).rejects.toThrow(refused);
    await set({ status: "deleted", deleted_at: new Date() });
    await expect(set({ status: "active" })).rejects.toThrow(refused);
  });
});

describe("series times and skipped dates", () => {
  const series = (values: Record<string, unknown>) =>
    database.db
      .insertInto("shift_series")
      .values({
        digipunt_id: digipuntId,
        rrule: "FREQ=WEEKLY;BYDAY=TU",
        first_date: "2030-01-01",
        last_date: "2030-06-30",
        start_time: "09:00",
        end_time: "12:00",
        capacity: 2,
        ...values,
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();

  it("are a time and a list of dates, read as HH:MM and YYYY-MM-DD strings", async () => {
    const row = await series({
      start_time: "13:30",
      end_time: "16:45",
      skipped_dates: ["2030-02-12", "2030-04-02"],
    });
    expect([row.start_time, row.end_time, row.skipped_dates]).toEqual([
      "13:30",
      "16:45",
      ["2030-02-12", "2030-04-02"],
    ]);
    expect((await series({})).skipped_dates).toEqual([]);
    const { rows } = await sql<{ column: string; type: string }>`
      select column_name as column, udt_name as type from information_schema.columns
      where table_name = 'shift_series'
        and column_name in ('start_time', 'end_time', 'skipped_dates')
      order by column_name`.execute(database.db);
    expect(rows).toEqual([
      { column: "end_time", type: "time" },
      { column: "skipped_dates", type: "_date" },
      { column: "start_time", type: "time" },
    ]);
  });

  it("refuse what is not a time or a date, seconds, and an end before the start", async () => {
    await expect(series({ start_time: "25:00" })).rejects.toThrow(/time/);
    await expect(series({ skipped_dates: ["2030-02-30"] })).rejects.toThrow(/date/);
    await expect(series({ start_time: "09:00:30" })).rejects.toThrow(/shift_series_whole_minutes/);
    await expect(series({ start_time: "12:00", end_time: "09:00" })).rejects.toThrow(
      /shift_series_times/,
    );
  });
});

describe("indexes", () => {
  it("find the audit log by actor and the series by digipunt", async () => {
    const { rows } = await sql<{ name: string; definition: string }>`
      select indexname as name, indexdef as definition from pg_indexes
      where indexname in ('audit_events_actor_idx', 'shift_series_digipunt_idx')
      order by indexname`.execute(database.db);
    expect(rows.map((r) => [r.name, r.definition.replace(/^.* USING btree /, "")])).toEqual([
      ["audit_events_actor_idx", "(actor_id, occurred_at)"],
      ["shift_series_digipunt_idx", "(digipunt_id)"],
    ]);
  });
});
