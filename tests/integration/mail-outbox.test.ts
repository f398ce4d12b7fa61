import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { URGENT_EMAIL_QUEUE } from "~/modules/mail/queue.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// No worker runs here: the jobs stay in the queue, so they can be counted.

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

const signIn = (key: string) => ({
  template: "sign_in_link" as const,
  to: "an@example.test",
  language: "nl" as const,
  idempotencyKey: key,
  payload: { name: "An", url: "http://localhost:3000/sign-in/abc" },
});

async function rowsWithKey(key: string) {
  return database.db
    .selectFrom("email_messages")
    .selectAll()
    .where("idempotency_key", "=", key)
    .execute();
}

async function jobsFor(messageId: number) {
  // Sign-in links go on the queue for mail someone is waiting for.
  const found = await jobs.findJobs<{ messageId: number }>(URGENT_EMAIL_QUEUE, {
    data: { messageId },
  });
  return found.length;
}

describe("enqueueEmail", () => {
  it("writes one row and one job when the transaction commits", async () => {
    const result = await database.db
      .transaction()
      .execute((trx) => enqueueEmail(trx, jobs, signIn("commit-1")));
    expect(result.queued).toBe(true);
    const rows = await rowsWithKey("commit-1");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: result.messageId,
      template: "sign_in_link",
      to_address: "an@example.test",
      language: "nl",
      status: "queued",
      attempts: 0,
      payload: { name: "An", url: "http://localhost:3000/sign-in/abc" },
    });
    expect(await jobsFor(result.messageId)).toBe(1);
  });

  it("also opens its own transaction when given the database itself", async () => {
    const result = await enqueueEmail(database.db, jobs, signIn("plain-db"));
    expect(result.queued).toBe(true);
    expect(await rowsWithKey("plain-db")).toHaveLength(1);
    expect(await jobsFor(result.messageId)).toBe(1);
  });

  it("leaves no row and no job when the transaction rolls back", async () => {
    let messageId = 0;
    await expect(
      database.db.transaction().execute(async (trx) => {
        messageId = (await enqueueEmail(trx, jobs, signIn("rollback-1"))).messageId;
        throw new Error("the surrounding change failed");
      }),
    ).rejects.toThrow("the surrounding change failed");
    expect(messageId).toBeGreaterThan(0);
    expect(await rowsWithKey("rollback-1")).toHaveLength(0);
    expect(await jobsFor(messageId)).toBe(0);
  });

  it("makes one message and one job for the same idempotency key sent twice", async () => {
    const first = await enqueueEmail(database.db, jobs, signIn("twice-1"));
    const second = await enqueueEmail(database.db, jobs, signIn("twice-1"));
    expect(first.queued).toBe(true);
    expect(second).toEqual({ queued: false, messageId: first.messageId });
    expect(await rowsWithKey("twice-1")).toHaveLength(1);
    expect(await jobsFor(first.messageId)).toBe(1);
  });

  it("makes one message and one job for two concurrent requests with the same key", async () => {
    // Each transaction lingers after its insert, so on PostgreSQL the second insert waits on the
    // first one's unique-index entry until that commits (on PGlite they run one after the other).
    const attempt = () =>
      database.db.transaction().execute(async (trx) => {
        const result = await enqueueEmail(trx, jobs, signIn("concurrent-1"));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return result;
      });
    const results = await Promise.all([attempt(), attempt()]);
    expect(results.map((r) => r.queued).sort()).toEqual([false, true]);
    expect(results[0]!.messageId).toBe(results[1]!.messageId);
    expect(await rowsWithKey("concurrent-1")).toHaveLength(1);
    expect(await jobsFor(results[0]!.messageId)).toBe(1);
  });
});
