import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, expect, inject } from "vitest";
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
  if (options.javaScriptEnabled === false) withoutJavaScript.add(context);
  const problems: string[] = [];
  context.on("console", (message) => {
    // The 404 page itself is expected to log its status; anything else is a fault.
    if (message.type() !== "error" || /status of 404/.test(message.text())) return;
    problems.push(message.text());
  });
  context.on("weberror", (error) => problems.push(String(error.error())));
  context.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() !== "document" || request.frame().parentFrame()) return;
    if (!/^text\/html/.test(response.headers()["content-type"] ?? "")) return;
    // Asked for now, while the page is still there; a body that can no longer be read is skipped.
    servedPages.push({ url: response.url(), html: response.text().catch(() => null) });
  });
  return { context, problems };
}

/** Every HTML document the browser was served in this test file, as served. */
const servedPages: Array<{ url: string; html: Promise<string | null> }> = [];

// Registered by each test file that imports this module: its pages are checked once all its tests
// ran, in one run of the checker (one Java start per file, not per page).
afterAll(async () => {
  if (servedPages.length === 0) return;
  expect(await checkHtml(servedPages.splice(0)), "Nu HTML Checker").toEqual([]);
}, 120_000);

/**
 * The Nu HTML Checker's errors on these documents, as "url line:column message", from the checker
 * service the browser run starts once (tests/support/global-html-checker.ts). Remix streams its
 * scripts after </html>, which the checker calls a stray start tag and stops at: that one is not
 * ours (docs/decisions/011-html-validity.md).
 */
export async function checkHtml(
  pages: Array<{ url: string; html: Promise<string | null> | string | null }>,
): Promise<string[]> {
  const errors: string[] = [];
  for (const page of pages) {
    const html = await page.html;
    if (html === null) continue;
    const messages = await checkerMessages(html);
    /** Whether the message's token ends past the document's last </html>. */
    const afterHtml = (at: CheckerMessage) => {
      const lines = html.split("\n").slice(0, (at.lastLine ?? 1) - 1);
      const offset = lines.reduce((sum, line) => sum + line.length + 1, 0) + (at.lastColumn ?? 1);
      const end = html.lastIndexOf("</html>");
      return end >= 0 && offset > end;
    };
    let stray = false;
    for (const message of messages) {
      if (message.type !== "error") continue;
      if (message.message === "Stray start tag “script”." && afterHtml(message)) {
        stray = true;
        continue;
      }
      if (message.subType === "fatal" && stray) continue;
      const where = `${page.url} ${message.lastLine ?? "?"}:${message.firstColumn ?? "?"}`;
      errors.push(`${where} ${message.message} «${message.extract ?? ""}»`);
    }
  }
  return errors;
}

interface CheckerMessage {
  type: string;
  subType?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** One document's messages; waits for the service while it is still starting (its first minute). */
async function checkerMessages(html: string): Promise<CheckerMessage[]> {
  const url = `${inject("htmlCheckerUrl")}?out=json`;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "text/html; charset=utf-8" },
        body: html,
      });
      if (!response.ok) throw new Error(`the HTML checker answered ${response.status}`);
      return ((await response.json()) as { messages: CheckerMessage[] }).messages;
    } catch (error) {
      const refused = (error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED";
      if (!refused || attempt >= 240) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const withoutJavaScript = new WeakSet<BrowserContext>();

/** Loads a page, waits for hydration, and asserts that axe finds no WCAG 2.2 A/AA violations. */
export async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  // Until hydration ends, taps and keys take their native course (app/utils/hydration.client.ts).
  if (!withoutJavaScript.has(page.context()))
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  return response;
}

/**
 * Runs axe in the page itself (legacy mode): the default opens a blank page and injects axe a
 * second time to merge the frames' results, half of each check's time, for frames the app does
 * not have (docs/decisions/034).
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .setLegacyMode()
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
  // axe lets an empty list pass, but a screen reader still reads it out ("list, 0 items").
  const emptyLists = await page
    .locator("ul:not(:has(li)), ol:not(:has(li))")
    .evaluateAll((lists) => lists.map((list) => list.outerHTML.slice(0, 120)));
  expect(emptyLists, `empty lists on ${page.url()}`).toEqual([]);
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
