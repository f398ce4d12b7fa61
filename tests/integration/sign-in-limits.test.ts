import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { LIMITS, hitRateLimit } from "~/modules/auth/rate-limit.server.ts";
import { requestSignInLink } from "~/modules/auth/recovery.server.ts";
import { signInWithPassword } from "~/modules/auth/sign-in.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// docs/decisions/014-sign-in-rate-limits.md: only wrong passwords count; per address and client
// together, with a slower per-address backstop and a per-client limit.

const PASSWORD = "correct horse battery";
let database: TestDatabase;
let jobs: JobQueue;
let passwordHash: string;
beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

let counter = 0;
async function person() {
  counter += 1;
  return createUser(database.db, { email: `limits${counter}@example.be`, passwordHash });
}
const signIn = (email: string, password: string, ip: string) =>
  signInWithPassword(database.db, { email, password, ip });

const auditCount = async (action: string, ip: string) =>
  (
    await database.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", action)
      .where("ip", "=", ip)
      .execute()
  ).length;

describe("signing in with a password from one address", () => {
  it("lets 31 people of a course room in, one after the other", async () => {
    const room = "10.20.0.1";
    const people = [];
    for (let i = 0; i < 31; i++) people.push(await person());
    for (const p of people) {
      expect(await signIn(p.email, PASSWORD, room)).toMatchObject({ ok: true, userId: p.id });
    }
    // Also after a few typos among them.
    const typos = people.slice(0, 10);
    for (const p of typos) expect((await signIn(p.email, "oeps", room)).ok).toBe(false);
    for (const p of typos) expect((await signIn(p.email, PASSWORD, room)).ok).toBe(true);
  });

  it("refuses a guesser after 5 wrong passwords, while the owner still gets in elsewhere", async () => {
    const owner = await person();
    const attacker = "10.30.0.66";
    for (let i = 0; i < 5; i++) {
      expect(await signIn(owner.email, `raad-${i}`, attacker)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const refused = await signIn(owner.email, PASSWORD, attacker);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    const { retryAfterSeconds } = refused as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(
      LIMITS.signInFailuresPerAccountAndClient.windowSeconds,
    );

    // The owner, at home, is not locked out by the guesser.
    expect(await signIn(owner.email, PASSWORD, "10.30.0.1")).toMatchObject({
      ok: true,
      userId: owner.id,
    });
    // The address is case-insensitive for the limit too.
    expect(await signIn(owner.email.toUpperCase(), PASSWORD, attacker)).toMatchObject({
      reason: "rate_limited",
    });
  });

  it("forgives the owner's own typos once the password was right", async () => {
    const owner = await person();
    const phone = "10.31.0.1";
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signIn(owner.email, "typo", phone)).ok).toBe(false);
      expect((await signIn(owner.email, PASSWORD, phone)).ok).toBe(true);
    }
  });

  it("stops guesses at one address from many clients with the slower backstop", async () => {
    const owner = await person();
    const { limit } = LIMITS.signInFailuresPerAccount;
    for (let i = 0; i < limit; i++) {
      const outcome = await signIn(owner.email, `raad-${i}`, `10.40.${i >> 8}.${i & 255}`);
      expect(outcome).toEqual({ ok: false, reason: "invalid" });
    }
    // Now also a new client with the right password: the price of the backstop.
    const refused = await signIn(owner.email, PASSWORD, "10.41.0.1");
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // Someone else signs in from that client as usual.
    const other = await person();
    expect((await signIn(other.email, PASSWORD, "10.41.0.1")).ok).toBe(true);
  });

  it("stops one client trying one password on many addresses", async () => {
    const sprayer = "10.50.0.1";
    const { limit } = LIMITS.signInFailuresPerClient;
    for (let i = 0; i < limit; i++) {
      expect(await signIn(`spray${i}@example.be`, "Welkom123", sprayer)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const other = await person();
    expect(await signIn(other.email, PASSWORD, sprayer)).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("counts simultaneous wrong passwords exactly: five are checked, the rest refused", async () => {
    const owner = await person();
    const attacker = "10.60.0.1";
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(owner.email, `gelijktijdig-${i}`, attacker)),
    );
    const limit = LIMITS.signInFailuresPerAccountAndClient.limit;
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(limit);
    expect(outcomes.filter((o) => !o.ok && o.reason === "rate_limited")).toHaveLength(20 - limit);
    expect(await auditCount("sign_in_failed", attacker)).toBe(limit);
    const counters = await database.db
      .selectFrom("rate_limits")
      .select(["key", "hits"])
      .where("key", "like", `sign_in_failed:%`)
      .where((eb) =>
        eb.or([eb("key", "like", `%${owner.email}%`), eb("key", "like", `%${attacker}`)]),
      )
      .orderBy("key")
      .execute();
    expect(counters).toEqual([
      { key: `sign_in_failed:account:${owner.email}`, hits: limit },
      { key: `sign_in_failed:account_client:${owner.email}:${attacker}`, hits: limit },
      { key: `sign_in_failed:client:${attacker}`, hits: limit },
    ]);
  });

  it("counts simultaneous hits on one counter exactly", async () => {
    const rule = { limit: 1000, windowSeconds: 60 };
    await Promise.all(
      Array.from({ length: 40 }, () => hitRateLimit(database.db, "exact-count", rule)),
    );
    const row = await database.db
      .selectFrom("rate_limits")
      .select("hits")
      .where("key", "=", "exact-count")
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(40);
  });
});

describe("sign-in links and resets from one address", () => {
  it("reach a whole course room, while each inbox gets at most five", async () => {
    const room = "10.70.0.1";
    for (let i = 0; i < 40; i++) {
      expect(
        await requestSignInLink(database.db, jobs, {
          email: `cursist${i}@example.be`,
          ip: room,
          appUrl: "https://digihelpers.example",
        }),
      ).toEqual({ ok: true });
    }
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        await requestSignInLink(database.db, jobs, {
          email: "cursist0@example.be",
          ip: `10.71.0.${i}`,
          appUrl: "https://digihelpers.example",
        }),
      );
    }
    // cursist0 asked once from the room, then 4 more: the sixth is refused.
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
    expect(results[4]).toMatchObject({ ok: false });
  });
});
