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

// Event planning against the running app: bad input on the event form answers a 400 with a message
// in the reader's language and saves nothing; regional staff create a gathering with a question in
// a browser without JavaScript, choose its audience, see the preview and add guests by pasting;
// every page passes axe (also in French, and at 390 px the first screen says what it is for).

let app: Awaited<ReturnType<typeof startDemoServer>>;
let base: string;
beforeAll(async () => {
  app = await startDemoServer();
  base = app.server.url;
});
afterAll(() => app?.close());

const STAFF = "staff@digihelpers.example";

async function signedIn(email: string) {
  const client = new HttpClient(base);
  const response = await client.post("/login", { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(302);
  return client;
}

/** How many events the planner's list shows. */
async function eventCount(client: HttpClient) {
  const html = await (await client.get("/events/manage")).text();
  return new Set(html.match(/href="\/events\/manage\/\d+\/edit"/g) ?? []).size;
}

describe("bad input on the event form", () => {
  const day = addDays(localToday(), 40);
  let client: HttpClient;
  let scope: string;
  beforeAll(async () => {
    client = await signedIn(STAFF);
    const html = await (await client.get("/events/manage/new")).text();
    scope = html.match(/<option value="((?:region|digibank)-\d+)"/)![1]!;
  });

  const good = () => ({
    scope,
    title: "Dag van de Digibank",
    startDate: day,
    startTime: "10:00",
    endDate: day,
    endTime: "16:00",
    address: "Provinciehuis, Hasselt",
    capacity: "120",
    deadlineDate: addDays(day, -7),
    deadlineTime: "23:59",
    maxPlusOnes: "1",
    reminderDays: "7, 1",
    contactName: "Lotte",
    contactEmail: "lotte@digibank.example",
  });

  const cases: Array<[string, Record<string, string>, string]> = [
    ["an end before the start", { endTime: "09:00" }, "Het einde moet na het begin liggen."],
    [
      "a deadline after the start",
      { deadlineDate: day, deadlineTime: "11:00" },
      "Antwoorden moet kunnen tot ten laatste het begin",
    ],
    ["capacity 0", { capacity: "0" }, "Vul een aantal plaatsen in van 1 tot 10.000."],
    ["capacity 100,000", { capacity: "100000" }, "Vul een aantal plaatsen in van 1 tot 10.000."],
    [
      "capacity 2147483648",
      { capacity: "2147483648" },
      "Vul een aantal plaatsen in van 1 tot 10.000.",
    ],
    ["a 10,000-character title", { title: "x".repeat(10_000) }, "Dit is te lang."],
    ["a NUL character", { title: "Dag\u0000" }, "Hier staan tekens in die niet mogen"],
    ["an impossible date", { startDate: "2027-02-30" }, "Dit is geen geldige datum."],
    [
      "a choice with one option",
      {
        "questions[0].label": "Eet je mee?",
        "questions[0].kind": "choice",
        "questions[0].choices": "Ja",
      },
      "Een keuze heeft 2 tot 10 mogelijkheden",
    ],
    [
      "a sixth question",
      Object.fromEntries(
        [0, 1, 2, 3, 4, 5].flatMap((i) => [
          [`questions[${i}].label`, `Vraag ${i}`],
          [`questions[${i}].kind`, "text"],
        ]),
      ),
      "hoogstens vijf vragen",
    ],
    [
      "a scope the planner may not plan",
      { scope: "region-2147483647" },
      "Je plant geen bijeenkomsten voor die digibank of regio.",
    ],
  ];

  it.each(cases)("%s: a 400 with a Dutch message, nothing saved", async (_name, bad, message) => {
    const before = await eventCount(client);
    const response = await client.post("/events/manage/new", { ...good(), ...bad });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await eventCount(client)).toBe(before);
  });

  it("in French the refusal is in the reader's language", async () => {
    const reader = await signedIn(STAFF);
    expect((await reader.post("/language", { lng: "fr", redirectTo: "/" })).status).toBe(302);
    const response = await reader.post("/events/manage/new", { ...good(), capacity: "0" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Indiquez un nombre de places de 1 à 10 000.");
    await reader.post("/language", { lng: "nl", redirectTo: "/" });
  });

  it("the same form, well filled in, is saved and leads to the audience page", async () => {
    const before = await eventCount(client);
    const response = await client.post("/events/manage/new", good());
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/events\/manage\/\d+\/audience$/);
    expect(await eventCount(client)).toBe(before + 1);
  });

  it("a 10 MB guest file is refused before it is read, nothing imported", async () => {
    const response = await client.post("/events/manage/new", good());
    const audience = response.headers.get("location")!;
    const html = await (await client.get(audience)).text();
    const guestsBefore = (html.match(/name="guestId"/g) ?? []).length;
    const big = "a@x.example,Naam,nl\n".repeat((10 * 1024 * 1024) / 20);
    const refused = await client.post(audience, { intent: "checkGuests", guestList: big });
    expect([400, 413]).toContain(refused.status);
    const after = await (await client.get(audience)).text();
    expect((after.match(/name="guestId"/g) ?? []).length).toBe(guestsBefore);
  });

  it("an id past the integer range in the path is a 404, not a 500", async () => {
    expect((await client.get("/events/manage/2147483648/edit")).status).toBe(404);
    expect((await client.get("/events/manage/99999/audience")).status).toBe(404);
  });
});

describe.runIf(browserAvailable)("regional staff plan a gathering in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("creates an event with a question, chooses the audience, previews and pastes guests", async () => {
    const { context, problems } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    // Organisers find their gatherings from /events, beside their own invitations.
    await signIn(page, base, STAFF, { redirectTo: "/events" });
    await Promise.all([
      page.waitForURL(base + "/events/manage"),
      page.getByRole("link", { name: "Bijeenkomsten die je organiseert" }).click(),
    ]);
    await Promise.all([
      page.waitForURL(base + "/events/manage/new"),
      page.getByRole("link", { name: "Nieuwe bijeenkomst" }).click(),
    ]);
    const day = addDays(localToday(), 45);
    await page.getByLabel("Titel").fill("Brunch voor de vrijwilligers");
    await page.getByLabel("Begindatum").fill(day);
    await page.getByLabel("Einddatum").fill(day);
    await page.getByLabel("Adres", { exact: true }).fill("Zaal De Schakel, Markt 1, Brugge");
    await page.getByLabel("Antwoorden kan tot (datum)").fill(addDays(day, -5));

    // Without JavaScript, "another question" posts the form and gets it back, one row longer.
    await page.getByRole("button", { name: "Nog een vraag" }).click();
    const first = page.getByRole("group", { name: "Vraag 1" });
    await first.waitFor();
    await expect(page.getByLabel("Titel").inputValue()).resolves.toBe(
      "Brunch voor de vrijwilligers",
    );
    await first.getByLabel("Vraag", { exact: true }).fill("Wat eet je?");
    await first.getByLabel("Een keuze").check();
    await first.getByLabel("Keuzes").fill("Vlees\nVegetarisch\nVeganistisch");
    await Promise.all([
      page.waitForURL(/\/events\/manage\/\d+\/audience$/),
      page.getByRole("button", { name: "Ontwerp bewaren en genodigden kiezen" }).click(),
    ]);
    const audienceUrl = page.url();
    const eventUrl = audienceUrl.replace(/\/audience$/, "");
    await page.getByRole("status").getByText("Het ontwerp is bewaard.").waitFor();

    // The audience: volunteers only; the preview counts them.
    await page.getByLabel("Coördinatoren").uncheck();
    await page.getByRole("button", { name: "Keuze bewaren" }).click();
    await page.getByText("De keuze is bewaard.").waitFor();
    await expect(page.getByLabel("Coördinatoren").isChecked()).resolves.toBe(false);
    await page
      .getByText(/krijg(t|en) een uitnodiging/)
      .first()
      .waitFor();

    // Guests by paste: one good, one bad row; the report, then the confirm.
    await page
      .getByLabel("Lijst plakken")
      .fill("email;naam;taal\nschepen@brugge.example;Schepen Peeters;fr\ngeen-adres;Iemand;nl");
    await page.getByRole("button", { name: "Lijst nakijken" }).click();
    await page.getByText("1 gast kan erbij.").waitFor();
    await expect(
      page.getByRole("table", { name: "Niet toegevoegd" }).textContent(),
    ).resolves.toContain("Geen geldig e-mailadres.");
    await page.getByRole("button", { name: "1 gast toevoegen" }).click();
    await page.getByText("1 gast is toegevoegd.").waitFor();
    await page.getByRole("cell", { name: "Schepen Peeters", exact: true }).waitFor();
    await page.getByText("Van wie 1 gast van buiten het platform").waitFor();

    // Publish from the edit page.
    await page.goto(eventUrl + "/edit");
    await page.getByRole("button", { name: "Publiceren" }).click();
    await page.getByRole("status").getByText("De bijeenkomst is gepubliceerd.").waitFor();
    // The check with a refused row answers 400 on purpose (its report is the message).
    expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    await context.close();

    // The same pages with JavaScript pass axe, the grown form and the guest report included.
    const live = await newContext(browser);
    const livePage = await live.context.newPage();
    await signIn(livePage, base, STAFF);
    await visit(livePage, base + "/events/manage");
    await livePage.getByRole("link", { name: "Brunch voor de vrijwilligers" }).first().waitFor();
    await visit(livePage, base + "/events/manage/new");
    await livePage.getByRole("button", { name: "Nog een vraag" }).click();
    await livePage.getByRole("group", { name: "Vraag 1" }).waitFor();
    await expectAccessible(livePage);
    await visit(livePage, eventUrl + "/edit");
    await visit(livePage, audienceUrl);
    await livePage.getByLabel("Lijst plakken").fill("a@b.example,A\nfout,B");
    await livePage.getByRole("button", { name: "Lijst nakijken" }).click();
    await livePage.getByRole("table", { name: "Niet toegevoegd" }).waitFor();
    await expectAccessible(livePage);

    // In French too.
    await livePage.locator('button[name="lng"][value="fr"]').first().click();
    await livePage.waitForLoadState("networkidle");
    await visit(livePage, base + "/events/manage");
    await livePage.getByRole("heading", { level: 1, name: "Planifier des rencontres" }).waitFor();
    await visit(livePage, eventUrl + "/edit");
    await visit(livePage, audienceUrl);
    await livePage.getByRole("heading", { level: 2, name: "Aperçu" }).waitFor();
    await livePage.locator('button[name="lng"][value="nl"]').first().click();
    await livePage.waitForLoadState("networkidle");
    expect(live.problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
    await live.context.close();
  });

  it("the first screen at 390 px says what the page is for", async () => {
    const { context, problems } = await newContext(browser, {
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await signIn(page, base, STAFF);
    for (const [path, name] of [
      ["/events/manage", "Bijeenkomsten plannen"],
      ["/events/manage/new", "Nieuwe bijeenkomst"],
    ] as const) {
      await visit(page, base + path);
      const heading = page.getByRole("heading", { level: 1, name });
      await expect(heading.isVisible()).resolves.toBe(true);
      const box = (await heading.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(844);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
