import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { addDays, localInstant, localToday } from "~/modules/shifts/recurrence.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createDigipunt,
  createEnrolment,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
  skillId,
} from "../factories/index.ts";
import {
  type Browser,
  type Page,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { type ListeningApp, listenBuiltApp } from "../support/app.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// A plain volunteer named trainer takes attendance on a phone with the keyboard alone; the person
// who completes the course gets its skill and claims a shift that asked for it. Also: attendance
// without JavaScript, the printable sign-in sheet, a course-only skill refused on /account/skills,
// and marking a skill course-only. Every page is checked with axe and the Nu HTML Checker.

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function makeWorld() {
  const db = database.db;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const region = await createRegion(db, { name: "Regio Brugge" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Brugge" });
  const town = await createMunicipality(db, { regionId: region.id, name: "Brugge" });
  const punt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Biekorf",
  });
  const person = async (email: string, name: string) => {
    const user = await createUser(db, { email, name, passwordHash });
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    return user;
  };
  const trainer = await person("tom@test.digihelpers.example", "Tom Trainer");
  const lies = await person("lies@test.digihelpers.example", "Lies Claes");
  const bram = await person("bram@test.digihelpers.example", "Bram Aerts");
  const coordinator = await createUser(db, {
    email: "coord@test.digihelpers.example",
    name: "Pieter Coördinator",
    passwordHash,
  });
  await assignRole(db, { userId: coordinator.id, role: "coordinator", digibankId: bank.id });
  // Only a course grants it: Lies cannot tick it herself.
  await db
    .updateTable("skills")
    .set({ course_only: true })
    .where("code", "=", "tax_on_web")
    .execute();
  const now = Date.now();
  const course = await createCourse(db, {
    regionId: region.id,
    digibankId: bank.id,
    title: "Tax-on-web uitleggen",
    // One session two days ago, one that starts in half an hour (attendance is open).
    sessions: [new Date(now - 2 * DAY), new Date(now + 30 * MINUTE)],
    enrolOpensAt: new Date(now - 20 * DAY),
    enrolClosesAt: new Date(now - 3 * DAY),
    digipuntId: punt.id,
    grantsSkillCodes: ["tax_on_web"],
    trainerUserIds: [trainer.id],
  });
  for (const who of [lies, bram])
    await createEnrolment(db, { courseId: course.id, userId: who.id });
  const shift = await createShift(db, {
    digipuntId: punt.id,
    startsAt: localInstant(addDays(localToday(), 4), "09:00"),
    endsAt: localInstant(addDays(localToday(), 4), "12:00"),
    requiredSkillId: await skillId(db, "tax_on_web"),
  });
  return { trainer, lies, bram, coordinator, course, shift };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "course-training-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

/** Presses Tab until the focused element's text matches, as someone without a mouse would. */
async function tabTo(page: Page, matches: (text: string) => boolean) {
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? "",
    );
    if (matches(text)) return;
  }
  throw new Error("Tab never reached the element");
}

async function present(sessionId: number, userId: number) {
  const row = await database.db
    .selectFrom("course_attendance")
    .select("present")
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.present ?? null;
}

