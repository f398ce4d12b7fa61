import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { languageCookie } from "~/utils/i18n.server.ts";
import { addDays, localInstant, localToday } from "~/modules/shifts/recurrence.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createShiftReport,
  createUser,
} from "../factories/index.ts";
import {
  type Browser,
  type Page,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type ListeningApp, listenBuiltApp } from "../support/app.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { readPdf } from "../support/pdf.ts";

// A volunteer like the demo's on a phone (390x844) opens My experience, reads the figures, opens
// the printable attestation and downloads the PDF; every page passes axe and the HTML checker. A
// period that cannot be is a 400 with a message, never a 500; each person sees only their own.

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

const PHONE = { width: 390, height: 844 };
const past = (days: number, time: string) => localInstant(addDays(localToday(), -days), time);

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db, { name: "Regio Noord-Limburg" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Lommel" });
  const town = await createMunicipality(db, { regionId: region.id, name: "Lommel" });
  const punt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Lommel",
  });
  const coordinator = await createUser(db, { name: "Koen Coördinator" });
  await assignRole(db, { userId: coordinator.id, role: "coordinator", digibankId: bank.id });
  const volunteer = await createUser(db, { name: "Mieke Vandamme", volunteeringSince: null });
  await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bank.id });
  const other = await createUser(db, { name: "Jan Peeters" });
  await assignRole(db, { userId: other.id, role: "volunteer", digibankId: bank.id });
  // Three shifts of three hours in the last weeks: two with a report (2 h and 2.5 h; 4 and 6
  // people), one without (3 h). 7.5 hours, 10 people.
  const shifts = [
    { days: 20, minutes: 120, people: 4, topics: ["eid", "itsme"] as const },
    { days: 13, minutes: 150, people: 6, topics: ["eid"] as const },
    { days: 6, minutes: null, people: 0, topics: [] as const },
  ];
  for (const s of shifts) {
    const shift = await createShift(db, { digipuntId: punt.id, startsAt: past(s.days, "09:00") });
    await createClaim(db, { shiftId: shift.id, userId: volunteer.id });
    if (s.minutes)
      await createShiftReport(db, {
        shiftId: shift.id,
        userId: volunteer.id,
        minutesWorked: s.minutes,
        peopleHelped: s.people,
        topics: [...s.topics],
      });
  }
  return { volunteer: volunteer.id, other: other.id, bank: bank.id };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "experience-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

async function cookieOf(userId: number) {
  const cookie = await startSession(database.db, new Request(base), userId);
  return cookie.split(";")[0]!;
}

async function signedIn(userId: number) {
  const { context, problems } = await newContext(browser, {
    viewport: PHONE,
    acceptDownloads: true,
  });
  const [name, ...value] = (await cookieOf(userId)).split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
  return { context, problems, page: await context.newPage() };
}

/** Whether the element is within the first screen, without scrolling. */
async function onFirstScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y + box.height <= PHONE.height;
}

