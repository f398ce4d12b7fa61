import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/modules/auth/password.server.ts";
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

// What a volunteer sees after acting on a shift: the shift as it is now and only the message of
// that action, shown where they acted (on a phone too), read out by screen readers. The race is
// seen from the losing page: two volunteers, one place, and the other takes it first.

const PASSWORD = "Een-lang-wachtwoord-2026";
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

/** The Monday of the week after next, so every shift below lies in the future and in one week. */
function mondayAhead() {
  const today = localToday();
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(today, 14 - weekday);
}

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
  const passwordHash = await hashPassword(PASSWORD);
  const mieke = await createUser(db, { name: "Mieke Vandamme", passwordHash });
  const jan = await createUser(db, { name: "Jan Peeters", passwordHash });
  for (const user of [mieke, jan])
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });

  const monday = mondayAhead();
  // A full week of shifts, two a day, so the last ones sit far down the list on a phone.
  const week = [];
  for (let day = 0; day < 7; day++) {
    for (const [start, end] of [
      ["09:00", "12:00"],
      ["13:00", "16:00"],
    ] as const) {
      const date = addDays(monday, day);
      week.push(
        await createShift(db, {
          digipuntId: punt.id,
          startsAt: localInstant(date, start),
          endsAt: localInstant(date, end),
          capacity: 1,
        }),
      );
    }
  }
  // One place each, on their own days, for the shift page.
  const single = await createShift(db, {
    digipuntId: punt.id,
    startsAt: localInstant(addDays(monday, 8), "09:00"),
    endsAt: localInstant(addDays(monday, 8), "12:00"),
    capacity: 1,
  });
  return { mieke, jan, monday, week, single };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "shift-outcomes-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

async function volunteerPage(email: string, options: Parameters<typeof newContext>[1] = {}) {
  const { context, problems } = await newContext(browser, options);
  const page = await context.newPage();
  await signIn(page, base, email, { password: PASSWORD });
  return { context, problems, page };
}

/** The other volunteer takes the shift's last place on their own phone, through the list page. */
async function janClaims(shiftId: number) {
  const jan = await volunteerPage(world.jan.email, PHONE);
  await visit(jan.page, `${base}/shifts/${shiftId}`);
  await jan.page.getByRole("button", { name: "Ik help mee" }).click();
  await jan.page.getByRole("status").getByText("Gelukt: je staat op deze dienst.").waitFor();
  await jan.context.close();
}

const listOfWeek = () => `${base}/shifts/list?week=${world.monday}`;
const itemOf = (page: Page, shiftId: number) => page.locator(`li#shift-${shiftId}`);

/** Whether the element lies wholly inside the viewport as it is scrolled now. */
async function inViewport(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
  });
}

