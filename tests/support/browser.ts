import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";

// Debian's Chromium, driven by playwright-core; nothing here downloads a browser.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const browserAvailable = fs.existsSync(chromiumPath);

if (!browserAvailable && process.env.CI === "true") {
  throw new Error(`CI=true but no browser at ${chromiumPath}: browser tests must run in CI.`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    // playwright gives every launch a fresh, temporary profile of its own.
  });
}

/**
 * A browser context that fails the test on any console error (a CSP violation shows up there)
 * and checks every page it loads with axe.
 */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
) {
  const context = await browser.newContext({ locale: "nl-BE", ...options });
  const problems: string[] = [];
  context.on("console", (message) => {
    // The 404 page itself is expected to log its status; anything else is a fault.
    if (message.type() === "error" && !/status of 404/.test(message.text()))
      problems.push(message.text());
  });
  context.on("weberror", (error) => problems.push(String(error.error())));
  return { context, problems };
}

/** Loads a page, waits for hydration, and asserts that axe finds no WCAG 2.2 A/AA violations. */
export async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  return response;
}

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/**
 * Signs in through the sign-in page, as a person would, and waits for the page it leads to. The
 * fields are found by name, so it works in every language the browser may ask for, and with
 * JavaScript off too (the sign-in page's own checks, axe included, are in sign-in.test.ts).
 */
export async function signIn(
  page: Page,
  base: string,
  email: string,
  { password = DEMO_PASSWORD, redirectTo }: { password?: string; redirectTo?: string } = {},
) {
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  await page.goto(`${base}/login${query}`);
  const form = page.locator("form", { has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== "/login"),
    form.locator('button[type="submit"]').click(),
  ]);
  await page.waitForLoadState("networkidle");
}

export type { Browser, BrowserContext, Page };
