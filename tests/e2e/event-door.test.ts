import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createEventGuest,
  createEventInvitation,
  createRegion,
  createUser,
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
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The organiser on the day, on a phone, with the keyboard alone: the event's page, then the door
// list: search a name, check them in, undo it; a walk-in who said maybe is found and checked in
// too. The printed list leaves out the site's navigation and the search. Every page is checked
// with axe (on screen and for print) and the Nu HTML Checker.

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

const PHONE = { width: 390, height: 844 };

async function makeWorld() {
  const db = database.db;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const region = await createRegion(db, { name: "Regio Brugge" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Brugge" });
  const staff = await createUser(db, {
    email: "hanne@test.digihelpers.example",
    name: "Hanne Verstraete",
    passwordHash,
  });
  await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
  const event = await createEvent(db, {
    regionId: region.id,
    title: "Dag van de Digibank",
    // Today, in an hour: the door opens.
    startsAt: new Date(Date.now() + 3600_000),
    answerDeadline: new Date(Date.now() - 24 * 3600_000),
    maxPlusOnes: 1,
    questions: [{ kind: "choice", label: "Lunch", choices: ["Vlees", "Vegetarisch"] }],
  });
  const person = async (name: string) => {
    const user = await createUser(db, { name });
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    return user;
  };
  const lunch = String(event.questions[0]!.id);
  const anna = await createEventInvitation(db, {
    eventId: event.id,
    userId: (await person("Anna Aerts")).id,
    response: "yes",
    plusOnes: 1,
    answers: { [lunch]: "Vegetarisch" },
  });
  const bram = await createEventInvitation(db, {
    eventId: event.id,
    userId: (await person("Bram Peeters")).id,
    response: "yes",
    answers: { [lunch]: "Vlees" },
  });
  const carla = await createEventInvitation(db, {
    eventId: event.id,
    userId: (await person("Carla Claes")).id,
    response: "maybe",
  });
  const guest = await createEventGuest(db, { eventId: event.id, name: "Gust Gemeente" });
  await createEventInvitation(db, { eventId: event.id, guestId: guest.id, response: "yes" });
  return { staff, event, anna, bram, carla };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "event-door-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

/**
 * Presses Tab until the focused element matches the selector (and starts with the text), as
 * someone without a mouse would.
 */
async function tabUntil(page: Page, selector: string, text = "") {
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press("Tab");
    const reached = await page.evaluate(
      ([selector, text]) => {
        const el = document.activeElement;
        return Boolean(el?.matches(selector) && el.textContent?.trim().startsWith(text));
      },
      [selector, text] as const,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${selector} ${text}`);
}

async function attendedAt(invitationId: number) {
  const row = await database.db
    .selectFrom("event_invitations")
    .select("attended_at")
    .where("id", "=", invitationId)
    .executeTakeFirstOrThrow();
  return row.attended_at;
}

describe.runIf(browserAvailable)("the door list", () => {
  it("the organiser checks someone in and undoes it by keyboard at 390 px; a walk-in too", async () => {
    const { event, bram, carla } = world;
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, base, world.staff.email);

    // The event's page: its figures and answers, first screen says what it is.
    await visit(page, `${base}/events/manage/${event.id}`);
    const title = page.getByRole("heading", { level: 1 });
    await expect(title.textContent()).resolves.toBe("Dag van de Digibank");
    expect((await title.boundingBox())!.y).toBeLessThan(PHONE.height);
    await expect(page.getByText("Vegetarisch: 1 persoon").count()).resolves.toBe(1);
    await visit(page, `${base}/events/manage/${event.id}?answer=maybe`);
    await expect(
      page.locator(".invitee-list li", { hasText: "Carla Claes" }).count(),
    ).resolves.toBe(1);
    await expect(
      page.locator(".invitee-list li", { hasText: "Bram Peeters" }).count(),
    ).resolves.toBe(0);

    // On to the door list, by keyboard.
    await visit(page, `${base}/events/manage/${event.id}`);
    await tabUntil(page, "a", "Aanwezigheidslijst");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/door$/);
    // The address changes before the new page is drawn: wait for its heading itself.
    const heading = page.getByRole("heading", {
      level: 1,
      name: "Aanwezigheidslijst: Dag van de Digibank",
      exact: true,
    });
    await heading.waitFor();
    await page.waitForLoadState("networkidle");
    expect((await heading.boundingBox())!.y).toBeLessThan(PHONE.height);
    await expectAccessible(page);
    // Alphabetically, everyone who said yes (with the plus-one), not the maybe.
    const names = await page.locator(".door-list tbody th").allTextContents();
    expect(names.map((n) => n.split(" (")[0]!.split(" · ")[0])).toEqual([
      "Anna Aerts",
      "Bram Peeters",
      "Gust Gemeente",
    ]);
    expect(names[0]).toContain("(+1)");

    // Search by keyboard, check in, undo.
    await tabUntil(page, "#door-q");
    await page.keyboard.type("bram");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "bram");
    // The address changes before the new list is drawn: wait for the list itself.
    await expect.poll(() => page.locator(".door-list tbody tr").count()).toBe(1);
    await tabUntil(page, "button", "Aangekomen");
    await page.keyboard.press("Enter");
    await page.getByText("Bram Peeters is aangekomen.").waitFor();
    expect(new URL(page.url()).hash).toBe(`#guest-${bram.id}`);
    expect(new URL(page.url()).searchParams.get("q")).toBe("bram");
    expect(await attendedAt(bram.id)).not.toBeNull();
    await expect(page.locator(`#guest-${bram.id} .door-list__tick`).textContent()).resolves.toBe(
      "✓",
    );
    // The focus stays at the row: the next Tab is its undo.
    await page.keyboard.press("Tab");
    await expect(
      page.evaluate(() => document.activeElement?.textContent?.trim() ?? ""),
    ).resolves.toMatch(/^Ongedaan maken/);
    await expectAccessible(page);
    await page.keyboard.press("Enter");
    await page.getByText("Bram Peeters staat weer als niet aangekomen.").waitFor();
    expect(await attendedAt(bram.id)).toBeNull();

    // A walk-in who said maybe: found with the toggle, checked in the same way.
    await visit(page, `${base}/events/manage/${event.id}/door`);
    await tabUntil(page, "#door-q");
    await page.keyboard.type("carla");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("everyone") === "1");
    // The address changes before the new list is drawn, and the old one has buttons of its own:
    // wait for the walk-in's row itself.
    await expect
      .poll(() => page.locator(".door-list tbody th").allTextContents())
      .toEqual([expect.stringContaining("Carla Claes")]);
    await tabUntil(page, "button", "Aangekomen");
    await page.keyboard.press("Enter");
    await page.getByText("Carla Claes is aangekomen.").waitFor();
    expect(await attendedAt(carla.id)).not.toBeNull();
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("prints only the list with a tick column: no navigation, no search, no buttons", async () => {
    const { event } = world;
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, world.staff.email);
    await visit(page, `${base}/events/manage/${event.id}/door`);
    await expect(page.locator("nav").first().isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    for (const hidden of ["header", "nav", "footer", ".door-search", ".door-list button"])
      for (const element of await page.locator(hidden).all())
        await expect(element.isVisible(), hidden).resolves.toBe(false);
    await expect(page.locator(".door-list").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("columnheader", { name: "✓" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("rowheader", { name: /Anna Aerts/ }).isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
