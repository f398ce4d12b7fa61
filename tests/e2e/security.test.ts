import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { createHttpApp } from "../../server/app.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { createUser } from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { HttpClient } from "../support/http.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { startDemoServer } from "../support/server.ts";

// Hardening of signing in and of signed-in pages, over HTTP: redirects stay on this site, signed-in
// answers are never cached, 429s say when to come back, and the sessions table holds no cookie.

const EVIL = [
  "/%09/evil.example/phish",
  "/%0D%0A/evil.example",
  "/%0A/evil.example",
  "//evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/x/..//evil.example",
  "https://evil.example/",
  "/%2509/evil.example",
];

/** Where a browser at `base` would go for this Location. */
const destination = (base: string, location: string | null) => {
  // What a browser does first: drop tabs and line breaks, read backslashes as slashes.
  const cleaned = (location ?? "").replace(/[\t\r\n]/g, "").replace(/\\/g, "/");
  return new URL(cleaned, base);
};

describe("the demo server", () => {
  let app: Awaited<ReturnType<typeof startDemoServer>>;
  let base: string;
  beforeAll(async () => {
    app = await startDemoServer();
    base = app.server.url;
  });
  afterAll(() => app?.close());

  async function signedIn(email: string) {
    const client = new HttpClient(base);
    const response = await client.post("/login", { email, password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    return client;
  }

  describe("after signing in, the way back", () => {
    it.each(EVIL)("from /login?redirectTo=%s stays on this site", async (target) => {
      const client = new HttpClient(base);
      const page = await client.get(`/login?redirectTo=${target}`);
      expect(page.status).toBe(200);
      // The sign-in form's field (the language switch in the header has one of its own).
      const fields = [...(await page.text()).matchAll(/name="redirectTo" value="([^"]*)"/g)];
      const hidden = fields.at(-1)?.[1];
      expect(hidden).toBe("/");
      const csrf = await client.csrfToken(`/login?redirectTo=${target}`);
      const response = await client.post(`/login?redirectTo=${target}`, {
        email: "volunteer@digihelpers.example",
        password: DEMO_PASSWORD,
        redirectTo: hidden!,
        csrf,
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe("/");

      // Already signed in, the same address sends the reader on at once: home.
      const again = await client.get(`/login?redirectTo=${target}`);
      expect(again.status).toBe(302);
      expect(destination(base, again.headers.get("location")).origin).toBe(base);
      expect(again.headers.get("location")).toBe("/");
    });

    it("still leads back to a page of this site", async () => {
      const client = new HttpClient(base);
      const response = await client.post("/login", {
        email: "volunteer@digihelpers.example",
        password: DEMO_PASSWORD,
        redirectTo: "/account?tab=1",
      });
      expect(response.headers.get("location")).toBe("/account?tab=1");
      const again = await client.get("/login?redirectTo=%2Fshifts%2Flist");
      expect(again.headers.get("location")).toBe("/shifts/list");
    });

    it("is refused before signing in when the form was made up", async () => {
      for (const redirectTo of ["/\t/evil.example/phish", "/\r\n/evil.example", "//evil.example"]) {
        const client = new HttpClient(base);
        const response = await client.post("/login", {
          email: "volunteer@digihelpers.example",
          password: DEMO_PASSWORD,
          redirectTo,
        });
        expect(response.status).toBe(400);
        expect(response.headers.get("location")).toBeNull();
        expect(client.cookieHeader()).not.toMatch(/(^|; )session=/);
      }
    });

    it("after switching language stays on this site", async () => {
      for (const target of EVIL) {
        const client = new HttpClient(base);
        const response = await client.post("/language", {
          lng: "fr",
          redirectTo: decodeURIComponent(target),
        });
        // A target with a control character is refused as a whole (400, like every field with
        // one); any other foreign target sends the reader home.
        const refused = [...decodeURIComponent(target)].some((c) => c < " " || c === "\u007f");
        expect(response.status).toBe(refused ? 400 : 302);
        expect(response.headers.get("location")).toBe(refused ? null : "/");
      }
    });
  });

  describe("signed-in answers", () => {
    it("are never kept by a browser or proxy: pages, data requests and resource routes", async () => {
      const volunteer = await signedIn("volunteer@digihelpers.example");
      const list = await (await volunteer.get("/shifts/list")).text();
      const shiftId = list.match(/href="\/shifts\/(\d+)"/)?.[1];
      expect(shiftId).toBeDefined();
      const coordinator = await signedIn("coordinator@digihelpers.example");
      const planning = await (await coordinator.get("/planning")).text();
      const plannedId = planning.match(/href="\/planning\/shifts\/(\d+)"/)?.[1];
      expect(plannedId).toBeDefined();

      const from = new Date().toISOString().slice(0, 10);
      const until = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
      const asked: Array<[HttpClient, string]> = [
        [volunteer, "/account"],
        [volunteer, `/shifts/${shiftId}`],
        [volunteer, "/shifts/list"],
        [volunteer, "/account.data"],
        [volunteer, `/shifts/${shiftId}.data`],
        [volunteer, `/shifts/events?start=${from}&end=${until}`],
        [coordinator, "/people"],
        [coordinator, `/planning/shifts/${plannedId}`],
        [coordinator, `/planning/shifts/${plannedId}.data`],
        [coordinator, "/_root.data"],
      ];
      for (const [client, url] of asked) {
        const response = await client.get(url);
        expect([url, response.status]).toEqual([url, 200]);
        expect([url, response.headers.get("cache-control")]).toEqual([url, "private, no-store"]);
      }
      // The roster with email and phone is what must not be cached.
      const roster = await (await coordinator.get(`/planning/shifts/${plannedId}`)).text();
      expect(roster).toMatch(/mailto:|@/);

      // So are redirects and refusals that depend on the session.
      const refused = await volunteer.get("/people");
      expect(refused.headers.get("cache-control")).toBe("private, no-store");
      const anonymous = await new HttpClient(base).get("/account");
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
    });

    it("leave the build's fingerprinted files cacheable for a year", async () => {
      const html = await (await new HttpClient(base).get("/login")).text();
      const assets = [...html.matchAll(/(?:href|src)="(\/build\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets.slice(0, 3)) {
        const response = await fetch(base + asset);
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      }
    });
  });

  describe("too many attempts", () => {
    it("answer 429 with Retry-After in seconds, for passwords and for emailed links", async () => {
      const client = new HttpClient(base);
      let last: Response | undefined;
      for (let i = 0; i < 6; i++) {
        last = await client.post("/login", {
          email: "staff@digihelpers.example",
          password: `fout-${i}`,
        });
      }
      expect(last!.status).toBe(429);
      const seconds = Number(last!.headers.get("retry-after"));
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(15 * 60);

      for (let i = 0; i < 6; i++) {
        last = await client.post("/login/link", { email: "overvloed@digihelpers.example" });
      }
      expect(last!.status).toBe(429);
      expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("never come from signing in right: a course room of 31 on one address gets in", async () => {
      // A few typos among them do not lock the room out either.
      for (let i = 0; i < 3; i++) {
        await new HttpClient(base).post("/login", {
          email: "coordinator@digihelpers.example",
          password: `typo-${i}`,
        });
      }
      for (let i = 0; i < 31; i++) {
        const response = await new HttpClient(base).post("/login", {
          email: "coordinator@digihelpers.example",
          password: DEMO_PASSWORD,
        });
        expect(response.status).toBe(302);
      }
    });
  });
});

describe("the app on a test database", () => {
  let database: TestDatabase;
  let jobs: JobQueue;
  let server: Server;
  let base: string;
  const PASSWORD = "Beveiliging-2026";
  let email: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = await startTestJobQueue(database);
    email = (
      await createUser(database.db, {
        email: "veilig@example.be",
        passwordHash: await hashPassword(PASSWORD),
      })
    ).email;
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const app = createHttpApp({
      build,
      db: database.db,
      jobs,
      appUrl: () => base,
      localMailbox: false,
      secret: "security-test-secret",
      mode: "production",
      trustProxy: false,
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (jobs) await stopJobQueue(jobs);
    await database?.destroy();
  });

  it("a line break in redirectTo is refused before a session or audit entry is written", async () => {
    for (const redirectTo of ["/account\r\nSet-Cookie: x=y", "/\n/evil.example", "/\u0000"]) {
      const client = new HttpClient(base);
      const csrf = await client.csrfToken("/login");
      const before = await snapshotCounts(database, ["sessions", "audit_events"]);
      const response = await client.post("/login", { email, password: PASSWORD, redirectTo, csrf });
      expect(response.status).toBe(400);
      expect(await snapshotCounts(database, ["sessions", "audit_events"])).toEqual(before);
    }
  });

  it("the sessions table holds no cookie, and a stored id is no cookie", async () => {
    const client = new HttpClient(base);
    expect((await client.post("/login", { email, password: PASSWORD })).status).toBe(302);
    const cookie = client.cookieHeader().match(/(?:^|; )session=([^;]+)/)?.[1];
    expect(cookie).toBeDefined();
    expect((await client.get("/account")).status).toBe(200);

    const rows = await database.db.selectFrom("sessions").selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(cookie!);
    for (const row of rows) {
      const response = await fetch(base + "/account", {
        headers: { Cookie: `session=${row.id}` },
        redirect: "manual",
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/login/);
    }
  });
});
