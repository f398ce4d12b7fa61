import type { Kysely, Transaction } from "kysely";
import type { DB, Language } from "./schema.ts";
import {
  assignRole,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createClaim,
  createUser as createUserWith,
  giveSkill,
  skillId,
} from "../tests/factories/index.ts";
import { loadActor } from "../app/modules/auth/access.server.ts";
import { createShiftSeries } from "../app/modules/shifts/series.server.ts";
import { type Weekday, addDays, localToday } from "../app/modules/shifts/recurrence.ts";
import { hashPassword } from "../app/modules/auth/password.server.ts";
import { seedCourses } from "./seed-courses.ts";
import { seedEvents } from "./seed-events.ts";
import { seedCommunity } from "./seed-community.ts";
import { seedReports } from "./seed-reports.ts";

// The demo world: two real Flemish regions with their municipalities, four digibanken, a handful of
// digipunten and about sixty digihelpers. Trainers use it in demonstrations, so the four demo
// sign-ins below stay stable.

export const DEMO_PASSWORD = "Digibank-demo-2026";
export const DEMO_SIGN_INS = [
  { email: "admin@digihelpers.example", role: "admin" },
  { email: "staff@digihelpers.example", role: "regional_staff" },
  { email: "coordinator@digihelpers.example", role: "coordinator" },
  { email: "volunteer@digihelpers.example", role: "volunteer" },
] as const;

const NOORD_LIMBURG = [
  ["Bocholt", "3950"],
  ["Bree", "3960"],
  ["Hamont-Achel", "3930"],
  ["Hechtel-Eksel", "3940"],
  ["Lommel", "3920"],
  ["Oudsbergen", "3660"],
  ["Peer", "3990"],
  ["Pelt", "3900"],
] as const;

const BRUGGE = [
  ["Beernem", "8730"],
  ["Blankenberge", "8370"],
  ["Brugge", "8000"],
  ["Damme", "8340"],
  ["Jabbeke", "8490"],
  ["Knokke-Heist", "8300"],
  ["Oostkamp", "8020"],
  ["Torhout", "8820"],
  ["Zedelgem", "8210"],
  ["Zuienkerke", "8377"],
] as const;

const FIRST_NAMES = [
  "An",
  "Annemie",
  "Bart",
  "Chantal",
  "Dirk",
  "Els",
  "Erik",
  "Frieda",
  "Geert",
  "Greet",
  "Hilde",
  "Ingrid",
  "Jan",
  "Jef",
  "Karel",
  "Katrien",
  "Koen",
  "Lieve",
  "Luc",
  "Marc",
  "Maria",
  "Marleen",
  "Mieke",
  "Nadia",
  "Noor",
  "Patrick",
  "Paul",
  "Rita",
  "Rudi",
  "Sofie",
  "Stijn",
  "Tine",
  "Tom",
  "Veerle",
  "Wim",
  "Yasmina",
  "Ahmed",
  "Lotte",
  "Jonas",
  "Fatima",
];
const LAST_NAMES = [
  "Peeters",
  "Janssens",
  "Maes",
  "Jacobs",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "De Smet",
  "Dubois",
  "Hermans",
  "Aerts",
  "Vermeulen",
  "Van den Broeck",
  "Lambrechts",
  "Dumont",
  "Desmet",
  "Vandamme",
  "Verhaeghe",
  "Coppens",
  "De Clercq",
  "Vanhove",
  "Vlaeminck",
  "Bogaert",
  "Declercq",
  "Van Damme",
  "Verstraete",
  "Devos",
  "El Amrani",
];

