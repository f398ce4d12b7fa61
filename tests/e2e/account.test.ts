import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  type Page,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { startDemoServer } from "../support/server.ts";

const EMAIL = "volunteer@digihelpers.example";
const PASSWORD = "Digibank-demo-2026";
const NEW_PASSWORD = "Een-nieuw-wachtwoord-2026";

async function signIn(page: Page, base: string) {
  await visit(page, base + "/login");
  await page.getByLabel("E-mailadres").fill(EMAIL);
  await page.getByLabel("Wachtwoord").fill(PASSWORD);
  await Promise.all([
    page.waitForURL(base + "/"),
    page.getByRole("button", { name: "Aanmelden" }).click(),
  ]);
  await page.waitForLoadState("networkidle");
}

describe.skipIf(!browserAvailable)("My account in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  describe("on the demo world", () => {
    let app: Awaited<ReturnType<typeof startDemoServer>>;
    let base: string;
    beforeAll(async () => {
      app = await startDemoServer();
      base = app.server.url;
    });
    afterAll(() => app?.close());

    // First in this world: the volunteer's profile is still in Dutch.
    it("shows the volunteer's data as a page on a phone, in their language rather than the browser's", async () => {
      const { context, problems } = await newContext(browser, {
        locale: "en-GB",
        viewport: { width: 390, height: 844 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await visit(page, base + "/login");
      await page.getByLabel("Email address").fill(EMAIL);
      await page.getByLabel("Password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL(base + "/"),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await visit(page, base + "/account");
      await Promise.all([
        page.waitForURL(base + "/account/data"),
        page.getByRole("link", { name: "Bekijk mijn gegevens" }).click(),
      ]);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
      expect(await page.getAttribute("html", "lang")).toBe("nl");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Alles wat Digihelpers over jou bewaart",
      );
      // Nothing wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );

      const profile = page.getByRole("region", { name: "Mijn gegevens" });
      await expect(profile.getByText(EMAIL).count()).resolves.toBe(1);
      const shifts = page.getByRole("region", { name: "Mijn diensten" });
      const items = shifts.getByRole("listitem");
      expect(await items.count()).toBeGreaterThan(0);
      // Field names in Dutch; the start in Brussels time, written the Dutch way.
      const first = items.first();
      await expect(first.getByText("Digipunt", { exact: true }).count()).resolves.toBe(1);
      await expect(first.locator("dt", { hasText: "Begint" }).count()).resolves.toBe(1);
      const starts = await first.locator("dt:text-is('Begint') + dd").textContent();
      expect(starts).toMatch(
        /^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4} om \d{2}:\d{2}$/,
      );

      // The file from this page holds the same shifts.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Mijn gegevens downloaden" }).click(),
      ]);
      const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
      expect(exported.shiftClaims).toHaveLength(await items.count());
      expect(exported.calendarFeed === null || exported.calendarFeed.exists).toBe(true);

      expect(problems).toEqual([]);
      await context.close();
    });

    it("lets the volunteer change language and mail preferences and download their data", async () => {
      const { context, problems } = await newContext(browser, { acceptDownloads: true });
      const page = await context.newPage();
      await signIn(page, base);

      await Promise.all([
        page.waitForURL(base + "/account"),
        page.getByRole("link", { name: "Mijn account" }).click(),
      ]);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Mijn account",
      );
      await expect(page.getByLabel("E-mailadres", { exact: true }).inputValue()).resolves.toBe(
        EMAIL,
      );
      // Demo defaults: reminders and invitations on, newsletters off.
      await expect(
        page.getByLabel("Herinneringen aan mijn diensten en vormingen").isChecked(),
      ).resolves.toBe(true);
      await expect(page.getByLabel("Nieuwsbrieven van mijn digibank").isChecked()).resolves.toBe(
        false,
      );

      // Choose French and switch the reminders off and the newsletters on.
      await page.getByRole("radio", { name: "Français" }).check();
      await page.getByLabel("Herinneringen aan mijn diensten en vormingen").uncheck();
      await page.getByLabel("Nieuwsbrieven van mijn digibank").check();
      const checkbox = await page
        .getByLabel("Nieuwsbrieven van mijn digibank")
        .locator("..")
        .boundingBox();
      expect(checkbox!.height).toBeGreaterThanOrEqual(44);
      await Promise.all([
        page.waitForURL(base + "/account?saved=profile"),
        page.getByRole("button", { name: "Gegevens bewaren" }).click(),
      ]);
      await page.waitForLoadState("networkidle");
      expect(await page.getAttribute("html", "lang")).toBe("fr");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Mon compte",
      );
      await expect(page.getByRole("status").textContent()).resolves.toBe(
        "Vos données sont enregistrées.",
      );
      await expectAccessible(page);

      // The choices stick after a fresh load.
      await visit(page, base + "/account");
      await expect(page.getByRole("radio", { name: "Français" }).isChecked()).resolves.toBe(true);
      await expect(
        page.getByLabel("Rappels de mes permanences et formations").isChecked(),
      ).resolves.toBe(false);
      await expect(
        page.getByLabel("Lettres d'information de ma digibank").isChecked(),
      ).resolves.toBe(true);

      // A phone number that is not one is refused, tied to its field.
      await page.getByLabel("Numéro de téléphone (facultatif)").fill("bel me");
      await page.getByRole("button", { name: "Enregistrer mes données" }).click();
      const phoneError = page.getByText(/Un numéro de téléphone a de 6 à 20 caractères/);
      await phoneError.waitFor();
      const phone = page.getByLabel("Numéro de téléphone (facultatif)");
      await expect(phone.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(phone.getAttribute("aria-describedby")).resolves.toContain(
        await phoneError.getAttribute("id"),
      );
      await visit(page, base + "/account");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Télécharger mes données" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("digihelpers-mijn-gegevens.json");
      const exported = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
      expect(exported.profile.email).toBe(EMAIL);
      expect(exported.profile.language).toBe("fr");
      expect(exported.profile.notify_newsletters).toBe(true);
      expect(exported.roles).toEqual([
        expect.objectContaining({ role: "volunteer", digibank: "Digibank Brugge" }),
      ]);
      expect(JSON.stringify(exported)).not.toContain("password_hash");

      expect(problems).toEqual([]);
      await context.close();
    });
  });

  describe("on a world of its own", () => {
    let app: Awaited<ReturnType<typeof startDemoServer>>;
    let base: string;
    beforeAll(async () => {
      app = await startDemoServer();
      base = app.server.url;
    });
    afterAll(() => app?.close());

    it("changes the password, then deletes the account after it is typed; that person can no longer sign in", async () => {
      const { context, problems } = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, base);
      await visit(page, base + "/account");

      // A password change ends the old sessions but keeps this browser signed in.
      const oldCookie = (await context.cookies()).find((c) => c.name === "session")?.value;
      await page
        .getByRole("region", { name: "Wachtwoord wijzigen" })
        .getByLabel("Huidig wachtwoord")
        .fill(PASSWORD);
      await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Nieuw wachtwoord nog een keer").fill(NEW_PASSWORD);
      await Promise.all([
        page.waitForURL(base + "/account?saved=password"),
        page.getByRole("button", { name: "Wachtwoord wijzigen" }).click(),
      ]);
      await expect(page.getByRole("status").textContent()).resolves.toMatch(
        /^Je wachtwoord is gewijzigd/,
      );
      const newCookie = (await context.cookies()).find((c) => c.name === "session")?.value;
      expect(newCookie).toBeTruthy();
      expect(newCookie).not.toBe(oldCookie);
      const withOldCookie = await fetch(base + "/account", {
        headers: { Cookie: `session=${oldCookie}` },
        redirect: "manual",
      });
      expect(withOldCookie.status).toBe(302);
      expect(withOldCookie.headers.get("location")).toMatch(/^\/login/);
      await expect(
        page
          .getByRole("region", { name: "Wachtwoord wijzigen" })
          .getByLabel("Huidig wachtwoord")
          .inputValue(),
      ).resolves.toBe("");
      await visit(page, base + "/account");
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
        "Mijn account",
      );

      await Promise.all([
        page.waitForURL(base + "/account/delete"),
        page.getByRole("link", { name: "Mijn account verwijderen" }).click(),
      ]);
      await page.waitForLoadState("networkidle");
      await expectAccessible(page);

      // A wrong password deletes nothing.
      const confirmation = page.getByLabel("Typ je wachtwoord om te bevestigen");
      await confirmation.fill("niet mijn wachtwoord");
      await page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click();
      await expect(page.getByRole("alert").textContent()).resolves.toBe(
        "Dat klopt niet. Je account is niet verwijderd.",
      );
      await expectAccessible(page);

      await confirmation.fill(NEW_PASSWORD);
      await Promise.all([
        page.waitForURL(base + "/"),
        page.getByRole("button", { name: "Mijn account definitief verwijderen" }).click(),
      ]);
      await page.waitForLoadState("networkidle");
      // Signed out: the header offers to sign in again.
      await page.getByRole("link", { name: "Aanmelden" }).waitFor();
      const cookies = await context.cookies();
      expect(cookies.filter((c) => c.name === "session" && c.value)).toEqual([]);

      await visit(page, base + "/login");
      await page.getByLabel("E-mailadres").fill(EMAIL);
      await page.getByLabel("Wachtwoord").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await expect(page.getByRole("alert").textContent()).resolves.toMatch(
        /^Dit e-mailadres en dit wachtwoord horen niet bij elkaar/,
      );
      // The refused confirmation and sign-in answer 400, which Chromium logs; nothing else may.
      expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
      await context.close();
    });
  });
});
