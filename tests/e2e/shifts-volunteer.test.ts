import { afterAll, beforeAll, describe, expect, it } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import { startSession } from "~/modules/auth/session.server.ts";
import { addDays, localInstant, localToday } from "~/modules/shifts/recurrence.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
  skillId,
} from "../factories/index.ts";
import {
  type Browser,
  type Page,
  browserAvailable,
  expectAccessible,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type ListeningApp, listenBuiltApp } from "../support/app.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// A volunteer takes shifts in the real browser: from the calendar (click an event, then claim on
// the shift page), from the list (claim and release), and with the keyboard alone; every page is
// checked with axe, and a phone gets the list view first.

let database: TestDatabase;
let jobs: JobQueue;
let server: ListeningApp | undefined;
let base: string;
let browser: Browser;
let world: Awaited<ReturnType<typeof makeWorld>>;

/** A local date and time in Brussels, `days` from today. */
const upcoming = (days: number, time: string) => localInstant(addDays(localToday(), days), time);

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db, { name: "Regio Brugge" });
  const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Brugge" });
  const other = await createDigibank(db, { regionId: region.id, name: "Digibank Kust" });
  const town = await createMunicipality(db, { regionId: region.id, name: "Brugge" });
  const biekorf = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Biekorf",
    address: "Kuipersstraat 3, 8000 Brugge",
  });
  const kruis = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Dienstencentrum Sint-Kruis",
  });
  const kust = await createDigipunt(db, {
    digibankId: other.id,
    municipalityId: town.id,
    name: "Sociaal huis Kust",
  });
  const volunteer = await createUser(db, { name: "Mieke Vandamme" });
  await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bank.id });
  const colleague = await createUser(db, { name: "Jan Peeters" });
  await assignRole(db, { userId: colleague.id, role: "volunteer", digibankId: bank.id });

  // Each shift its own morning or afternoon, so no two of Mieke's claims overlap.
  const fromCalendar = await createShift(db, {
    digipuntId: biekorf.id,
    startsAt: upcoming(2, "09:00"),
    endsAt: upcoming(2, "12:00"),
    capacity: 2,
  });
  await createClaim(db, { shiftId: fromCalendar.id, userId: colleague.id });
  const byKeyboard = await createShift(db, {
    digipuntId: kruis.id,
    startsAt: upcoming(2, "14:00"),
    endsAt: upcoming(2, "17:00"),
    capacity: 3,
  });
  const fromList = await createShift(db, {
    digipuntId: kruis.id,
    startsAt: upcoming(3, "09:00"),
    endsAt: upcoming(3, "12:00"),
    capacity: 2,
  });
  const toRelease = await createShift(db, {
    digipuntId: biekorf.id,
    startsAt: upcoming(4, "09:00"),
    endsAt: upcoming(4, "12:00"),
    capacity: 2,
  });
  await createClaim(db, { shiftId: toRelease.id, userId: volunteer.id });
  const withoutScript = await createShift(db, {
    digipuntId: biekorf.id,
    startsAt: upcoming(3, "14:00"),
    endsAt: upcoming(3, "17:00"),
    capacity: 2,
  });
  // Overlaps the keyboard shift (day 2, 14:00-17:00), which the volunteer claims in that test;
  // here she holds one of her own at the same time from the start.
  const busy = await createShift(db, {
    digipuntId: kruis.id,
    startsAt: upcoming(5, "09:00"),
    endsAt: upcoming(5, "12:00"),
  });
  await createClaim(db, { shiftId: busy.id, userId: volunteer.id });
  const clash = await createShift(db, {
    digipuntId: biekorf.id,
    startsAt: upcoming(5, "10:00"),
    endsAt: upcoming(5, "13:00"),
  });
  const full = await createShift(db, {
    digipuntId: biekorf.id,
    startsAt: upcoming(6, "09:00"),
    endsAt: upcoming(6, "12:00"),
    capacity: 1,
  });
  await createClaim(db, { shiftId: full.id, userId: colleague.id });
  // Within the 24-hour cut-off.
  const soonStart = new Date(Date.now() + 3 * 3600_000);
  const soon = await createShift(db, {
    digipuntId: kruis.id,
    startsAt: soonStart,
    endsAt: new Date(soonStart.getTime() + 30 * 60_000),
  });
  await createClaim(db, { shiftId: soon.id, userId: volunteer.id });
  const elsewhere = await createShift(db, {
    digipuntId: kust.id,
    startsAt: upcoming(2, "09:00"),
  });
  // Asks a skill Mieke has not recorded; at a digipunt whose long name must not be cut.
  const longName = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Lokaal Dienstencentrum De Zonnebloem Sint-Andries",
  });
  const skilled = await createShift(db, {
    digipuntId: longName.id,
    startsAt: upcoming(7, "09:00"),
    endsAt: upcoming(7, "12:00"),
    capacity: 2,
    requiredSkillId: await skillId(db, "itsme"),
  });
  return {
    volunteer: volunteer.id,
    shifts: {
      fromCalendar,
      byKeyboard,
      fromList,
      toRelease,
      withoutScript,
      busy,
      clash,
      full,
      soon,
      elsewhere,
      skilled,
    },
  };
}

