import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import { exportEventCsv } from "~/modules/events/overview.server.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
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

// The answers of an event as CSV: one row per invitee (withdrawn ones left out) with contact,
// kind, language, answer, plus-ones, one column per question, arrival and delivery; a formula in
// a name is neutralised; each export is recorded in the audit log, and out of scope gives nothing.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

let worlds = 0;

async function world() {
  const db = database.db;
  const n = ++worlds;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const planner = await createUser(db);
  await assignRole(db, { userId: planner.id, role: "coordinator", regionId: region.id });
  const other = await createRegion(db);
  const outsider = await createUser(db);
  await assignRole(db, { userId: outsider.id, role: "regional_staff", regionId: other.id });
  const event = await createEvent(db, {
    regionId: region.id,
    maxPlusOnes: 1,
    questions: [
      { kind: "choice", label: "Lunch", choices: ["Vlees", "Vegetarisch"] },
      { kind: "text", label: "Hulp nodig om er te geraken?" },
    ],
  });
  const [lunch, help] = event.questions.map((q) => String(q.id));
  const formula = await createUser(db, {
    name: '=HYPERLINK("http://evil.example","klik")',
    email: `formule-${n}@test.example`,
  });
  await assignRole(db, { userId: formula.id, role: "volunteer", digibankId: bank.id });
  const mieke = await createUser(db, { name: "Mieke Vandamme", email: `mieke-${n}@test.example` });
  const withdrawn = await createUser(db, { name: "Weg Persoon" });
  await createEventInvitation(db, {
    eventId: event.id,
    userId: formula.id,
    response: "yes",
    plusOnes: 1,
    answers: { [lunch!]: "Vegetarisch", [help!]: "+32 470 12 34 56 bellen" },
    attended: true,
  });
  await createEventInvitation(db, { eventId: event.id, userId: mieke.id, response: "no" });
  const gone = await createEventInvitation(db, { eventId: event.id, userId: withdrawn.id });
  await db
    .updateTable("event_invitations")
    .set({ revoked_at: new Date() })
    .where("id", "=", gone.id)
    .execute();
  const guest = await createEventGuest(db, {
    eventId: event.id,
    name: "Schepen Peeters",
    email: "schepen@gemeente.example",
    language: "fr",
  });
  await createEventInvitation(db, { eventId: event.id, guestId: guest.id, response: "maybe" });
  return {
    event,
    actor: (await loadActor(db, planner.id))!,
    outsider: (await loadActor(db, outsider.id))!,
  };
}

describe("the answers as CSV", () => {
  it("has one row per invitee with every column, formula-safe, in the reader's language", async () => {
    const w = await world();
    const t = getFixedT("nl", "eventPlanning");
    const exported = (await exportEventCsv(database.db, w.actor, w.event.id, (k) =>
      t(k as never),
    ))!;
    expect(exported.csv.startsWith("\uFEFF")).toBe(true);
    const rows: string[][] = parse(exported.csv.slice(1), { delimiter: ";" });
    expect(rows[0]).toEqual([
      "Naam",
      "E-mail",
      "Soort",
      "Taal",
      "Antwoord",
      "Extra personen",
      "Lunch",
      "Hulp nodig om er te geraken?",
      "Aangekomen",
      "Uitnodiging",
    ]);
    // The withdrawn invitation is left out; people and guests by name.
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `'=HYPERLINK("http://evil.example","klik")`,
      "Mieke Vandamme",
      "Schepen Peeters",
    ]);
    const [formula, mieke, guest] = rows.slice(1);
    expect(formula!.slice(1, 8)).toEqual([
      "formule-1@test.example",
      "Platform",
      "nl",
      "Komt",
      "1",
      "Vegetarisch",
      // An answer that starts with + is text, not a formula.
      "'+32 470 12 34 56 bellen",
    ]);
    expect(formula![8]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(formula![9]).toBe("Niet verstuurd");
    expect(mieke!.slice(2, 9)).toEqual(["Platform", "nl", "Komt niet", "0", "", "", ""]);
    expect(guest!.slice(1, 5)).toEqual(["schepen@gemeente.example", "Gast", "fr", "Misschien"]);
    // In English for an English reader.
    const en = getFixedT("en", "eventPlanning");
    const english = (await exportEventCsv(database.db, w.actor, w.event.id, (k) =>
      en(k as never),
    ))!;
    expect(english.csv).toContain("Name;Email;Kind;Language;Answer;Plus-ones");
  });

  it("is recorded in the audit log with who took it", async () => {
    const w = await world();
    await exportEventCsv(database.db, w.actor, w.event.id, (k) => k, { ip: "192.0.2.7" });
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["actor_id", "ip", "details"])
      .where("action", "=", "event_answers_exported")
      .execute();
    expect(audit).toContainEqual({
      actor_id: w.actor.id,
      ip: "192.0.2.7",
      details: { eventId: w.event.id },
    });
  });

  it("gives nothing, and records nothing, out of scope", async () => {
    const w = await world();
    const before = await snapshotCounts(database, ["audit_events"]);
    expect(await exportEventCsv(database.db, w.outsider, w.event.id, (k) => k)).toBeNull();
    expect(await snapshotCounts(database, ["audit_events"])).toEqual(before);
  });
});