describe.runIf(browserAvailable)("My experience in the browser", () => {
  it("shows a volunteer's figures on a phone, the attestation to print, and its PDF", async () => {
    const { context, problems, page } = await signedIn(world.volunteer);
    await visit(page, `${base}/account/experience`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Mijn ervaring",
    );
    expect(await onFirstScreen(page, "h1")).toBe(true);
    expect(await onFirstScreen(page, ".lead")).toBe(true);
    const figures = await page.locator(".experience-figures > div").allInnerTexts();
    expect(figures.map((f) => f.replace(/\s+/g, " ").trim())).toEqual([
      "Uren 7,5",
      "Diensten gedaan 3",
      "Mensen geholpen 10",
      "Doorverwezen 0",
    ]);
    await expect(page.getByText("Daarvan 4,5 uur uit je 2 verslagen").count()).resolves.toBe(1);
    const topics = await page.locator("table tbody tr").allInnerTexts();
    expect(topics.map((r) => r.replace(/\s+/g, " ").trim())).toEqual([
      "eID en kaartlezer 2",
      "itsme 1",
    ]);
    await expect(page.locator(".experience-milestones li").first().textContent()).resolves.toMatch(
      /^Je eerste dienstGehaald op /,
    );
    // A reached milestone's tick is for the eye only: a screen reader reads its words.
    const reached = page.locator('.experience-milestones li[data-reached="yes"] strong').first();
    await expect(
      reached.evaluate((el) => getComputedStyle(el, "::before").content),
    ).resolves.toContain("✓");
    await expect(reached.ariaSnapshot()).resolves.toBe("- strong: Je eerste dienst");

    // The choice of a year, by keyboard.
    await page.locator("#period-year").focus();
    await page.locator("#period-year").selectOption(localToday().slice(0, 4));
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Toon");
    await Promise.all([page.waitForURL(/year=\d{4}/), page.keyboard.press("Enter")]);
    await page.waitForLoadState("networkidle");

    await Promise.all([
      page.waitForURL(/\/account\/experience\/attestation$/),
      page.getByRole("link", { name: "Maak een attest" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await visit(page, page.url());
    const paper = page.locator(".attestation-paper");
    await expect(paper.textContent()).resolves.toContain("Mieke Vandamme");
    await expect(paper.textContent()).resolves.toContain("Digibank Lommel");
    await expect(paper.textContent()).resolves.toContain("Koen Coördinator");
    await expect(paper.textContent()).resolves.toContain("Uren:7,5");

    // Printed: no menu, no form.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.locator("form").first().isVisible()).resolves.toBe(false);
    await expect(paper.isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "screen" });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download als PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^attest-vrijwilligerswerk-mieke-vandamme-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const path = await download.path();
    const fs = await import("node:fs");
    const pdf = await readPdf(fs.readFileSync(path));
    expect(pdf.title).toBe("Attest vrijwilligerswerk");
    expect(pdf.language).toBe("nl");
    expect(pdf.text.replace(/\s+/g, " ")).toContain("Mieke Vandamme");
    expect(pdf.text.replace(/\s+/g, " ")).toContain("Uren: 7,5");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe.runIf(browserAvailable)("the period, and whose experience", () => {
  const get = async (path: string, userId: number, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers: { Cookie: await cookieOf(userId), ...headers } });

  it.each([
    ["/account/experience?year=99999", "Dat jaar kennen we niet"],
    ["/account/experience?year=20%0026", "Dat jaar kennen we niet"],
    ["/account/experience/attestation?from=2026-02-30", "Die datum bestaat niet"],
    ["/account/experience/attestation?from=99999-01-01", "Die datum bestaat niet"],
    ["/account/experience/attestation?to=2026-01-01%00", "Die datum bestaat niet"],
    ["/account/experience/attestation?from=2026-05-01&to=2026-04-30", "De begindatum valt na"],
    ["/account/experience/attestation.pdf?from=2026-02-30", "Die datum bestaat niet"],
    ["/account/experience/attestation.pdf?from=2026-05-01&to=2026-04-30", "De begindatum valt na"],
  ])("%s is a 400 with a message", async (path, message) => {
    const response = await get(path, world.volunteer);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it("answers in the reader's language: the language switch's choice, else the profile's", async () => {
    const french = await createUser(database.db, { name: "Françoise Leçon", language: "fr" });
    await assignRole(database.db, { userId: french.id, role: "volunteer", digibankId: world.bank });
    const refused = await get("/account/experience/attestation.pdf?from=2026-02-30", french.id);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Cette date n’existe pas");
    const pdf = await readPdf(
      new Uint8Array(
        await (await get("/account/experience/attestation.pdf", french.id)).arrayBuffer(),
      ),
    );
    expect(pdf.language).toBe("fr");
    expect(pdf.text).toContain("Françoise Leçon");
    // The switch set English: English, whatever the profile says.
    const switched = await get("/account/experience/attestation.pdf?from=2026-02-30", french.id, {
      Cookie: `${await cookieOf(french.id)}; ${(await languageCookie.serialize("en")).split(";")[0]}`,
    });
    expect(await switched.text()).toContain("That date does not exist");
  });

  it("shows each person only their own", async () => {
    const mine = await (await get("/account/experience/attestation", world.other)).text();
    expect(mine).toContain("Jan Peeters");
    expect(mine).not.toContain("Mieke Vandamme");
    // An id in the address changes nothing: there is none to ask for.
    const asked = await (
      await get(`/account/experience/attestation?user=${world.volunteer}`, world.other)
    ).text();
    expect(asked).not.toContain("Mieke Vandamme");
    const pdf = await readPdf(
      new Uint8Array(
        await (await get("/account/experience/attestation.pdf", world.other)).arrayBuffer(),
      ),
    );
    expect(pdf.text).toContain("Jan Peeters");
    expect(pdf.text).not.toContain("Mieke");
  });
});
