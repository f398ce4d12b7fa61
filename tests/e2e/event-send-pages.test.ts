import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { eventInvitationToken } from "~/modules/events/tokens.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createEventGuest,
  createEventInvitation,
  createRegion,
  createUser,
} from "../factories/index.ts";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type ListeningApp, listenBuiltApp } from "../support/app.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The send page (regional staff, by keyboard) and the unsubscribe page (a guest on a phone, from
// the mail link, not signed in), each checked with axe on every state.

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let browser: Browser;
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  server = await listenBuiltApp({ db: database.db, jobs, secret: "event-send-pages-secret" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

describe.runIf(browserAvailable)("sending invitations and unsubscribing, in a browser", () => {
  it("staff see how many a send reaches, send by keyboard, and schedule", async () => {
    const db = database.db;
    const region = await createRegion(db, { name: "Regio Kempen" });
    const bank = await createDigibank(db, { regionId: region.id });
    for (const language of ["nl", "fr", "en"] as const) {
      const user = await createUser(db, { language });
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    }
    const staff = await createUser(db, { name: "Sofie Staf" });
    await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
    const event = await createEvent(db, { regionId: region.id, title: "Dag van de Digibank" });
    const draft = await createEvent(db, { regionId: region.id, status: "draft" });

    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const cookie = await startSession(db, new Request(server!.base), staff.id);
    const [name, ...value] = cookie.split(";")[0]!.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: server!.base }]);
    const page = await context.newPage();

    await visit(page, `${server!.base}/events/manage/${event.id}/send`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Uitnodigingen versturen");
    expect(await page.textContent("main")).toContain("3 personen krijgen nu een uitnodiging.");
    const sendButton = page.getByRole("button", { name: "Nu versturen naar 3 personen" });
    await sendButton.focus();
    await Promise.all([page.waitForURL(/\/send$/), page.keyboard.press("Enter")]);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.textContent("main")).toContain("De uitnodigingen gaan nu uit");
    await visit(page, page.url());

    await page.getByLabel("Dag", { exact: true }).fill("2099-01-01");
    await page.getByLabel("Uur", { exact: true }).fill("10:30");
    await Promise.all([
      page.waitForURL(/\/send$/),
      page.getByRole("button", { name: "Versturen op dit moment" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    // After the deadline: refused, with a message.
    await expect.poll(() => page.textContent("main")).toContain("vóór de antwoorddatum");
    await visit(page, page.url());

    await visit(page, `${server!.base}/events/manage/${draft.id}/send`);
    expect(await page.textContent("main")).toContain("nog een ontwerp");
    expect(await page.getByRole("button", { name: /Nu versturen/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a guest on a phone unsubscribes from the mail link, in their language, without signing in", async () => {
    const db = database.db;
    const region = await createRegion(db);
    const event = await createEvent(db, { regionId: region.id, title: "Brunch" });
    const guest = await createEventGuest(db, {
      eventId: event.id,
      language: "fr",
      email: "Partenaire@Commune.example",
    });
    const invitation = await createEventInvitation(db, { eventId: event.id, guestId: guest.id });
    const token = await eventInvitationToken(db, invitation);

    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    await visit(page, `${server!.base}/events/unsubscribe/${token}`);
    expect(await page.locator("h1").textContent()).toBe(
      "Ne plus recevoir d’invitations aux rencontres ?",
    );
    const box = await page.locator("button[type=submit]").last().boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    await page.getByRole("button", { name: "Oui, plus d’invitations" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Vous êtes désinscrit·e");
    await visit(page, page.url());
    const optOut = await db
      .selectFrom("event_guest_opt_outs")
      .select("email")
      .where("email", "=", "partenaire@commune.example")
      .executeTakeFirst();
    expect(optOut).toBeDefined();

    await visit(
      page,
      `${server!.base}/events/unsubscribe/${token.slice(0, -9)}${token.at(-9) === "x" ? "y" : "x"}${token.slice(-8)}`,
    );
    expect(await page.textContent("main")).toContain("Deze link werkt niet");
    expect(problems).toEqual([]);
    await context.close();
  });
});
