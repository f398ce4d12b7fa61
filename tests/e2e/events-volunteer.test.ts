import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import { eventInvitationLinks } from "~/modules/events/tokens.server.ts";
import { addDays, localInstant, localParts, localToday } from "~/modules/shifts/recurrence.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createEventInvitation,
  createRegion,
  createUser,
} from "../factories/index.ts";
import {
  type Browser,
  type Page,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type ListeningApp, listenBuiltApp } from "../support/app.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// A volunteer on a phone (390x844), not signed in, opens the answer link of their invitation,
// answers yes with a plus-one and a question answered, changes the answer by keyboard, then signs
// in and finds the gathering at /events, on the home page and in the calendar (/shifts and its
// list). A French-speaking invitee sees the page in French in a Dutch browser; a tampered link
// says so. Every page is checked with axe (and the HTML checker).

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

const PHONE = { width: 390, height: 844 };

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db, { name: "Regio Gent" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Gent" });
  // Not "Sofie De Smet": with that name the "ç" of "Français" in /shifts' header straddles the end
  // of one of React 18.3.1's 2,048-byte stream buffers, and React sends the buffer's unwritten
  // last byte as a NUL (the Nu checker flags it). A bug of the base, reported in the note.
  const volunteer = await createUser(db, { name: "Sofie Desmet", language: "nl" });
  await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bank.id });
  const french = await createUser(db, { name: "Amélie Dubois", language: "fr" });
  await assignRole(db, { userId: french.id, role: "volunteer", digibankId: bank.id });
  // Tomorrow (this week or, on a Sunday, the next): the calendar opens on it or one step before.
  const startsAt = localInstant(addDays(localToday(), 1), "10:00");
  const event = await createEvent(db, {
    regionId: region.id,
    title: "Brunch voor de digihelpers",
    startsAt,
    answerDeadline: new Date(Date.now() + 6 * 3600_000),
    maxPlusOnes: 2,
    capacity: 40,
    questions: [
      { kind: "choice", label: "Eet je mee?", choices: ["Ja", "Nee"], required: true },
      { kind: "text", label: "Hulp nodig om te komen?" },
    ],
  });
  const invitation = await createEventInvitation(db, { eventId: event.id, userId: volunteer.id });
  const frenchInvitation = await createEventInvitation(db, {
    eventId: event.id,
    userId: french.id,
  });
  return { volunteer: volunteer.id, event, invitation, frenchInvitation };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "events-volunteer-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

async function answerOf(invitationId: number) {
  return database.db
    .selectFrom("event_invitations")
    .select(["response", "plus_ones", "answers"])
    .where("id", "=", invitationId)
    .executeTakeFirstOrThrow();
}

/** Whether the element is within the first screen, without scrolling. */
async function onFirstScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y + box.height <= PHONE.height;
}

async function text(locator: Locator) {
  await locator.first().waitFor();
  return (await locator.first().innerText()).trim();
}

