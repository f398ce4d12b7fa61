import fs from "node:fs";
import path from "node:path";
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

    // The date picker's field order follows the browser's locale: filled as a value. The rest only
    // by keyboard: focus a field, type, tab, space, enter.
    await page.getByLabel("Digihelper sinds").fill("2019-09-01");
    await page.getByLabel("Turks").focus();
    await page.keyboard.press("Space");
    await page.getByLabel("maandag voormiddag").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.getByRole("textbox", { name: "Over mij" }).focus();
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
    await expect(page.getByLabel("maandag voormiddag").isChecked()).resolves.toBe(true);
    // Tab led to the next cell of the grid.
    await expect(page.getByLabel("maandag namiddag").isChecked()).resolves.toBe(true);
    await expect(page.getByRole("textbox", { name: "Over mij" }).inputValue()).resolves.toBe(
      "Ik help graag met itsme en Mijn Gezondheid.",
    );

    // A date in the future: the browser holds it back (max is today) ...
    const since = page.getByLabel("Digihelper sinds");
    await since.fill("2999-01-01");
    await expect(
      since.evaluate((input) => (input as HTMLInputElement).validity.rangeOverflow),
    ).resolves.toBe(true);
    // ... and the server refuses it with a 400 beside the field, nothing saved.
    const client = new HttpClient(base);
    await client.post("/login", { email: VOLUNTEER, password: DEMO_PASSWORD });
    const refused = await client.post("/account/profile", {
      since: "2999-01-01",
      introduction: "Iets anders",
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Die datum ligt in de toekomst.");
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(since.inputValue()).resolves.toBe("2019-09-01");
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
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, VOLUNTEER);
    // The language switch in the header (on a phone it sits in the menu), then the phone's size.
    await page.locator('button[name="lng"][value="fr"]').first().click();
    await page.waitForLoadState("networkidle");
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, name] of [
      ["/account/profile", "Mon profil"],
      ["/community", "Communauté"],
    ] as const) {
      await visit(page, base + path);
      const heading = page.getByRole("heading", { level: 1, name });
      await expect(heading.isVisible()).resolves.toBe(true);
      const box = (await heading.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(844);
      // Nothing wider than the phone: no sideways scrolling (the availability grid included).
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth),
        path,
      ).resolves.toBeLessThanOrEqual(390);
    }
    await visit(page, base + "/account/profile");
    await page.getByRole("table").getByLabel("lundi matin").waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('button[name="lng"][value="nl"]').first().click();
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("the scripts of the profile and board pages (decision 021)", () => {
  const publicDir = path.resolve("public");
  const read = (url: string) => fs.readFileSync(path.join(publicDir, url), "utf8");

  it("hold no zod and no conform: the server alone checks these forms", () => {
    const buildDir = path.join(publicDir, "build");
    const file = fs.readdirSync(buildDir).find((name) => /^manifest-.*\.js$/.test(name))!;
    const manifest = JSON.parse(
      read(`build/${file}`)
        .replace(/^window\.__remixManifest=/, "")
        .replace(/;$/, ""),
    ) as { routes: Record<string, { module: string; imports?: string[] }> };
    for (const id of [
      "routes/community._index",
      "routes/account_.profile",
      "routes/people.$personId.profile",
    ]) {
      const route = manifest.routes[id]!;
      const seen = new Set<string>();
      const queue = [route.module, ...(route.imports ?? [])];
      while (queue.length > 0) {
        const url = queue.pop()!;
        if (seen.has(url)) continue;
        seen.add(url);
        for (const match of read(url).matchAll(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g))
          queue.push(match[1]!);
      }
      for (const url of seen) {
        expect(read(url).includes("ZodError"), `${id}: ${url}`).toBe(false);
        expect(read(url).includes("__intent__"), `${id}: ${url}`).toBe(false);
      }
    }
  });
});