beforeAll(async () => {
  if (!browserAvailable) return;
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
  server = await listenBuiltApp({ db: database.db, jobs, secret: "shifts-volunteer-secret" });
  base = server.base;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

/** A browser signed in as the volunteer (a session made directly, as the sign-in page would). */
async function signedIn(options: Parameters<typeof newContext>[1] = {}) {
  const { context, problems } = await newContext(browser, options);
  const cookie = await startSession(database.db, new Request(base), world.volunteer);
  const [pair] = cookie.split(";");
  const [name, ...value] = pair!.split("=");
  await context.addCookies([{ name: name!, value: value.join("="), url: base }]);
  return { context, problems, page: await context.newPage() };
}

async function claimStatus(shiftId: number) {
  const row = await database.db
    .selectFrom("shift_claims")
    .select("status")
    .where("shift_id", "=", shiftId)
    .where("user_id", "=", world.volunteer)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.status ?? null;
}

/**
 * The calendar's event link of a shift, once the feed has filled the calendar. Near the end of a
 * month the shift may lie past the grid: then the calendar steps on once, as a person would.
 */
async function eventLink(page: Page, shiftId: number) {
  const link = page.locator(`a[href="/shifts/${shiftId}"]`).first();
  await page.locator(".shift-calendar [role=tablist]").waitFor();
  await page.waitForLoadState("networkidle");
  if ((await link.count()) === 0) {
    await page.getByRole("button", { name: /^(Volgende|Suivant|Next)$/ }).click();
    await page.waitForLoadState("networkidle");
  }
  await link.waitFor();
  return link;
}

/** Presses Tab until the focused element matches, as someone without a mouse would. */
async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; href: string }) => boolean,
) {
  for (let presses = 0; presses < 150; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        tag: el?.tagName.toLowerCase() ?? "",
        text: el?.textContent?.trim() ?? "",
        href: el?.getAttribute("href") ?? "",
      };
    });
    if (matches(focused)) return;
  }
  throw new Error("Tab never reached the element");
}

