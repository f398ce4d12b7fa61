import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import {
  MAX_GUEST_BYTES,
  addGuests,
  checkGuests,
  decodeGuestFile,
  parseCsv,
  removeGuest,
} from "~/modules/events/guests.server.ts";
import { writeCsv } from "~/modules/reports/csv.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createEventGuest,
  createEventInvitation,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";

// Outside guests of an event, pasted or uploaded as CSV: each bad row is reported with its line
// and reason, the good ones are added in one transaction on confirm, and nothing is half-imported.

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

async function world() {
  const db = database.db;
  const region = await createRegion(db);
  await createDigibank(db, { regionId: region.id });
  const staff = await createUser(db);
  await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
  const event = await createEvent(db, { regionId: region.id, status: "draft" });
  return { region, event, actor: (await loadActor(db, staff.id))! };
}

const guestsOf = (eventId: number) =>
  database.db
    .selectFrom("event_guests")
    .select(["email", "name", "language"])
    .where("event_id", "=", eventId)
    .orderBy("id")
    .execute();

describe("reading a guest list", () => {
  it("reads commas or semicolons, quotes, a header, and skips blank lines", () => {
    expect(parseCsv('email;naam;taal\r\na@x.be;"Peeters; Lies";fr\r\n\r\nb@x.be;Jan\r\n')).toEqual([
      { line: 1, cells: ["email", "naam", "taal"] },
      { line: 2, cells: ["a@x.be", "Peeters; Lies", "fr"] },
      { line: 3, cells: [""] },
      { line: 4, cells: ["b@x.be", "Jan"] },
    ]);
  });

  it("decodes UTF-8 with a byte order mark, and falls back to Windows-1252", () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("é@x.be,Zoë")]);
    expect(decodeGuestFile(utf8)).toBe("é@x.be,Zoë");
    // "Zoë Hermé" as Excel on Windows saves it: ë = 0xEB, é = 0xE9 (not valid UTF-8).
    const cp1252 = new Uint8Array([
      ...new TextEncoder().encode("z@x.be,Zo"),
      0xeb,
      ...new TextEncoder().encode(" Herm"),
      0xe9,
      ...new TextEncoder().encode(",nl"),
    ]);
    expect(decodeGuestFile(cp1252)).toBe("z@x.be,Zoë Hermé,nl");
  });
});

describe("checking guests row by row", () => {
  it("reports invalid addresses, duplicates, platform accounts, control characters, languages", async () => {
    const { event } = await world();
    const member = await createUser(database.db, { email: "lid@digihelpers.example" });
    await createEventGuest(database.db, { eventId: event.id, email: "al@gemeente.example" });
    const text = [
      "email,name,language",
      "lies@gemeente.example,Lies Peeters,nl",
      "geen-adres,Iemand,nl",
      "",
      "LIES@gemeente.example,Lies nog eens,nl",
      "al@gemeente.example,Al Gast,fr",
      `${member.email.toUpperCase()},Een lid,nl`,
      '"cr@x.example","Naam met\r\nBcc: evil@x.example",nl',
      '=formule@x.example,=HYPERLINK("http://evil"),en',
      "formula@x.example,=1+1,en",
      "de@x.example,Dieter,de",
      "   ",
    ].join("\n");
    const checked = await checkGuests(database.db, event.id, text);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const { report } = checked;
    expect(report.toAdd).toEqual([
      {
        line: 2,
        email: "lies@gemeente.example",
        name: "Lies Peeters",
        language: "nl",
        languageDefaulted: false,
      },
      // A formula in a name is a name: kept as typed (the CSV export neutralises it).
      {
        line: 11,
        email: "formula@x.example",
        name: "=1+1",
        language: "en",
        languageDefaulted: false,
      },
      { line: 12, email: "de@x.example", name: "Dieter", language: "nl", languageDefaulted: true },
    ]);
    expect(report.refused).toEqual([
      { line: 3, email: "geen-adres", reason: "email" },
      { line: 5, email: "lies@gemeente.example", reason: "duplicate_in_list" },
      { line: 6, email: "al@gemeente.example", reason: "already_guest" },
      { line: 7, email: member.email, reason: "platform_account" },
      { line: 8, email: "cr@x.example", reason: "name_control" },
      { line: 10, email: "=formule@x.example", reason: "email" },
    ]);
    expect(report.blankLines).toBe(2);
  });

  it("refuses a list holding a NUL or another control character as a whole", async () => {
    const { event } = await world();
    for (const text of ["a@x.example,Na\u0000am,nl", "a@x.example,A\u001b[31m,nl"])
      expect(await checkGuests(database.db, event.id, text)).toEqual({
        ok: false,
        reason: "control",
      });
  });

  it("a formula in a name stays harmless in the CSV the organiser exports", () => {
    const csv = writeCsv(
      [{ header: "naam", value: (r: { name: string }) => r.name }],
      [{ name: "=1+1" }],
    );
    expect(csv).toContain("'=1+1");
  });

  it("refuses a 10 MB text and more than 5,000 rows as a whole, adding nothing", async () => {
    const { event, actor } = await world();
    const big = "a@x.example,Naam,nl\n".repeat(Math.ceil((10 * 1024 * 1024) / 20));
    expect(big.length).toBeGreaterThan(MAX_GUEST_BYTES);
    expect(await checkGuests(database.db, event.id, big)).toEqual({
      ok: false,
      reason: "too_large",
    });
    const many = Array.from({ length: 5_001 }, (_, i) => `g${i}@x.example,Gast ${i},nl`).join("\n");
    expect(await checkGuests(database.db, event.id, many)).toEqual({
      ok: false,
      reason: "too_many_rows",
    });
    const before = await snapshotCounts(database, ["event_guests"]);
    expect(await addGuests(database.db, actor, event.id, big, 1)).toEqual({
      ok: false,
      reason: "too_large",
    });
    expect(await addGuests(database.db, actor, event.id, many, 5_001)).toEqual({
      ok: false,
      reason: "too_many_rows",
    });
    expect(await snapshotCounts(database, ["event_guests"])).toEqual(before);
  });

  it("5,000 rows with a header are fine", async () => {
    const { event } = await world();
    const text = [
      "email;naam;taal",
      ...Array.from({ length: 5_000 }, (_, i) => `g${i}@x.example;Gast ${i};fr`),
    ].join("\n");
    const checked = await checkGuests(database.db, event.id, text);
    expect(checked.ok && checked.report.toAdd.length).toBe(5_000);
  });
});

