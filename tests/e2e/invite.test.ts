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

// The volunteer follows the link in the email the server really sent: from the file mailbox on the
// embedded default, through a real SMTP server on PostgreSQL.
describe.runIf(browserAvailable)(
  "a coordinator invites a volunteer, who accepts in the browser",
  () => {
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

    it("signs in, invites, accepts, lands signed in, and signs in again with the new password", async () => {
      const base = app.server.url;
      const { context, problems } = await newContext(browser);
      const page = await context.newPage();

      await signIn(page, base, "coordinator@digihelpers.example", { redirectTo: "/people" });
      await visit(page, base + "/people");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Mensen");

      await page.getByRole("link", { name: "Iemand uitnodigen" }).click();
      await page.waitForURL(base + "/people/invite");
      await visit(page, base + "/people/invite");
      await page.getByLabel("E-mailadres").fill("nieuwe.helper@example.org");
      await page.getByLabel("Naam").fill("Nele Nieuw");
      await page.getByLabel("Digibank of regio").selectOption({ label: "Digibank Brugge" });
      await page.getByRole("button", { name: "Stuur de uitnodiging" }).click();
      await expect(
        page.getByText("De uitnodiging is verstuurd naar nieuwe.helper@example.org.").waitFor(),
      ).resolves.toBeUndefined();

      const text = await app.mailTextTo("nieuwe.helper@example.org");
      expect(text).toContain("Nele Nieuw");
      const url = linkIn(text, "/invitation/");
      expect(url.pathname).toMatch(/^\/invitation\/[\w-]+$/);

      // Sign the coordinator out, then open the link as the new volunteer.
      await page.getByRole("button", { name: "Afmelden" }).click();
      await page.waitForURL(base + "/");
      await visit(page, base + url.pathname);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Welkom bij Digihelpers",
      );
      await page.getByLabel("Wachtwoord", { exact: true }).fill("Mijn-nieuw-wachtwoord");
      await page.getByLabel("Wachtwoord nog eens").fill("Mijn-nieuw-wachtwoord");
      await page.getByLabel("Ik heb dit gelezen en ga akkoord").check();
      await Promise.all([
        page.waitForURL(base + "/"),
        page.getByRole("button", { name: "Start" }).click(),
      ]);
      await page.waitForLoadState("networkidle");
      // Waits for the page to show the new person signed in (the redirect lands after a moment).
      await page.getByText("Aangemeld als Nele Nieuw").waitFor();
      await visit(page, base + "/");

      // The link is used up now.
      await visit(page, base + url.pathname);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Deze link werkt niet meer",
      );

      await page.getByRole("button", { name: "Afmelden" }).click();
      await page.waitForURL(base + "/");
      await signIn(page, base, "nieuwe.helper@example.org", { password: "Mijn-nieuw-wachtwoord" });
      // Waits for the page to show the new person signed in (the redirect lands after a moment).
      await page.getByText("Aangemeld als Nele Nieuw").waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  },
);
