import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
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

    await visit(page, base + "/login?redirectTo=/planning");
    await page.getByLabel("E-mailadres").fill("coordinator@digihelpers.example");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL(base + "/planning"),
      page.getByRole("button", { name: "Aanmelden" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
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

    await page
      .getByLabel("Digipunt", { exact: true })
      .selectOption({ label: "Bibliotheek Biekorf (Digibank Brugge)" });
    await page.getByLabel("Elke week", { exact: true }).check();
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
      page.waitForURL((url) => url.pathname === "/planning" && url.searchParams.has("notice")),
      page.getByRole("button", { name: "Dienst maken" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByText(`De diensten zijn gemaakt (${expected.length} diensten).`).waitFor();

    const rows = page.getByRole("row").filter({ hasText: "Bibliotheek Biekorf" });
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
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("notice") === "saved"),
      page.getByRole("button", { name: "Wijziging opslaan" }).click(),
    ]);
    await page.getByText("De wijziging is opgeslagen.").waitFor();
    await visit(page, `${base}/planning?from=${first}&to=${last}`);
    const moved = page.getByRole("row").filter({ hasText: "Bibliotheek Biekorf" });
    for (let i = 0; i < expected.length; i++)
      await expect(moved.nth(i).textContent()).resolves.toContain("14:00");

    for (const path of ["/planning/digipunten", "/planning/digipunten/new", "/planning/reports"])
      await visit(page, base + path);
    expect(problems).toEqual([]);
    await context.close();
  });
});
