import { sql } from "kysely";
import { Migrator } from "kysely/migration";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.ts";
import { migrations } from "../../db/migrations/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// The retention migration meets accounts made before it: each gets, as last_active_at, the newest
// trace of use we hold, so that nobody is warned for disuse the night after the upgrade only
// because the column is new.

const BEFORE = "2026-12-02-0003-profiles-and-board";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe("the retention migration", () => {
  it("backfills last_active_at from sessions, audit events and the account's creation", async () => {
    const db = database.db;
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(BEFORE);
    if (error) throw error;

    const { rows } = await sql<{ id: number }>`insert into users (email, name, created_at)
      values ('a@test.digihelpers.example', 'A', '2024-01-01T10:00:00Z'),
             ('b@test.digihelpers.example', 'B', '2024-01-01T10:00:00Z'),
             ('c@test.digihelpers.example', 'C', '2024-02-02T10:00:00Z')
      returning id`.execute(db);
    const [a, b, c] = rows.map((r) => r.id);
    await sql`insert into audit_events (action, actor_id, occurred_at)
      values ('sign_in', ${a}, '2025-03-01T10:00:00Z')`.execute(db);
    // Used last on 6 May: lucia extended it then to 14 days later.
    await sql`insert into sessions (id, user_id, created_at, expires_at)
      values ('old-session', ${b}, '2025-05-01T10:00:00Z', '2025-05-20T10:00:00Z')`.execute(db);

    await migrateToLatest(db);
    const users = await db
      .selectFrom("users")
      .select(["id", "last_active_at", "inactivity_warned_at"])
      .where("id", "in", [a!, b!, c!])
      .orderBy("id")
      .execute();
    expect(users).toEqual([
      { id: a, last_active_at: new Date("2025-03-01T10:00:00Z"), inactivity_warned_at: null },
      { id: b, last_active_at: new Date("2025-05-06T10:00:00Z"), inactivity_warned_at: null },
      { id: c, last_active_at: new Date("2024-02-02T10:00:00Z"), inactivity_warned_at: null },
    ]);
  });
});
