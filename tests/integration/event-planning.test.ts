import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import { previewAudience } from "~/modules/events/audience.server.ts";
import { eventUid } from "~/modules/events/calendar.server.ts";
import {
  cancelEvent,
  createEvent,
  publishEvent,
  saveAudience,
  updateEvent,
} from "~/modules/events/planning.server.ts";
import { EventFormSchema } from "~/modules/events/planning-schemas.ts";
import type { EmailPayloads } from "~/modules/mail/messages.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createDigipunt,
  createEnrolment,
  createEvent as insertEvent,
  createEventInvitation,
  createMunicipality,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Planning an event: the form's checks (bad input never saves anything), the refusals, the update
// mail a change to a published event sends (SEQUENCE raised, not to those who said no), the
// cancellation (CANCEL to everyone invited), and the audience rules with their preview.

let database: TestDatabase;
let jobs: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

const TABLES = ["events", "event_questions", "email_messages"];

/** A region with two digibanken, its regional staff (the planner), and a second region. */
async function world() {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const bank2 = await createDigibank(db, { regionId: region.id });
  const otherRegion = await createRegion(db);
  const otherBank = await createDigibank(db, { regionId: otherRegion.id });
  const staff = await createUser(db);
  await assignRole(db, { userId: staff.id, role: "regional_staff", regionId: region.id });
  const coordinator = await createUser(db);
  await assignRole(db, { userId: coordinator.id, role: "coordinator", digibankId: bank.id });
  return {
    region,
    bank,
    bank2,
    otherRegion,
    otherBank,
    actor: (await loadActor(db, staff.id))!,
    coordinator: (await loadActor(db, coordinator.id))!,
  };
}

/** The form as a browser would post it: every value text. */
function form(scope: string, changes: Record<string, unknown> = {}) {
  return {
    scope,
    title: "Dag van de Digibank",
    description: "Een dag om elkaar te ontmoeten.",
    startDate: "2027-06-05",
    startTime: "10:00",
    endDate: "2027-06-05",
    endTime: "16:00",
    address: "Provinciehuis, Hasselt",
    accessibilityNotes: "Rolstoeltoegankelijk",
    onlineUrl: "",
    capacity: "120",
    deadlineDate: "2027-05-29",
    deadlineTime: "23:59",
    maxPlusOnes: "1",
    reminderDays: "7, 1",
    contactName: "Lotte Janssens",
    contactEmail: "lotte@digibank.example",
    contactPhone: "",
    questions: [
      { label: "Eet je mee?", kind: "choice", choices: "Ja\nNee\nVegetarisch", required: "on" },
    ],
    ...changes,
  };
}