/** A small deterministic generator, so every demo database holds the same people. */
function randomSequence(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function monthsBefore(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
  return d.toISOString().slice(0, 10);
}

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom("regions").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

export interface SeedSummary {
  regions: number;
  municipalities: number;
  digibanks: number;
  digipunten: number;
  volunteers: number;
}

/** Fills an empty database with the demo world, in one transaction; refuses a non-empty one. */
export async function seedDemoWorld(
  database: Kysely<DB>,
  today = new Date(),
): Promise<SeedSummary> {
  return database.transaction().execute(async (db) => {
    if (!(await isDatabaseEmpty(db))) {
      throw new Error(
        "The database already holds data; the demo world is only seeded into an empty one.",
      );
    }
    const random = randomSequence(2026);
    // Everyone in the demo world shares the demo password; one hash serves them all.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const createUser = (values: Parameters<typeof createUserWith>[1]) =>
      createUserWith(db, { passwordHash, ...values });
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

    const limburg = await createRegion(db, { name: "Noord-Limburg" });
    const brugge = await createRegion(db, { name: "Referentieregio Brugge" });
    const town: Record<string, number> = {};
    for (const [region, list] of [
      [limburg, NOORD_LIMBURG],
      [brugge, BRUGGE],
    ] as const) {
      for (const [name, postalCode] of list) {
        town[name] = (await createMunicipality(db, { regionId: region.id, name, postalCode })).id;
      }
    }
    const municipality = (name: string) => town[name] as number;

    const bankLimburg = await createDigibank(db, {
      regionId: limburg.id,
      name: "Digibank Noord-Limburg",
    });
    const bankBrugge = await createDigibank(db, { regionId: brugge.id, name: "Digibank Brugge" });
    const bankKust = await createDigibank(db, { regionId: brugge.id, name: "Digibank Kust" });
    const bankOmmeland = await createDigibank(db, {
      regionId: brugge.id,
      name: "Digibank Brugse Ommeland",
    });
    const banks = [bankLimburg, bankBrugge, bankKust, bankOmmeland];

    const digipunten = [
      {
        bank: bankBrugge,
        town: "Brugge",
        name: "Bibliotheek Biekorf",
        address: "Kuipersstraat 3, 8000 Brugge",
        notes: "Ingang zonder trappen, lift naar de eerste verdieping, aangepast toilet.",
      },
      {
        bank: bankBrugge,
        town: "Brugge",
        name: "Lokaal dienstencentrum Sint-Kruis",
        address: "Moerkerkse Steenweg 140, 8310 Brugge",
        notes: "Gelijkvloers, rustige ruimte, ringleiding voor hoorapparaten.",
      },
      {
        bank: bankBrugge,
        town: "Brugge",
        name: "Digibus Brugge",
        kind: "mobile" as const,
        notes: "Een trede bij de instap; de helper kan buiten aan een tafel helpen.",
      },
      {
        bank: bankKust,
        town: "Blankenberge",
        name: "Bibliotheek Blankenberge",
        address: "Consciencestraat 2, 8370 Blankenberge",
        notes: "Rolstoeltoegankelijk via de zij-ingang.",
      },
      {
        bank: bankKust,
        town: "Knokke-Heist",
        name: "Sociaal huis Knokke-Heist",
        address: "Meerminlaan 30, 8301 Knokke-Heist",
        notes: null,
      },
      {
        bank: bankOmmeland,
        town: "Oostkamp",
        name: "Gemeentehuis Oostkamp",
        address: "Siemenslaan 4, 8020 Oostkamp",
        notes: "Parkeerplaatsen voor personen met een handicap aan de ingang.",
      },
      {
        bank: bankOmmeland,
        town: "Torhout",
        name: "Bibliotheek Torhout",
        address: "Hofstraat 18, 8820 Torhout",
        notes: null,
      },
      {
        bank: bankOmmeland,
        town: "Zedelgem",
        name: "Digibus Ommeland",
        kind: "mobile" as const,
        notes: null,
      },
      {
        bank: bankLimburg,
        town: "Lommel",
        name: "Bibliotheek Lommel",
        address: "Adelbergpark 1, 3920 Lommel",
        notes: "Lift en aangepast toilet.",
      },
      {
        bank: bankLimburg,
        town: "Pelt",
        name: "Dienstencentrum Pelt",
        address: "Dorpsstraat 5, 3900 Pelt",
        notes: null,
      },
      {
        bank: bankLimburg,
        town: "Bree",
        name: "Digibus Noord-Limburg",
        kind: "mobile" as const,
        notes: "Hellend vlak voor rolstoelen aanwezig.",
      },
    ];
    const punten: Array<{
      id: number;
      digibankId: number;
      kind: "fixed" | "mobile";
      town: string;
    }> = [];
    for (const p of digipunten) {
      const row = await createDigipunt(db, {
        digibankId: p.bank.id,
        municipalityId: municipality(p.town),
        name: p.name,
        kind: p.kind ?? "fixed",
        address: p.kind === "mobile" ? null : p.address,
        accessibilityNotes: p.notes,
      });
      punten.push({ id: row.id, digibankId: p.bank.id, kind: row.kind, town: p.town });
    }

    // The four stable demo sign-ins.
    const admin = await createUser({ email: "admin@digihelpers.example", name: "Sarah Admin" });
    await assignRole(db, { userId: admin.id, role: "admin" });
    const staff = await createUser({
      email: "staff@digihelpers.example",
      name: "Hanne Verstraete",
    });
    await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: brugge.id });
    const coordinator = await createUser({
      email: "coordinator@digihelpers.example",
      name: "Pieter De Clercq",
    });
    await assignRole(db, {
      userId: coordinator.id,
      role: "coordinator",
      digibankId: bankBrugge.id,
    });
    const volunteer = await createUser({
      email: "volunteer@digihelpers.example",
      name: "Mieke Vandamme",
      volunteeringSince: monthsBefore(today, 30),
    });
    await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bankBrugge.id });

    // Staff and coordinators for the rest of the world.
    const limburgStaff = await createUser({
      email: "regio.noordlimburg@demo.digihelpers.example",
      name: "Koen Lambrechts",
    });
    await assignRole(db, { userId: limburgStaff.id, role: "regional_staff", regionId: limburg.id });
    const coordinators: Array<[string, string, number]> = [
      ["Els Hermans", "els.hermans", bankLimburg.id],
      ["Yasmina El Amrani", "yasmina.elamrani", bankKust.id],
      ["Geert Bogaert", "geert.bogaert", bankOmmeland.id],
    ];
    const planners = new Map<number, number>([[bankBrugge.id, coordinator.id]]);
    for (const [name, local, digibankId] of coordinators) {
      const user = await createUser({ email: `${local}@demo.digihelpers.example`, name });
      await assignRole(db, { userId: user.id, role: "coordinator", digibankId });
      planners.set(digibankId, user.id);
    }
    const regionCoordinator = await createUser({
      email: "jef.aerts@demo.digihelpers.example",
      name: "Jef Aerts",
    });
    await assignRole(db, {
      userId: regionCoordinator.id,
      role: "coordinator",
      regionId: limburg.id,
    });

    // About sixty digihelpers, from two months to fourteen years of experience.
    const usedEmails = new Set(
      coordinators.map(([, local]) => `${local}@demo.digihelpers.example`),
    );
    usedEmails.add("jef.aerts@demo.digihelpers.example");
    const helpers = new Map<number, number[]>(banks.map((b) => [b.id, []]));
    helpers.get(bankBrugge.id)!.push(volunteer.id);
    let volunteers = 1;
    while (volunteers < 60) {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const email =
        `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + "@demo.digihelpers.example";
      if (usedEmails.has(email)) continue;
      usedEmails.add(email);
      const months = 2 + Math.floor(random() * (14 * 12 - 2));
      const language: Language = random() < 0.08 ? "fr" : random() < 0.05 ? "en" : "nl";
      const user = await createUser({
        email,
        name: `${first} ${last}`,
        language,
        volunteeringSince: monthsBefore(today, months),
      });
      const home = pick(banks);
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: home.id });
      helpers.get(home.id)!.push(user.id);
      // Some digihelpers help out at a neighbouring digibank in the same region too.
      const neighbour = banks.find((b) => b.region_id === home.region_id && b.id !== home.id);
      if (neighbour && random() < 0.15) {
        await assignRole(db, { userId: user.id, role: "volunteer", digibankId: neighbour.id });
        helpers.get(neighbour.id)!.push(user.id);
      }
      volunteers++;
    }

    await seedShifts(db, { today, random, punten, planners, helpers, demoVolunteer: volunteer.id });

    // Courses: the demo volunteer teaches the running course of Digibank Brugge and is enrolled
    // in its open one.
    const others = (bankId: number) => helpers.get(bankId)!.filter((id) => id !== volunteer.id);
    await seedCourses(db, {
      today,
      regionId: brugge.id,
      digibankId: bankBrugge.id,
      plannerId: coordinator.id,
      people: others(bankBrugge.id),
      trainerId: volunteer.id,
      enrolDemo: volunteer.id,
      titles: {
        past: "Welkom bij de digibank: de basis",
        running: "Uitleggen aan een gemengde groep",
        open: "MyPension stap voor stap",
        full: "Helpen over een taalbarrière heen",
      },
      grants: { past: "eid", open: "mypension" },
    });
    const limburgHelpers = others(bankLimburg.id);
    await seedCourses(db, {
      today,
      regionId: limburg.id,
      digibankId: bankLimburg.id,
      plannerId: planners.get(bankLimburg.id)!,
      people: limburgHelpers.slice(1),
      trainerId: limburgHelpers[0]!,
      titles: {
        past: "itsme uitleggen aan beginners",
        running: "Rustig uitleggen aan senioren",
        open: "Tax-on-web: de aangifte samen invullen",
        full: "Smartphone en tablet voor wie nog nooit swipete",
      },
      grants: { past: "itsme", open: "tax_on_web" },
    });

    // Gatherings: a Dag van de Digibank ahead in each region (the demo volunteer has not answered
    // yet) and a brunch past, with who came.
    const contact = (user: { id: number; name: string; email: string }) => ({
      id: user.id,
      name: user.name,
      email: user.email,
    });
    const limburgCoordinator = await db
      .selectFrom("users")
      .select(["id", "name", "email"])
      .where("id", "=", planners.get(bankLimburg.id)!)
      .executeTakeFirstOrThrow();
    await seedEvents(db, {
      today,
      regionId: brugge.id,
      digibankId: bankBrugge.id,
      organiser: contact(staff),
      brunchOrganiser: contact(coordinator),
      address: "Oud Sint-Jan, Mariastraat 38, 8000 Brugge",
      brunchAddress: "Lokaal dienstencentrum Sint-Kruis, Moerkerkse Steenweg 140, 8310 Brugge",
      unanswered: volunteer.id,
    });
    await seedEvents(db, {
      today,
      regionId: limburg.id,
      digibankId: bankLimburg.id,
      organiser: contact(limburgStaff),
      brunchOrganiser: contact(limburgCoordinator),
      address: "Cultuurcentrum Palethe, Jeugdlaan 2, 3900 Pelt",
      brunchAddress: "Bibliotheek Lommel, Adelbergpark 1, 3920 Lommel",
    });

    await seedCommunity(db, { today, random, demoVolunteer: volunteer.id });
    // Shift reports on the past shifts (last, so the random draws above stay as they were).
    await seedReports(db, {
      today,
      random,
      digibankIds: banks.map((b) => b.id),
      planners,
      demoVolunteer: volunteer.id,
    });

    return {
      regions: 2,
      municipalities: NOORD_LIMBURG.length + BRUGGE.length,
      digibanks: banks.length,
      digipunten: digipunten.length,
      volunteers,
    };
  });
}

const SLOTS = [
  ["09:00", "12:00"],
  ["13:30", "16:30"],
] as const;
const DAY_SETS: Weekday[][] = [
  ["TU", "TH"],
  ["MO", "WE"],
  ["WE", "FR"],
  ["TU", "SA"],
];

/**
 * Weekly series at every digipunt from eight weeks ago to half a year ahead, made by the same
 * domain function the planning page uses, and claims on them: past shifts with their attendance,
 * coming ones partly filled, some full with a reserve list, one cancelled.
 */
async function seedShifts(
  db: Transaction<DB>,
  world: {
    today: Date;
    random: () => number;
    punten: Array<{ id: number; digibankId: number; kind: "fixed" | "mobile"; town: string }>;
    planners: Map<number, number>;
    helpers: Map<number, number[]>;
    demoVolunteer: number;
  },
) {
  const { random } = world;
  const start = new Date(world.today.getTime() - 56 * 24 * 60 * 60 * 1000);
  const firstDate = localToday(start);
  const lastDate = addDays(localToday(world.today), 182);
  const itsme = await skillId(db, "itsme");
  for (const code of ["itsme", "eid"]) await giveSkill(db, { userId: world.demoVolunteer, code });
  for (const ids of world.helpers.values()) {
    for (const userId of ids) {
      if (random() < 0.4) await giveSkill(db, { userId, code: "itsme" });
      if (random() < 0.3) await giveSkill(db, { userId, code: "tax_on_web" });
    }
  }

  const taken = new Set<string>(); // user and start: nobody on two shifts at once
  for (const [index, punt] of world.punten.entries()) {
    const planner = await loadActor(db, world.planners.get(punt.digibankId)!);
    const [startTime, endTime] = SLOTS[index % SLOTS.length]!;
    const outcome = await createShiftSeries(
      db,
      planner!,
      {
        kind: "weekly",
        digipuntId: punt.id,
        firstDate,
        lastDate,
        weekdays: punt.kind === "mobile" ? ["WE"] : DAY_SETS[index % DAY_SETS.length]!,
        skippedDates: [],
        startTime,
        endTime,
        capacity: 2 + (index % 2),
        requiredSkillId: index % 5 === 1 ? itsme : null,
        firstShiftFriendly: index % 3 === 0,
        notes: index % 4 === 0 ? "Koffie staat klaar in de keuken." : null,
        address: punt.kind === "mobile" ? `Marktplein, ${punt.town}` : null,
      },
      { now: start },
    );
    if (!outcome.ok) throw new Error(`Demo series for digipunt ${punt.id}: ${outcome.reason}`);

    const shifts = await db
      .selectFrom("shifts")
      .select(["id", "starts_at as startsAt", "capacity"])
      .where("id", "in", outcome.shiftIds)
      .orderBy("starts_at")
      .execute();
    const people = world.helpers.get(punt.digibankId)!;
    for (const shift of shifts) {
      const past = shift.startsAt < world.today;
      const weeksAhead = (shift.startsAt.getTime() - world.today.getTime()) / (7 * 864e5);
      if (weeksAhead > 10) continue; // later weeks are still open
      // Past shifts were mostly full; the coming weeks fill up the closer they are.
      const wanted = past
        ? shift.capacity
        : Math.min(shift.capacity + 1, Math.floor(random() * (shift.capacity + 2)));
      let confirmed = 0;
      for (const userId of shuffled(people, random)) {
        if (confirmed >= wanted) break;
        const key = `${userId}:${shift.startsAt.toISOString()}`;
        if (taken.has(key)) continue;
        if (userId === world.demoVolunteer && !past && random() < 0.5) continue;
        taken.add(key);
        const full = confirmed >= shift.capacity;
        await createClaim(db, {
          shiftId: shift.id,
          userId,
          status: full ? "reserve" : "confirmed",
          attendance: past && !full ? (random() < 0.92 ? "present" : "no_show") : null,
        });
        confirmed++;
      }
    }
  }

  // One coming shift is cancelled, so the calendar and the feed show what that looks like.
  const next = await db
    .selectFrom("shifts")
    .select("id")
    .where("starts_at", ">", world.today)
    .orderBy("starts_at")
    .offset(5)
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("shifts")
    .set({
      status: "cancelled",
      cancelled_at: world.today,
      cancel_reason: "Het lokaal is gesloten.",
      sequence: 1,
    })
    .where("id", "=", next.id)
    .execute();
  await db
    .updateTable("shift_claims")
    .set({ status: "cancelled", ended_at: world.today })
    .where("shift_id", "=", next.id)
    .where("status", "in", ["confirmed", "reserve"])
    .execute();
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