describe("adding the checked guests", () => {
  it("adds the rows the report showed, in one go, with Windows-1252 names read right", async () => {
    const { event, actor } = await world();
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("zoe@x.example;Zo"),
      0xeb,
      ...new TextEncoder().encode(";fr\r\nbad;Iemand;nl\r\n"),
    ]);
    const text = decodeGuestFile(bytes);
    const checked = await checkGuests(database.db, event.id, text);
    expect(checked.ok && checked.report.toAdd.length).toBe(1);
    expect(await addGuests(database.db, actor, event.id, text, 1)).toEqual({ ok: true, added: 1 });
    expect(await guestsOf(event.id)).toEqual([
      { email: "zoe@x.example", name: "Zoë", language: "fr" },
    ]);
    // The same list again: each is a guest already, nobody is added twice.
    expect(await addGuests(database.db, actor, event.id, text, 1)).toEqual({
      ok: false,
      reason: "empty",
    });
  });

  it("adds nothing when the list changed since the check (nothing half-imported)", async () => {
    const { event, actor } = await world();
    const text = "a@x.example,A\nb@x.example,B\nc@x.example,C";
    const checked = await checkGuests(database.db, event.id, text);
    expect(checked.ok && checked.report.toAdd.length).toBe(3);
    // Meanwhile someone else adds b.
    await createEventGuest(database.db, { eventId: event.id, email: "B@x.example" });
    expect(await addGuests(database.db, actor, event.id, text, 3)).toEqual({
      ok: false,
      reason: "changed",
    });
    expect((await guestsOf(event.id)).map((g) => g.email)).toEqual(["B@x.example"]);
  });

  it("another region's staff add nothing; a cancelled event takes no guests", async () => {
    const { event } = await world();
    const otherRegion = await createRegion(database.db);
    const other = await createUser(database.db);
    await assignRole(database.db, {
      userId: other.id,
      role: "regional_staff",
      regionId: otherRegion.id,
    });
    const outsider = (await loadActor(database.db, other.id))!;
    expect(await addGuests(database.db, outsider, event.id, "a@x.example,A", 1)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await guestsOf(event.id)).toEqual([]);
  });

  it("removes a guest not yet invited, and not one who was", async () => {
    const { event, actor } = await world();
    const early = await createEventGuest(database.db, { eventId: event.id });
    const invited = await createEventGuest(database.db, { eventId: event.id });
    await createEventInvitation(database.db, { eventId: event.id, guestId: invited.id });
    expect(await removeGuest(database.db, actor, event.id, early.id)).toEqual({ ok: true });
    expect(await removeGuest(database.db, actor, event.id, invited.id)).toEqual({
      ok: false,
      reason: "invited",
    });
    expect((await guestsOf(event.id)).map((g) => g.email)).toEqual([invited.email]);
  });
});
