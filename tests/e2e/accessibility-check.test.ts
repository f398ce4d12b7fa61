import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
} from "../support/browser.ts";

// Every browser test's page goes through expectAccessible; this shows the check is live in the way
// it runs axe (in the page itself, docs/decisions/034): it names a WCAG fault and a best-practice
// fault, and an empty list (which axe lets pass), and passes a page without them.
describe.skipIf(!browserAvailable)("the axe check in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  const page = (body: string) =>
    `<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>${body}</main></body></html>`;

  it("names an image without a text alternative, text too faint to read and a missing landmark", async () => {
    const { context } = await newContext(browser);
    const tab = await context.newPage();
    await tab.setContent(
      page(
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
          '<p style="color:#bbb;background:#fff">Grijs op wit</p>',
      ).replace("</main>", '</main><p id="buiten">Buiten elke landmark</p>'),
    );
    // The assertion's own record of what axe found: one line per rule, "id: help (targets)".
    const found = await expectAccessible(tab).then(
      () => [],
      (error: { actual?: string[] }) => (error.actual ?? []).map((line) => line.split(":")[0]),
    );
    // The last is a best-practice rule, not a WCAG one: the tags still reach it.
    expect(found.sort()).toEqual(["color-contrast", "image-alt", "region"]);
    await context.close();
  });

  it("names an empty list, which axe lets pass and a screen reader reads out", async () => {
    const { context } = await newContext(browser);
    const tab = await context.newPage();
    await tab.setContent(page('<ul class="plain-list"></ul>'));
    const found = await expectAccessible(tab).then(
      () => [],
      (error: { actual?: string[] }) => error.actual ?? [],
    );
    expect(found).toEqual(['<ul class="plain-list"></ul>']);
    await context.close();
  });

  it("passes the same page once the faults are mended", async () => {
    const { context, problems } = await newContext(browser);
    const tab = await context.newPage();
    await tab.setContent(
      page(
        '<img alt="Logo" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
          '<p style="color:#333;background:#fff">Donkergrijs op wit</p>',
      ),
    );
    await expectAccessible(tab);
    expect(problems).toEqual([]);
    await context.close();
  });
});
