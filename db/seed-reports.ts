import type { Transaction } from "kysely";
import type { DB, ReportTopic } from "./schema.ts";
import { createClaim, createShiftReport } from "../tests/factories/index.ts";

// The demo world's shift reports, so /reports, the experience page and the home cards tell
// something right after `npm start`: a report for most past shifts that a digihelper worked (0 to
// 12 people, mostly eID, itsme and smartphone basics, hours near the shift's length, a few
// referrals and reflections), some recorded by the coordinator for helpers without an account,
// and each digibank's start date. The demo volunteer has reported on their past shifts but one of
// the last two weeks, so the home page asks "Hoe ging je dienst?". Deterministic: the seed's
// random source.

const START_DATES = ["2024-03-01", "2023-09-01", "2024-01-15", "2025-02-01"];

/** Topics and how often they come up at a digipunt (eID, itsme and smartphone basics most). */
const TOPIC_WEIGHTS: ReadonlyArray<readonly [ReportTopic, number]> = [
  ["eid", 24],
  ["itsme", 22],
  ["smartphone", 18],
  ["tax_on_web", 8],
  ["mijn_gezondheid", 7],
  ["e_banking", 7],
  ["email", 5],
  ["mypension", 4],
  ["safety", 4],
  ["job_search", 2],
  ["other", 1],
];
/** How many people a digihelper helps in a shift: mostly 2 to 6, now and then none or a crowd. */
const PEOPLE = [0, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12];
const REFLECTIONS = [
  "Een meneer wist niet meer hoe hij met itsme moest aanmelden. Samen hebben we het stap voor stap opnieuw gedaan.",
  "Rustige namiddag. Tijd genomen om uit te leggen hoe je een sterk wachtwoord kiest.",
  "Veel vragen over de kaartlezer. Misschien een extra kaartlezer voorzien op dit digipunt?",
  "Iemand had een verdachte sms gekregen. Goed gesprek over phishing en hoe je het herkent.",
  "Het was druk, maar iedereen ging tevreden naar huis.",
];
const OUTSIDE_HELPERS = ["Rita Claes", "Marc Wouters", "Hilde Verhaegen", "Johan De Smet"];

