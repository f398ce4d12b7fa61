import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/schema.ts";
import { DEMO_PASSWORD, seedDemoWorld } from "../../db/seed.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { openDatabase } from "~/utils/db.server.ts";
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
import { type RunningServer, startServer, temporaryDataDir } from "../support/server.ts";
import {
  assignRole,
  createClaim,
  createDigipunt,
  createShift,
  createUser,
} from "../factories/index.ts";

// A volunteer files a shift report on a phone-sized screen by keyboard alone: from the home page's
// "Hoe ging je dienst?" card to the form, sees the warning when the reflection holds a phone
// number, fixes it and saves. A French reader sees the page in French; the coordinator's page of
// the shift's reports passes the same checks. Every page goes through axe and the Nu checker.

const VOLUNTEER = "volunteer@digihelpers.example";
const COORDINATOR = "coordinator@digihelpers.example";
const FRENCH = "francoise.report@digihelpers.example";
const PHONE = { width: 390, height: 844 };

let server: RunningServer;
let cleanup: () => Promise<void>;
let browser: Browser;
let base: string;
let shiftId: number;

/** The demo world, plus a shift of yesterday evening that the demo volunteer and a French one worked. */
async function addWorkedShift(db: Kysely<DB>) {
  const volunteer = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", VOLUNTEER)
    .executeTakeFirstOrThrow();
  const coordinator = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", COORDINATOR)
    .executeTakeFirstOrThrow();
  // A digibank both work for.
  const bank = await db
    .selectFrom("role_assignments as v")
    .innerJoin("role_assignments as c", "c.digibank_id", "v.digibank_id")
    .innerJoin("digipunten as p", "p.digibank_id", "v.digibank_id")
    .select(["v.digibank_id as digibankId", "p.municipality_id as municipalityId"])
    .where("v.user_id", "=", volunteer.id)
    .where("v.role", "=", "volunteer")
    .where("c.user_id", "=", coordinator.id)
    .executeTakeFirstOrThrow();
  const digipunt = await createDigipunt(db, {
    digibankId: bank.digibankId!,
    municipalityId: bank.municipalityId,
    name: "Buurthuis De Verslagen",
  });
  // Yesterday, late in the evening: no other demo shift overlaps it.
  const startsAt = new Date(Date.now() - 24 * 3600_000);
  startsAt.setUTCHours(20, 0, 0, 0);
  const shift = await createShift(db, {
    digipuntId: digipunt.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    capacity: 3,
  });
  const french = await createUser(db, {
    email: FRENCH,
    name: "Françoise Rapport",
    language: "fr",
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await assignRole(db, { userId: french.id, role: "volunteer", digibankId: bank.digibankId });
  await createClaim(db, { shiftId: shift.id, userId: volunteer.id });
  await createClaim(db, { shiftId: shift.id, userId: french.id });
  return shift.id;
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    const { createTestDatabase } = await import("../support/database.ts");
    const database = await createTestDatabase();
    await seedDemoWorld(database.db);
    shiftId = await addWorkedShift(database.db);
    server = await startServer({ DATABASE_URL: database.url! });
    cleanup = async () => {
      await server.stop();
      await database.destroy();
    };
  } else {
    const dataDir = temporaryDataDir();
    const handle = await openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    await seedDemoWorld(handle.db);
    shiftId = await addWorkedShift(handle.db);
    await handle.close();
    server = await startServer({ DATA_DIR: dataDir });
    cleanup = async () => {
      await server.stop();
    };
  }
  base = server.url;
  if (browserAvailable) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await cleanup?.();
});

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Replaces the focused field's text, by keyboard. */
async function retype(page: Page, text: string) {
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

describe.skipIf(!browserAvailable)("filing a shift report in Chromium", () => {
  it("a volunteer on a phone files a report by keyboard, warned about a phone number first", async () => {
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, VOLUNTEER);
    await visit(page, `${base}/`);
    const href = `/shifts/${shiftId}/report`;
    await expect(page.getByRole("heading", { name: "Hoe ging je dienst?" }).count()).resolves.toBe(
      1,
    );

    await tabTo(page, `a[href="${href}"]`);
    await Promise.all([page.waitForURL(`${base}${href}`), page.keyboard.press("Enter")]);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    // The first screen says what the page is for.
    const heading = page.getByRole("heading", { level: 1, name: "Verslag van een dienst" });
    const box = await heading.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(PHONE.height);
    await expect(
      page.getByText("Schrijf niets over de mensen die je hielp").count(),
    ).resolves.toBeGreaterThan(0);
    // Prefilled with the shift's length: an hour and a half.
    expect(await page.inputValue("#report-hours")).toBe("1");
    expect(await page.inputValue("#report-minutes")).toBe("30");

    await tabTo(page, "#report-peopleHelped");
    await retype(page, "7");
    await tabTo(page, "#report-topic-eid");
    await page.keyboard.press("Space");
    await tabTo(page, "#report-topic-other");
    await page.keyboard.press("Space");
    await tabTo(page, "#report-otherTopic");
    await page.keyboard.type("Een treinticket kopen");
    await tabTo(page, "#report-referrals");
    await retype(page, "1");
    await tabTo(page, "#report-reflection");
    await page.keyboard.type("Mevrouw vroeg me terug te bellen op 0470 12 34 56.");

    const warning = page.locator("#report-reflection-warning");
    await warning.getByText("telefoonnummer").waitFor();
    await expectAccessible(page);

    await retype(page, "Een mevrouw leerde itsme gebruiken. Ze was heel blij.");
    await warning.getByText("telefoonnummer").waitFor({ state: "detached" });

    await tabTo(page, 'main form button[type="submit"]');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.keyboard.press("Enter"),
    ]);
    await page.getByText("Bedankt! Je verslag is bewaard.").waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await expect(page.getByText(/Je vulde dit verslag in op/).count()).resolves.toBe(1);
    expect(await page.inputValue("#report-peopleHelped")).toBe("7");
    expect(await page.inputValue("#report-otherTopic")).toBe("Een treinticket kopen");
    expect(await page.isChecked("#report-topic-eid")).toBe(true);

    // The home page no longer asks for it.
    await visit(page, `${base}/`);
    expect(await page.locator(`a[href="${href}"]`).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a French reader sees French, and the server's refusal of an email address keeps the text", async () => {
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, FRENCH);
    // Loaded and hydrated before typing: a keystroke during hydration is not what is tested here.
    await visit(page, `${base}/shifts/${shiftId}/report`);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await page.getByRole("heading", { level: 1, name: "Rapport de permanence" }).waitFor();
    await page.getByLabel("Combien de personnes avez-vous aidées ?").fill("3");
    const text = "Écrire à jean.dupont@exemple.be pour la suite.";
    await page.getByLabel("Autre chose à dire ? (facultatif)").fill(text);
    await page.getByRole("button", { name: "Enregistrer le rapport" }).click();
    // The server's message beside the field (the warning as one types says it too).
    await page
      .locator("#report-reflection-error")
      .getByText("Ceci ressemble à une adresse e-mail.")
      .waitFor();
    await page.locator("#report-reflection-warning").getByText("adresse e-mail").waitFor();
    await expectAccessible(page);
    expect(await page.inputValue("#report-reflection")).toBe(text);
    expect(await page.inputValue("#report-peopleHelped")).toBe("3");
    // The refusal is a 400 answer, which the browser logs; nothing else may be.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });

  it("the coordinator's page of the shift's reports lists the report and records one by name", async () => {
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, COORDINATOR);
    await visit(page, `${base}/planning/shifts/${shiftId}`);
    await page.getByRole("link", { name: "Verslagen van deze dienst" }).click();
    await page.waitForURL(`${base}/planning/shifts/${shiftId}/reports`);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByRole("cell", { name: "Een treinticket kopen", exact: false }).waitFor();
    await page.getByLabel("Iemand die niet met Digihelpers werkt").check();
    await page.getByLabel("Naam van die vrijwilliger").fill("Jef Buiten");
    await page.getByLabel("Hoeveel mensen heb je geholpen?").fill("2");
    await page.getByRole("button", { name: "Verslag bewaren" }).click();
    await page.getByText("Het verslag is bewaard.").waitFor();
    await page.getByRole("rowheader", { name: "Jef Buiten" }).waitFor();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
