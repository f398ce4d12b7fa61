import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import { RETENTION } from "~/modules/retention/periods.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { createUser } from "../factories/index.ts";
import { type ListeningApp, listenBuiltApp } from "../support/app.ts";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The pages an operator must publish: signed out, in nl, fr and en, at 390 px, axe-clean, and
// reached with the keyboard from every page's footer.

let database: TestDatabase;
let jobs: JobQueue;
let app: ListeningApp;
beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  app = await listenBuiltApp({ db: database.db, jobs, secret: "public-pages-secret" });
});
afterAll(async () => {
  await app?.close();
  await jobs?.stop({ graceful: false });
  await database?.destroy();
});

const LANGUAGES = [
  {
    locale: "nl-BE",
    privacy: "Privacyverklaring",
    accessibility: "Toegankelijkheidsverklaring",
    days: "dagen",
  },
  {
    locale: "fr-BE",
    privacy: "Déclaration de confidentialité",
    accessibility: "Déclaration d’accessibilité",
    days: "jours",
  },
  {
    locale: "en-GB",
    privacy: "Privacy notice",
    accessibility: "Accessibility statement",
    days: "days",
  },
];

describe.skipIf(!browserAvailable)(
  "the privacy notice and accessibility statement in Chromium",
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(() => browser?.close());

    for (const language of LANGUAGES) {
      it(`in ${language.locale} at 390 px: reached from the footer with the keyboard; axe finds nothing`, async () => {
        const { context, problems } = await newContext(browser, {
          locale: language.locale,
          viewport: { width: 390, height: 844 },
        });
        const page = await context.newPage();
        for (const [path, title] of [
          ["/privacy", language.privacy],
          ["/accessibility", language.accessibility],
        ] as const) {
          await visit(page, `${app.base}/`);
          // Tab from the top of the page until the footer's link has the focus, then follow it.
          let reached = false;
          for (let i = 0; i < 80 && !reached; i++) {
            await page.keyboard.press("Tab");
            reached = await page.evaluate(
              (href) =>
                document.activeElement?.closest(".site-footer") !== null &&
                document.activeElement?.getAttribute("href") === href,
              path,
            );
          }
          expect(reached, `footer link to ${path} reached with Tab`).toBe(true);
          await Promise.all([page.waitForURL(`**${path}`), page.keyboard.press("Enter")]);
          const response = await visit(page, page.url());
          expect(response?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(title);
          // Nothing wider than the phone's screen.
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
          ).toBeLessThanOrEqual(390);
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  },
);

describe("the public pages over HTTP", () => {
  it("answer 200 signed out and show the retention periods of RETENTION", async () => {
    const privacy = await fetch(`${app.base}/privacy`, { headers: { "Accept-Language": "nl" } });
    expect(privacy.status).toBe(200);
    const html = await privacy.text();
    expect(html).toContain(`${RETENTION.mailBodyDays} dagen`);
    expect(html).toContain(`${RETENTION.sessionIdleDays} dagen`);
    expect(html).toContain("Gegevensbeschermingsautoriteit");
    expect(html).toContain("privacy@digihelpers.example");
    const statement = await fetch(`${app.base}/accessibility`, {
      headers: { "Accept-Language": "fr" },
    });
    expect(statement.status).toBe(200);
    const text = await statement.text();
    expect(text).toContain("WCAG");
    expect(text).toContain("Vlaamse Ombudsdienst");
    expect(text).toContain("toegankelijkheid@digihelpers.example");
  });

  it("links the invitation's privacy acceptance and the join form to the notice", async () => {
    const user = await createUser(database.db, {
      email: "invited-public@example.test",
      passwordHash: null,
      status: "invited",
    });
    const token = await issueToken(database.db, { userId: user.id, purpose: "invitation" });
    const html = await (await fetch(`${app.base}/invitation/${token}`)).text();
    expect(html).toMatch(/<a href="\/privacy" target="_blank" rel="noopener">/);
    // The request to join collects a name and address too.
    expect(await (await fetch(`${app.base}/join`)).text()).toContain('<a href="/privacy">');
  });
});
