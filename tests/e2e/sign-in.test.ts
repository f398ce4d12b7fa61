import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
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

describe.skipIf(!browserAvailable)("signing in and out in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("says plainly when the password is wrong, then signs in on the next try and out again", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await visit(page, base + "/login");
    await page.getByLabel("E-mailadres").fill("coordinator@digihelpers.example");
    await page.getByLabel("Wachtwoord").fill("niet het wachtwoord");
    await page.getByRole("button", { name: "Aanmelden", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("horen niet bij elkaar");

    // The second try must reach the server even though the first message is still showing.
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "Aanmelden", exact: true }).click(),
    ]);
    // On a phone the header folds into its menu: open it, as the reader would.
    const menu = page.locator("summary", { hasText: "Menu" });
    await page.locator(".user-menu__name").waitFor({ state: "attached" });
    await menu.click();
    await page.getByText("Aangemeld als Pieter De Clercq").waitFor();
    // Exactly "Mensen": the home page's cards may hold other links with the word in them.
    await expect(page.getByRole("link", { name: "Mensen", exact: true }).count()).resolves.toBe(1);

    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "Afmelden" }).click(),
    ]);
    await page.locator(".user-menu__name").waitFor({ state: "detached" });
    // The menu folds again after each page change; open it once it has.
    await expect
      .poll(() => page.locator("details.site-menu").evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(false);
    await menu.click();
    await page.getByRole("link", { name: "Aanmelden" }).waitFor();
    await expect(page.getByRole("link", { name: "Mensen" }).count()).resolves.toBe(0);
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });
});

describe("sign-in answers over HTTP", () => {
  it("the old cookie is useless after signing out", async () => {
    const client = new HttpClient(base);
    expect(
      (
        await client.post("/login", {
          email: "volunteer@digihelpers.example",
          password: DEMO_PASSWORD,
        })
      ).status,
    ).toBe(302);
    const stolen = client.cookieHeader();
    expect((await client.get("/account")).status).toBe(200);
    expect((await client.post("/logout", {})).status).toBe(302);
    const replay = await fetch(base + "/account", {
      headers: { Cookie: stolen },
      redirect: "manual",
    });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toMatch(/^\/login/);
  });

  it("link and reset requests look the same for known and unknown addresses", async () => {
    for (const path of ["/login/link", "/reset"]) {
      const bodies = [];
      for (const email of ["volunteer@digihelpers.example", "onbekend@digihelpers.example"]) {
        const response = await new HttpClient(base).post(
          path,
          { email },
          { headers: { "Accept-Language": "nl" } },
        );
        expect(response.status).toBe(200);
        // The page differs only in its CSRF token and nonce.
        bodies.push((await response.text()).replace(/nonce="[^"]+"|[\w-]{30,}\.[\w-]{20,}/g, ""));
      }
      expect(bodies[0]).toBe(bodies[1]);
      expect(bodies[0]).toContain("Als dit adres bij ons bekend is");
    }
  });

  it("tells a person clearly when there were too many attempts", async () => {
    const client = new HttpClient(base);
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await client.post(
        "/login",
        { email: "admin@digihelpers.example", password: `fout-${i}` },
        { headers: { "Accept-Language": "nl" } },
      );
    }
    expect(last!.status).toBe(429);
    expect(await last!.text()).toMatch(/Te veel pogingen\. Probeer het over \d+ minuten opnieuw\./);
  });
});
