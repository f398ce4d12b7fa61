import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import {
  type Browser,
  type Page,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { HttpClient } from "../support/http.ts";
import { startDemoServer } from "../support/server.ts";

// The profile and the community board against the running app, in one browser: a volunteer edits
// their profile by keyboard; shares a post (one with a phone number is refused and kept in the
// form); another volunteer thanks it; a coordinator hides it with a reason; the author sees why and
// the other volunteer no longer sees it. Every page passes axe and the Nu HTML checker, also at
// 390 px and for a French reader.

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
let browser: Browser;
beforeAll(async () => {
  app = await startDemoServer();
  base = app.server.url;
  if (browserAvailable) browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const VOLUNTEER = "volunteer@digihelpers.example";
const COORDINATOR = "coordinator@digihelpers.example";

/** Another volunteer of the demo volunteer's digibank, found on the coordinator's people page. */
async function anotherVolunteer() {
  const client = new HttpClient(base);
  expect(
    (await client.post("/login", { email: COORDINATOR, password: DEMO_PASSWORD })).status,
  ).toBe(302);
  const html = await (await client.get("/people")).text();
  const emails = [...new Set(html.match(/[a-z.]+@demo\.digihelpers\.example/g) ?? [])];
  expect(emails.length).toBeGreaterThan(0);
  return emails[0]!;
}

const postWith = (page: Page, text: string) => page.locator("li.board__post", { hasText: text });

describe.runIf(browserAvailable)("the profile and the community board in the browser", () => {
  it("a volunteer edits their profile by keyboard", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, VOLUNTEER);
    await visit(page, base + "/account");
    await Promise.all([
      page.waitForURL(base + "/account/profile"),
      page.getByRole("link", { name: "Mijn profiel bekijken en aanpassen" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);

    // Only the keyboard from here: focus a field, type, tab, space.
    await page.getByLabel("Digihelper sinds").focus();
    await page.keyboard.type("01092019");
    await page.getByLabel("Turks").focus();
    await page.keyboard.press("Space");
    await page.getByLabel("woensdag avond").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.getByLabel("Over mij", { exact: true }).focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Ik help graag met itsme en Mijn Gezondheid.");
    await page.getByLabel("Mijn talen").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Profiel bewaren" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Je profiel is bewaard.").waitFor();

    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByLabel("Digihelper sinds").inputValue()).resolves.toBe("2019-09-01");
    await expect(page.getByLabel("Turks").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("woensdag avond").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("donderdag voormiddag").isChecked()).resolves.toBe(true);
    await expect(page.getByLabel("Over mij", { exact: true }).inputValue()).resolves.toBe(
      "Ik help graag met itsme en Mijn Gezondheid.",
    );

    // A date in the future: refused beside the field, nothing saved.
    await page.getByLabel("Digihelper sinds").fill("2999-01-01");
    await page.getByRole("button", { name: "Profiel bewaren" }).click();
    await page.getByText("Die datum ligt in de toekomst.").waitFor();
    await expectAccessible(page);
    expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("a post is shared, thanked by another volunteer and hidden by a coordinator; the author sees why", async () => {
    const tag = `Tip ${Date.now()}`;
    const author = await newContext(browser);
    const page = await author.context.newPage();
    await signIn(page, base, VOLUNTEER);
    await visit(page, base + "/community");
    await page.getByRole("heading", { level: 1, name: "Gemeenschap" }).waitFor();

    // A phone number is refused, with the text kept in the form.
    const body = page.getByLabel("Je bericht");
    await body.fill(`${tag}: bel mevrouw op 0470 12 34 56`);
    await page.getByRole("button", { name: "Delen" }).click();
    await page.getByRole("alert").getByText("een telefoonnummer").waitFor();
    await expect(body.inputValue()).resolves.toContain("0470 12 34 56");
    await expectAccessible(page);

    await body.fill(`${tag}: kijk eens op https://www.safeonweb.be voor phishing.`);
    await page.getByRole("button", { name: "Delen" }).click();
    await page.getByRole("status").getByText("Je bericht staat op het bord.").waitFor();
    const mine = postWith(page, tag);
    const link = mine.getByRole("link", { name: "https://www.safeonweb.be" });
    await expect(link.getAttribute("rel")).resolves.toBe("nofollow ugc noopener");
    await mine.getByText("0 keer bedankt").waitFor();
    await expectAccessible(page);

    // Another volunteer thanks it, once.
    const other = await newContext(browser);
    const otherPage = await other.context.newPage();
    await signIn(otherPage, base, await anotherVolunteer());
    await visit(otherPage, base + "/community");
    const theirs = postWith(otherPage, tag);
    await theirs.getByRole("button", { name: /^Bedank Mieke/ }).click();
    await otherPage.getByRole("status").getByText("Je bedankte Mieke.").waitFor();
    await postWith(otherPage, tag).getByText("1 keer bedankt").waitFor();
    await postWith(otherPage, tag).getByRole("button", { name: "Bedankje terugnemen" }).waitFor();
    await expectAccessible(otherPage);

    await visit(page, base + "/community");
    await postWith(page, tag).getByText("1 keer bedankt").waitFor();

    // The coordinator hides it with a reason.
    const coordinator = await newContext(browser);
    const coordinatorPage = await coordinator.context.newPage();
    await signIn(coordinatorPage, base, COORDINATOR);
    await visit(coordinatorPage, base + "/community");
    const toHide = postWith(coordinatorPage, tag);
    await toHide.getByText("Verbergen", { exact: true }).first().click();
    await toHide.getByLabel("Waarom verberg je dit bericht?").fill("Graag zonder reclame.");
    await toHide.getByRole("button", { name: "Verbergen" }).click();
    await coordinatorPage.getByRole("status").getByText("Het bericht is verborgen.").waitFor();
    await expectAccessible(coordinatorPage);

    // The author sees why; the other volunteer no longer sees it.
    await visit(page, base + "/community");
    await postWith(page, tag)
      .getByText("Verborgen door een coördinator: Graag zonder reclame.")
      .waitFor();
    await visit(otherPage, base + "/community");
    await expect(postWith(otherPage, tag).count()).resolves.toBe(0);

    for (const c of [author, other, coordinator]) {
      expect(c.problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
      await c.context.close();
    }
  });

  it("on a 390 px phone, in French for a reader whose profile says Dutch, the first screen says what each page is for", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signIn(page, base, VOLUNTEER);
    await page.locator('button[name="lng"][value="fr"]').first().click();
    await page.waitForLoadState("networkidle");
    for (const [path, name] of [
      ["/account/profile", "Mon profil"],
      ["/community", "Communauté"],
    ] as const) {
      await visit(page, base + path);
      const heading = page.getByRole("heading", { level: 1, name });
      await expect(heading.isVisible()).resolves.toBe(true);
      const box = (await heading.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(844);
    }
    await page.getByRole("table").getByLabel("lundi matin").waitFor();
    await page.locator('button[name="lng"][value="nl"]').first().click();
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
    await context.close();
  });
});
