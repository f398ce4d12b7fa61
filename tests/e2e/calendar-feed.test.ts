import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../server/app.ts";
import { startSession } from "~/modules/auth/session.server.ts";
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
import {
  type Browser,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { startDemoServer } from "../support/server.ts";

// The personal calendar feed over HTTP, against the production build: made on the account page,
// fetched as a calendar app would (no cookies), parsed with ical.js, and revoked by a new address.

const DAY = 24 * 60 * 60 * 1000;
let database: TestDatabase;
let jobs: JobQueue;
let server: Server;
let base: string;
const shifts = {} as Record<
  "recent" | "old" | "ahead" | "mobile" | "cancelled" | "released" | "reserve" | "others",
  number
>;
let browser: HttpClient;

/** A shift at 09:00–12:00 Brussels time (winter or summer), `days` from today. */
function nineOClock(days: number) {
  const date = new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  return { date, startsAt: localInstant(date, "09:00"), endsAt: localInstant(date, "12:00") };
}

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
  const bus = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Digibus",
    kind: "mobile",
  });
  const me = await createUser(db, { language: "fr" });
  const other = await createUser(db);
  for (const user of [me, other])
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });

  const shift = async (days: number, values: { digipuntId?: number; address?: string } = {}) => {
    const { startsAt, endsAt } = nineOClock(days);
    return (
      await createShift(db, { digipuntId: punt.id, startsAt, endsAt, capacity: 3, ...values })
    ).id;
  };
  shifts.recent = await shift(-60);
  shifts.old = await shift(-120);
  shifts.ahead = await shift(10);
  shifts.mobile = await shift(12, { digipuntId: bus.id, address: "Ladeuzeplein, 3000 Leuven" });
  shifts.cancelled = await shift(14);
  shifts.released = await shift(16);
  shifts.reserve = await shift(18);
  shifts.others = await shift(20);
  for (const id of [shifts.recent, shifts.old, shifts.ahead, shifts.mobile, shifts.cancelled])
    await createClaim(db, { shiftId: id, userId: me.id });
  await createClaim(db, { shiftId: shifts.released, userId: me.id, status: "released" });
  await createClaim(db, { shiftId: shifts.reserve, userId: me.id, status: "reserve" });
  await createClaim(db, { shiftId: shifts.others, userId: other.id });
  await db
    .updateTable("shifts")
    .set({ sequence: 1, notes: "Nieuwe tijd" })
    .where("id", "=", shifts.ahead)
    .execute();
  await db
    .updateTable("shifts")
    .set({ status: "cancelled", cancelled_at: new Date(), sequence: 2 })
    .where("id", "=", shifts.cancelled)
    .execute();
  await db
    .updateTable("shift_claims")
    .set({ status: "cancelled", ended_at: new Date() })
    .where("shift_id", "=", shifts.cancelled)
    .execute();

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createHttpApp({
    build,
    db,
    jobs,
    appUrl: () => base,
    localMailbox: false,
    secret: "calendar-feed-secret",
    mode: "production",
    trustProxy: false,
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  browser = new HttpClient(base);
  browser.setCookie(await startSession(db, new Request("http://127.0.0.1/"), me.id));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

const FEED_PATH = /\/feed\/[A-Za-z0-9_-]{43}\.ics/g;

async function feedPathOnAccountPage(): Promise<string | null> {
  const html = await (await browser.get("/account")).text();
  const found = [...new Set(html.match(FEED_PATH) ?? [])];
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0] ?? null;
}

/** Fetched as a calendar app does: no cookies. */
async function fetchFeed(feedPath: string) {
  const response = await fetch(base + feedPath, { redirect: "manual" });
  return { response, text: response.status === 200 ? await response.text() : "" };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status"),
      tzid: vevent.getFirstProperty("dtstart")!.getParameter("tzid"),
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      summary: event.summary,
      location: event.location,
      url: vevent.getFirstPropertyValue("url"),
    };
  });
  return { calendar, events };
}

