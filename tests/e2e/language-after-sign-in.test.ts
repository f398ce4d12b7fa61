import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  type Page,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
} from "../support/browser.ts";
import { startDemoServer } from "../support/server.ts";

// A Brussels volunteer on an English phone whose profile says Dutch: signing in switches the page
// to Dutch without a reload, and not one string may show as its catalog key on the way.

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
let browser: Browser;

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

/** Text that looks like a message key of the catalogs ("app.name", "nav.home", "shell.footer"). */
const RAW_KEY = /\b(app|nav|home|shell|errors|shift|shifts|list|actions|filters)\.[a-zA-Z]+/;

async function visibleText(page: Page) {
  return page.evaluate(() => document.body.innerText);
}

describe.runIf(browserAvailable)("an English browser, a Dutch profile", () => {
  it("signs in and sees the page in Dutch, never as message keys, also on the next page", async () => {
    const { context, problems } = await newContext(browser, {
      locale: "en-GB",
      extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    const page = await context.newPage();
    await page.goto(base + "/");
    // Before signing in, the browser's language.
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");

    await signIn(page, base, "volunteer@digihelpers.example");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("nl");
    // The Dutch header, once the language has switched in the browser.
    await page.locator(".site-header").getByText("Aangemeld als", { exact: false }).waitFor();
    expect(await visibleText(page)).not.toMatch(RAW_KEY);
    await expect(page.getByRole("link", { name: "Diensten" }).first().isVisible()).resolves.toBe(
      true,
    );
    await expectAccessible(page);

    // A page of another namespace, reached without a reload.
    await page.getByRole("link", { name: "Diensten" }).first().click();
    await page.waitForURL(`${base}/shifts`);
    await page.getByRole("heading", { level: 1, name: "Diensten" }).waitFor();
    expect(await visibleText(page)).not.toMatch(RAW_KEY);
    expect(problems).toEqual([]);
    await context.close();
  });
});
