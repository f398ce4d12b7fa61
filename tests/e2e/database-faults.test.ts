import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { CONNECT_TIMEOUT_MS, STATEMENT_TIMEOUT_MS } from "~/utils/db.server.ts";
import {
  assignRole,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient } from "../support/http.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { eventually } from "../support/smtp.ts";
import { startTcpProxy } from "../support/tcp-proxy.ts";

// The database goes away under a bounded load (a few volunteers reading the shift list, claiming
// and releasing shifts, and a load balancer asking /healthz): first every connection of the app is
// terminated by PostgreSQL (pg_terminate_backend), then the database refuses connections for a
// moment (as during a restart), then the network between app and database is cut for 10 seconds
// (a TCP relay in between). One server throughout, never restarted. Each time: /healthz answers
// 503 and then 200 again, every request is answered (200, a redirect, or 503, never a 500) within
// the app's own bound, and the database holds no half-written change: each claim with its
// confirmation mail and that mail's job, each shift's counter equal to its claims.

const CLIENTS = 5;
const SHIFTS = 12;
/** What a request may take at most: a connection within the pool's timeout, then one statement. */
const REQUEST_BOUND_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS;

interface Answer {
  what: string;
  status: number | "timeout" | "error";
  ms: number;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("the database lost under load", () => {
  let database: TestDatabase;
  let databaseName: string;
  let admin: pg.Client;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let server: RunningServer;
  let shiftIds: number[];
  const volunteers: { cookie: string }[] = [];
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    databaseName = new URL(database.url!).pathname.slice(1);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const db = database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, { regionId: region.id });
    const digibank = await createDigibank(db, { regionId: region.id });
    const digipunt = await createDigipunt(db, {
      digibankId: digibank.id,
      municipalityId: municipality.id,
    });
    shiftIds = [];
    for (let day = 0; day < SHIFTS; day++) {
      const startsAt = new Date(Date.now() + (3 + day) * 24 * 60 * 60 * 1000);
      shiftIds.push((await createShift(db, { digipuntId: digipunt.id, startsAt, capacity: 3 })).id);
    }
    for (let i = 0; i < CLIENTS; i++) {
      const user = await createUser(db);
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: digibank.id });
      const session = await startSession(db, new Request("http://127.0.0.1/"), user.id);
      volunteers.push({ cookie: session.split(";")[0]! });
    }
    const direct = new URL(database.url!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(database.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startServer({ DATABASE_URL: viaProxy.toString(), DATABASE_POOL_MAX: "5" });
    const page = new HttpClient(server.url);
    csrf = { cookie: page.cookieHeader(), token: await page.csrfToken("/") };
    csrf.cookie = page.cookieHeader();
  });

  afterAll(async () => {
    await admin
      ?.query(`alter database "${databaseName}" with allow_connections true`)
      .catch(() => undefined);
    await server?.stop();
    await proxy?.close();
    await admin?.end();
    await database?.destroy();
  });

  /** A few volunteers at work, and /healthz asked every 200 ms, until `stop` is called. */
  function startLoad() {
    const answers: Answer[] = [];
    const health: Array<{ at: number; status: number | "timeout" | "error" }> = [];
    let running = true;
    const timed = async (what: string, request: () => Promise<Response>) => {
      const started = Date.now();
      let status: Answer["status"];
      try {
        const response = await request();
        await response.arrayBuffer();
        status = response.status;
      } catch (error) {
        status = (error as Error).name === "TimeoutError" ? "timeout" : "error";
      }
      answers.push({ what, status, ms: Date.now() - started });
      return status;
    };
    const volunteer = async ({ cookie }: { cookie: string }, index: number) => {
      const headers = { Cookie: `${cookie}; ${csrf.cookie}`, Origin: server.url };
      for (let round = 0; running; round++) {
        const shiftId = shiftIds[(index * 5 + round) % shiftIds.length]!;
        const signal = () => AbortSignal.timeout(REQUEST_BOUND_MS);
        await timed("list", () =>
          fetch(`${server.url}/shifts/list`, { headers, signal: signal(), redirect: "manual" }),
        );
        for (const intent of ["claim", "release"]) {
          await timed(intent, () =>
            fetch(`${server.url}/shifts/${shiftId}`, {
              method: "POST",
              body: new URLSearchParams({ intent, csrf: csrf.token }),
              headers,
              signal: signal(),
              redirect: "manual",
            }),
          );
        }
      }
    };
    const prober = async () => {
      while (running) {
        const status = await timed("healthz", () =>
          fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS) }),
        );
        health.push({ at: Date.now(), status });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const workers = [...volunteers.map(volunteer), prober()];
    return {
      answers,
      health,
      async stop() {
        running = false;
        await Promise.all(workers);
      },
    };
  }

  /** The load's answers: each within the bound, none a 500; /healthz went 503 and then 200. */
  function expectSurvived(load: ReturnType<typeof startLoad>, { healthDown = true } = {}) {
    const statuses = new Set(load.answers.map((a) => a.status));
    expect([...statuses].filter((s) => ![200, 302, 303, 503].includes(s as number))).toEqual([]);
    expect(Math.max(...load.answers.map((a) => a.ms))).toBeLessThan(REQUEST_BOUND_MS);
    // The volunteers got work done around the fault, not only 503s.
    expect(
      load.answers.filter((a) => a.what === "claim" && a.status === 302).length,
    ).toBeGreaterThan(0);
    if (healthDown) {
      const firstDown = load.health.findIndex((h) => h.status === 503);
      expect(firstDown).toBeGreaterThan(-1);
      expect(load.health.slice(firstDown).some((h) => h.status === 200)).toBe(true);
    }
    expect(load.health.at(-1)?.status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  }

  /** Nothing half-written: what the database holds is whole, whatever the load was told. */
  async function expectWhole() {
    const db = database.db;
    const counters = await sql<{ id: number; counted: number; confirmed_count: number }>`
      select s.id, s.confirmed_count,
        (select count(*)::int from shift_claims c where c.shift_id = s.id and c.status = 'confirmed')
          as counted
      from shifts s`.execute(db);
    for (const row of counters.rows) expect(row.confirmed_count).toBe(row.counted);
    // Every claim (only "claim" makes them here) has its confirmation mail, and no mail is left
    // of a claim that was rolled back.
    const claims = await db.selectFrom("shift_claims").select("id").orderBy("id").execute();
    const mails = await db
      .selectFrom("email_messages")
      .select(["id", "idempotency_key"])
      .where("idempotency_key", "like", "shift_confirmed:%")
      .execute();
    expect(mails.map((m) => Number(m.idempotency_key.split(":")[1])).sort((a, b) => a - b)).toEqual(
      claims.map((c) => c.id),
    );
    // And every mail has the job that sends it.
    const jobless = await sql<{ id: number }>`
      select m.id from email_messages m
      where not exists (select 1 from pgboss.job j where (j.data->>'messageId')::int = m.id)`.execute(
      db,
    );
    expect(jobless.rows).toEqual([]);
    return claims.length;
  }

  const healthz = async () => (await fetch(`${server.url}/healthz`)).status;

  it("survives every connection terminated, and a database that refuses connections for a while", async () => {
    await expectWhole();
    const load = startLoad();
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Every connection of the app (and of this test) ends, three times in a row: the app opens
    // new ones and goes on.
    let terminated = 0;
    for (let i = 0; i < 3; i++) {
      const result = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = $1 and pid <> pg_backend_pid()`,
        [databaseName],
      );
      terminated += result.rowCount ?? 0;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(terminated).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // As during a restart: the connections end and new ones are refused for a few seconds.
    await admin.query(`alter database "${databaseName}" with allow_connections false`);
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid()`,
      [databaseName],
    );
    await eventually("/healthz to answer 503", async () => (await healthz()) === 503);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await admin.query(`alter database "${databaseName}" with allow_connections true`);
    await eventually("/healthz to answer 200", async () => (await healthz()) === 200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await load.stop();

    expectSurvived(load);
    expect(load.answers.some((a) => a.what !== "healthz" && a.status === 503)).toBe(true);
    await expectWhole();
  });

  it("survives the database unreachable for 10 seconds", async () => {
    const claimsBefore = await expectWhole();
    const load = startLoad();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await proxy.cut();
    const cutAt = Date.now();
    await eventually("/healthz to answer 503", async () => (await healthz()) === 503);
    await new Promise((resolve) => setTimeout(resolve, 10_000 - (Date.now() - cutAt)));
    // Still down after the 10 s: the pages answered 503 all along, with Retry-After.
    const page = await fetch(`${server.url}/shifts/list`, {
      headers: { Cookie: volunteers[0]!.cookie },
      redirect: "manual",
    });
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toMatch(/^\d+$/);
    await proxy.restore();
    await eventually("/healthz to answer 200", async () => (await healthz()) === 200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await load.stop();

    expectSurvived(load);
    const down = load.answers.filter((a) => a.what !== "healthz" && a.status === 503);
    expect(down.length).toBeGreaterThan(0);
    expect(await expectWhole()).toBeGreaterThan(claimsBefore);
    expect(await server.stop()).toBe(0);
  });
});
