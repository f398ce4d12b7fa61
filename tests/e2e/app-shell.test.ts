import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { HttpClient } from "../support/http.ts";
import { startDemoServer } from "../support/server.ts";

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
beforeAll(async () => {
  app = await startDemoServer();
  base = app.server.url;
});
afterAll(() => app?.close());

describe.skipIf(!browserAvailable)("the app shell in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("greets a first visitor in Dutch with the demo world, and axe finds nothing", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    const response = await visit(page, base + "/");
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Digihelpers: help mensen mee met digitaal",
    );
    await expect(
      page.getByText(/2 regio's, 4 digibanken, 11 digipunten en \d+ digihelpers/).count(),
    ).resolves.toBe(1);
    await expect(page.title()).resolves.toBe("Digihelpers: help mensen mee met digitaal");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("answers a first visit in the language the browser asks for", async () => {
    const { context, problems } = await newContext(browser, { locale: "fr-BE" });
    const page = await context.newPage();
    await visit(page, base + "/");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(
      /^Digihelpers : aidez/,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it("switches language with the buttons in the header and remembers the choice", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await visit(page, base + "/");
    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "English" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await expect(page.getByRole("link", { name: "Skip to content" }).count()).resolves.toBe(1);
    await expect(
      page.getByRole("button", { name: "English" }).getAttribute("aria-current"),
    ).resolves.toBe("true");

    // The choice sticks on the next page, also on an error page.
    const notFound = await visit(page, base + "/does-not-exist");
    expect(notFound?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "This page does not exist",
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a friendly 404 in Dutch that keeps the site's navigation", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    const response = await visit(page, base + "/diensten/bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Deze pagina bestaat niet",
    );
    await expect(page.title()).resolves.toBe("Deze pagina bestaat niet · Digihelpers");
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).count()).resolves.toBe(1);
    await expect(
      page.getByRole("link", { name: "Terug naar de startpagina" }).count(),
    ).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works by keyboard: the first Tab shows the skip link, which moves focus to the content", async () => {
    const { context } = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await visit(page, base + "/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Ga naar de inhoud" });
    await expect(skip.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");

    // On a phone the languages are in the menu; they are reachable and large enough to tap.
    await page.getByText("Menu").click();
    const english = page.getByRole("button", { name: "English" });
    const size = await english.boundingBox();
    expect(size!.height).toBeGreaterThanOrEqual(44);
    await english.focus();
    await page.keyboard.press("Enter");
    // The address stays "/": wait for the page in English itself.
    await page.locator('html[lang="en"]').waitFor({ state: "attached" });
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await context.close();
  });

  it("hydrates a page on which a key was pressed as hydration began, and its links then work without a reload", async () => {
    const { context, problems } = await newContext(browser);
    // The moment between React's start of hydration and its first render, stretched to 200 ms
    // (React's scheduler posts its work on a MessagePort), and a key pressed in it. React 18 gave
    // up hydrating there: "Root did not complete" (#345), and the page stayed without its
    // scripts (docs/decisions/033).
    await context.addInitScript(() => {
      const post = MessagePort.prototype.postMessage;
      let slow = true;
      MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
        if (slow) setTimeout(() => post.apply(this, args as [unknown]), 200);
        else post.apply(this, args as [unknown]);
      };
      const timer = setInterval(() => {
        if (!Object.keys(document).some((key) => key.startsWith("__reactContainer"))) return;
        clearInterval(timer);
        document.body.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: "Tab" }));
        Object.assign(window, { keyPressedAsHydrationBegan: true });
        slow = false;
      }, 5);
    });
    const page = await context.newPage();
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    await page.goto(`${base}/login`);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    expect(await page.evaluate(() => "keyPressedAsHydrationBegan" in window)).toBe(true);

    // Hydrated: a link is followed in the page, without asking the server for a document.
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.waitForURL(`${base}/reset`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(documents).toEqual([`${base}/login`]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("HTTP answers", () => {
  it("sends the security headers, with a fresh CSP nonce on every page that its scripts carry", async () => {
    const first = await fetch(base + "/");
    const html = await first.text();
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html.match(/<script(?![^>]*nonce=)[^>]*>/g) ?? []).toEqual([]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(first.headers.get("x-powered-by")).toBeNull();
    const second = await fetch(base + "/");
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
  });

  it("answers /healthz with 200 while the database answers", async () => {
    const response = await fetch(base + "/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a state change from another site, or without the page's token, and accepts it from its own pages", async () => {
    const client = new HttpClient(base);
    const csrf = await client.csrfToken();
    const fields = { lng: "fr", redirectTo: "/", csrf };
    const foreign = await client.post("/language", fields, {
      headers: { Origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("set-cookie")).toBeNull();
    const noOrigin = await fetch(base + "/language", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { Cookie: client.cookieHeader() },
      redirect: "manual",
    });
    expect(noOrigin.status).toBe(403);
    const noToken = await client.post("/language", { lng: "fr" }, { csrf: false });
    expect(noToken.status).toBe(403);
    const otherBrowsersToken = await new HttpClient(base).csrfToken();
    expect((await client.post("/language", { ...fields, csrf: otherBrowsersToken })).status).toBe(
      403,
    );

    const own = await client.post("/language", fields);
    expect(own.status).toBe(302);
    expect(own.headers.get("location")).toBe("/");
    expect(own.headers.get("set-cookie")).toMatch(/^lng=/);
  });

  it("keeps a language switch on this site and turns unknown languages away with a 400 page", async () => {
    const client = new HttpClient(base);
    const away = await client.post("/language", { lng: "en", redirectTo: "//evil.example/" });
    expect(away.headers.get("location")).toBe("/");
    // A browser that never chose a language: the error page follows its Accept-Language.
    const unknown = await new HttpClient(base).post(
      "/language",
      { lng: "de" },
      { headers: { "Accept-Language": "nl" } },
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Dit verzoek klopt niet");
  });

  it("ships no server-only library to the browser", () => {
    const dir = path.resolve("public/build");
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = fs.readFileSync(path.join(file.parentPath, file.name), "utf8");
      for (const marker of [
        "pg-protocol",
        "pg-pool",
        "nodemailer",
        "@electric-sql/pglite",
        "pgboss",
        "argon2",
      ]) {
        expect(text.includes(marker), `${marker} in ${file.name}`).toBe(false);
      }
    }
  });
});
