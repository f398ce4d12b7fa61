import crypto from "node:crypto";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as hashedSessions from "../../db/migrations/2026-12-01-0001-hashed-sessions.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import {
  ABSOLUTE_EXPIRY_DAYS,
  IDLE_EXPIRY_DAYS,
  endAllSessions,
  endOtherSessions,
  endSession,
  readSession,
  startSession,
} from "~/modules/auth/session.server.ts";
import { signInWithPassword } from "~/modules/auth/sign-in.server.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const DAY = 24 * 60 * 60 * 1000;
let database: TestDatabase;
let passwordHash: string;
beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword("correct horse battery");
});
afterAll(() => database?.destroy());
afterEach(() => {
  vi.useRealTimers();
});

const http = (cookie?: string) =>
  new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });
const https = (cookie?: string) =>
  new Request("https://digihelpers.example/", { headers: cookie ? { Cookie: cookie } : {} });
const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

describe("session cookies", () => {
  it("are HttpOnly, SameSite=Lax and, over HTTPS, Secure with the __Host- prefix", async () => {
    const user = await createUser(database.db);
    const secure = await startSession(database.db, https(), user.id);
    expect(secure).toMatch(/^__Host-session=/);
    expect(secure).toMatch(/; HttpOnly/i);
    expect(secure).toMatch(/; SameSite=Lax/i);
    expect(secure).toMatch(/; Secure/i);
    expect(secure).toMatch(/; Path=\//i);
    expect(secure).not.toMatch(/Domain=/i);

    const plain = await startSession(database.db, http(), user.id);
    expect(plain).toMatch(/^session=/);
    expect(plain).toMatch(/; HttpOnly/i);
    expect(plain).not.toMatch(/; Secure/i);
  });

  it("give a new session on every sign-in, and the old cookie is useless after sign-out", async () => {
    const user = await createUser(database.db);
    const first = cookiePair(await startSession(database.db, http(), user.id));
    const second = cookiePair(await startSession(database.db, http(), user.id));
    expect(first).not.toBe(second);

    const { user: signedIn } = await readSession(database.db, http(first));
    expect(signedIn?.id).toBe(user.id);
    const cleared = await endSession(database.db, http(first), signedIn!.sessionId);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);

    const after = await readSession(database.db, http(first));
    expect(after.user).toBeNull();
    expect(after.setCookie).toMatch(/^session=;/);
    // The other device's session is untouched.
    expect((await readSession(database.db, http(second))).user?.id).toBe(user.id);
  });

  it("all end together on 'sign out on all devices' and when the account is disabled", async () => {
    const user = await createUser(database.db);
    const a = cookiePair(await startSession(database.db, http(), user.id));
    const b = cookiePair(await startSession(database.db, http(), user.id));
    await endAllSessions(database.db, user.id);
    expect((await readSession(database.db, http(a))).user).toBeNull();
    expect((await readSession(database.db, http(b))).user).toBeNull();

    const c = cookiePair(await startSession(database.db, http(), user.id));
    await database.db
      .updateTable("users")
      .set({ status: "disabled" })
      .where("id", "=", user.id)
      .execute();
    expect((await readSession(database.db, http(c))).user).toBeNull();
  });

  it("expire after the idle period without use, and are extended when used", async () => {
    const user = await createUser(database.db);
    const start = new Date("2026-11-22T09:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const idle = cookiePair(await startSession(database.db, http(), user.id, start));
    const used = cookiePair(await startSession(database.db, http(), user.id, start));

    // Used after ten days: still valid, and extended (a fresh cookie is sent).
    vi.setSystemTime(new Date(start.getTime() + 10 * DAY));
    const refreshed = await readSession(database.db, http(used), () => new Date());
    expect(refreshed.user?.id).toBe(user.id);
    expect(refreshed.setCookie).toMatch(/^session=/);

    // Fifteen days after sign-in: the unused one is gone, the used one lives on.
    vi.setSystemTime(new Date(start.getTime() + (IDLE_EXPIRY_DAYS + 1) * DAY));
    expect((await readSession(database.db, http(idle), () => new Date())).user).toBeNull();
    expect((await readSession(database.db, http(used), () => new Date())).user?.id).toBe(user.id);
  });

  it("end at the absolute expiry however active they are", async () => {
    const user = await createUser(database.db);
    const start = new Date("2026-01-01T09:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
    const cookie = cookiePair(await startSession(database.db, http(), user.id, start));
    // Used every week until just before the limit.
    for (let day = 7; day < ABSOLUTE_EXPIRY_DAYS; day += 7) {
      vi.setSystemTime(new Date(start.getTime() + day * DAY));
      expect((await readSession(database.db, http(cookie), () => new Date())).user?.id).toBe(
        user.id,
      );
    }
    vi.setSystemTime(new Date(start.getTime() + (ABSOLUTE_EXPIRY_DAYS + 1) * DAY));
    const late = await readSession(database.db, http(cookie), () => new Date());
    expect(late.user).toBeNull();
    expect(
      await database.db.selectFrom("sessions").where("user_id", "=", user.id).selectAll().execute(),
    ).toEqual([]);
  });
});

describe("signing in with a password", () => {
  it("answers the same for an unknown address and a wrong password, and audits the failure", async () => {
    const user = await createUser(database.db, { email: "mieke@example.be", passwordHash });
    const unknown = await signInWithPassword(database.db, {
      email: "nobody@example.be",
      password: "x",
      ip: "10.0.0.1",
    });
    const wrong = await signInWithPassword(database.db, {
      email: "mieke@example.be",
      password: "x",
      ip: "10.0.0.1",
    });
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    const ok = await signInWithPassword(database.db, {
      email: "  MIEKE@example.be",
      password: "correct horse battery",
      ip: "10.0.0.1",
    });
    expect(ok).toEqual({ ok: true, userId: user.id, language: "nl" });
    const events = await database.db
      .selectFrom("audit_events")
      .select(["action", "subject_id", "details"])
      .where("ip", "=", "10.0.0.1")
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.action)).toEqual(["sign_in_failed", "sign_in_failed", "sign_in"]);
    expect(JSON.stringify(events)).not.toContain("correct horse");
  });

  it("refuses disabled accounts and accounts without a password", async () => {
    await createUser(database.db, { email: "off@example.be", passwordHash, status: "disabled" });
    await createUser(database.db, { email: "invited@example.be", status: "invited" });
    for (const email of ["off@example.be", "invited@example.be"]) {
      expect(
        await signInWithPassword(database.db, {
          email,
          password: "correct horse battery",
          ip: "10.0.0.2",
        }),
      ).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });
});

describe("the sessions table", () => {
  const cookieValue = (setCookie: string) => cookiePair(setCookie).split("=")[1]!;

  it("holds only a SHA-256 of the cookie's secret, and a stored id signs nobody in", async () => {
    const user = await createUser(database.db);
    const cookie = await startSession(database.db, http(), user.id);
    const secret = cookieValue(cookie);
    const rows = await database.db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows[0]!.id).toBe(crypto.createHash("sha256").update(secret).digest("hex"));
    const { rows: anywhere } = await sql<{ n: number }>`
      select count(*)::int as n from sessions where position(${secret} in sessions::text) > 0`.execute(
      database.db,
    );
    expect(anywhere[0]!.n).toBe(0);

    // Whoever reads the table and puts a stored id in a cookie is not signed in.
    const stolen = await readSession(database.db, http(`session=${rows[0]!.id}`));
    expect(stolen.user).toBeNull();
    expect((await readSession(database.db, http(cookiePair(cookie)))).user?.id).toBe(user.id);
  });

  it("keeps working for sign-out, idle extension and 'every device but this one'", async () => {
    const user = await createUser(database.db);
    const here = cookiePair(await startSession(database.db, http(), user.id));
    const there = cookiePair(await startSession(database.db, http(), user.id));
    const { user: current } = await readSession(database.db, http(here));
    await endOtherSessions(database.db, user.id, current!.sessionId);
    expect((await readSession(database.db, http(here))).user?.id).toBe(user.id);
    expect((await readSession(database.db, http(there))).user).toBeNull();
    await endSession(database.db, http(here), current!.sessionId);
    expect(
      await database.db.selectFrom("sessions").where("user_id", "=", user.id).selectAll().execute(),
    ).toEqual([]);
  });

  it("after the upgrade, sessions made before it still sign in with their cookie", async () => {
    // A database of its own: the migration hashes every row of the table.
    const upgraded = await createTestDatabase();
    try {
      const user = await createUser(upgraded.db);
      // A row as the earlier code wrote it: the secret itself as the id.
      const secret = "abcdefghijklmnopqrstuvwxyz234567abcdefgh";
      await upgraded.db
        .insertInto("sessions")
        .values({ id: secret, user_id: user.id, expires_at: new Date(Date.now() + DAY) })
        .execute();
      await hashedSessions.up(upgraded.db as never);
      const [row] = await upgraded.db.selectFrom("sessions").select("id").execute();
      expect(row!.id).toBe(crypto.createHash("sha256").update(secret).digest("hex"));
      const { user: signedIn } = await readSession(upgraded.db, http(`session=${secret}`));
      expect(signedIn?.id).toBe(user.id);
    } finally {
      await upgraded.destroy();
    }
  });
});