describe.runIf(browserAvailable)("a volunteer takes and releases shifts in the browser", () => {
  it("claims a shift on the calendar: clicks the event, then claims on the shift page", async () => {
    const { context, problems, page } = await signedIn({ viewport: { width: 1280, height: 900 } });
    await visit(page, base + "/shifts");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Diensten");
    await expect(
      page.getByRole("link", { name: "Liever een lijst? Bekijk de diensten als lijst" }).count(),
    ).resolves.toBe(1);
    const event = await eventLink(page, world.shifts.fromCalendar.id);
    // Told apart by words and an icon, not colour alone.
    await expect(event.textContent()).resolves.toContain("Nog 1 plaats");
    await expect(
      (await eventLink(page, world.shifts.toRelease.id)).textContent(),
    ).resolves.toContain("✓ Jij staat erop");
    // The other digibank's shift is not there.
    await expect(
      page.locator(`a[href="/shifts/${world.shifts.elsewhere.id}"]`).count(),
    ).resolves.toBe(0);
    await expectAccessible(page);

    await event.click();
    await page.waitForURL(`${base}/shifts/${world.shifts.fromCalendar.id}`);
    // The address changes before the new page is drawn: wait for its heading itself.
    await page
      .getByRole("heading", { level: 1, name: "Bibliotheek Biekorf", exact: true })
      .waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
    // Who else is on it: by first name only.
    await expect(page.locator(".people-on-shift").textContent()).resolves.toBe("Jan");
    await page.getByRole("button", { name: "Ik help mee" }).click();
    await page.getByRole("status").getByText("Gelukt: je staat op deze dienst.").waitFor();
    // The message rides in a one-time cookie, not in the address: a reload does not repeat it.
    expect(page.url()).toBe(`${base}/shifts/${world.shifts.fromCalendar.id}`);
    await expectAccessible(page);
    expect(await claimStatus(world.shifts.fromCalendar.id)).toBe("confirmed");
    await expect(page.getByText("Jij staat erop").first().isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("claims one on the list page and releases another there", async () => {
    const { context, problems, page } = await signedIn();
    await visit(page, base + "/shifts/list");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Diensten als lijst",
    );
    // The week that holds the shifts (today is possibly a Sunday: step forward if needed).
    const shiftLink = page.locator(`a[href="/shifts/${world.shifts.fromList.id}"]`);
    if ((await shiftLink.count()) === 0) {
      await page.getByRole("link", { name: /Volgende week/ }).click();
      await page.waitForLoadState("networkidle");
    }
    await expectAccessible(page);
    // The keyboard test's shift sits at the same digipunt: take the button of this shift's row.
    const item = page.locator("li.shift-item", { has: shiftLink });
    await item.getByRole("button", { name: /^Ik help mee/ }).click();
    await page.getByText("Gelukt: je staat op deze dienst.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/shifts/list");
    expect(await claimStatus(world.shifts.fromList.id)).toBe("confirmed");
    await expectAccessible(page);
    // The icon is for the eye: a screen reader reads the state's words alone.
    const state = item.locator(".shift-state");
    await expect(state.textContent()).resolves.toBe("✓ Jij staat erop");
    await expect(state.ariaSnapshot()).resolves.toBe("- paragraph: Jij staat erop");

    const releaseLink = page.locator(`a[href="/shifts/${world.shifts.toRelease.id}"]`);
    if ((await releaseLink.count()) === 0) {
      await page.getByRole("link", { name: /Volgende week/ }).click();
      await page.waitForLoadState("networkidle");
    }
    const releaseItem = page.locator("li.shift-item", { has: releaseLink });
    await releaseItem.getByRole("button", { name: /^Geef deze dienst vrij/ }).click();
    await page.getByText("Je hebt de dienst vrijgegeven.").waitFor();
    expect(await claimStatus(world.shifts.toRelease.id)).toBe("released");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("claims with the keyboard alone: Tab to the event, Enter, Tab to the button, Enter", async () => {
    const { context, problems, page } = await signedIn({ viewport: { width: 1280, height: 900 } });
    await visit(page, base + "/shifts");
    await eventLink(page, world.shifts.byKeyboard.id);
    await tabTo(page, (el) => el.href === `/shifts/${world.shifts.byKeyboard.id}`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${base}/shifts/${world.shifts.byKeyboard.id}`);
    await page.waitForLoadState("networkidle");
    await tabTo(page, (el) => el.tag === "button" && el.text === "Ik help mee");
    await page.keyboard.press("Enter");
    await page.getByText("Gelukt: je staat op deze dienst.").waitFor();
    expect(await claimStatus(world.shifts.byKeyboard.id)).toBe("confirmed");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("passes axe in the month, week and list views of the calendar", async () => {
    const { context, problems, page } = await signedIn({ viewport: { width: 1280, height: 900 } });
    await visit(page, base + "/shifts");
    await page.getByRole("tab", { name: "Maand", selected: true }).waitFor();
    for (const view of ["Week", "Lijst"]) {
      await page.getByRole("tab", { name: view }).click();
      await page.getByRole("tab", { name: view, selected: true }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.evaluate(() => window.scrollTo(0, 0));
      // The calendar fades its new view in: axe measures colours once nothing is moving.
      await page.waitForFunction(() =>
        document.getAnimations().every((animation) => animation.playState !== "running"),
      );
      await expectAccessible(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("filters and claims on the list without JavaScript", async () => {
    const { context, page } = await signedIn({ javaScriptEnabled: false });
    const shift = world.shifts.withoutScript;
    await page.goto(base + "/shifts/list");
    // The filters are folded: the first click opens them.
    await page.getByText("Kies welke diensten je ziet").click();
    await page.getByLabel("Alleen diensten die nog hulp nodig hebben").check();
    await page.getByRole("button", { name: "Toon" }).click();
    await page.waitForURL(/open=1/);
    let item = page.locator("li.shift-item", {
      has: page.locator(`a[href="/shifts/${shift.id}"]`),
    });
    if ((await item.count()) === 0) {
      await page.getByRole("link", { name: /Volgende week/ }).click();
      await page.waitForURL(/week=/);
      item = page.locator("li.shift-item", { has: page.locator(`a[href="/shifts/${shift.id}"]`) });
    }
    expect(new URL(page.url()).searchParams.get("open")).toBe("1");
    await item.getByRole("button", { name: /^Ik help mee/ }).click();
    await page.getByText("Gelukt: je staat op deze dienst.").waitFor();
    expect(await claimStatus(shift.id)).toBe("confirmed");
    // The answer lands on the same filtered week.
    expect(new URL(page.url()).searchParams.get("open")).toBe("1");
    await context.close();
  });

  it("explains a refusal in plain Dutch, and offers the reserve list and the coordinator", async () => {
    const { context, problems, page } = await signedIn();
    const { clash, full, soon, elsewhere } = world.shifts;

    await visit(page, `${base}/shifts/${clash.id}`);
    await page.getByRole("button", { name: "Ik help mee" }).click();
    await page.getByRole("alert").getByText("Je hebt op dat moment al een dienst.").waitFor();
    await expectAccessible(page);
    expect(await claimStatus(clash.id)).toBeNull();

    await visit(page, `${base}/shifts/${full.id}`);
    await expect(page.getByRole("button", { name: "Ik help mee" }).count()).resolves.toBe(0);
    await page.getByText("Deze dienst is volzet. Je kan op de reservelijst.").waitFor();
    await page.getByRole("button", { name: "Zet mij op de reservelijst" }).click();
    await page.getByText("Gelukt: je staat op de reservelijst.").waitFor();
    await page.getByText("Jij bent nummer 1 op de reservelijst.").waitFor();
    expect(await claimStatus(full.id)).toBe("reserve");

    await visit(page, `${base}/shifts/${soon.id}`);
    await expect(page.getByRole("button", { name: "Geef deze dienst vrij" }).count()).resolves.toBe(
      0,
    );
    await page.getByRole("button", { name: "Vraag de coördinator om mij vrij te geven" }).click();
    await page.getByText("We vroegen de coördinator om je vrij te geven.").waitFor();
    await page.getByText("Je vroeg de coördinator om je vrij te geven.").waitFor();
    await expectAccessible(page);

    // Another digibank's shift is not found, not merely refused.
    const response = await page.goto(`${base}/shifts/${elsewhere.id}`);
    expect(response?.status()).toBe(404);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("speaks French to a French reader, the calendar included", async () => {
    const { context, problems, page } = await signedIn({
      locale: "fr-BE",
      viewport: { width: 1280, height: 900 },
    });
    await visit(page, base + "/shifts");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Permanences",
    );
    await page.getByRole("tab", { name: "Mois", selected: true }).waitFor();
    const event = await eventLink(page, world.shifts.busy.id);
    await expect(event.textContent()).resolves.toContain("✓ Vous y êtes inscrit·e");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a phone the list view first", async () => {
    const { context, problems, page } = await signedIn({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await visit(page, base + "/shifts");
    await page.getByRole("tab", { name: "Lijst", selected: true }).waitFor();
    // The list shows the shifts with their state in words, and each is a link to its page.
    const event = await eventLink(page, world.shifts.fromList.id);
    await expect(event.textContent()).resolves.toContain("Dienstencentrum Sint-Kruis");
    await expect(page.getByRole("tab", { name: "Maand", selected: true }).count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("tells on the list and on the calendar that a shift asks a skill she lacks", async () => {
    const { context, problems, page } = await signedIn({ viewport: { width: 1280, height: 900 } });
    const { skilled } = world.shifts;
    const monday = weekOf(skilled.starts_at);
    await visit(page, `${base}/shifts/list?week=${monday}`);
    const item = page.locator("li.shift-item", {
      has: page.locator(`a[href="/shifts/${skilled.id}"]`),
    });
    await expect(item.locator(".shift-note").textContent()).resolves.toBe(
      "Vraagt de vaardigheid itsme, die je nog niet hebt. Vul je vaardigheden aan",
    );
    await expect(
      item.getByRole("link", { name: "Vul je vaardigheden aan" }).getAttribute("href"),
    ).resolves.toBe("/account/skills");
    await expect(item.getByRole("button").count()).resolves.toBe(0);

    await visit(page, base + "/shifts");
    const event = await eventLink(page, skilled.id);
    await expect(event.textContent()).resolves.toContain(
      "Vraagt de vaardigheid itsme, die je nog niet hebt",
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows whole times and names in the month view, and names the English Today button by its text", async () => {
    const { context, problems, page } = await signedIn({
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    await visit(page, base + "/shifts");
    await page.getByRole("tab", { name: "Month", selected: true }).waitFor();
    const event = await eventLink(page, world.shifts.skilled.id);
    await expect(event.textContent()).resolves.toContain("09:00");
    await expect(event.textContent()).resolves.toContain(
      "Lokaal Dienstencentrum De Zonnebloem Sint-Andries",
    );
    // Nothing inside the event is cut off: each piece is as wide as its text.
    const cut = await event.evaluate(
      (el) =>
        [el, ...el.querySelectorAll("*")].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
    );
    expect(cut).toBe(0);
    await expect(page.getByRole("button", { name: "Today", exact: true }).count()).resolves.toBe(1);
    const mismatch = await new AxeBuilder({ page })
      .withRules(["label-content-name-mismatch"])
      .analyze();
    expect(mismatch.violations.map((v) => v.nodes.map((n) => n.html))).toEqual([]);
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a shift on a phone's first screen, on the list and on the calendar", async () => {
    const { context, problems, page } = await signedIn({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const { fromList } = world.shifts;
    await visit(page, `${base}/shifts/list?week=${weekOf(fromList.starts_at)}`);
    const first = page.locator("li.shift-item .shift-item__when").first();
    const box = await first.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    // The menu and the filters are folded, and open on a tap.
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).resolves.toBe(
      false,
    );
    await page.locator("summary", { hasText: "Menu" }).click();
    await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).resolves.toBe(
      true,
    );
    await page.locator("summary", { hasText: "Menu" }).click();
    await expect(page.getByLabel("Alleen mijn diensten").isVisible()).resolves.toBe(false);
    await page.getByText("Kies welke diensten je ziet").click();
    await expect(page.getByLabel("Alleen mijn diensten").isVisible()).resolves.toBe(true);

    await visit(page, base + "/shifts/list?mine=1&open=1");
    await page.getByText("Kies welke diensten je ziet (2 keuzes actief)").waitFor();

    await visit(page, base + "/shifts");
    const event = await eventLink(page, fromList.id);
    await page.evaluate(() => window.scrollTo(0, 0));
    const firstEvent = await page
      .locator('.shift-calendar a[href^="/shifts/"]')
      .first()
      .boundingBox();
    expect(firstEvent!.y + firstEvent!.height).toBeLessThanOrEqual(844);
    await expect(event.count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The Monday (a local date) of the week that holds this instant. */
function weekOf(instant: Date) {
  const day = localToday(instant);
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
