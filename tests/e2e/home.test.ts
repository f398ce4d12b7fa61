import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  type Page,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { startDemoServer } from "../support/server.ts";

// The home page per role on a phone (390 by 844): the first screen shows the next step, and the
// page promises nothing that is not built.

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
let browser: Browser;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

beforeAll(async () => {
  if (!browserAvailable) return;
  app = await startDemoServer();
  base = app.server.url;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(email: string | null) {
  const { context, problems } = await newContext(browser, PHONE);
  const page = await context.newPage();
  if (email) {
    await visit(page, base + "/login");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill("Digibank-demo-2026");
    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "Aanmelden", exact: true }).click(),
    ]);
  }
  await visit(page, base + "/");
  return { context, problems, page };
}

/** The card headings, in order, and whether the first one lies on the first screen. */
async function cards(page: Page) {
  const headings = page.locator(".home-cards > li h2");
  const box = await headings.first().boundingBox();
  return {
    titles: await headings.allTextContents(),
    firstOnScreen: box !== null && box.y + box.height <= 844,
  };
}

describe.runIf(browserAvailable)("the home page per role, on a phone", () => {
  it("tells a visitor what the platform is and how to join or sign in", async () => {
    const { context, problems, page } = await open(null);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Digihelpers: help mensen mee met digitaal",
    );
    const { titles, firstOnScreen } = await cards(page);
    expect(titles).toEqual(["Word digihelper"]);
    expect(firstOnScreen).toBe(true);
    await expect(
      page.getByRole("link", { name: "Ik wil meedoen" }).getAttribute("href"),
    ).resolves.toBe("/join");
    await expect(
      page.getByRole("link", { name: "Ben je al digihelper? Meld je aan" }).getAttribute("href"),
    ).resolves.toBe("/login");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a volunteer their shifts and the ones that still need help", async () => {
    const { context, problems, page } = await open("volunteer@digihelpers.example");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/^Dag /);
    const { titles, firstOnScreen } = await cards(page);
    // The demo volunteer also teaches a running course: where to take attendance next.
    expect([...titles].sort()).toEqual([
      "Aanwezigheden aanduiden",
      "Diensten die nog hulp nodig hebben",
      // The demo region's board has posts.
      "Gemeenschap",
      // One recent worked shift of the demo volunteer has no report yet.
      "Hoe ging je dienst?",
      "Jouw volgende diensten",
      // What their past shifts add up to.
      "Mijn ervaring",
      // The demo volunteer's invitation to the Dag van de Digibank waits for an answer.
      "Uitnodigingen",
    ]);
    expect(firstOnScreen).toBe(true);
    await expect(
      page
        .locator("section[aria-labelledby=card-attendance_to_take] a[href^='/courses/train/']")
        .count(),
    ).resolves.toBe(1);
    // The demo world has shifts with room: each is a link to its page, where it is claimed.
    const links = page.locator("section[aria-labelledby=card-open_shifts] a[href^='/shifts/']");
    await expect(links.count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a coordinator this week's understaffed shifts, release and join requests", async () => {
    const { context, problems, page } = await open("coordinator@digihelpers.example");
    const { titles, firstOnScreen } = await cards(page);
    expect(titles).toEqual([
      // Invited to the region's Dag van de Digibank, like every coordinator of the region.
      "Uitnodigingen",
      "Deze week nog digihelpers nodig",
      "Vragen om vrij te geven",
      "Aanvragen om mee te doen",
      "Rapporten",
      "Gemeenschap",
    ]);
    expect(firstOnScreen).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows regional staff their region's figures", async () => {
    const { context, problems, page } = await open("staff@digihelpers.example");
    const { titles, firstOnScreen } = await cards(page);
    // The region's Dag van de Digibank, which the demo staff member organises, comes first.
    expect(titles).toEqual([
      "Bijeenkomsten die je organiseert",
      "Cijfers van je regio",
      "Rapporten",
      "Gemeenschap",
    ]);
    expect(firstOnScreen).toBe(true);
    await page.getByRole("heading", { name: "Referentieregio Brugge" }).waitFor();
    await expect(
      page.getByText(/^\d+ digibanken, \d+ digipunten en \d+ digihelpers\.$/).count(),
    ).resolves.toBe(1);
    await page.getByRole("table", { name: /Referentieregio Brugge/ }).waitFor();
    // This month's figures of the reports, linking to them.
    await expect(
      page.getByText(/^Deze maand: \d+ mensen geholpen, \d+% van de plaatsen bezet\.$/).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole("link", { name: "Naar de rapporten" }).getAttribute("href"),
    ).resolves.toBe("/reports");
    expect(problems).toEqual([]);
    await context.close();
  });
});
