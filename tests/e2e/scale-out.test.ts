import crypto from "node:crypto";
import { type ParsedMail, simpleParser } from "mailparser";
import { sql } from "kysely";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { type DatabaseHandle, openDatabase } from "~/utils/db.server.ts";
import { lastWorkerHeartbeat } from "~/utils/jobs.server.ts";
import { migrations } from "../../db/migrations/index.ts";
import {
  assignRole,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { DATABASE_PREFIX, databaseUrl } from "../support/global-database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { startRoundRobinProxy } from "../support/round-robin-proxy.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { eventually } from "../support/smtp.ts";

// Two web processes and one worker on one PostgreSQL database, behind a round-robin proxy: they
// share nothing in memory. The three start at the same moment on an empty database, so the
// migrations race too. Started once for the whole file.

const PASSWORD = "Schaal-uit-2026!";

describe.skipIf(!process.env.TEST_DATABASE_URL)("several processes on one PostgreSQL", () => {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `${DATABASE_PREFIX}${process.pid}_scale_${crypto.randomBytes(3).toString("hex")}`;
  const url = databaseUrl(base, name);
  let database: DatabaseHandle;
  let web: RunningServer[] = [];
  let worker: RunningServer;
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
  // A relay that can hold a message mid-delivery (the worker is then "sending" it).
  const messages: ParsedMail[] = [];
  let holding: Promise<void> | null = null;
  let delivering: (() => void) | null = null;
  let smtp: SMTPServer;
  let smtpUrl: string;
  let firstScheduledBeat: Promise<unknown>;

  async function admin(text: string) {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(text).finally(() => client.end());
  }

  beforeAll(async () => {
    await admin(`create database "${name}"`);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        delivering?.();
        const wait = holding ?? Promise.resolve();
        simpleParser(stream).then(
          async (mail) => {
            await wait;
            messages.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const smtpAddress = smtp.server.address();
    smtpUrl = `smtp://127.0.0.1:${typeof smtpAddress === "object" && smtpAddress ? smtpAddress.port : 0}`;
    proxy = await startRoundRobinProxy();

    const env = { DATABASE_URL: url, SMTP_URL: smtpUrl, APP_URL: proxy.url };
    // All three at the same moment, on a database with no tables yet.
    const started = await Promise.all([
      startServer({ ...env, PROCESS_ROLE: "web" }),
      startServer({ ...env, PROCESS_ROLE: "web" }),
      // The worker's own port for an orchestrator's probes, any free one.
      startServer({ ...env, PROCESS_ROLE: "worker", HEALTH_PORT: "0" }),
    ]);
    web = started.slice(0, 2);
    worker = started[2]!;
    proxy.setTargets(web.map((server) => server.url));
    database = await openDatabase({ databaseUrl: url, poolMax: 4 });
    // The first heartbeat the every-minute schedule fires (not the one written at start).
    firstScheduledBeat = eventually(
      "the scheduled heartbeat job",
      async () => {
        const beat = await lastWorkerHeartbeat(database.db);
        return beat?.jobId ? beat : undefined;
      },
      { tries: 200, everyMs: 500 },
    );
    firstScheduledBeat.catch(() => undefined);
  });

  afterAll(async () => {
    for (const server of [...web, worker]) await server?.stop("SIGKILL");
    await proxy?.close();
    await database?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await admin(`drop database if exists "${name}" with (force)`);
  });

  /** Where the worker answers /healthz and /readyz: the port it said it took. */
  function workerHealthUrl() {
    const port = worker.output().match(/\/readyz on port (\d+)/)?.[1];
    expect(port, "the worker's health port").toBeDefined();
    return `http://127.0.0.1:${port}`;
  }

  async function volunteerWithPassword() {
    const region = await createRegion(database.db);
    const municipality = await createMunicipality(database.db, { regionId: region.id });
    const digibank = await createDigibank(database.db, { regionId: region.id });
    const digipunt = await createDigipunt(database.db, {
      digibankId: digibank.id,
      municipalityId: municipality.id,
    });
    const user = await createUser(database.db, { passwordHash: await hashPassword(PASSWORD) });
    await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId: digibank.id });
    return { user, digipuntId: digipunt.id };
  }

  it("runs the migrations once when three processes start together on an empty database, and all three serve", async () => {
    const applied = [...web, worker].map((server) =>
      Number(server.output().match(/"applied":(\d+)/)?.[1] ?? -1),
    );
    // Each process reports how many it applied: together exactly all of them, none twice.
    expect(applied.every((n) => n >= 0)).toBe(true);
    expect(applied.reduce((sum, n) => sum + n, 0)).toBe(Object.keys(migrations).length);
    const recorded = await sql<{ n: string }>`select count(*) as n from kysely_migration`.execute(
      database.db,
    );
    expect(Number(recorded.rows[0]!.n)).toBe(Object.keys(migrations).length);
    // One cookie secret, made by whichever came first and read by the others.
    const secrets = await database.db
      .selectFrom("app_settings")
      .select("value")
      .where("key", "=", "cookie_secret")
      .execute();
    expect(secrets).toHaveLength(1);
    for (const server of web) expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // The worker wrote its heartbeat as it started, and answers its probes on HEALTH_PORT.
    expect((await lastWorkerHeartbeat(database.db))?.instance).toMatch(
      new RegExp(`:${worker.process.pid}$`),
    );
    const health = await fetch(`${workerHealthUrl()}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, "ok"]);
  });

  it("signs in through one web process and claims a shift through the other", async () => {
    const { user, digipuntId } = await volunteerWithPassword();
    const shift = await createShift(database.db, {
      digipuntId,
      startsAt: new Date(Date.now() + 5 * 24 * 60 * 60 * 1000),
    });
    const browser = new HttpClient(proxy.url);
    // The page with the CSRF token comes from one process, the sign-in post goes to the other.
    const csrf = await browser.csrfToken("/login");
    const signIn = await browser.post("/login", { email: user.email, password: PASSWORD, csrf });
    expect(signIn.status).toBe(302);
    const signedInBy = proxy.served.at(-1)!;
    expect(signedInBy).toMatchObject({ method: "POST", path: "/login" });

    // The same token (it belongs to the browser's cookie), one request: the next process in turn.
    const claim = await browser.post(`/shifts/${shift.id}`, { intent: "claim", csrf });
    const claimedBy = proxy.served.at(-1)!;
    expect(claimedBy).toMatchObject({ method: "POST", path: `/shifts/${shift.id}` });
    // Session cookie and CSRF token made by one process, accepted by the other.
    expect(claimedBy.target).not.toBe(signedInBy.target);
    expect(claim.status).toBe(302);
    expect(outcomeOf(claim)?.message).toBe("shifts:done.claimed");
    const claims = await database.db
      .selectFrom("shift_claims")
      .select("status")
      .where("shift_id", "=", shift.id)
      .where("user_id", "=", user.id)
      .execute();
    expect(claims).toEqual([{ status: "confirmed" }]);
  });

  it("counts failed sign-ins across both web processes as on one", async () => {
    async function attemptsUntilRefused(base: string, email: string) {
      const client = new HttpClient(base);
      for (let attempt = 1; attempt <= 20; attempt++) {
        const answer = await client.post("/login", { email, password: "verkeerd-wachtwoord" });
        if (answer.status === 429) return attempt;
      }
      return Infinity;
    }
    const alone = (await volunteerWithPassword()).user;
    const spread = (await volunteerWithPassword()).user;
    const onOne = await attemptsUntilRefused(web[0]!.url, alone.email);
    const before = proxy.served.length;
    const acrossTwo = await attemptsUntilRefused(proxy.url, spread.email);
    expect(onOne).toBeLessThan(Infinity);
    expect(acrossTwo).toBe(onOne);
    // The attempts really alternated between the two processes.
    const targets = new Set(proxy.served.slice(before).map((s) => s.target));
    expect(targets.size).toBe(2);
  });

  it("runs a scheduled job once, on the worker, and the web processes say a worker runs", async () => {
    const beat = (await firstScheduledBeat) as { jobId: string; instance: string };
    expect(beat.instance).toMatch(new RegExp(`:${worker.process.pid}$`));
    // One job per minute, however many processes are up.
    const jobs = await sql<{ id: string; minute: Date }>`
      select id, date_trunc('minute', created_on) as minute
      from pgboss.job where name = 'worker-heartbeat'`.execute(database.db);
    expect(jobs.rows.map((job) => job.id)).toContain(beat.jobId);
    const minutes = jobs.rows.map((job) => job.minute.toISOString());
    expect(new Set(minutes).size).toBe(minutes.length);
    // The web processes say a worker runs, and the worker says the same of itself on its health
    // port, which serves nothing else.
    const probes = [
      ...web.map((server) => [server.url, "web"] as const),
      [workerHealthUrl(), "worker"] as const,
    ];
    for (const [url, role] of probes) {
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        ready: true,
        role,
        database: "ok",
        jobs: { queue: "running", worker: "seen" },
      });
    }
    expect((await fetch(`${workerHealthUrl()}/login`)).status).toBe(404);
  });

  it("sends an email once, and a SIGTERM lets the worker finish the one it is sending", async () => {
    const { user } = await volunteerWithPassword();
    let release!: () => void;
    holding = new Promise<void>((resolve) => (release = resolve));
    const handedOver = new Promise<void>((resolve) => (delivering = resolve));

    const browser = new HttpClient(proxy.url);
    const asked = await browser.post("/login/link", { email: user.email });
    expect(asked.status).toBeLessThan(400);
    await handedOver;
    // The worker is in the middle of the SMTP transaction: stop it now.
    const exited = worker.stop("SIGTERM");
    setTimeout(release, 1_000);
    expect(await exited).toBe(0);
    expect(worker.output()).toMatch(/Stopped after \d+ ms/);

    const toUser = messages.filter((mail) =>
      [mail.to].flat().some((to) => to?.text.includes(user.email)),
    );
    expect(toUser).toHaveLength(1);
    const rows = await database.db
      .selectFrom("email_messages")
      .select("status")
      .where("to_address", "=", user.email)
      .execute();
    expect(rows).toEqual([{ status: "sent" }]);
  });
});