describe.runIf(browserAvailable)("the outcome of an action on a shift", () => {
  it("on the shift page: a lost race shows only the refusal and the shift as full now", async () => {
    const { context, problems, page } = await volunteerPage(world.mieke.email);
    const shift = world.single.id;
    await visit(page, `${base}/shifts/${shift}`);
    // An earlier success on this page: claimed, then released again.
    await page.getByRole("button", { name: "Ik help mee" }).click();
    await page.getByRole("status").getByText("Gelukt: je staat op deze dienst.").waitFor();
    expect(page.url()).toBe(`${base}/shifts/${shift}`);
    await page.getByRole("button", { name: "Geef deze dienst vrij" }).click();
    await page.getByRole("status").getByText("Je hebt de dienst vrijgegeven.").waitFor();
    await page.getByText("Nog 1 plaats").waitFor();

    await janClaims(shift);
    // Mieke's page still offers the place that is gone.
    await page.getByRole("button", { name: "Ik help mee" }).click();
    await page.getByRole("alert").getByText("Deze dienst is volzet.", { exact: false }).waitFor();
    // The page tells the shift as it is now, and only this action's message.
    await expect(page.locator(".shift-state").textContent()).resolves.toContain("Volzet");
    await expect(page.getByRole("button", { name: "Ik help mee" }).count()).resolves.toBe(0);
    await expect(
      page.getByRole("button", { name: "Zet mij op de reservelijst" }).count(),
    ).resolves.toBe(1);
    await expect(page.getByText("Gelukt", { exact: false }).count()).resolves.toBe(0);
    await expect(page.getByText("Je hebt de dienst vrijgegeven.").count()).resolves.toBe(0);
    await expect(page.getByRole("status").count()).resolves.toBe(0);
    await expectAccessible(page);
    // A reload does not show the message again.
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("alert").count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("on the list, on a phone: the refusal shows at the shift tapped, in view and read out", async () => {
    const { context, problems, page } = await volunteerPage(world.mieke.email, PHONE);
    const first = world.week[0]!.id;
    const last = world.week.at(-1)!.id;
    await visit(page, listOfWeek());
    // An earlier success on this page, at the top of the week.
    await itemOf(page, first)
      .getByRole("button", { name: /^Ik help mee/ })
      .click();
    await itemOf(page, first)
      .getByRole("status")
      .getByText("Gelukt: je staat op deze dienst.")
      .waitFor();

    // Down to the last shift of the week, as a thumb would scroll; then Jan takes it.
    await itemOf(page, last).scrollIntoViewIfNeeded();
    expect(await inViewport(page, "h1")).toBe(false);
    await janClaims(last);
    await itemOf(page, last)
      .getByRole("button", { name: /^Ik help mee/ })
      .tap();

    const refusal = itemOf(page, last).getByRole("alert");
    await refusal.getByText("Deze dienst is volzet.", { exact: false }).waitFor();
    expect(await inViewport(page, `li#shift-${last} [role=alert]`)).toBe(true);
    // Only this action's message, and the shift as it is now: full, with the reserve list.
    await expect(page.locator(".outcome").count()).resolves.toBe(1);
    await expect(page.getByText("Gelukt", { exact: false }).count()).resolves.toBe(0);
    await expect(itemOf(page, last).locator(".shift-state").textContent()).resolves.toContain(
      "Volzet",
    );
    await expect(
      itemOf(page, last)
        .getByRole("button", { name: /^Ik help mee/ })
        .count(),
    ).resolves.toBe(0);
    await expect(
      itemOf(page, last)
        .getByRole("button", { name: /^Zet mij op de reservelijst/ })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("on the list without JavaScript: the page opens at the shift with its message", async () => {
    const { context, page } = await volunteerPage(world.mieke.email, {
      ...PHONE,
      javaScriptEnabled: false,
    });
    const shift = world.week.at(-2)!.id;
    await page.goto(listOfWeek());
    await itemOf(page, shift).scrollIntoViewIfNeeded();
    await createClaim(database.db, { shiftId: shift, userId: world.jan.id });
    await itemOf(page, shift)
      .getByRole("button", { name: /^Ik help mee/ })
      .tap();
    await page.waitForURL(new RegExp(`#shift-${shift}$`));
    await itemOf(page, shift).getByRole("alert").getByText("volzet", { exact: false }).waitFor();
    expect(await inViewport(page, `li#shift-${shift} [role=alert]`)).toBe(true);
    await expect(itemOf(page, shift).locator(".shift-state").textContent()).resolves.toContain(
      "Volzet",
    );
    await context.close();
  });

  it("answers a shift that does not exist inside the site, with the way back to the shifts", async () => {
    const { context, problems, page } = await volunteerPage(world.mieke.email);
    const response = await visit(page, `${base}/shifts/999999`);
    expect(response?.status()).toBe(404);
    // The site's header and menu stay.
    await expect(
      page.locator(".site-header").getByRole("link", { name: "Diensten" }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Deze pagina bestaat niet",
    );
    await page
      .getByText("Deze dienst bestaat niet, of hoort niet bij jouw digibank.", {
        exact: false,
      })
      .waitFor();
    await expect(page.title()).resolves.toBe("Deze pagina bestaat niet · Digihelpers");
    await page.getByRole("link", { name: "Terug naar de diensten" }).click();
    await page.waitForURL(`${base}/shifts/list`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
