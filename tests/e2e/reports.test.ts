import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { HttpClient } from "../support/http.ts";
import { startDemoServer } from "../support/server.ts";

// The funder's reports against the running demo app: bad filters answer a 400 with a message in
// the reader's language (another digibank a 404); a coordinator opens last month's report on a
// phone-sized screen, reads a chart's data table and downloads the CSV with the same figures.

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
beforeAll(async () => {
  app = await startDemoServer();
  base = app.server.url;
});
afterAll(() => app?.close());

const COORDINATOR = "coordinator@digihelpers.example";

async function signedIn(email: string) {
  const client = new HttpClient(base);
  const response = await client.post("/login", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(302);
  return client;
}

describe("bad filters", () => {
  let client: HttpClient;
  beforeAll(async () => {
    client = await signedIn(COORDINATOR);
  });

  it.each([
    ["an impossible date", "period=range&from=2027-02-30&to=2027-03-05", "Die datum bestaat niet."],
    [
      "from after to",
      "period=range&from=2026-05-01&to=2026-04-01",
      "De einddatum ligt voor de begindatum.",
    ],
    ["a digibank id past the int range", "digibank=2147483648", "Die digibank bestaat niet."],
    ["a NUL character", "period=month&month=2026-10%00", "tekens die er niet in horen"],
    ["a year of five digits", "period=year&year=20266", "Schrijf het jaar met vier cijfers"],
  ])("%s: a 400 with a message in Dutch", async (_name, query, message) => {
    const response = await client.get(`/reports?${query}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
  });

  it("answers a digibank outside the coordinator's scope with a 404", async () => {
    const html = await (await client.get("/reports")).text();
    expect(html).not.toContain('name="digibank"');
    const other = await signedIn("admin@digihelpers.example");
    const options = (await (await other.get("/reports")).text()).match(
      /<option value="(\d+)">Digibank Kust<\/option>/,
    );
    expect(options).not.toBeNull();
    expect((await client.get(`/reports?digibank=${options![1]}`)).status).toBe(404);
  });

  it("takes the export only as a POST with a well-formed filter", async () => {
    // No loader: a GET is refused, and nothing is downloaded or recorded.
    const get = await client.get("/reports/export.csv");
    expect(get.status).toBe(400);
    expect(get.headers.get("Content-Type")).not.toMatch(/text\/csv/);
    const bad = await client.post("/reports/export.csv", {
      period: "range",
      from: "2026-05-01",
      to: "2026-04-01",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("De einddatum ligt voor de begindatum.");
  });
});

describe.runIf(browserAvailable)("a coordinator's month report in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("shows last month's figures, a chart with its table, and downloads the same figures", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, base, COORDINATOR);
    await Promise.all([
      page.waitForURL(base + "/reports"),
      page.getByRole("link", { name: "Rapporten" }).first().click(),
    ]);
    await visit(page, base + "/reports");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Rapporten");
    // The first screen says what the page is for.
    const lead = page.locator("p.lead");
    expect((await lead.boundingBox())!.y).toBeLessThan(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

    const helped = await page
      .locator("dl.figures dt:text-is('Geholpen mensen') + dd")
      .textContent();
    expect(Number(helped)).toBeGreaterThan(0);

    // The chart is an image with a title; its table holds the same numbers, one month here.
    const chart = page.getByRole("img", { name: "Geholpen mensen per maand" });
    await expect(chart.count()).resolves.toBe(1);
    const section = page.locator("section", { has: chart });
    await section.getByText("Toon de cijfers als tabel").click();
    const table = section.getByRole("table", { name: "Geholpen mensen per maand" });
    await expect(table.isVisible()).resolves.toBe(true);
    const cells = await table.locator("tbody td").allTextContents();
    expect(cells).toEqual([helped]);
    // The chart prints the value too: readable without colour.
    await expect(chart.locator("text", { hasText: helped! }).count()).resolves.toBeGreaterThan(0);

    // Per digipunt, with the same total.
    await page.getByLabel("Tabel per").selectOption("digipunt");
    await Promise.all([
      page.waitForURL(/level=digipunt/),
      page.getByRole("button", { name: "Toon de cijfers" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await visit(page, page.url());
    await expect(page.getByRole("heading", { name: "Cijfers per digipunt" }).count()).resolves.toBe(
      1,
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Download deze cijfers/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rapport-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text.slice(1), { delimiter: ";" }) as string[][];
    const header = rows[0]!;
    expect(header.slice(0, 2)).toEqual(["Digibank", "Digipunt"]);
    const total = rows.at(-1)!;
    expect(total[0]).toBe("Totaal");
    expect(total[header.indexOf("Geholpen mensen")]).toBe(helped);
    // Every digipunt row belongs to the coordinator's digibank.
    expect(new Set(rows.slice(1, -1).map((r) => r[0]))).toEqual(new Set(["Digibank Brugge"]));

    expect(problems).toEqual([]);
    await context.close();
  });
});