describe.runIf(browserAvailable)("taking attendance and earning a skill", () => {
  it("a trainer (no coordinator) ticks by keyboard at 390 px; the volunteer then claims a shift that needed the earned skill", async () => {
    const { course, lies, trainer, shift } = world;
    const [first, second] = course.sessions;
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, trainer.email);

    // The home page tells the trainer where attendance is to be taken.
    await visit(page, base + "/");
    const card = page.getByRole("region", { name: "Aanwezigheden aanduiden" });
    await expect(card.getByRole("link", { name: /Tax-on-web uitleggen/ }).count()).resolves.toBe(1);

    await visit(page, `${base}/courses/train/${course.id}?session=${first!.id}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading.textContent()).resolves.toBe("Tax-on-web uitleggen");
    // On the first screen of a phone: what the page is for.
    await expect(heading.isVisible()).resolves.toBe(true);
    expect((await heading.boundingBox())!.y).toBeLessThan(PHONE.height);

    await tabTo(page, (text) => text.startsWith("Lies Claes"));
    await page.keyboard.press("Enter");
    await page.getByText("Lies Claes is aanwezig.").waitFor();
    expect(new URL(page.url()).hash).toBe(`#person-${lies.id}`);
    expect(await present(first!.id, lies.id)).toBe(true);
    await expect(
      page.locator(`#person-${lies.id} button`).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await expectAccessible(page);

    // To the second session, by keyboard too.
    await tabTo(page, (text) => text.startsWith("Sessie 2"));
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.search === `?session=${second!.id}`);
    await page.waitForLoadState("networkidle");
    await tabTo(page, (text) => text.startsWith("Lies Claes"));
    await page.keyboard.press("Enter");
    await page.getByText(/Lies Claes is aanwezig en heeft de vorming voltooid/).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();

    // Lies sees the skill as earned, dated, the course named; and claims the shift.
    const learner = await newContext(browser, { viewport: PHONE });
    const mine = await learner.context.newPage();
    await signIn(mine, base, lies.email);
    await visit(mine, base + "/account/skills");
    const earned = mine.getByRole("region", { name: "Verdiend in een vorming" });
    await expect(earned.textContent()).resolves.toMatch(
      /Tax-on-web.*Verdiend op .* in de vorming Tax-on-web uitleggen/,
    );
    await visit(mine, `${base}/shifts/${shift.id}`);
    await mine.getByRole("button", { name: "Ik help mee" }).click();
    await mine.getByText("Gelukt: je staat op deze dienst.").waitFor();
    const claim = await database.db
      .selectFrom("shift_claims")
      .select("status")
      .where("shift_id", "=", shift.id)
      .where("user_id", "=", lies.id)
      .executeTakeFirstOrThrow();
    expect(claim.status).toBe("confirmed");
    expect(learner.problems).toEqual([]);
    await learner.context.close();
  });

  it("works without JavaScript: each tap is a form post that comes back to the person", async () => {
    const { course, bram, trainer } = world;
    const [first] = course.sessions;
    const { context } = await newContext(browser, { viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, trainer.email);
    await page.goto(`${base}/courses/train/${course.id}?session=${first!.id}`);
    await page.locator(`#person-${bram.id} button`).click();
    await page.getByText("Bram Aerts is aanwezig.").waitFor();
    expect(new URL(page.url()).hash).toBe(`#person-${bram.id}`);
    expect(await present(first!.id, bram.id)).toBe(true);
    // And again: un-ticked.
    await page.locator(`#person-${bram.id} button`).click();
    await page.getByText("Bram Aerts is niet meer aangeduid.").waitFor();
    expect(await present(first!.id, bram.id)).toBe(false);
    await context.close();
  });

  it("prints a sign-in sheet: the names and an empty signature column, with a print stylesheet", async () => {
    const { course, trainer } = world;
    const [first] = course.sessions;
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, trainer.email);
    await visit(page, `${base}/courses/train/${course.id}/sheet?session=${first!.id}`);
    const table = page.locator("table.sign-in-sheet");
    await expect(table.locator("thead th").allTextContents()).resolves.toEqual([
      "Nr.",
      "Naam",
      "Handtekening",
    ]);
    const rows = table.locator("tbody tr");
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.locator("td:nth-child(2)").allTextContents()).resolves.toEqual([
      "Bram Aerts",
      "Lies Claes",
    ]);
    await expect(rows.locator("td:nth-child(3)").allTextContents()).resolves.toEqual(["", ""]);
    // Printed: the site's header and the hints are left out, the sheet stays.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header").isVisible()).resolves.toBe(false);
    await expect(page.getByText(/afdrukknop/).isVisible()).resolves.toBe(false);
    await expect(table.isVisible()).resolves.toBe(true);
    const printRules = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) =>
        [...sheet.cssRules].some(
          (rule) => rule instanceof CSSMediaRule && rule.media.mediaText === "print",
        ),
      ),
    );
    expect(printRules).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a course-only skill not as a tick box, and refuses a crafted post of it with a clear message, writing nothing", async () => {
    const { bram } = world;
    const { context } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, bram.email);
    await visit(page, base + "/account/skills");
    await expect(page.locator("#skill-tax_on_web").count()).resolves.toBe(0);
    await expect(
      page.getByRole("region", { name: "Alleen via een vorming" }).textContent(),
    ).resolves.toContain("Tax-on-web");
    const before = await snapshotCounts(database, ["volunteer_skills"]);
    // A crafted request: the box put back into the form.
    await page.evaluate(() => {
      const form = document.querySelector("fieldset.choices")!.closest("form")!;
      form.insertAdjacentHTML(
        "beforeend",
        '<input type="hidden" name="skill" value="tax_on_web"><input type="hidden" name="skill" value="eid">',
      );
    });
    await page.getByRole("button", { name: "Vaardigheden bewaren" }).click();
    await page
      .getByText(/Tax-on-web en MyMinfin kan je niet zelf aanvinken.*Er is niets bewaard/)
      .waitFor();
    // The same as a plain form post, outside the page: a 4xx that says why.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const response = await page.request.post(base + "/account/skills", {
      form: { csrf, skill: "tax_on_web" },
      headers: { Origin: base },
    });
    expect(response.status()).toBe(422);
    expect(await response.text()).toContain("kan je niet zelf aanvinken");
    expect(await snapshotCounts(database, ["volunteer_skills"])).toEqual(before);
    await expectAccessible(page);
    await context.close();
  });

  it("a coordinator marks a skill as only granted by a course", async () => {
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, world.coordinator.email);
    await visit(page, base + "/courses/skills");
    await page.locator("#skill-e_banking button").click();
    await page.getByText(/Online bankieren kan nu alleen via een vorming/).waitFor();
    const row = await database.db
      .selectFrom("skills")
      .select("course_only")
      .where("code", "=", "e_banking")
      .executeTakeFirstOrThrow();
    expect(row.course_only).toBe(true);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
