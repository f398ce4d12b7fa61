import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeToken, hashToken, issueToken, peekToken } from "~/modules/auth/tokens.server.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe("emailed tokens", () => {
  it("carry at least 128 random bits and are stored only as a hash", async () => {
    const user = await createUser(database.db);
    const token = await issueToken(database.db, { userId: user.id, purpose: "password_reset" });
    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const rows = await database.db
      .selectFrom("auth_tokens")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.token_hash).toBe(hashToken(token));
  });

  it("work once, also when two clicks arrive at the same moment", async () => {
    const user = await createUser(database.db);
    const token = await issueToken(database.db, { userId: user.id, purpose: "sign_in" });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => consumeToken(database.db, token, "sign_in")),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await consumeToken(database.db, token, "sign_in")).toBeNull();
  });

  it("expire: reset and sign-in links after 30 minutes at most", async () => {
    const user = await createUser(database.db);
    const issuedAt = new Date();
    for (const purpose of ["sign_in", "password_reset"] as const) {
      const token = await issueToken(database.db, { userId: user.id, purpose, now: issuedAt });
      const at29 = new Date(issuedAt.getTime() + 29 * 60_000);
      const at31 = new Date(issuedAt.getTime() + 31 * 60_000);
      expect(await peekToken(database.db, token, purpose, at29)).toBeTruthy();
      expect(await consumeToken(database.db, token, purpose, at31)).toBeNull();
    }
  });

  it("only serve their own purpose", async () => {
    const user = await createUser(database.db);
    const token = await issueToken(database.db, { userId: user.id, purpose: "sign_in" });
    expect(await consumeToken(database.db, token, "password_reset")).toBeNull();
    expect(await consumeToken(database.db, token, "sign_in")).not.toBeNull();
  });
});