export async function seedReports(
  db: Transaction<DB>,
  world: {
    today: Date;
    random: () => number;
    digibankIds: number[];
    /** The coordinator of each digibank, who records reports for helpers without an account. */
    planners: Map<number, number>;
    demoVolunteer: number;
  },
) {
  const { random, today } = world;
  for (const [index, id] of world.digibankIds.entries())
    await db
      .updateTable("digibanks")
      .set({ started_on: START_DATES[index % START_DATES.length]! })
      .where("id", "=", id)
      .execute();

  await giveDemoVolunteerPastShifts(db, world);

  const worked = await db
    .selectFrom("shift_claims as c")
    .innerJoin("shifts as s", "s.id", "c.shift_id")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .select([
      "c.shift_id as shiftId",
      "c.user_id as userId",
      "s.starts_at as startsAt",
      "s.ends_at as endsAt",
      "p.digibank_id as digibankId",
    ])
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", "<=", today)
    .where("c.status", "=", "confirmed")
    .where((eb) => eb.or([eb("c.attendance", "is", null), eb("c.attendance", "=", "present")]))
    .orderBy("s.starts_at")
    .orderBy("c.id")
    .execute();

  // The demo volunteer's latest shift of the last two weeks stays without a report.
  const twoWeeksAgo = new Date(today.getTime() - 14 * 86_400_000);
  const open = worked
    .filter((w) => w.userId === world.demoVolunteer && w.endsAt >= twoWeeksAgo)
    .at(-1);

  const topicTotal = TOPIC_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  const pickTopic = (): ReportTopic => {
    let roll = random() * topicTotal;
    for (const [topic, weight] of TOPIC_WEIGHTS) if ((roll -= weight) < 0) return topic;
    return "eid";
  };
  const details = (length: number) => {
    const peopleHelped = PEOPLE[Math.floor(random() * PEOPLE.length)]!;
    const topics = new Set<ReportTopic>();
    const count = peopleHelped === 0 ? 0 : 1 + Math.floor(random() * Math.min(3, peopleHelped));
    while (topics.size < count) topics.add(pickTopic());
    // Near the shift's length: a quarter of an hour earlier or later now and then.
    const minutes = Math.max(30, length + 15 * (Math.floor(random() * 5) - 2));
    return {
      peopleHelped,
      topics: [...topics],
      otherTopic: topics.has("other") ? "Een formulier van de mutualiteit" : undefined,
      minutesWorked: minutes,
      referrals: peopleHelped > 0 && random() < 0.15 ? 1 + Math.floor(random() * 2) : 0,
    };
  };

  const outsideDone = new Set<number>();
  for (const claim of worked) {
    if (claim === open) continue;
    const own = claim.userId === world.demoVolunteer;
    // Most digihelpers report; the demo volunteer on all their past shifts but the one above.
    if (!own && random() >= 0.85) continue;
    const length = Math.round((claim.endsAt.getTime() - claim.startsAt.getTime()) / 60_000);
    await createShiftReport(db, {
      shiftId: claim.shiftId,
      userId: claim.userId,
      ...details(length),
      reflection: random() < 0.12 ? REFLECTIONS[Math.floor(random() * REFLECTIONS.length)]! : "",
      createdAt: claim.endsAt,
    });
    // Now and then a helper without an account was there too, recorded by the coordinator.
    if (!outsideDone.has(claim.shiftId) && random() < 0.08) {
      outsideDone.add(claim.shiftId);
      await createShiftReport(db, {
        shiftId: claim.shiftId,
        volunteerName: OUTSIDE_HELPERS[Math.floor(random() * OUTSIDE_HELPERS.length)]!,
        ...details(length),
        recordedBy: world.planners.get(claim.digibankId) ?? undefined,
        createdAt: claim.endsAt,
      });
    }
  }
}

/**
 * The demo volunteer on about one past shift a week of their digibank (the past shifts were
 * filled before their turn came), so their experience page and reports have a history. Each
 * shift gets one more place for them: the past is only the demo's.
 */
async function giveDemoVolunteerPastShifts(
  db: Transaction<DB>,
  world: { today: Date; demoVolunteer: number },
) {
  const past = await db
    .selectFrom("shifts as s")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .innerJoin("role_assignments as ra", (join) =>
      join
        .onRef("ra.digibank_id", "=", "p.digibank_id")
        .on("ra.user_id", "=", world.demoVolunteer)
        .on("ra.role", "=", "volunteer"),
    )
    .select((eb) => [
      "s.id",
      "s.starts_at as startsAt",
      // Already on it: the shifts seeded before today were filled from everyone, them included.
      eb
        .exists(
          eb
            .selectFrom("shift_claims as c")
            .whereRef("c.shift_id", "=", "s.id")
            .where("c.user_id", "=", world.demoVolunteer)
            .where("c.status", "in", ["confirmed", "reserve"]),
        )
        .as("claimed"),
    ])
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", "<=", world.today)
    .orderBy("s.starts_at", "desc")
    .orderBy("s.id")
    .execute();
  let last: Date | null = null;
  for (const shift of past) {
    // One every six days or more: never two at once, and the latest within the last week.
    if (last && last.getTime() - shift.startsAt.getTime() < 6 * 86_400_000) continue;
    last = shift.startsAt;
    if (shift.claimed) continue;
    await db
      .updateTable("shifts")
      .set((eb) => ({ capacity: eb("capacity", "+", 1) }))
      .where("id", "=", shift.id)
      .execute();
    await createClaim(db, {
      shiftId: shift.id,
      userId: world.demoVolunteer,
      attendance: "present",
    });
  }
}
