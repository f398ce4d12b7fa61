import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { addDays, localInstant, localParts, localToday } from "~/modules/shifts/recurrence.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createDigipunt,
  createEnrolment,
  createMunicipality,
  createRegion,
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

// A volunteer on a phone (390x844) finds a course, enrols, joins the waiting list of a full one,
// finds the sessions on the calendar at /shifts and in its list, and cancels; enrolling and
// cancelling also work with JavaScript off. Every page is checked with axe (and the HTML checker).

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

const PHONE = { width: 390, height: 844 };
const upcoming = (days: number, time: string) => localInstant(addDays(localToday(), days), time);

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db, { name: "Regio Brugge" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Brugge" });
  const town = await createMunicipality(db, { regionId: region.id, name: "Brugge" });
  const punt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Biekorf",
  });
  const volunteer = await createUser(db, { name: "Mieke Vandamme" });
  await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bank.id });
  const colleague = await createUser(db, { name: "Jan Peeters" });
  await assignRole(db, { userId: colleague.id, role: "volunteer", digibankId: bank.id });
  const closes = new Date(Date.now() + 24 * 3600_000);
  const open = await createCourse(db, {
    regionId: region.id,
    title: "Vorming itsme",
    sessions: [upcoming(2, "18:00"), upcoming(9, "18:00")],
    digipuntId: punt.id,
    enrolClosesAt: closes,
  });
  const full = await createCourse(db, {
    regionId: region.id,
    title: "Volwassenen begeleiden",
    theme: "teaching_adults",
    capacity: 1,
    sessions: [upcoming(3, "14:00")],
    enrolClosesAt: closes,
  });
  await createEnrolment(db, { courseId: full.id, userId: colleague.id });
  const noScript = await createCourse(db, {
    regionId: region.id,
    title: "Smartphone voor beginners",
    sessions: [upcoming(4, "10:00")],
    enrolClosesAt: closes,
  });
  return { volunteer: volunteer.id, open, full, noScript };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "courses-volunteer-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

async function signedIn(options: Parameters<typeof newContext>[1] = {}) {
  const { context, problems } = await newContext(browser, { viewport: PHONE, ...options });
  const cookie = await startSession(database.db, new Request(base), world.volunteer);
  const [pair] = cookie.split(";");
  const [name, ...value] = pair!.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
  return { context, problems, page: await context.newPage() };
}

async function status(courseId: number) {
  const row = await database.db
    .selectFrom("course_enrolments")
    .select("status")
    .where("course_id", "=", courseId)
    .where("user_id", "=", world.volunteer)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.status ?? null;
}

/** Whether the element is within the first screen, without scrolling. */
async function onFirstScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y + box.height <= PHONE.height;
}

describe.runIf(browserAvailable)("a volunteer enrols in courses on a phone", () => {
  it("finds a course, enrols, joins a full course's waiting list, sees the sessions on the calendar, and cancels", async () => {
    const { context, problems, page } = await signedIn();
    await visit(page, `${base}/courses`);
    expect(await onFirstScreen(page, "h1")).toBe(true);
    expect(await text(page.locator("h1"))).toBe("Vormingen");
    const item = page.locator(".course-item", { hasText: "Vorming itsme" });
    expect(await text(item)).toContain("Nog 12 plaatsen vrij van 12");
    expect(await text(item)).toContain("Je voldoet aan de voorwaarden");
    expect(await text(item)).toContain("Inschrijven kan tot");

    await item.getByRole("link", { name: "Vorming itsme" }).click();
    await page.waitForURL(`**/courses/${world.open.id}`);
    await visit(page, page.url());
    await page.getByRole("button", { name: "Schrijf me in" }).click();
    await page.waitForURL(`**/courses/${world.open.id}`);
    expect(await text(page.locator(".outcome"))).toContain("Je bent ingeschreven");
    await visit(page, page.url());
    expect(await text(page.locator(".course-state"))).toContain("Je bent ingeschreven");
    expect(await status(world.open.id)).toBe("enrolled");

    await visit(page, `${base}/courses/${world.full.id}`);
    expect(await text(page.locator(".shift-actions"))).toContain("Deze vorming is volzet.");
    await page.getByRole("button", { name: "Zet me op de wachtlijst" }).click();
    expect(await text(page.locator(".outcome"))).toContain("je staat op de wachtlijst");
    expect(await text(page.locator(".course-state"))).toContain(
      "Je staat op plaats 1 van de wachtlijst",
    );
    expect(await status(world.full.id)).toBe("waiting");

    // The calendar (a phone gets its list view), told apart by word and icon; waiting is not there.
    await visit(page, `${base}/shifts`);
    const session = page.locator(`a[href="/courses/${world.open.id}"]`).first();
    await page.locator(".shift-calendar [role=tablist]").waitFor();
    await page.waitForLoadState("networkidle");
    if ((await session.count()) === 0) {
      await page.getByRole("button", { name: /^Volgende$/ }).click();
      await page.waitForLoadState("networkidle");
    }
    expect(await text(session)).toContain("🎓 Vorming: Vorming itsme");
    await expectNoLink(page, world.full.id);
    await visit(page, page.url());

    // The list way: the week of the first session.
    const week = localParts(world.open.sessions[0]!.starts_at).date;
    await visit(page, `${base}/shifts/list?week=${week}`);
    const listed = page.locator(".course-session-item", { hasText: "Vorming itsme" });
    expect(await text(listed)).toContain("Vorming: Vorming itsme");
    expect(await text(listed)).toContain("Bibliotheek Biekorf");

    await listed.getByRole("link").click();
    await page.waitForURL(`**/courses/${world.open.id}`);
    await page.getByRole("button", { name: "Schrijf me uit" }).click();
    expect(await text(page.locator(".outcome"))).toContain("Je bent uitgeschreven");
    await visit(page, page.url());
    expect(await status(world.open.id)).toBe("cancelled");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("enrols and cancels with JavaScript off", async () => {
    const { context, page } = await signedIn({ javaScriptEnabled: false });
    await page.goto(`${base}/courses/${world.noScript.id}`);
    await page.getByRole("button", { name: "Schrijf me in" }).click();
    await page.waitForURL(`**/courses/${world.noScript.id}`);
    expect(await text(page.locator(".outcome"))).toContain("Je bent ingeschreven");
    expect(await status(world.noScript.id)).toBe("enrolled");
    await page.getByRole("button", { name: "Schrijf me uit" }).click();
    await page.waitForURL(`**/courses/${world.noScript.id}`);
    expect(await text(page.locator(".outcome"))).toContain("Je bent uitgeschreven");
    expect(await status(world.noScript.id)).toBe("cancelled");
    await context.close();
  });
});

/** The element's text, once it is there. */
async function text(locator: Locator) {
  await locator.first().waitFor();
  return (await locator.first().innerText()).trim();
}

async function expectNoLink(page: Page, courseId: number) {
  expect(await page.locator(`a[href="/courses/${courseId}"]`).count()).toBe(0);
}
