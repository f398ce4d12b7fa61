import http from "node:http";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../server/app.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { createCalendarFeed } from "~/modules/shifts/feed.server.ts";
import { localInstant } from "~/modules/shifts/recurrence.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient } from "../support/http.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The app's own server compresses what it sends (issue 15): pages, data, scripts, the calendar
// feed and the CSV export, as bytes on the wire (node's http client never decompresses), against
// the production build. The middleware's streaming is in tests/integration/compression.test.ts.

const DAY = 24 * 60 * 60 * 1000;
let database: TestDatabase;
let jobs: JobQueue;
let server: Server;
let base: string;
let volunteer: HttpClient;
let coordinator: HttpClient;
let feedPath: string;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Leuven" });
  const town = await createMunicipality(db, { regionId: region.id });
  const punt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Tweebronnen",
    address: "Rijschoolstraat 4, 3000 Leuven",
  });
  const me = await createUser(db);
  await assignRole(db, { userId: me.id, role: "volunteer", digibankId: bank.id });
  const boss = await createUser(db);
  await assignRole(db, { userId: boss.id, role: "coordinator", digibankId: bank.id });
  // Enough shifts that every answer below is well over the 1 KB under which nothing is compressed.
  for (let days = 1; days <= 12; days++) {
    const date = new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
    const shift = await createShift(db, {
      digipuntId: punt.id,
      startsAt: localInstant(date, "09:00"),
      endsAt: localInstant(date, "12:00"),
      capacity: 3,
    });
    await createClaim(db, { shiftId: shift.id, userId: me.id });
  }
  feedPath = `/feed/${await createCalendarFeed(db, me.id)}.ics`;

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createHttpApp({
    build,
    db,
    jobs,
    appUrl: () => base,
    localMailbox: false,
    secret: "compression-secret",
    mode: "production",
    trustProxy: false,
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  volunteer = new HttpClient(base);
  volunteer.setCookie(await startSession(db, new Request("http://127.0.0.1/"), me.id));
  coordinator = new HttpClient(base);
  coordinator.setCookie(await startSession(db, new Request("http://127.0.0.1/"), boss.id));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request, its body as the bytes that came over the wire. */
function request(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(base + url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode!,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

const get = (url: string, client?: HttpClient, headers: Record<string, string> = {}) =>
  request("GET", url, { ...(client ? { Cookie: client.cookieHeader() } : {}), ...headers });

/** The body as it was before compression, by the encoding the answer names. */
function decoded(raw: Raw): Buffer {
  const encoding = raw.headers["content-encoding"];
  if (encoding === "gzip") return zlib.gunzipSync(raw.body);
  if (encoding === "br") return zlib.brotliDecompressSync(raw.body);
  expect(encoding).toBeUndefined();
  return raw.body;
}

/** A page with its per-request parts (the CSP nonce, the CSRF token) blanked out. */
function sameEachTime(html: string) {
  const token = html.match(/name="csrf" value="([^"]+)"/)?.[1];
  expect(token).toBeTruthy();
  return html.replaceAll(token!, "").replace(/nonce="[^"]*"/g, 'nonce=""');
}

/** A feed with its per-request part (when it was made) left out. */
const withoutStamps = (ics: string) => ics.replace(/^DTSTAMP:.*$/gm, "");

const ENCODINGS = ["gzip", "br"] as const;

describe("compressed answers", () => {
  it("a page, a JSON answer and a built script come gzipped or in brotli as asked, intact; plain when not asked", async () => {
    const pagePlain = await get("/shifts/list", volunteer);
    expect(pagePlain.status).toBe(200);
    expect(pagePlain.headers["content-encoding"]).toBeUndefined();
    const html = pagePlain.body.toString();
    expect(html).toContain("Bibliotheek Tweebronnen");
    expect(pagePlain.body.length).toBeGreaterThan(4096);

    const from = new Date().toISOString().slice(0, 10);
    const until = new Date(Date.now() + 28 * DAY).toISOString().slice(0, 10);
    const eventsUrl = `/shifts/events?start=${from}&end=${until}`;
    const jsonPlain = await get(eventsUrl, volunteer);
    expect(jsonPlain.headers["content-type"]).toMatch(/^application\/json/);
    expect(jsonPlain.headers["content-encoding"]).toBeUndefined();
    const events = JSON.parse(jsonPlain.body.toString()) as unknown[];
    expect(events).toHaveLength(12);

    // The page's largest script: the framework every page loads.
    const scripts = [...html.matchAll(/href="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const sized = await Promise.all(scripts.map(async (url) => ({ url, raw: await get(url) })));
    const script = sized.sort((a, b) => b.raw.body.length - a.raw.body.length)[0]!;
    expect(script.raw.headers["content-encoding"]).toBeUndefined();
    expect(script.raw.headers["content-type"]).toMatch(/javascript/);

    for (const encoding of ENCODINGS) {
      const asked = { "Accept-Encoding": encoding };
      const page = await get("/shifts/list", volunteer, asked);
      expect([encoding, page.headers["content-encoding"]]).toEqual([encoding, encoding]);
      expect(page.body.length).toBeLessThan(pagePlain.body.length / 3);
      expect(sameEachTime(decoded(page).toString())).toBe(sameEachTime(html));
      // The root's Vary stays, compression's is added.
      expect(page.headers.vary).toBe("Accept-Language, Cookie, Accept-Encoding");
      expect(page.headers["cache-control"]).toBe("private, no-store");

      const json = await get(eventsUrl, volunteer, asked);
      expect(json.headers["content-encoding"]).toBe(encoding);
      expect(json.body.length).toBeLessThan(jsonPlain.body.length / 2);
      expect(JSON.parse(decoded(json).toString())).toEqual(events);

      const js = await get(script.url, undefined, asked);
      expect(js.headers["content-encoding"]).toBe(encoding);
      expect(js.body.length).toBeLessThan(script.raw.body.length / 2);
      expect(decoded(js).equals(script.raw.body)).toBe(true);
    }
  });

  it("the calendar feed and the CSV export are compressed too", async () => {
    const feedPlain = await get(feedPath);
    expect(feedPlain.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(feedPlain.body.toString()).toContain("BEGIN:VCALENDAR");

    const from = new Date().toISOString().slice(0, 10);
    const until = new Date(Date.now() + 28 * DAY).toISOString().slice(0, 10);
    const form = new URLSearchParams({ from, to: until, csrf: await coordinator.csrfToken() });
    const exportCsv = (headers: Record<string, string> = {}) =>
      request(
        "POST",
        "/planning/export.csv",
        {
          Cookie: coordinator.cookieHeader(),
          Origin: base,
          "Content-Type": "application/x-www-form-urlencoded",
          ...headers,
        },
        form.toString(),
      );
    const csvPlain = await exportCsv();
    expect(csvPlain.status).toBe(200);
    expect(csvPlain.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csvPlain.headers["content-encoding"]).toBeUndefined();
    expect(csvPlain.body.toString()).toContain("Bibliotheek Tweebronnen");

    for (const encoding of ENCODINGS) {
      const feed = await get(feedPath, undefined, { "Accept-Encoding": encoding });
      expect(feed.headers["content-encoding"]).toBe(encoding);
      expect(withoutStamps(decoded(feed).toString())).toBe(
        withoutStamps(feedPlain.body.toString()),
      );

      const csv = await exportCsv({ "Accept-Encoding": encoding });
      expect(csv.headers["content-encoding"]).toBe(encoding);
      expect(csv.headers["content-disposition"]).toBe(csvPlain.headers["content-disposition"]);
      expect(decoded(csv).toString()).toBe(csvPlain.body.toString());
    }
  });

  it("small answers, small static files and HEAD requests go out as they are", async () => {
    const asked = { "Accept-Encoding": "gzip, br" };
    // Remix's answer, whole and under 1 KB: sent with its length, not compressed.
    const health = await get("/healthz", undefined, asked);
    expect(health.status).toBe(200);
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(health.headers["content-length"]).toBe(String(health.body.length));

    const icon = await get("/favicon.svg", undefined, asked);
    expect(icon.headers["content-type"]).toMatch(/^image\/svg\+xml/);
    expect(icon.headers["content-encoding"]).toBeUndefined();

    const head = await request("HEAD", "/login", asked);
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBeUndefined();
    expect(head.body.length).toBe(0);
  });
});

describe("the build's files", () => {
  it("keep their year-long immutable caching, compressed or not, and answer a revalidation with 304", async () => {
    const html = (await get("/login")).body.toString();
    const assets = [...html.matchAll(/href="(\/build\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.some((url) => url.endsWith(".css"))).toBe(true);
    for (const url of assets) {
      const askings: Array<Record<string, string>> = [
        {},
        { "Accept-Encoding": "gzip" },
        { "Accept-Encoding": "br" },
      ];
      for (const asked of askings) {
        const answer = await get(url, undefined, asked);
        expect([url, answer.status]).toEqual([url, 200]);
        expect([url, answer.headers["cache-control"]]).toEqual([
          url,
          "public, max-age=31536000, immutable",
        ]);
        expect(answer.headers.etag).toBeTruthy();
        const again = await get(url, undefined, {
          ...asked,
          "If-None-Match": answer.headers.etag!,
        });
        expect([url, again.status, again.body.length]).toEqual([url, 304, 0]);
      }
    }
    // The rest of public/ for an hour.
    const robots = await get("/robots.txt");
    expect(robots.headers["cache-control"]).toBe("public, max-age=3600");
  });
});