const parse = (input: unknown) => EventFormSchema.safeParse(input);
const messagesOf = (result: ReturnType<typeof parse>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
const question = (n: number) => ({ label: `Vraag ${n}`, kind: "text" });

describe("the event form's checks", () => {
  it("accepts a well-formed event, with its question and reminder days", () => {
    const result = parse(form("region-1"));
    expect(messagesOf(result)).toEqual([]);
    expect(result.success && result.data.reminderDays).toEqual([7, 1]);
    expect(result.success && result.data.questions[0]).toMatchObject({
      kind: "choice",
      choices: ["Ja", "Nee", "Vegetarisch"],
      required: true,
    });
  });

  it("drops question rows left empty (an added row not filled in)", () => {
    const result = parse(form("region-1", { questions: [{ label: "", kind: "text" }] }));
    expect(result.success && result.data.questions).toEqual([]);
  });

  it.each([
    [
      "an end before the start",
      { endTime: "09:00" },
      "endDate: eventPlanning:errors.endBeforeStart",
    ],
    [
      "a deadline after the start",
      { deadlineDate: "2027-06-05", deadlineTime: "10:01" },
      "deadlineDate: eventPlanning:errors.deadlineAfterStart",
    ],
    ["capacity 0", { capacity: "0" }, "capacity: eventPlanning:errors.capacity"],
    ["capacity 100,000", { capacity: "100000" }, "capacity: eventPlanning:errors.capacity"],
    ["capacity 2147483648", { capacity: "2147483648" }, "capacity: eventPlanning:errors.capacity"],
    [
      "capacity 99999999999999999999",
      { capacity: "99999999999999999999" },
      "capacity: eventPlanning:errors.capacity",
    ],
    ["a 10,000-character title", { title: "x".repeat(10_000) }, "title: auth:fields.tooLong"],
    ["a NUL in the title", { title: "Dag\u0000" }, "title: auth:fields.controlCharacters"],
    ["an impossible date", { startDate: "2027-02-30" }, "startDate: planning:errors.date"],
    [
      "a sixth question",
      { questions: [1, 2, 3, 4, 5, 6].map(question) },
      "questions: eventPlanning:errors.tooManyQuestions",
    ],
    [
      "a choice with one option",
      { questions: [{ label: "Eet je mee?", kind: "choice", choices: "Ja" }] },
      "questions.0.choices: eventPlanning:errors.choices",
    ],
    [
      "a choice with eleven options",
      {
        questions: [
          {
            label: "Welke?",
            kind: "choice",
            choices: Array.from({ length: 11 }, (_, i) => `K${i}`).join("\n"),
          },
        ],
      },
      "questions.0.choices: eventPlanning:errors.choices",
    ],
    ["no place and no link", { address: "", onlineUrl: "" }, "address: eventPlanning:errors.place"],
    [
      "a link that is no link",
      { onlineUrl: "javascript:alert(1)" },
      "onlineUrl: eventPlanning:errors.onlineUrl",
    ],
    ["plus-ones past 10", { maxPlusOnes: "11" }, "maxPlusOnes: eventPlanning:errors.plusOnes"],
    [
      "four reminders",
      { reminderDays: "14, 7, 2, 1" },
      "reminderDays: eventPlanning:errors.reminderDays",
    ],
    [
      "a reminder 61 days before",
      { reminderDays: "61" },
      "reminderDays: eventPlanning:errors.reminderDays",
    ],
    [
      "a contact address that is none",
      { contactEmail: "lotte" },
      "contactEmail: auth:fields.emailInvalid",
    ],
    [
      "a scope past the integer range",
      { scope: "region-2147483648" },
      "scope: eventPlanning:errors.scope",
    ],
  ])("refuses %s", (_name, changes, message) => {
    expect(messagesOf(parse(form("region-1", changes)))).toContain(message);
  });
});

describe("creating and changing an event", () => {
  it("saves a draft with its question; regional staff plan for the region and its digibanken", async () => {
    const w = await world();
    const value = EventFormSchema.parse(form(`region-${w.region.id}`));
    const outcome = await createEvent(database.db, w.actor, value);
    expect(outcome.ok).toBe(true);
    const eventId = (outcome as { eventId: number }).eventId;
    const event = await database.db
      .selectFrom("events")
      .selectAll()
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      status: "draft",
      region_id: w.region.id,
      digibank_id: null,
      capacity: 120,
      reminder_days: [7, 1],
      max_plus_ones: 1,
    });
    // 10:00 in Brussels in June is 08:00 UTC.
    expect(new Date(event.starts_at).toISOString()).toBe("2027-06-05T08:00:00.000Z");
    const questions = await database.db
      .selectFrom("event_questions")
      .selectAll()
      .where("event_id", "=", eventId)
      .execute();
    expect(questions).toMatchObject([{ position: 1, kind: "choice", required: true }]);
  });

  it("refuses a scope the actor may not plan, and a start in the past, saving nothing", async () => {
    const w = await world();
    const before = await snapshotCounts(database, TABLES);
    const otherRegion = EventFormSchema.parse(form(`region-${w.otherRegion.id}`));
    expect(await createEvent(database.db, w.actor, otherRegion)).toEqual({
      ok: false,
      reason: "scope",
    });
    // A digibank's coordinator plans for that digibank only, not for the whole region.
    const region = EventFormSchema.parse(form(`region-${w.region.id}`));
    expect(await createEvent(database.db, w.coordinator, region)).toEqual({
      ok: false,
      reason: "scope",
    });
    const late = new Date("2027-06-06T00:00:00Z");
    expect(await createEvent(database.db, w.actor, region, late)).toEqual({
      ok: false,
      reason: "start_in_past",
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
    const own = EventFormSchema.parse(form(`digibank-${w.bank.id}`));
    expect((await createEvent(database.db, w.coordinator, own)).ok).toBe(true);
  });

  it("refuses lowering the capacity below the places taken, in plain words", async () => {
    const w = await world();
    const event = await insertEvent(database.db, { regionId: w.region.id, capacity: 10 });
    for (let i = 0; i < 3; i++) {
      const person = await createUser(database.db);
      await createEventInvitation(database.db, {
        eventId: event.id,
        userId: person.id,
        response: "yes",
        plusOnes: i === 0 ? 1 : 0,
      });
    }
    const before = await snapshotCounts(database, TABLES);
    const value = EventFormSchema.parse(formOfEvent(event, w.region.id, { capacity: "3" }));
    expect(await updateEvent(database.db, jobs, w.actor, event.id, value)).toEqual({
      ok: false,
      reason: "capacity_below_taken",
      taken: 4,
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
    // The database holds it too, whoever writes.
    await expect(
      database.db.updateTable("events").set({ capacity: 3 }).where("id", "=", event.id).execute(),
    ).rejects.toThrow(/events_capacity/);
  });

  it("raising the capacity moves the waiting list up in order, each told once", async () => {
    const w = await world();
    const event = await insertEvent(database.db, { regionId: w.region.id, capacity: 2 });
    for (let i = 0; i < 2; i++)
      await createEventInvitation(database.db, {
        eventId: event.id,
        userId: (await createUser(database.db)).id,
        response: "yes",
      });
    const waiting = [];
    for (let i = 0; i < 3; i++)
      waiting.push(
        await createEventInvitation(database.db, {
          eventId: event.id,
          userId: (await createUser(database.db)).id,
          response: "waiting",
        }),
      );
    const value = EventFormSchema.parse(formOfEvent(event, w.region.id, { capacity: "4" }));
    expect((await updateEvent(database.db, jobs, w.actor, event.id, value)).ok).toBe(true);
    const rows = await database.db
      .selectFrom("event_invitations")
      .select(["id", "response"])
      .where(
        "id",
        "in",
        waiting.map((i) => i.id),
      )
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.response)).toEqual(["yes", "yes", "waiting"]);
    const promoted = await database.db
      .selectFrom("email_messages")
      .select("recipient_id")
      .where("template", "=", "event_promoted")
      .execute();
    expect(promoted.map((m) => m.recipient_id).sort()).toEqual(
      [waiting[0]!.user_id, waiting[1]!.user_id].sort(),
    );
  });

  it("grows, changes and removes questions, keeping a kept question's id", async () => {
    const w = await world();
    const created = await createEvent(
      database.db,
      w.actor,
      EventFormSchema.parse(
        form(`region-${w.region.id}`, { questions: [question(1), question(2), question(3)] }),
      ),
    );
    const eventId = (created as { eventId: number }).eventId;
    const ids = (
      await database.db
        .selectFrom("event_questions")
        .select("id")
        .where("event_id", "=", eventId)
        .orderBy("position")
        .execute()
    ).map((q) => q.id);
    // The first removed, the third moved up and renamed, a new one added.
    const value = EventFormSchema.parse(
      form(`region-${w.region.id}`, {
        questions: [
          { id: String(ids[2]), label: "Hulp nodig om er te geraken?", kind: "text" },
          { id: String(ids[1]), label: "Vraag 2", kind: "text" },
          { label: "Nieuw", kind: "choice", choices: "a\nb" },
        ],
      }),
    );
    expect(await updateEvent(database.db, jobs, w.actor, eventId, value)).toEqual({
      ok: true,
      notified: 0,
    });
    const after = await database.db
      .selectFrom("event_questions")
      .select(["id", "position", "label"])
      .where("event_id", "=", eventId)
      .orderBy("position")
      .execute();
    expect(after.slice(0, 2)).toEqual([
      { id: ids[2], position: 1, label: "Hulp nodig om er te geraken?" },
      { id: ids[1], position: 2, label: "Vraag 2" },
    ]);
    expect(after[2]).toMatchObject({ position: 3, label: "Nieuw" });
    // Another event's question cannot be smuggled in.
    const foreign = EventFormSchema.parse(
      form(`region-${w.region.id}`, { questions: [{ id: "999999", label: "X", kind: "text" }] }),
    );
    expect(await updateEvent(database.db, jobs, w.actor, eventId, foreign)).toEqual({
      ok: false,
      reason: "question_not_found",
    });
  });
});

/** The form of a saved event (as the edit page shows it), with changes. */
function formOfEvent(
  event: { starts_at: Date; ends_at: Date; answer_deadline: Date; title: string },
  regionId: number,
  changes: Record<string, unknown> = {},
) {
  const local = (d: Date) =>
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Brussels",
      dateStyle: "short",
      timeStyle: "short",
    })
      .format(new Date(d))
      .split(" ");
  const [startDate, startTime] = local(event.starts_at);
  const [endDate, endTime] = local(event.ends_at);
  const [deadlineDate, deadlineTime] = local(event.answer_deadline);
  return form(`region-${regionId}`, {
    title: event.title,
    description: "Een dag om elkaar te ontmoeten en van elkaar te leren.",
    address: "Provinciehuis, Boulevard 1, 3500 Hasselt",
    accessibilityNotes: "Rolstoeltoegankelijk, met een lift.",
    startDate,
    startTime,
    endDate,
    endTime,
    deadlineDate,
    deadlineTime,
    questions: [],
    ...changes,
  });
}

