import { type ChildProcess, spawn } from "node:child_process";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignRole,
  createDigibank,
  createEvent,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { eventually } from "../support/smtp.ts";

// The process sending a gathering's invitations is killed with SIGKILL in the middle of a batch:
// its second batch has made its invitation rows and waits (held by a lock this test takes) to
// write their outbox rows. Killed there, the batch's transaction rolls back: only the first batch
// is left, whole. Started again, the sender goes on from there; every invitee ends with exactly
// one invitation row, one outbox row and one mail job. (A crash of the mail worker after a message
// reached the relay is decision 015's bounded window, tested in mail-recovery.)

const PEOPLE = 250;
const BATCH = 100;

describe.skipIf(!process.env.TEST_DATABASE_URL)("a sender killed mid-batch", () => {
  let database: TestDatabase;
  let eventId: number;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const regionId = (await createRegion(db)).id;
    const bank = await createDigibank(db, { regionId });
    for (let i = 0; i < PEOPLE; i++) {
      const user = await createUser(db);
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    }
    eventId = (await createEvent(db, { regionId })).id;
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await database?.destroy();
  });

  function sender(pause: boolean) {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/support/send-invitations-child.ts"],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url!,
          EVENT_ID: String(eventId),
          BATCH_SIZE: String(BATCH),
          PAUSE: pause ? "1" : "0",
        },
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    children.push(child);
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { child, output: () => output, exited };
  }

  const count = async (table: "event_invitations" | "email_messages") => {
    const row =
      table === "event_invitations"
        ? await sql<{ n: number }>`select count(*)::int as n from event_invitations
            where event_id = ${eventId}`.execute(database.db)
        : await sql<{ n: number }>`select count(*)::int as n from email_messages
            where idempotency_key like ${`event_invitation:${eventId}:%`}`.execute(database.db);
    return row.rows[0]!.n;
  };

  it("rolls the killed batch back, and the restarted sender invites everyone exactly once", async () => {
    const first = sender(true);
    await eventually("the first batch", async () => first.output().includes("batch 1 100"), {
      tries: 600,
    });
    // Hold the outbox: the next batch makes its invitation rows, then waits for this lock.
    const holder = new pg.Client({ connectionString: database.url! });
    await holder.connect();
    await holder.query("begin");
    await holder.query("lock table email_messages in exclusive mode");
    first.child.stdin!.write("go\n");
    await eventually("the second batch waiting inside its transaction", async () => {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(database.db);
      return waiting.rows[0]!.n > 0;
    });
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    await holder.query("rollback");
    await holder.end();

    // What the dead process left: the first batch, whole; nothing of the second.
    await eventually("the killed transaction gone", async () => {
      const open = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and state like 'idle in transaction%'`.execute(
        database.db,
      );
      return open.rows[0]!.n === 0;
    });
    expect(await count("event_invitations")).toBe(BATCH);
    expect(await count("email_messages")).toBe(BATCH);

    const second = sender(false);
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain("done");

    const rows = await database.db
      .selectFrom("event_invitations as i")
      .leftJoin("email_messages as m", "m.id", "i.email_message_id")
      .select(["i.id", "i.user_id", "m.idempotency_key"])
      .where("i.event_id", "=", eventId)
      .execute();
    expect(rows).toHaveLength(PEOPLE);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(PEOPLE);
    for (const row of rows)
      expect(row.idempotency_key).toBe(`event_invitation:${eventId}:${row.id}`);
    expect(await count("email_messages")).toBe(PEOPLE);
    const jobs = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
      where name = 'send-email' and (data->>'messageId')::int in (
        select id from email_messages where idempotency_key like ${`event_invitation:${eventId}:%`})`.execute(
      database.db,
    );
    expect(jobs.rows[0]!.n).toBe(PEOPLE);
  });
});
