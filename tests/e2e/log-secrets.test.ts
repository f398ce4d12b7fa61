import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "~/utils/db.server.ts";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import {
  type Browser,
  type BrowserContext,
  browserAvailable,
  launchBrowser,
  signIn,
} from "../support/browser.ts";
import { startDemoServer } from "../support/server.ts";
import { eventually, startSmtpServer, type TestSmtpServer } from "../support/smtp.ts";

// A whole browser run through the demo world, with the server logging at its most verbose
// (LOG_LEVEL=trace): sign in with the password, with an emailed link, reset the password, fetch the
// calendar feed, claim a shift, sign out. Then the server's stdout and stderr are searched for every
// demo address, the passwords, every token the run saw (links in mails, the feed address) and the
// cookie and CSRF values: none may be there. Request URLs carry tokens; redactUrl keeps them out.

const VOLUNTEER = "volunteer@digihelpers.example";
const NEW_PASSWORD = "Een-nieuw-wachtwoord-voor-de-log-test";

describe.skipIf(!process.env.TEST_DATABASE_URL || !browserAvailable)(
  "no personal data or secrets in the log of a browser run",
  () => {
    let smtp: TestSmtpServer;
    let app: Awaited<ReturnType<typeof startDemoServer>>;
    let database: DatabaseHandle;
    let browser: Browser;
    const secrets = new Map<string, string>();

    beforeAll(async () => {
      smtp = await startSmtpServer();
      app = await startDemoServer({ SMTP_URL: smtp.url, LOG_LEVEL: "trace" });
      database = await openDatabase({ databaseUrl: app.databaseUrl!, poolMax: 2 });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await database?.close();
      await app?.close();
      await smtp?.close();
    });

    /** The path of the link to `prefix` in a mail to the volunteer (the claim's mail has none). */
    async function linkFromMail(prefix: string): Promise<string> {
      const pattern = new RegExp(`https?://[^\\s<>"]+(${prefix.replace(/\//g, "\\/")}[\\w-]+)`);
      const path = await eventually(`a mail with ${prefix}`, async () => {
        for (const mail of smtp.messages) {
          const to = [mail.to ?? []]
            .flat()
            .some((t) => t.value.some((b) => b.address === VOLUNTEER));
          const match = to ? mail.text?.match(pattern) : null;
          if (match) return match[1]!;
        }
        return undefined;
      });
      secrets.set(`token of ${prefix}`, path.slice(prefix.length));
      return path;
    }

    async function rememberCookies(context: BrowserContext) {
      for (const cookie of await context.cookies()) {
        // Short values (lng=nl) are no secret and would match anything.
        if (cookie.value.length >= 16) secrets.set(`cookie ${cookie.name}`, cookie.value);
      }
    }

    async function signOut(page: import("playwright-core").Page) {
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/"),
        page.getByRole("button", { name: "Afmelden", exact: true }).click(),
      ]);
    }

    it("holds none of them, while it does log every request with its id", async () => {
      const base = app.server.url;
      const context = await browser.newContext({ locale: "nl-BE" });
      const page = await context.newPage();

      // 1. The password.
      await signIn(page, base, VOLUNTEER);
      await page.getByText("Aangemeld als").first().waitFor();
      await rememberCookies(context);
      const csrf = await page.locator('input[name="csrf"]').first().getAttribute("value");
      if (csrf) secrets.set("CSRF token", csrf);

      // 2. A claim: a future shift of the volunteer's digibank that still has room.
      const shift = await sql<{ id: number }>`
        select s.id from shifts s
        join digipunten d on d.id = s.digipunt_id
        join role_assignments r on r.digibank_id = d.digibank_id and r.role = 'volunteer'
        join users u on u.id = r.user_id and u.email = ${VOLUNTEER}
        where s.starts_at > now() + interval '2 days' and s.required_skill_id is null
          and s.capacity > (select count(*) from shift_claims c
                            where c.shift_id = s.id and c.status = 'confirmed')
          and not exists (select 1 from shift_claims c join shifts o on o.id = c.shift_id
                          where c.user_id = u.id and c.status = 'confirmed'
                            and o.starts_at < s.ends_at and o.ends_at > s.starts_at)
        order by s.starts_at limit 1`.execute(database.db);
      const shiftId = shift.rows[0]!.id;
      await page.goto(`${base}/shifts/${shiftId}`);
      await Promise.all([
        page.waitForLoadState("networkidle"),
        page.locator('form:has(input[name="intent"][value="claim"]) button[type="submit"]').click(),
      ]);
      await eventually("the claim", async () => {
        const claims = await database.db
          .selectFrom("shift_claims")
          .innerJoin("users", "users.id", "shift_claims.user_id")
          .select("shift_claims.status")
          .where("shift_id", "=", shiftId)
          .where("users.email", "=", VOLUNTEER)
          .execute();
        return claims.some((c) => c.status === "confirmed");
      });

      // 3. The calendar feed, made on the account page and fetched as a calendar app does.
      await page.goto(`${base}/account`);
      await Promise.all([
        page.waitForURL(/\/account/),
        page
          .locator('form:has(input[name="intent"][value="calendar"]) button[type="submit"]')
          .click(),
      ]);
      await page.waitForLoadState("networkidle");
      const feedPath = (await page.content()).match(/\/feed\/([A-Za-z0-9_-]{20,})\.ics/);
      expect(feedPath).not.toBeNull();
      secrets.set("feed token", feedPath![1]!);
      expect((await fetch(`${base}${feedPath![0]}`)).status).toBe(200);
      await rememberCookies(context);
      await signOut(page);

      // 4. A sign-in link from the mailbox.
      const before = smtp.messages.length;
      await page.goto(`${base}/login/link`);
      await page.getByLabel("E-mailadres").fill(VOLUNTEER);
      await page.getByRole("button", { name: "Stuur mij een link" }).click();
      await page.getByRole("status").waitFor();
      const signInLink = await linkFromMail("/login/link/");
      expect(smtp.messages.length).toBeGreaterThan(before);
      await page.goto(base + signInLink);
      await Promise.all([
        page.waitForURL(base + "/"),
        page.getByRole("button", { name: "Meld mij aan" }).click(),
      ]);
      await page.getByText("Aangemeld als").first().waitFor();
      await rememberCookies(context);
      await signOut(page);

      // 5. A password reset.
      await page.goto(`${base}/reset`);
      await page.getByLabel("E-mailadres").fill(VOLUNTEER);
      await page.getByRole("button", { name: "Stuur mij een link" }).click();
      await page.getByRole("status").waitFor();
      const resetLink = await linkFromMail("/reset/");
      await page.goto(base + resetLink);
      await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(NEW_PASSWORD);
      await Promise.all([
        page.waitForURL(base + "/"),
        page.getByRole("button", { name: "Bewaar mijn wachtwoord" }).click(),
      ]);
      await page.getByText("Aangemeld als").first().waitFor();
      await rememberCookies(context);

      // 6. Sign out.
      await signOut(page);
      await context.close();

      const users = await database.db.selectFrom("users").select("email").execute();
      for (const { email } of users) secrets.set(`address ${email}`, email);
      secrets.set("demo password", DEMO_PASSWORD);
      secrets.set("new password", NEW_PASSWORD);

      // Give the last lines (the sign-out's, the mail worker's) a moment to be written.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const log = app.server.output();
      const lower = log.toLowerCase();
      const found = [...secrets]
        .filter(([, value]) =>
          [value, encodeURIComponent(value)].some((form) => lower.includes(form.toLowerCase())),
        )
        .map(([what]) => what);
      expect(found).toEqual([]);

      // And the log is really there: a JSON line per request, each with its request id, the
      // token-bearing ones with the token replaced.
      const requestLines = log
        .split("\n")
        .filter((line) => line.startsWith("{") && line.includes('"responseTime"'))
        .map((line) => JSON.parse(line) as { reqId?: string; msg: string });
      expect(requestLines.length).toBeGreaterThan(10);
      expect(requestLines.every((line) => typeof line.reqId === "string")).toBe(true);
      const messages = requestLines.map((line) => line.msg);
      expect(messages).toContain("GET /feed/[redacted] 200");
      expect(messages.some((m) => m.startsWith("GET /login/link/[redacted]"))).toBe(true);
      expect(messages.some((m) => m.startsWith("GET /reset/[redacted]"))).toBe(true);
      expect(secrets.size).toBeGreaterThan(60);
    });
  },
);