async function outbox(template: string, eventId: number) {
  return database.db
    .selectFrom("email_messages")
    .select(["idempotency_key", "recipient_id", "to_address", "language", "payload"])
    .where("template", "=", template)
    .where(sql<string>`payload->'event'->>'eventId'`, "=", String(eventId))
    .orderBy("id")
    .execute();
}

describe("telling the invited about a published event's changes", () => {
  async function publishedEvent() {
    const w = await world();
    const event = await insertEvent(database.db, { regionId: w.region.id });
    const anna = await createUser(database.db, { language: "nl" });
    const brigitte = await createUser(database.db, { language: "fr" });
    const nee = await createUser(database.db, { language: "en" });
    const silent = await createUser(database.db, { language: "en" });
    const a = await createEventInvitation(database.db, {
      eventId: event.id,
      userId: anna.id,
      response: "yes",
    });
    const b = await createEventInvitation(database.db, {
      eventId: event.id,
      userId: brigitte.id,
      response: "maybe",
    });
    const n = await createEventInvitation(database.db, {
      eventId: event.id,
      userId: nee.id,
      response: "no",
    });
    const s = await createEventInvitation(database.db, { eventId: event.id, userId: silent.id });
    const revoked = await createUser(database.db);
    const r = await createEventInvitation(database.db, { eventId: event.id, userId: revoked.id });
    await database.db
      .updateTable("event_invitations")
      .set({ revoked_at: new Date() })
      .where("id", "=", r.id)
      .execute();
    return { w, event, invitations: { a, b, n, s, r }, people: { anna, brigitte, nee, silent } };
  }

  it("a moved start mails each invitee who did not say no once, SEQUENCE raised", async () => {
    const { w, event, invitations, people } = await publishedEvent();
    const value = EventFormSchema.parse(
      formOfEvent(event, w.region.id, { startTime: "13:00", endTime: "18:00" }),
    );
    expect(await updateEvent(database.db, jobs, w.actor, event.id, value)).toEqual({
      ok: true,
      notified: 3,
    });
    const saved = await database.db
      .selectFrom("events")
      .select("sequence")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(saved.sequence).toBe(1);

    const rows = await outbox("event_updated", event.id);
    expect(rows.map((r) => [r.recipient_id, r.language, r.idempotency_key])).toEqual([
      [people.anna.id, "nl", `event_updated:${event.id}:1:${invitations.a.id}`],
      [people.brigitte.id, "fr", `event_updated:${event.id}:1:${invitations.b.id}`],
      [people.silent.id, "en", `event_updated:${event.id}:1:${invitations.s.id}`],
    ]);
    const payload = rows[0]!.payload as unknown as EmailPayloads["event_updated"];
    expect(payload.event.sequence).toBe(1);
    expect(payload.links.answerUrl).toMatch(new RegExp(`/events/answer/${invitations.a.id}\\.`));
    const email = await renderEmail("event_updated", "nl", payload);
    const ics =
      email.attachments.find((a) => a.filename?.endsWith(".ics"))?.content ??
      email.attachments[0]!.content;
    expect(String(ics)).toContain(`UID:${eventUid(event.id)}`);
    expect(String(ics)).toMatch(/SEQUENCE:1\r?\n/);
    expect(String(ics)).toContain("METHOD:REQUEST");

    // Saving the same again is no news: nobody hears twice.
    expect(await updateEvent(database.db, jobs, w.actor, event.id, value)).toEqual({
      ok: true,
      notified: 0,
    });
    expect(await outbox("event_updated", event.id)).toHaveLength(3);
    // Nor is a change the invited do not care about (the places).
    const places = EventFormSchema.parse(
      formOfEvent(event, w.region.id, { startTime: "13:00", endTime: "18:00", capacity: "150" }),
    );
    expect(await updateEvent(database.db, jobs, w.actor, event.id, places)).toEqual({
      ok: true,
      notified: 0,
    });
  });

  it("a published event's organiser cannot change; nor can a cancelled event change at all", async () => {
    const { w, event } = await publishedEvent();
    const moved = EventFormSchema.parse({
      ...formOfEvent(event, w.region.id),
      scope: `digibank-${w.bank.id}`,
    });
    expect(await updateEvent(database.db, jobs, w.actor, event.id, moved)).toEqual({
      ok: false,
      reason: "scope_fixed",
    });
    expect(await cancelEvent(database.db, jobs, w.actor, event.id, "Storm")).toMatchObject({
      ok: true,
    });
    const same = EventFormSchema.parse(formOfEvent(event, w.region.id));
    expect(await updateEvent(database.db, jobs, w.actor, event.id, same)).toEqual({
      ok: false,
      reason: "cancelled",
    });
    expect(await publishEvent(database.db, w.actor, event.id)).toEqual({
      ok: false,
      reason: "cancelled",
    });
    expect(await cancelEvent(database.db, jobs, w.actor, event.id, "Nog eens")).toEqual({
      ok: false,
      reason: "cancelled",
    });
  });

  it("cancelling mails everyone invited (also who said no, not the withdrawn) a CANCEL", async () => {
    const { w, event, invitations } = await publishedEvent();
    expect(
      await cancelEvent(database.db, jobs, w.actor, event.id, "De zaal is niet vrij."),
    ).toEqual({ ok: true, notified: 4 });
    const rows = await outbox("event_cancelled", event.id);
    expect(rows.map((r) => r.idempotency_key)).toEqual(
      [invitations.a, invitations.b, invitations.n, invitations.s].map(
        (i) => `event_cancelled:${event.id}:${i.id}`,
      ),
    );
    const payload = rows[0]!.payload as unknown as EmailPayloads["event_cancelled"];
    expect(payload.reason).toBe("De zaal is niet vrij.");
    expect(payload.event.cancelled).toBe(true);
    const email = await renderEmail("event_cancelled", "nl", payload);
    expect(String(email.attachments[0]!.content)).toContain("METHOD:CANCEL");
    const saved = await database.db
      .selectFrom("events")
      .selectAll()
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      status: "cancelled",
      cancel_reason: "De zaal is niet vrij.",
      sequence: 1,
    });
  });

  it("another region's staff can neither change, publish nor cancel it (told it is not there)", async () => {
    const { w, event } = await publishedEvent();
    const other = await createUser(database.db);
    await assignRole(database.db, {
      userId: other.id,
      role: "regional_staff",
      regionId: w.otherRegion.id,
    });
    const outsider = (await loadActor(database.db, other.id))!;
    const before = await snapshotCounts(database, TABLES);
    const value = EventFormSchema.parse(formOfEvent(event, w.region.id, { title: "Gekaapt" }));
    expect(await updateEvent(database.db, jobs, outsider, event.id, value)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await cancelEvent(database.db, jobs, outsider, event.id, "x")).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await publishEvent(database.db, outsider, event.id)).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
  });

  it("publishes a draft once", async () => {
    const w = await world();
    const draft = await insertEvent(database.db, { regionId: w.region.id, status: "draft" });
    expect(await publishEvent(database.db, w.actor, draft.id)).toEqual({ ok: true });
    expect(await publishEvent(database.db, w.actor, draft.id)).toEqual({
      ok: false,
      reason: "already_published",
    });
  });
});