describe("the personal calendar feed", () => {
  let first: string;

  it("is made on the account page, with a CSRF-checked post", async () => {
    expect(await feedPathOnAccountPage()).toBeNull();
    const refused = await browser.post("/account", { intent: "calendar" }, { csrf: false });
    expect(refused.status).toBe(403);
    expect(await feedPathOnAccountPage()).toBeNull();

    const made = await browser.post("/account", { intent: "calendar" });
    expect(made.status).toBe(302);
    expect(made.headers.get("Location")).toBe("/account#calendar");
    expect(outcomeOf(made)).toMatchObject({ message: "account:saved.calendar", at: "calendar" });
    first = (await feedPathOnAccountPage())!;
    expect(first).toMatch(FEED_PATH);
    // Asking twice (a double click) keeps the same address.
    await browser.post("/account", { intent: "calendar" });
    expect(await feedPathOnAccountPage()).toBe(first);
  });

  it("holds the shifts the person is or was on, in Brussels time, in their language", async () => {
    const { response, text } = await fetchFeed(first);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toContain("private");
    const { calendar, events } = parse(text);

    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      "Europe/Brussels",
    );
    const uid = (id: number) => `shift-${id}@digihelpers`;
    expect(events.map((e) => e.uid).sort()).toEqual(
      [shifts.recent, shifts.ahead, shifts.mobile, shifts.cancelled].map(uid).sort(),
    );
    for (const event of events) {
      expect(event.tzid).toBe("Europe/Brussels");
      expect(event.start).toMatch(/T09:00:00$/);
      expect(event.end).toMatch(/T12:00:00$/);
    }
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.get(uid(shifts.ahead))).toMatchObject({
      sequence: 1,
      status: "CONFIRMED",
      summary: "Digihelper à Bibliotheek Tweebronnen",
      location: "Rijschoolstraat 4, 3000 Leuven",
      start: `${nineOClock(10).date}T09:00:00`,
    });
    expect(byUid.get(uid(shifts.ahead))?.url).toBe(`${base}/shifts/${shifts.ahead}`);
    expect(byUid.get(uid(shifts.mobile))?.location).toBe("Ladeuzeplein, 3000 Leuven");
    expect(byUid.get(uid(shifts.cancelled))).toMatchObject({ sequence: 2, status: "CANCELLED" });
  });

  it("gives the same events with the same UIDs on every fetch", async () => {
    const once = parse((await fetchFeed(first)).text).events;
    const twice = parse((await fetchFeed(first)).text).events;
    expect(twice).toEqual(once);
  });

  it("answers 404 to an unknown address", async () => {
    const unknown = `/feed/${"A".repeat(43)}.ics`;
    expect((await fetchFeed(unknown)).response.status).toBe(404);
    expect((await fetchFeed("/feed/nonsense.ics")).response.status).toBe(404);
    expect((await fetchFeed(first.replace(/\.ics$/, ""))).response.status).toBe(404);
  });

  it("is replaced only after confirmation, and the old address then answers 404", async () => {
    const unconfirmed = await browser.post("/account", { intent: "calendar_regenerate" });
    expect(unconfirmed.status).toBe(400);
    expect(await feedPathOnAccountPage()).toBe(first);
    expect((await fetchFeed(first)).response.status).toBe(200);

    const confirmed = await browser.post("/account", {
      intent: "calendar_regenerate",
      confirm: "on",
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/account#calendar");
    expect(outcomeOf(confirmed)).toMatchObject({ message: "account:saved.calendarNew" });
    const second = (await feedPathOnAccountPage())!;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).response.status).toBe(404);
    const { response, text } = await fetchFeed(second);
    expect(response.status).toBe(200);
    expect(parse(text).events).toHaveLength(4);
  });
});

describe.skipIf(!browserAvailable)("the calendar section of My account in Chromium", () => {
  let chromium: Browser;
  beforeAll(async () => {
    chromium = await launchBrowser();
  });
  afterAll(() => chromium?.close());

  it("makes, shows and renews the address, accessibly, in the reader's language", async () => {
    const person = await createUser(database.db, { language: "nl" });
    const { context, problems } = await newContext(chromium);
    const session = await startSession(database.db, new Request(base), person.id);
    const [name, value] = session.split(";")[0]!.split("=") as [string, string];
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();

    await visit(page, base + "/account");
    await Promise.all([
      page.waitForURL(base + "/account#calendar"),
      page.getByRole("button", { name: "Maak mijn agenda-adres" }).click(),
    ]);
    // The URL may change a moment before the page shows the new data: wait for the message, in
    // the calendar section where the button was.
    await page
      .locator("#calendar")
      .getByRole("status")
      .getByText("Je agenda-adres is klaar. Voeg het toe aan je agenda-app.")
      .waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    const field = page.getByLabel("Jouw agenda-adres");
    const first = await field.inputValue();
    expect(first).toMatch(new RegExp(`^${base}/feed/[A-Za-z0-9_-]{43}\\.ics$`));
    await expect(field.getAttribute("readonly")).resolves.not.toBeNull();
    await page.getByRole("button", { name: "Kopieer het adres" }).waitFor();
    await page.getByText("Google Agenda", { exact: true }).waitFor();

    // Without the tick box nothing changes; with it, the old address stops working.
    await page.getByRole("button", { name: "Maak een nieuw adres" }).click();
    await page.getByText("Vink dit aan om een nieuw adres te maken.").waitFor();
    expect(await field.inputValue()).toBe(first);
    await page.getByLabel("Ik begrijp dat het oude adres niet meer werkt").check();
    await page.getByRole("button", { name: "Maak een nieuw adres" }).click();
    await page
      .getByText("Je hebt een nieuw agenda-adres. Het oude adres werkt niet meer.")
      .waitFor();
    await page.waitForLoadState("networkidle");
    const second = await page.getByLabel("Jouw agenda-adres").inputValue();
    expect(second).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the demo volunteer's feed, from the real server entry", () => {
  let demo: Awaited<ReturnType<typeof startDemoServer>>;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(() => demo?.close());

  it("signs in, makes the address, and reads their demo shifts, course sessions and gatherings from it", async () => {
    const client = new HttpClient(demo.server.url);
    const signedIn = await client.post("/login", {
      email: "volunteer@digihelpers.example",
      password: "Digibank-demo-2026",
    });
    expect(signedIn.status).toBe(302);
    expect((await client.post("/account", { intent: "calendar" })).status).toBe(302);
    const html = await (await client.get("/account")).text();
    const feedPath = html.match(FEED_PATH)![0];

    const response = await fetch(demo.server.url + feedPath);
    expect(response.status).toBe(200);
    const { calendar, events } = parse(await response.text());
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Digihelpers");
    // The demo volunteer has shifts, a place in a course and the brunch they went to (two months
    // ago, within the feed's history): each kind comes through FEED_SOURCES.
    const kinds = new Set(events.map((event) => event.uid.replace(/-\d+@digihelpers$/, "")));
    expect([...kinds].sort()).toEqual(["course-session", "event", "shift"]);
    for (const event of events) {
      expect(event.uid).toMatch(/^(shift|course-session|event)-\d+@digihelpers$/);
      expect(event.tzid).toBe("Europe/Brussels");
    }
  });
});
