import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../server/app.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
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
import { startTestJobQueue } from "../support/jobs.ts";
import {
  addDays,
  localToday,
  occurrenceDates,
  toRRule,
} from "../../app/modules/shifts/recurrence.ts";
import {
  type Browser,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { startDemoServer } from "../support/server.ts";

// A coordinator publishes a weekly series through the form (without holidays) and finds its
// occurrences on the planning page and each shift's own page; every planning page passes axe.
describe.runIf(browserAvailable)("a coordinator plans a repeating shift in the browser", () => {
  let app: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("creates a weekly series and sees its occurrences", async () => {
    const base = app.server.url;
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();

    await signIn(page, base, "coordinator@digihelpers.example", { redirectTo: "/planning" });
    await visit(page, base + "/planning");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Planning");

    await Promise.all([
      page.waitForURL(base + "/planning/shifts/new"),
      page.getByRole("link", { name: "Nieuwe dienst maken" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);

    const first = addDays(localToday(), 7);
    const last = addDays(first, 20);
    const all = occurrenceDates(
      {
        rrule: toRRule({ firstDate: first, lastDate: last, weekdays: ["TU", "TH"] }),
        firstDate: first,
      },
      { from: first, until: last },
    );
    const skipped = all[1]!;
    const expected = all.filter((d) => d !== skipped);
    const [y, m, d] = skipped.split("-");

    // Once the page is live, only the part of the chosen kind shows.
    await page.getByLabel("Eén keer", { exact: true }).check();
    await page.getByLabel("Dag", { exact: true }).waitFor();
    await expect(page.getByLabel("Eerste dag").count()).resolves.toBe(0);
    await page
      .getByLabel("Digipunt", { exact: true })
      .selectOption({ label: "Bibliotheek Biekorf (Digibank Brugge)" });
    await page.getByLabel("Elke week", { exact: true }).check();
    await page.getByLabel("Eerste dag").waitFor();
    await expect(page.getByLabel("Dag", { exact: true }).count()).resolves.toBe(0);
    await page.getByLabel("Dinsdag", { exact: true }).check();
    await page.getByLabel("Donderdag", { exact: true }).check();
    await page.getByLabel("Eerste dag").fill(first);
    await page.getByLabel("Laatste dag").fill(last);
    await page.getByLabel("Dagen zonder dienst").fill(`${d}/${m}/${y}`);
    await page.getByLabel("Begint om").fill("13:30");
    await page.getByLabel("Eindigt om").fill("16:00");
    await page.getByLabel("Hoeveel digihelpers zijn nodig?").fill("3");
    await page.getByLabel("Nodige kennis").selectOption({ label: "itsme" });
    await page.getByLabel("Goed voor een eerste dienst").check();
    await page
      .getByLabel("Opmerking voor de digihelpers")
      .fill("Vergaderzaal op de eerste verdieping");
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/planning"),
      page.getByRole("button", { name: "Dienst maken" }).click(),
    ]);
    await page
      .getByRole("status")
      .getByText(`De diensten zijn gemaakt (${expected.length} diensten).`)
      .waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);

    // The demo world has its own morning shifts at this digipunt; the new series is the 13:30 one.
    const rows = page
      .getByRole("row")
      .filter({ hasText: "Bibliotheek Biekorf" })
      .filter({ hasText: "13:30" });
    await expect(rows.count()).resolves.toBe(expected.length);
    await expect(rows.first().textContent()).resolves.toContain("0 van 3 plaatsen bezet");
    await expect(rows.first().textContent()).resolves.toContain("13:30");

    await Promise.all([
      page.waitForURL(/\/planning\/shifts\/\d+$/),
      rows.first().getByRole("link").click(),
    ]);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Dienst");
    await page.getByText("Nog niemand heeft zich ingeschreven.").waitFor();
    await expect(
      page.getByLabel("Deze dienst en alle volgende van de reeks").count(),
    ).resolves.toBe(1);

    // Change the following occurrences: they all move to 14:00.
    await page.getByLabel("Deze dienst en alle volgende van de reeks").check();
    await page.getByLabel("Begint om").fill("14:00");
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await page.getByRole("status").getByText("De wijziging is opgeslagen.").waitFor();
    await visit(page, `${base}/planning?from=${first}&to=${last}`);
    const moved = page
      .getByRole("row")
      .filter({ hasText: "Bibliotheek Biekorf" })
      .filter({ hasText: "van 3 plaatsen" });
    await expect(moved.count()).resolves.toBe(expected.length);
    for (let i = 0; i < expected.length; i++)
      await expect(moved.nth(i).textContent()).resolves.toContain("14:00");

    for (const path of ["/planning/digipunten", "/planning/digipunten/new", "/planning/reports"])
      await visit(page, base + path);
    expect(problems).toEqual([]);
    await context.close();
  });
});

// The roster with people on it, in the browser: contact details, a release request granted in one
// click (the first in line moves up), attendance after the start; axe on each state.
describe.runIf(browserAvailable)("a coordinator works the roster of a shift", () => {
  let database: TestDatabase;
  let jobs: JobQueue;
  let server: Server;
  let browser: Browser;
  let base: string;
  const PASSWORD = "Rooster-wachtwoord-2026";
  const world = {} as { upcoming: number; started: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = await startTestJobQueue(database);
    const db = database.db;
    const region = await createRegion(db);
    const town = await createMunicipality(db, { regionId: region.id, name: "Brugge" });
    const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Rooster" });
    const point = await createDigipunt(db, {
      digibankId: bank.id,
      municipalityId: town.id,
      name: "Bibliotheek Rooster",
    });
    const coordinator = await createUser(db, {
      email: "rooster.coordinator@example.test",
      name: "Roos Coördinator",
      passwordHash: await hashPassword(PASSWORD),
    });
    await assignRole(db, { userId: coordinator.id, role: "coordinator", digibankId: bank.id });
    const volunteer = async (name: string) => {
      const user = await createUser(db, { name, email: `${name.toLowerCase()}@example.test` });
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
      return user;
    };
    const [an, bert, cas, dirk] = [
      await volunteer("An"),
      await volunteer("Bert"),
      await volunteer("Cas"),
      await volunteer("Dirk"),
    ];
    await db
      .updateTable("users")
      .set({ phone: "+32 470 12 34 56" })
      .where("id", "=", an.id)
      .execute();
    const upcoming = await createShift(db, {
      digipuntId: point.id,
      startsAt: new Date(Date.now() + 4 * 24 * 60 * 60 * 1000),
      capacity: 2,
    });
    const asking = await createClaim(db, { shiftId: upcoming.id, userId: an.id });
    await db
      .updateTable("shift_claims")
      .set({ release_requested_at: new Date() })
      .where("id", "=", asking.id)
      .execute();
    await createClaim(db, { shiftId: upcoming.id, userId: bert.id });
    await createClaim(db, { shiftId: upcoming.id, userId: cas.id, status: "reserve" });
    const started = await createShift(db, {
      digipuntId: point.id,
      startsAt: new Date(Date.now() - 60 * 60 * 1000),
      capacity: 2,
    });
    await createClaim(db, { shiftId: started.id, userId: dirk.id });
    Object.assign(world, { upcoming: upcoming.id, started: started.id });

    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const app = createHttpApp({
      build,
      db,
      jobs,
      appUrl: () => base,
      localMailbox: false,
      secret: "planning-roster-secret",
      mode: "production",
      trustProxy: false,
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (jobs) await stopJobQueue(jobs);
    await database?.destroy();
  });

  it("shows contact details, grants a release request, and records attendance", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, "rooster.coordinator@example.test", {
      password: PASSWORD,
      redirectTo: `/planning/shifts/${world.upcoming}`,
    });
    expect(page.url()).toBe(`${base}/planning/shifts/${world.upcoming}`);
    await expectAccessible(page);
    const roster = page.getByRole("list", { name: "Digihelpers op deze dienst, met hun gegevens" });
    await expect(roster.getByRole("listitem").count()).resolves.toBe(2);
    await expect(roster.getByRole("listitem").first().textContent()).resolves.toContain(
      "Vraagt om vrij te krijgen",
    );
    await page.getByRole("link", { name: "an@example.test" }).waitFor();
    await page.getByRole("link", { name: "+32 470 12 34 56" }).waitFor();
    await expect(page.getByText("Cas · ").count()).resolves.toBe(1);

    await page.getByRole("button", { name: "Geef An vrij" }).click();
    await page.getByRole("status").getByText("De persoon is vrijgegeven.").waitFor();
    await expectAccessible(page);
    const names = await roster.getByRole("heading", { level: 3 }).allTextContents();
    expect(names.sort()).toEqual(["Bert", "Cas"]);
    await page.getByText("Niemand staat op de reservelijst.").waitFor();

    await visit(page, `${base}/planning/shifts/${world.started}`);
    await page.getByText("Nog niet ingevuld").waitFor();
    await page.getByRole("button", { name: "Dirk was er", exact: true }).click();
    // Told on Dirk's card, where the button was.
    await page
      .getByRole("listitem")
      .filter({ hasText: "Dirk" })
      .getByRole("status")
      .getByText("De aanwezigheid is opgeslagen.")
      .waitFor();
    await expectAccessible(page);
    await expect(page.getByText("Was er", { exact: true }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