describe("the audience rules", () => {
  async function audienceWorld() {
    const w = await world();
    const db = database.db;
    const genk = await createMunicipality(db, { regionId: w.region.id });
    await createDigipunt(db, { digibankId: w.bank2.id, municipalityId: genk.id });
    const person = async (
      digibankId: number,
      role: "volunteer" | "coordinator" = "volunteer",
      language: "nl" | "fr" | "en" = "nl",
    ) => {
      const u = await createUser(db, { language });
      await assignRole(db, { userId: u.id, role, digibankId });
      return u;
    };
    const v1 = await person(w.bank.id);
    const v2 = await person(w.bank2.id, "volunteer", "fr");
    const c1 = await person(w.bank.id, "coordinator");
    const far = await person(w.otherBank.id);
    const skill = await db
      .selectFrom("skills")
      .select("id")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("volunteer_skills")
      .values({ user_id: v1.id, skill_id: skill.id })
      .execute();
    const course = await createCourse(db, { regionId: w.region.id });
    await createEnrolment(db, { courseId: course.id, userId: v2.id });
    await db
      .updateTable("course_enrolments")
      .set({ completed_at: new Date() })
      .where("user_id", "=", v2.id)
      .execute();
    const event = await insertEvent(db, { regionId: w.region.id, status: "draft" });
    return { w, genk, v1, v2, c1, far, skill, course, event };
  }
  const preview = async (eventId: number) => {
    const event = await database.db
      .selectFrom("events")
      .selectAll()
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    return previewAudience(database.db, event);
  };
  const rules = (r: Record<string, unknown>) => ({
    digibankIds: [],
    municipalityIds: [],
    skillIds: [],
    courseIds: [],
    roles: ["volunteer", "coordinator"] as Array<"volunteer" | "coordinator" | "trainer">,
    ...r,
  });

  it("reaches the region by default, then narrows by role, municipality, skill or course", async () => {
    const { w, genk, skill, course, event } = await audienceWorld();
    const save = (r: Record<string, unknown>) =>
      saveAudience(database.db, w.actor, event.id, rules(r));
    expect(await save({})).toEqual({ ok: true });
    expect(await preview(event.id)).toMatchObject({
      toInvite: 4,
      byLanguage: { nl: 3, fr: 1, en: 0 },
    });
    // The two coordinators of the first digibank (the planner's world has one already).
    expect(await save({ roles: ["coordinator"] })).toEqual({ ok: true });
    expect((await preview(event.id)).toInvite).toBe(2);
    expect(await save({ municipalityIds: [genk.id] })).toEqual({ ok: true });
    expect(await preview(event.id)).toMatchObject({ toInvite: 1, byLanguage: { fr: 1 } });
    expect(await save({ skillIds: [skill.id] })).toEqual({ ok: true });
    expect(await preview(event.id)).toMatchObject({ toInvite: 1, byLanguage: { nl: 1 } });
    // Skill or course: either one.
    expect(await save({ skillIds: [skill.id], courseIds: [course.id] })).toEqual({ ok: true });
    expect((await preview(event.id)).toInvite).toBe(2);
  });

  it("counts who opted out and who was invited before", async () => {
    const { w, v1, c1, event } = await audienceWorld();
    await database.db
      .updateTable("users")
      .set({ notify_event_invitations: false })
      .where("id", "=", v1.id)
      .execute();
    await createEventInvitation(database.db, { eventId: event.id, userId: c1.id });
    expect(await saveAudience(database.db, w.actor, event.id, rules({}))).toEqual({ ok: true });
    expect(await preview(event.id)).toMatchObject({ toInvite: 2, optedOut: 1, alreadyInvited: 1 });
  });

  it("refuses ids from outside the event's region, saving nothing", async () => {
    const { w, event } = await audienceWorld();
    const otherTown = await createMunicipality(database.db, { regionId: w.otherRegion.id });
    const otherCourse = await createCourse(database.db, { regionId: w.otherRegion.id });
    for (const r of [
      { digibankIds: [w.otherBank.id] },
      { municipalityIds: [otherTown.id] },
      { courseIds: [otherCourse.id] },
      { skillIds: [2_000_000] },
    ])
      expect(await saveAudience(database.db, w.actor, event.id, rules(r))).toEqual({
        ok: false,
        reason: "audience_outside_region",
      });
    const saved = await database.db
      .selectFrom("events")
      .select("audience")
      .where("id", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(saved.audience).toEqual({});
  });

  it("a digibank's event keeps to its own digibank", async () => {
    const { w } = await audienceWorld();
    const own = await insertEvent(database.db, {
      regionId: w.region.id,
      digibankId: w.bank.id,
      status: "draft",
    });
    expect(
      await saveAudience(database.db, w.coordinator, own.id, rules({ digibankIds: [w.bank2.id] })),
    ).toEqual({
      ok: false,
      reason: "audience_outside_region",
    });
    expect(await saveAudience(database.db, w.coordinator, own.id, rules({}))).toEqual({ ok: true });
    // v1, c1 and the world's coordinator of bank 1; v2 of bank 2 is not reached.
    expect((await preview(own.id)).toInvite).toBe(3);
  });
});
