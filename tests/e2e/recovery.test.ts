import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { linkIn, startDemoServerWithMail } from "../support/demo-mail.ts";

let app: Awaited<ReturnType<typeof startDemoServerWithMail>>;
let browser: Browser;

describe.skipIf(!browserAvailable)("getting in without a password, in Chromium", () => {
  beforeAll(async () => {
    app = await startDemoServerWithMail();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a forgotten password: the emailed link sets a new one, works once, and the new one signs in", async () => {
    const base = app.server.url;
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await visit(page, base + "/login");
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.waitForURL(base + "/reset");
    await visit(page, page.url());
    await page.getByLabel("E-mailadres").fill("volunteer@digihelpers.example");
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    await page.getByRole("status").waitFor();
    await expect(page.getByRole("status").textContent()).resolves.toContain(
      "Als dit adres bij ons bekend is",
    );

    const url = linkIn(await app.mailTextTo("volunteer@digihelpers.example"), "/reset/");
    await visit(page, base + url.pathname);
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een nieuw lang wachtwoord");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("een ander wachtwoord");
    await page.getByRole("button", { name: "Bewaar mijn wachtwoord" }).click();
    await page.getByText("De twee wachtwoorden zijn niet gelijk.").waitFor();
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("een nieuw lang wachtwoord");
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill("een nieuw lang wachtwoord");
    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "Bewaar mijn wachtwoord" }).click(),
    ]);
    await page.getByText("Aangemeld als Mieke Vandamme").waitFor();

    // The link is used up.
    await visit(page, base + url.pathname);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Deze link werkt niet meer",
    );

    // Signed out, the new password works.
    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "Afmelden" }).click(),
    ]);
    await signIn(page, base, "volunteer@digihelpers.example", {
      password: "een nieuw lang wachtwoord",
    });
    expect(page.url()).toBe(base + "/");
    await page.getByText("Aangemeld als Mieke Vandamme").waitFor();
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await context.close();
  });

  it("a sign-in link: opening it shows a button, and pressing it signs in", async () => {
    const base = app.server.url;
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await visit(page, base + "/login/link");
    await page.getByLabel("E-mailadres").fill("coordinator@digihelpers.example");
    await page.getByRole("button", { name: "Stuur mij een link" }).click();
    await page.getByRole("status").waitFor();

    const url = linkIn(await app.mailTextTo("coordinator@digihelpers.example"), "/login/link/");
    await visit(page, base + url.pathname);
    // Opening the link alone changes nothing (mail scanners open links too).
    await expect(page.getByRole("link", { name: "Aanmelden" }).count()).resolves.toBe(1);
    await Promise.all([
      page.waitForURL(base + "/"),
      page.getByRole("button", { name: "Meld mij aan" }).click(),
    ]);
    await page.getByText("Aangemeld als Pieter De Clercq").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
