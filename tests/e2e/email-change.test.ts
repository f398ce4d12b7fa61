import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import {
  type Browser,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { linkIn, startDemoServerWithMail } from "../support/demo-mail.ts";

const OLD = "volunteer@digihelpers.example";
const NEW = "nieuw.adres@example.org";

describe.runIf(browserAvailable)("a volunteer changes their email address in the browser", () => {
  let app: Awaited<ReturnType<typeof startDemoServerWithMail>>;
  let browser: Browser;
  beforeAll(async () => {
    app = await startDemoServerWithMail();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("asks on My account, confirms from the mailed link, and signs in with the new address", async () => {
    const base = app.server.url;
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();

    await signIn(page, base, OLD, { redirectTo: "/account" });
    await expectAccessible(page);

    const section = page.getByRole("region", { name: "Mijn e-mailadres wijzigen" });
    await section.getByLabel("Nieuw e-mailadres").fill(NEW);
    await section.getByLabel("Huidig wachtwoord").fill(DEMO_PASSWORD);
    await section.getByRole("button", { name: "Stuur de link" }).click();
    await page
      .getByText("We hebben een link gestuurd naar het nieuwe adres.", { exact: false })
      .waitFor();
    await expectAccessible(page);

    const url = linkIn(await app.mailTextTo(NEW), "/account/email/");
    await visit(page, base + url.pathname);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Nieuw e-mailadres bevestigen",
    );
    await Promise.all([
      page.waitForURL(base + "/account"),
      page.getByRole("button", { name: "Ja, gebruik dit adres" }).click(),
    ]);
    await page
      .getByRole("status")
      .getByText("Je e-mailadres is gewijzigd.", { exact: false })
      .waitFor();
    await expectAccessible(page);
    await expect(page.getByLabel("E-mailadres", { exact: true }).inputValue()).resolves.toBe(NEW);

    // The link is used up now.
    await visit(page, base + url.pathname);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Deze link werkt niet meer",
    );

    await page.getByRole("button", { name: "Afmelden" }).click();
    await page.waitForURL(base + "/");
    await signIn(page, base, NEW, { redirectTo: "/account" });
    expect(page.url()).toBe(base + "/account");
    expect(problems).toEqual([]);
    await context.close();
  });
});
