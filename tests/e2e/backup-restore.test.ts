import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { DEMO_PASSWORD, seedDemoWorld } from "../../db/seed.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { databaseUrl } from "../support/global-database.ts";
import { HttpClient } from "../support/http.ts";
import { type RunningServer, startServer } from "../support/server.ts";

// The drill of docs/operations/backups.md, as written there: pg_dump of the demo world in the
// custom format, pg_restore into a new, empty database, the app started against it. A demo user
// signs in and sees the demo data; a session made before the dump still signs its browser in (the
// cookie secret and the sessions travel with the data); every table holds what it held.

/** Rows per table of the app's schema and of the job queue's. */
async function countRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name
       from information_schema.tables
       where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'
       order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ n: number }>(`select count(*)::int as n from ${name}`);
      counts[name] = result.rows[0]!.n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("a dump of the demo world restored", () => {
  let source: TestDatabase;
  let restoredName: string;
  let restoredUrl: string;
  let server: RunningServer;
  let admin: pg.Client;
  let earlierSession: string;
  let counts: { before: Record<string, number>; after: Record<string, number> };
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "digihelpers-backup-"));
  const dump = path.join(folder, "digihelpers.dump");

  beforeAll(async () => {
    source = await createTestDatabase();
    await seedDemoWorld(source.db);
    const volunteer = await source.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "volunteer@digihelpers.example")
      .executeTakeFirstOrThrow();
    earlierSession = await startSession(source.db, new Request("http://127.0.0.1/"), volunteer.id);

    execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, source.url!]);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    restoredName = `${new URL(source.url!).pathname.slice(1)}_restored`;
    await admin.query(`create database "${restoredName}"`);
    restoredUrl = databaseUrl(process.env.TEST_DATABASE_URL!, restoredName);
    execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${restoredUrl}`, dump]);
    // Counted before the app starts on the copy (its sign-ins and jobs add rows).
    counts = { before: await countRows(source.url!), after: await countRows(restoredUrl) };
    server = await startServer({ DATABASE_URL: restoredUrl });
  });

  afterAll(async () => {
    await server?.stop();
    await admin?.query(`drop database if exists "${restoredName}" with (force)`);
    await admin?.end();
    await source?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("starts on the restored database, signs a demo user in and shows the demo data", async () => {
    expect(server.output()).toContain("PostgreSQL (DATABASE_URL)");
    const client = new HttpClient(server.url);
    const signIn = await client.post("/login", {
      email: "coordinator@digihelpers.example",
      password: DEMO_PASSWORD,
    });
    expect(signIn.status).toBe(302);
    const people = await (await client.get("/people")).text();
    expect(people).toContain("volunteer@digihelpers.example");
    const events = await (await client.get("/events/manage")).text();
    expect(events).toContain("Bedankbrunch voor de digihelpers");

    // A browser signed in before the backup is still signed in on the restored copy.
    const earlier = new HttpClient(server.url);
    earlier.setCookie(earlierSession);
    const home = await earlier.get("/events");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Dag van de Digibank");
  });

  it("holds every row of every table, the job queue's included", async () => {
    expect(Object.keys(counts.before).length).toBeGreaterThan(20);
    expect(counts.before["public.users"]).toBeGreaterThan(50);
    expect(counts.before["public.email_messages"]).toBeGreaterThan(0);
    expect(counts.after).toEqual(counts.before);
  });
});
