import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { hashToken, issueToken, peekToken } from "~/modules/auth/tokens.server.ts";
import { confirmEmailChange, requestEmailChange } from "~/modules/people/account.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, snapshotCounts, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

const APP = "https://digihelpers.example";
const PASSWORD = "juist-wachtwoord-1";
const WRITTEN = ["email_messages", "auth_tokens", "audit_events", "sessions"] as const;
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

let ip = 0;
/** Each request from its own client address, so the per-client limit stays out of the way. */
const request = (userId: number, newEmail: string, password = PASSWORD) =>
  requestEmailChange(database.db, jobs, {
    userId,
    newEmail,
    password,
    appUrl: APP,
    ip: `10.9.0.${++ip}`,
  });

const confirm = (token: string, keepSessionId: string | null = null) =>
  confirmEmailChange(database.db, { token, ip: "10.9.1.1", keepSessionId });

const emailOf = async (userId: number) =>
  (
    await database.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow()
  ).email;

const mailsTo = (address: string) =>
  database.db.selectFrom("email_messages").selectAll().where("to_address", "=", address).execute();

/** The token in the link mailed to the address. */
async function linkSentTo(address: string) {
  const [mail] = await mailsTo(address);
  const url = String(mail!.payload.url);
  expect(url).toMatch(/^https:\/\/digihelpers\.example\/account\/email\/[\w-]{40,}$/);
  return url.split("/").pop()!;
}

/** A session whose cookie holds `id`; the table holds its hash, as the app stores it. */
async function addSession(userId: number, id: string) {
  await database.db
    .insertInto("sessions")
    .values({ id: hashToken(id), user_id: userId, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
}

describe("asking to change the email address", () => {
  it("with a wrong password is refused and writes nothing", async () => {
    const person = await createUser(database.db, { passwordHash });
    const before = await snapshotCounts(database, WRITTEN);
    expect(await request(person.id, "nieuw-fout@example.be", "niet-het-wachtwoord")).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await snapshotCounts(database, WRITTEN)).toEqual(before);
    expect(await emailOf(person.id)).toBe(person.email);
  });

  it("to an address someone already uses answers as for a free one, and sends nothing", async () => {
    const person = await createUser(database.db, { passwordHash });
    await createUser(database.db, { email: "bezet@example.be" });
    const before = await snapshotCounts(database, WRITTEN);
    expect(await request(person.id, "  BEZET@Example.be ")).toEqual({ ok: true });
    expect(await snapshotCounts(database, WRITTEN)).toEqual(before);
    expect(await request(person.id, "vrij@example.be")).toEqual({ ok: true });
    expect(await mailsTo("vrij@example.be")).toHaveLength(1);
  });

  it("mails a link to the new address in the person's language; a new request replaces it", async () => {
    const person = await createUser(database.db, { passwordHash, language: "fr" });
    await request(person.id, "eerste@example.be");
    await request(person.id, "tweede@example.be");
    const [mail] = await mailsTo("tweede@example.be");
    expect(mail).toMatchObject({
      template: "email_change",
      language: "fr",
      recipient_id: person.id,
      payload: { name: person.name },
    });
    expect((await confirm(await linkSentTo("eerste@example.be"))).ok).toBe(false);
    expect(await confirm(await linkSentTo("tweede@example.be"))).toMatchObject({ ok: true });
    expect(await emailOf(person.id)).toBe("tweede@example.be");
  });

  it("is rate limited per person like sign-in attempts", async () => {
    const person = await createUser(database.db, { passwordHash });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await request(person.id, "raden@example.be", "fout"));
    expect(results.slice(0, 5)).toEqual(Array(5).fill({ ok: false, reason: "wrong_password" }));
    expect(results[5]).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});

describe("opening the link", () => {
  it("changes the address once, audits it and ends the person's other sessions", async () => {
    const person = await createUser(database.db, { passwordHash });
    await addSession(person.id, `here-${person.id}`);
    await addSession(person.id, `elsewhere-${person.id}`);
    await request(person.id, "Verhuisd@Example.be");
    const token = await linkSentTo("Verhuisd@Example.be");
    // Showing the page uses nothing up.
    expect(await peekToken(database.db, token, "email_change")).toMatchObject({
      new_email: "Verhuisd@Example.be",
    });
    expect(await emailOf(person.id)).toBe(person.email);

    expect(await confirm(token, `here-${person.id}`)).toEqual({
      ok: true,
      userId: person.id,
      email: "Verhuisd@Example.be",
    });
    expect(await emailOf(person.id)).toBe("Verhuisd@Example.be");
    const sessions = await database.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", person.id)
      .execute();
    expect(sessions).toEqual([{ id: hashToken(`here-${person.id}`) }]);
    const audits = await database.db
      .selectFrom("audit_events")
      .select(["action", "actor_id", "details"])
      .where("subject_id", "=", person.id)
      .execute();
    expect(audits).toEqual([
      {
        action: "email_changed",
        actor_id: person.id,
        details: { from: person.email, to: "Verhuisd@Example.be" },
      },
    ]);

    expect(await confirm(token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("changes it once when two confirmations arrive at the same moment", async () => {
    const person = await createUser(database.db, { passwordHash });
    await request(person.id, "tegelijk@example.be");
    const token = await linkSentTo("tegelijk@example.be");
    const results = await Promise.all(Array.from({ length: 6 }, () => confirm(token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(5).fill({ ok: false, reason: "invalid" }));
    expect(await emailOf(person.id)).toBe("tegelijk@example.be");
    const audits = await database.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", person.id)
      .execute();
    expect(audits).toEqual([{ action: "email_changed" }]);
  });

  it("is refused once expired (after a day)", async () => {
    const person = await createUser(database.db, { passwordHash });
    const token = await issueToken(database.db, {
      userId: person.id,
      purpose: "email_change",
      newEmail: "te-laat@example.be",
      now: new Date(Date.now() - 24 * 60 * 60_000 - 1000),
    });
    expect(await confirm(token)).toEqual({ ok: false, reason: "invalid" });
    expect(await emailOf(person.id)).toBe(person.email);
  });

  it("changes nothing when someone took the address meanwhile", async () => {
    const person = await createUser(database.db, { passwordHash });
    await request(person.id, "intussen@example.be");
    const token = await linkSentTo("intussen@example.be");
    await createUser(database.db, { email: "INTUSSEN@example.be" });
    const before = await snapshotCounts(database, WRITTEN);
    expect(await confirm(token)).toEqual({ ok: false, reason: "taken" });
    expect(await snapshotCounts(database, WRITTEN)).toEqual(before);
    expect(await emailOf(person.id)).toBe(person.email);
    // Nothing was used up either.
    expect(await peekToken(database.db, token, "email_change")).toBeDefined();
  });
});