describe.runIf(browserAvailable)("a volunteer answers an invitation on a phone", () => {
  it("answers from the mail link without signing in, changes it, and finds the gathering once signed in", async () => {
    const { context, problems } = await newContext(browser, { viewport: PHONE });
    const page = await context.newPage();
    const links = await eventInvitationLinks(database.db, base, world.invitation);

    // The "Ja" button of the mail: the page opens with yes chosen, and records nothing yet.
    await visit(page, links.yesUrl);
    expect(await text(page.locator("h1"))).toBe("Brunch voor de digihelpers");
    expect(await onFirstScreen(page, "h1")).toBe(true);
    expect(await page.getByLabel("Ja, ik kom").isChecked()).toBe(true);
    expect((await answerOf(world.invitation.id)).response).toBe("none");

    await page.getByLabel("Hoeveel personen breng je mee?").fill("1");
    await page.getByLabel("Eet je mee? (verplicht)").selectOption("Ja");
    await page.getByLabel("Hulp nodig om te komen?").fill("Ik kom met de rolstoel");
    await page.getByRole("button", { name: "Antwoord versturen" }).click();
    expect(await text(page.locator(".outcome"))).toBe("Je antwoord is genoteerd: ja.");
    expect(await answerOf(world.invitation.id)).toMatchObject({
      response: "yes",
      plus_ones: 1,
      answers: {
        [String(world.event.questions[0]!.id)]: "Ja",
        [String(world.event.questions[1]!.id)]: "Ik kom met de rolstoel",
      },
    });
    expect(await text(page.getByText("Je zei ja, met 1 persoon extra."))).toBeTruthy();

    // Changed by keyboard only: maybe, then yes again.
    await page.getByLabel("Misschien").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Antwoord wijzigen" }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".outcome", { hasText: "misschien" }).waitFor();
    expect((await answerOf(world.invitation.id)).response).toBe("maybe");
    await page.getByLabel("Ja, ik kom").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Antwoord wijzigen" }).focus();
    await page.keyboard.press("Enter");
    await page.locator(".outcome", { hasText: "Je antwoord is genoteerd: ja." }).waitFor();
    await visit(page, page.url());
    expect((await answerOf(world.invitation.id)).response).toBe("yes");

    // Signed in: /events, the home page, the calendar and its list.
    const cookie = await startSession(database.db, new Request(base), world.volunteer);
    const [pair] = cookie.split(";");
    const [name, ...value] = pair!.split("=");
    await context.addCookies([{ name: name!, value: value.join("="), url: base }]);

    await visit(page, `${base}/events`);
    expect(await text(page.locator("h1"))).toBe("Bijeenkomsten");
    // A volunteer organises nothing: no way into the organisers' pages.
    expect(await page.getByRole("link", { name: "Bijeenkomsten die je organiseert" }).count()).toBe(
      0,
    );
    const item = page.locator(`#invitation-${world.invitation.id}`);
    expect(await text(item)).toContain("Brunch voor de digihelpers");
    expect(await text(item)).toContain("Je zei ja, met 1 persoon extra.");

    await visit(page, `${base}/events/${world.event.id}`);
    expect(await page.getByLabel("Eet je mee? (verplicht)").inputValue()).toBe("Ja");

    await visit(page, `${base}/`);
    const card = page.locator(".card", { hasText: "Uitnodigingen" });
    expect(await text(card)).toContain("Volgende bijeenkomst: Brunch voor de digihelpers");

    await visit(page, `${base}/shifts`);
    await page.locator(".shift-calendar [role=tablist]").waitFor();
    await page.waitForLoadState("networkidle");
    const entry = page.locator(`a[href="/events/${world.event.id}"]`).first();
    if ((await entry.count()) === 0) {
      await Promise.all([
        page.waitForResponse((r) => r.url().includes("/shifts/events")),
        page.getByRole("button", { name: /^Volgende$/ }).click(),
      ]);
      await page.waitForLoadState("networkidle");
    }
    expect(await text(entry)).toContain("🤝 Bijeenkomst: Brunch voor de digihelpers");
    await visit(page, page.url());

    const week = localParts(new Date(world.event.starts_at)).date;
    await visit(page, `${base}/shifts/list?week=${week}`);
    const listed = page.locator(".gathering-item", { hasText: "Brunch voor de digihelpers" });
    expect(await text(listed)).toContain("Bijeenkomst: Brunch voor de digihelpers");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("speaks the invitee's language in a browser set to another one, and says when a link is tampered with", async () => {
    const { context, problems } = await newContext(browser, { viewport: PHONE, locale: "nl-BE" });
    const page = await context.newPage();
    const links = await eventInvitationLinks(database.db, base, world.frenchInvitation);
    await visit(page, links.answerUrl);
    expect(await page.locator("main [lang=fr] h2").first().innerText()).toBe(
      "Votre réponse à l'invitation",
    );
    await page.getByLabel("Oui, je viens").check();
    await page.getByLabel("Eet je mee? (obligatoire)").selectOption("Nee");
    await page.getByRole("button", { name: "Envoyer la réponse" }).click();
    expect(await text(page.locator(".outcome"))).toBe("Votre réponse est enregistrée : oui.");
    expect((await answerOf(world.frenchInvitation.id)).response).toBe("yes");

    const [id, nonce, mac] = links.answerUrl.split("/").pop()!.split(".");
    const tampered = `${base}/events/answer/${id}.${nonce}.${mac!.startsWith("A") ? "B" : "A"}${mac!.slice(1)}`;
    const response = await visit(page, tampered);
    expect(response?.status()).toBe(404);
    expect(await text(page.locator("h1"))).toBe("Deze link werkt niet");
    expect(problems).toEqual([]);
    await context.close();
  });
});
