import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { addDays, localToday } from "~/modules/shifts/recurrence.ts";
import {
  type Browser,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  signIn,
  visit,
} from "../support/browser.ts";
import { HttpClient } from "../support/http.ts";
import { startDemoServer } from "../support/server.ts";

// Course planning against the running app: bad input on the planning form answers a 4xx with a
// message in the reader's language and saves nothing; and a coordinator plans a three-session
// course in a browser without JavaScript, growing the form one session at a time, and publishes it.

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
beforeAll(async () => {
  app = await startDemoServer();
  base = app.server.url;
});
afterAll(() => app?.close());

async function signedIn(email: string) {
  const client = new HttpClient(base);
  const response = await client.post("/login", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(302);
  return client;
}

/** How many courses the planner's list shows. */
async function courseCount(client: HttpClient) {
  const html = await (await client.get("/courses/manage")).text();
  return new Set(html.match(/href="\/courses\/manage\/\d+"/g) ?? []).size;
}

describe("bad input on the planning form", () => {
  const first = addDays(localToday(), 30);
  let client: HttpClient;
  let scope: string;
  beforeAll(async () => {
    client = await signedIn("coordinator@digihelpers.example");
    const html = await (await client.get("/courses/manage/new")).text();
    scope = html.match(/<option value="((?:region|digibank)-\d+)"/)![1]!;
  });

  const good = () => ({
    scope,
    title: "Itsme uitleggen",
    theme: "digital_skills",
    audience: "everyone",
    capacity: "12",
    opensDate: localToday(),
    opensTime: "09:00",
    closesDate: addDays(first, -1),
    closesTime: "12:00",
    "sessions[0].date": first,
    "sessions[0].startTime": "09:00",
    "sessions[0].endTime": "12:00",
    "sessions[0].address": "Markt 1, Brugge",
  });

  const cases: Array<[string, Record<string, string>, string]> = [
    [
      "a session ending before it starts",
      { "sessions[0].endTime": "08:00" },
      "Het einde moet na het begin liggen.",
    ],
    [
      "overlapping sessions",
      {
        "sessions[1].date": first,
        "sessions[1].startTime": "11:00",
        "sessions[1].endTime": "13:00",
        "sessions[1].address": "Markt 1, Brugge",
      },
      "Deze sessie valt samen met een andere van deze vorming.",
    ],
    [
      "a window closing after the first session starts",
      { closesDate: first, closesTime: "10:00" },
      "Inschrijven moet sluiten voor de eerste sessie begint.",
    ],
    ["capacity 0", { capacity: "0" }, "Vul een aantal plaatsen in van 1 tot 500."],
    ["capacity 100,000", { capacity: "100000" }, "Vul een aantal plaatsen in van 1 tot 500."],
    ["a 10,000-character title", { title: "x".repeat(10_000) }, "Dit is te lang."],
    ["a NUL character", { title: "Itsme\u0000uitleg" }, "Hier staan tekens in die niet mogen"],
    ["an id past the integer range", { prerequisiteSkillId: "2147483648" }, "Vul dit in."],
    ["an impossible date", { "sessions[0].date": "2027-02-30" }, "Dit is geen geldige datum."],
    [
      "a trainer who does not work in the course's region",
      { trainerUserIds: "2147483647" },
      "Een lesgever op het platform moet in de regio van de vorming werken.",
    ],
  ];

  it.each(cases)("%s: a 400 with a Dutch message, nothing saved", async (_name, bad, message) => {
    const before = await courseCount(client);
    const response = await client.post("/courses/manage/new", { ...good(), ...bad });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(await courseCount(client)).toBe(before);
  });

  it.each([
    ["fr", "Indiquez un nombre de places de 1 à 500.", "Rien n"],
    ["en", "Fill in a number of places from 1 to 500.", "Nothing has been saved yet."],
  ])("in %s the refusal is in the reader's language", async (lng, message, notSaved) => {
    const reader = await signedIn("coordinator@digihelpers.example");
    expect((await reader.post("/language", { lng, redirectTo: "/" })).status).toBe(302);
    const response = await reader.post("/courses/manage/new", { ...good(), capacity: "0" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).toContain(notSaved);
  });

  it("the same form, well filled in, is saved (the cases above fail only on their flaw)", async () => {
    const before = await courseCount(client);
    const response = await client.post("/courses/manage/new", good());
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/courses\/manage\/\d+$/);
    expect(await courseCount(client)).toBe(before + 1);
  });

  it("an id past the integer range in the path is a 404, not a 500", async () => {
    expect((await client.get("/courses/manage/2147483648")).status).toBe(404);
    expect((await client.get("/courses/manage/99999")).status).toBe(404);
  });
});

describe.runIf(browserAvailable)("a coordinator plans a course in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("creates a three-session course without JavaScript and publishes it", async () => {
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, base, "coordinator@digihelpers.example", {
      redirectTo: "/courses/manage",
    });
    await Promise.all([
      page.waitForURL(base + "/courses/manage/new"),
      page.getByRole("link", { name: "Nieuwe vorming" }).click(),
    ]);

    const days = [14, 21, 28].map((n) => addDays(localToday(), n));
    const session = (n: number) => page.getByRole("group", { name: `Sessie ${n}` });
    await page.getByLabel("Titel").fill("Werken met ouderen");
    await page.getByLabel("Werken met de doelgroep").check();
    await page.getByLabel("Aantal plaatsen (1 tot 500)").fill("15");
    await session(1).getByLabel("Datum").fill(days[0]!);
    await session(1).getByLabel("Van (uur)").fill("13:30");
    await session(1).getByLabel("Tot (uur)").fill("16:00");
    await session(1).getByLabel("Ander adres").fill("Zaal De Schakel, Markt 1, Brugge");

    // Without JavaScript, each "add" posts the form and gets it back, as typed, one row longer.
    for (const n of [2, 3]) {
      await page.getByRole("button", { name: "Nog een sessie toevoegen" }).click();
      await session(n).waitFor();
      await expect(page.getByLabel("Titel").inputValue()).resolves.toBe("Werken met ouderen");
      await expect(session(1).getByLabel("Datum").inputValue()).resolves.toBe(days[0]);
      await expect(page.getByLabel("Werken met de doelgroep").isChecked()).resolves.toBe(true);
      await session(n)
        .getByLabel("Datum")
        .fill(days[n - 1]!);
      await session(n).getByLabel("Van (uur)").fill("13:30");
      await session(n).getByLabel("Tot (uur)").fill("16:00");
      await session(n).getByLabel("Link om online mee te doen").fill("https://meet.example.org/x");
    }
    await page.getByLabel("Inschrijven kan vanaf (datum)").fill(localToday());
    await page.getByLabel("Inschrijven kan tot (datum)").fill(addDays(days[0]!, -2));
    // Enter in a field saves, as "Ontwerp bewaren" does; it does not add yet another session.
    await Promise.all([
      page.waitForURL(/\/courses\/manage\/\d+$/),
      page.getByLabel("Titel").press("Enter"),
    ]);
    const courseUrl = page.url();
    await page.getByRole("status").getByText("Het ontwerp is bewaard.").waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Werken met ouderen",
    );
    await expect(
      page.locator("ol").filter({ hasText: "Zaal De Schakel" }).locator("li").count(),
    ).resolves.toBe(3);

    await page.getByRole("button", { name: "Publiceren" }).click();
    await page.getByRole("status").getByText("De vorming is gepubliceerd.").waitFor();
    await expect(page.getByText("Gepubliceerd", { exact: true }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();

    // The same pages in a browser with JavaScript pass axe, the grown form included.
    const live = await newContext(browser);
    const livePage = await live.context.newPage();
    await signIn(livePage, base, "coordinator@digihelpers.example");
    await visit(livePage, base + "/courses/manage");
    await livePage.getByRole("link", { name: "Werken met ouderen" }).first().waitFor();
    await visit(livePage, base + "/courses/manage/new");
    await livePage.getByRole("button", { name: "Nog een sessie toevoegen" }).click();
    await livePage.getByRole("group", { name: "Sessie 2" }).waitFor();
    await expectAccessible(livePage);
    await visit(livePage, courseUrl);
    // "Vorming wijzigen" opens the form itself, not the course's page again.
    await livePage.getByRole("link", { name: "Vorming wijzigen" }).click();
    await livePage.waitForURL(courseUrl + "/edit");
    // The address changes before the form is drawn: wait for its heading.
    await expect.poll(() => livePage.locator("h1").textContent()).toBe("Vorming wijzigen");
    await visit(livePage, courseUrl + "/edit");
    expect(live.problems).toEqual([]);
    await live.context.close();
  });

  it("the first screen at 390 px says what the page is for", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signIn(page, base, "coordinator@digihelpers.example");
    await visit(page, base + "/courses/manage/new");
    const heading = page.getByRole("heading", { level: 1, name: "Nieuwe vorming" });
    await expect(heading.isVisible()).resolves.toBe(true);
    const box = (await heading.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(844);
    expect(problems).toEqual([]);
    await context.close();
  });
});
