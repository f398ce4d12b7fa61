import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server.ts";
import {
  requestPasswordReset,
  requestSignInLink,
  resetPassword,
  signInWithLink,
} from "~/modules/auth/recovery.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { signInWithPassword } from "~/modules/auth/sign-in.server.ts";
import { stopJobQueue, type JobQueue } from "~/utils/jobs.server.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { createUser } from "../factories/index.ts";
import { createTestDatabase, snapshotCounts, type TestDatabase } from "../support/database.ts";

const APP = "https://digihelpers.example";
let database: TestDatabase;
let jobs: JobQueue;
beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

const lastEmailTo = (to: string) =>
  database.db
    .selectFrom("email_messages")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("id", "desc")
    .executeTakeFirst();

const tokenOf = (url: string) => url.split("/").pop()!;

describe("a sign-in link", () => {
  it("is emailed in the person's language and signs in once", async () => {
    const user = await createUser(database.db, { email: "link@example.be", language: "fr" });
    expect(
      await requestSignInLink(database.db, jobs, {
        email: "LINK@example.be",
        ip: "10.3.0.1",
        appUrl: APP,
      }),
    ).toEqual({ ok: true });
    const email = await lastEmailTo("link@example.be");
    expect(email).toMatchObject({
      template: "sign_in_link",
      language: "fr",
      recipient_id: user.id,
    });
    const url = (email!.payload as { url: string }).url;
    expect(url).toMatch(/^https:\/\/digihelpers\.example\/login\/link\/[\w-]{40,}$/);

    expect(
      await signInWithLink(database.db, { token: tokenOf(url), ip: "10.3.0.1" }),
    ).toMatchObject({ id: user.id });
    expect(await signInWithLink(database.db, { token: tokenOf(url), ip: "10.3.0.1" })).toBeNull();
  });

  it("answers the same for an unknown address, and sends nothing", async () => {
    const tables = ["email_messages", "auth_tokens", "users"];
    const before = await snapshotCounts(database, tables);
    expect(
      await requestSignInLink(database.db, jobs, {
        email: "nobody@example.be",
        ip: "10.3.0.2",
        appUrl: APP,
      }),
    ).toEqual({ ok: true });
    expect(
      await requestPasswordReset(database.db, jobs, {
        email: "nobody@example.be",
        ip: "10.3.0.2",
        appUrl: APP,
      }),
    ).toEqual({ ok: true });
    expect(await snapshotCounts(database, tables)).toEqual(before);
  });

  it("replaces the one sent before", async () => {
    await createUser(database.db, { email: "twice@example.be" });
    await requestSignInLink(database.db, jobs, {
      email: "twice@example.be",
      ip: "10.3.0.3",
      appUrl: APP,
    });
    const first = tokenOf(
      ((await lastEmailTo("twice@example.be"))!.payload as { url: string }).url,
    );
    await requestSignInLink(database.db, jobs, {
      email: "twice@example.be",
      ip: "10.3.0.3",
      appUrl: APP,
    });
    const second = tokenOf(
      ((await lastEmailTo("twice@example.be"))!.payload as { url: string }).url,
    );
    expect(await signInWithLink(database.db, { token: first, ip: "10.3.0.3" })).toBeNull();
    expect(await signInWithLink(database.db, { token: second, ip: "10.3.0.3" })).not.toBeNull();
  });

  it("requests are rate limited per address, known or not, with the same answer", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(
        await requestSignInLink(database.db, jobs, {
          email: "flood@example.be",
          ip: `10.4.0.${i}`,
          appUrl: APP,
        }),
      );
    }
    expect(results.slice(0, 5)).toEqual(Array(5).fill({ ok: true }));
    expect(results[5]).toMatchObject({ ok: false });
  });
});

describe("a password reset", () => {
  it("sets the new password, ends every session and works once, also under two simultaneous submits", async () => {
    const user = await createUser(database.db, {
      email: "reset@example.be",
      passwordHash: await hashPassword("oud wachtwoord 123"),
    });
    const request = new Request("http://localhost/");
    await startSession(database.db, request, user.id);
    await startSession(database.db, request, user.id);
    await requestPasswordReset(database.db, jobs, {
      email: "reset@example.be",
      ip: "10.5.0.1",
      appUrl: APP,
    });
    const email = await lastEmailTo("reset@example.be");
    expect(email?.template).toBe("password_reset");
    const token = tokenOf((email!.payload as { url: string }).url);

    const results = await Promise.all([
      resetPassword(database.db, { token, password: "nieuw wachtwoord 456", ip: "10.5.0.1" }),
      resetPassword(database.db, { token, password: "ander wachtwoord 789", ip: "10.5.0.2" }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const sessions = await database.db
      .selectFrom("sessions")
      .where("user_id", "=", user.id)
      .selectAll()
      .execute();
    expect(sessions).toEqual([]);
    const winner = results[0] ? "nieuw wachtwoord 456" : "ander wachtwoord 789";
    expect(
      (
        await signInWithPassword(database.db, {
          email: "reset@example.be",
          password: winner,
          ip: "10.5.0.3",
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await signInWithPassword(database.db, {
          email: "reset@example.be",
          password: "oud wachtwoord 123",
          ip: "10.5.0.3",
        })
      ).ok,
    ).toBe(false);
  });
});
