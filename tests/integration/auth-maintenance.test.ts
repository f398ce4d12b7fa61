import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearExpiredAuthData } from "~/modules/auth/maintenance.server.ts";
import { hitRateLimit } from "~/modules/auth/rate-limit.server.ts";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

const DAY = 24 * 60 * 60 * 1000;

describe("the hourly clean-up", () => {
  it("removes sessions, rate-limit windows and tokens that can no longer be used, and keeps the rest", async () => {
    const user = await createUser(database.db);
    const now = new Date();
    await database.db
      .insertInto("sessions")
      .values([
        {
          id: "idle-gone",
          user_id: user.id,
          expires_at: new Date(now.getTime() - 1000),
          created_at: now,
        },
        {
          id: "too-old",
          user_id: user.id,
          expires_at: new Date(now.getTime() + DAY),
          created_at: new Date(now.getTime() - 61 * DAY),
        },
        {
          id: "alive",
          user_id: user.id,
          expires_at: new Date(now.getTime() + DAY),
          created_at: now,
        },
      ])
      .execute();
    await hitRateLimit(
      database.db,
      "old",
      { limit: 5, windowSeconds: 60 },
      new Date(now.getTime() - 2 * DAY),
    );
    await hitRateLimit(database.db, "current", { limit: 5, windowSeconds: 60 }, now);
    await issueToken(database.db, {
      userId: user.id,
      purpose: "sign_in",
      now: new Date(now.getTime() - 3 * DAY),
    });
    await issueToken(database.db, {
      userId: user.id,
      purpose: "invitation",
      now: new Date(now.getTime() - 3 * DAY),
    });
    await database.db
      .updateTable("auth_tokens")
      .set({ created_at: sql`now() - interval '3 days'` } as never)
      .execute();

    await clearExpiredAuthData(database.db, now);

    const sessions = await database.db.selectFrom("sessions").select("id").execute();
    expect(sessions.map((s) => s.id)).toEqual(["alive"]);
    const windows = await database.db.selectFrom("rate_limits").select("key").execute();
    expect(windows.map((w) => w.key)).toEqual(["current"]);
    // The expired sign-in link goes; the invitation (two weeks) still waits for its reader.
    const tokens = await database.db.selectFrom("auth_tokens").select("purpose").execute();
    expect(tokens.map((t) => t.purpose)).toEqual(["invitation"]);
  });
});
