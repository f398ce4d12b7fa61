import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

// Regional staff set until when volunteers may release a shift themselves, and my skills page.

describe.skipIf(!browserAvailable)("region settings and skills in Chromium", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startDemoServer>>;
  let base: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startDemoServer();
    base = app.server.url;
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  async function signedIn(email: string) {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, email);
    return { context, page, problems };
  }

  it("lets regional staff change the release cut-off, explaining a wrong number", async () => {
    const { context, page, problems } = await signedIn("staff@digihelpers.example");
    await Promise.all([
      page.waitForURL(base + "/regions"),
      page.getByRole("link", { name: "Regio's" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    await page.getByText("Nu: 24 uur voor de start.").waitFor();
    const field = page.getByLabel(/Tot hoeveel uur voor de start/);

    await field.fill("500");
    await page.getByRole("button", { name: /Bewaren voor/ }).click();
    await page.getByText("Vul een heel getal in van 0 tot 168.").waitFor();
    await expectAccessible(page);

    await field.fill("48");
    await Promise.all([
      page.waitForURL(/\/regions#region-settings-\d+$/),
      page.getByRole("button", { name: /Bewaren voor/ }).click(),
    ]);
    // Told in the region's own section, where the button was.
    await page
      .getByRole("region", { name: /Brugge/ })
      .getByRole("status")
      .getByText(/De instellingen van .* zijn bewaard\./)
      .waitFor();
    await page.getByText("Nu: 48 uur voor de start.").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("lets a volunteer record their skills", async () => {
    const { context, page, problems } = await signedIn("volunteer@digihelpers.example");
    await visit(page, base + "/account/skills");
    await expectAccessible(page);
    const box = page.getByLabel("Online bankieren");
    await expect(box.isChecked()).resolves.toBe(false);
    await expect(page.getByLabel("itsme").isChecked()).resolves.toBe(true);
    await box.check();
    await page.getByRole("button", { name: "Vaardigheden bewaren" }).click();
    await page.getByRole("status").getByText("Je vaardigheden zijn bewaard.").waitFor();
    expect(page.url()).toBe(base + "/account/skills");
    await expect(page.getByLabel("Online bankieren").isChecked()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
