import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, loadActor } from "~/modules/auth/access.server.ts";
import { courseSessionUid } from "~/modules/courses/calendar.server.ts";
import { exportCourseCsv, loadCourseOverview } from "~/modules/courses/overview.server.ts";
import {
  cancelCourse,
  cancelSession,
  createCourse,
  messageEnrolled,
  publishCourse,
  updateCourse,
} from "~/modules/courses/planning.server.ts";
import { type CourseForm, CourseFormSchema } from "~/modules/courses/planning-schemas.ts";
import type { EmailPayloads } from "~/modules/mail/messages.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createCourse as insertCourse,
  createDigibank,
  createEnrolment,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase, snapshotCounts } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The course planning module: its form's checks, its refusals (nothing saved), the mails a change
// to a published course sends (with a raised SEQUENCE), cancellations, messages and the export.

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

const TABLES = [
  "courses",
  "course_sessions",
  "course_trainers",
  "course_skills",
  "course_enrolments",
  "email_messages",
];

/** A region with a digibank and its coordinator (the planner), and a second region. */
async function world() {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const otherRegion = await createRegion(db);
  const otherBank = await createDigibank(db, { regionId: otherRegion.id });
  const planner = await createUser(db);
  await assignRole(db, { userId: planner.id, role: "coordinator", digibankId: bank.id });
  const outsider = await createUser(db);
  await assignRole(db, { userId: outsider.id, role: "volunteer", digibankId: otherBank.id });
  const local = await createUser(db);
  await assignRole(db, { userId: local.id, role: "volunteer", digibankId: bank.id });
  return {
    region,
    bank,
    otherRegion,
    actor: (await loadActor(db, planner.id))!,
    outsiderId: outsider.id,
    localId: local.id,
  };
}

/** The form as a browser would post it: every value text. */
function form(bankId: number, changes: Record<string, unknown> = {}) {
  return {
    scope: `digibank-${bankId}`,
    title: "Itsme uitleggen",
    theme: "service",
    serviceSkillId: "1",
    audience: "everyone",
    capacity: "12",
    opensDate: "2027-01-04",
    opensTime: "09:00",
    closesDate: "2027-01-11",
    closesTime: "12:00",
    sessions: [
      { date: "2027-01-12", startTime: "09:00", endTime: "12:00", address: "Markt 1, Genk" },
      { date: "2027-01-19", startTime: "09:00", endTime: "12:00", onlineUrl: "https://m.be/x" },
    ],
    ...changes,
  };
}

const parse = (input: unknown) => CourseFormSchema.safeParse(input);
const messagesOf = (result: ReturnType<typeof parse>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("the course form's checks", () => {
  it("accepts a well-formed course", () => {
    expect(messagesOf(parse(form(1)))).toEqual([]);
  });

  it.each([
    [
      "a session ending before it starts",
      { sessions: [{ date: "2027-01-12", startTime: "12:00", endTime: "09:00", address: "A" }] },
      "sessions.0.endTime: coursePlanning:errors.endBeforeStart",
    ],
    [
      "two overlapping sessions",
      {
        sessions: [
          { date: "2027-01-12", startTime: "09:00", endTime: "12:00", address: "A" },
          { date: "2027-01-12", startTime: "11:00", endTime: "13:00", address: "A" },
        ],
      },
      "sessions.1.startTime: coursePlanning:errors.overlap",
    ],
    [
      "an enrolment window closing after the first session starts",
      { closesDate: "2027-01-12", closesTime: "10:00" },
      "closesDate: coursePlanning:errors.windowAfterStart",
    ],
    ["capacity 0", { capacity: "0" }, "capacity: coursePlanning:errors.capacity"],
    ["capacity 100,000", { capacity: "100000" }, "capacity: coursePlanning:errors.capacity"],
    ["a 10,000-character title", { title: "x".repeat(10_000) }, "title: auth:fields.tooLong"],
    ["a NUL in the title", { title: "Itsme\u0000" }, "title: auth:fields.controlCharacters"],
    [
      "an id past the integer range",
      { serviceSkillId: "2147483648" },
      "serviceSkillId: auth:fields.required",
    ],
    ["an impossible date", { opensDate: "2027-02-30" }, "opensDate: planning:errors.date"],
    [
      "a session without a place",
      { sessions: [{ date: "2027-01-12", startTime: "09:00", endTime: "12:00" }] },
      "sessions.0.address: coursePlanning:errors.place",
    ],
    ["no session", { sessions: [] }, "sessions: coursePlanning:errors.noSessions"],
  ])("refuses %s", (_name, changes, message) => {
    expect(messagesOf(parse(form(1, changes)))).toContain(message);
  });
});

describe("planning a course", () => {
  it("creates a draft with its sessions, trainers and skills", async () => {
    const w = await world();
    const value = CourseFormSchema.parse(
      form(w.bank.id, {
        trainerUserIds: [String(w.localId)],
        outsideTrainers: "Lies Peeters\nJan Claes",
        grantedSkillIds: ["1"],
      }),
    );
    const outcome = await createCourse(database.db, w.actor, value);
    expect(outcome.ok).toBe(true);
    const courseId = (outcome as { courseId: number }).courseId;
    const course = await database.db
      .selectFrom("courses")
      .selectAll()
      .where("id", "=", courseId)
      .executeTakeFirstOrThrow();
    expect(course).toMatchObject({ status: "draft", region_id: w.region.id, capacity: 12 });
    // 09:00 in Brussels in winter is 08:00 UTC.
    const sessions = await database.db
      .selectFrom("course_sessions")
      .select(["starts_at", "address", "online_url"])
      .where("course_id", "=", courseId)
      .orderBy("starts_at")
      .execute();
    expect(sessions.map((s) => s.starts_at.toISOString())).toEqual([
      "2027-01-12T08:00:00.000Z",
      "2027-01-19T08:00:00.000Z",
    ]);
    const trainers = await database.db
      .selectFrom("course_trainers")
      .select(["user_id", "outside_name"])
      .where("course_id", "=", courseId)
      .execute();
    expect(trainers).toHaveLength(3);
    expect(await publishCourse(database.db, w.actor, courseId)).toEqual({ ok: true });
    expect(await publishCourse(database.db, w.actor, courseId)).toEqual({
      ok: false,
      reason: "already_published",
    });
  });

  it("refuses a trainer of another region and saves nothing", async () => {
    const w = await world();
    const before = await snapshotCounts(database, TABLES);
    const value = CourseFormSchema.parse(
      form(w.bank.id, { trainerUserIds: [String(w.outsiderId)] }),
    );
    expect(await createCourse(database.db, w.actor, value)).toEqual({
      ok: false,
      reason: "trainer_region",
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
  });

  it("refuses a scope the planner does not plan (another region)", async () => {
    const w = await world();
    const before = await snapshotCounts(database, TABLES);
    const value = CourseFormSchema.parse(form(w.bank.id, { scope: `region-${w.otherRegion.id}` }));
    expect(await createCourse(database.db, w.actor, value)).toEqual({
      ok: false,
      reason: "scope",
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
  });

  it("maps the database's exclusion of overlapping sessions to a refusal, saving nothing", async () => {
    const w = await world();
    // Past the form's own check (as a request that skipped it would be): the database holds it.
    const value: CourseForm = {
      ...CourseFormSchema.parse(form(w.bank.id)),
      sessions: [
        { date: "2027-01-12", startTime: "09:00", endTime: "12:00", address: "A" },
        { date: "2027-01-12", startTime: "10:00", endTime: "11:00", address: "B" },
      ],
    };
    const before = await snapshotCounts(database, TABLES);
    expect(await createCourse(database.db, w.actor, value)).toEqual({
      ok: false,
      reason: "overlap",
    });
    expect(await snapshotCounts(database, TABLES)).toEqual(before);
  });

  it("refuses lowering the capacity below the number enrolled, in plain words", async () => {
    const w = await world();
    const course = await insertCourse(database.db, {
      regionId: w.region.id,
      digibankId: w.bank.id,
      capacity: 5,
      sessions: [morning(20)],
    });
    for (let i = 0; i < 3; i++)
      await createEnrolment(database.db, {
        courseId: course.id,
        userId: (await createUser(database.db)).id,
      });
    const value = CourseFormSchema.parse(
      form(w.bank.id, { capacity: "2", ...formOfCourse(course) }),
    );
    expect(await updateCourse(database.db, jobs, w.actor, course.id, value)).toEqual({
      ok: false,
      reason: "capacity_below_enrolled",
      enrolled: 3,
    });
    // The page tells it in plain words, with the number.
    expect(getFixedT("nl", "coursePlanning")("refusal.capacity_below_enrolled", { count: 3 })).toBe(
      "Er zijn al 3 personen ingeschreven: je kan niet minder plaatsen geven dan dat.",
    );
    const after = await database.db
      .selectFrom("courses")
      .select("capacity")
      .where("id", "=", course.id)
      .executeTakeFirstOrThrow();
    expect(after.capacity).toBe(5);
  });
});

const DAY = 24 * 60 * 60 * 1000;
/** 08:00 UTC (09:00 or 10:00 in Brussels) so many days from now: a session within one day. */
const morning = (days: number) =>
  new Date(Math.ceil((Date.now() + days * DAY) / DAY) * DAY + 8 * 60 * 60 * 1000);

/** The form fields that keep a factory course's window and sessions as they are. */
function formOfCourse(course: Awaited<ReturnType<typeof insertCourse>>) {
  const local = (d: Date) =>
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Brussels",
      dateStyle: "short",
      timeStyle: "short",
    })
      .format(d)
      .split(" ");
  const [opensDate, opensTime] = local(course.enrol_opens_at);
  const [closesDate, closesTime] = local(course.enrol_closes_at);
  return {
    opensDate,
    opensTime,
    closesDate,
    closesTime,
    theme: "digital_skills",
    sessions: course.sessions.map((s) => ({
      id: String(s.id),
      date: local(s.starts_at)[0],
      startTime: local(s.starts_at)[1],
      endTime: local(s.ends_at)[1],
      address: s.address,
    })),
  };
}

async function outbox(template: string, courseId: number) {
  return database.db
    .selectFrom("email_messages")
    .select(["idempotency_key", "recipient_id", "language", "payload", "template"])
    .where("template", "=", template)
    .where(sql<string>`payload->'course'->>'courseId'`, "=", String(courseId))
    .orderBy("id")
    .execute();
}

describe("telling people about a published course's changes", () => {
  async function publishedCourse() {
    const w = await world();
    const start = morning(20);
    const course = await insertCourse(database.db, {
      regionId: w.region.id,
      digibankId: w.bank.id,
      sessions: [start, new Date(start.getTime() + 7 * DAY)],
    });
    const anna = await createUser(database.db, { language: "nl" });
    const brigitte = await createUser(database.db, { language: "fr" });
    const waiting = await createUser(database.db, { language: "en" });
    await createEnrolment(database.db, { courseId: course.id, userId: anna.id });
    await createEnrolment(database.db, { courseId: course.id, userId: brigitte.id });
    await createEnrolment(database.db, {
      courseId: course.id,
      userId: waiting.id,
      status: "waiting",
    });
    return { w, course, anna, brigitte, waiting };
  }

  it("a changed session mails the enrolled, in their language, with a raised SEQUENCE", async () => {
    const { w, course, anna, brigitte } = await publishedCourse();
    const fields = formOfCourse(course);
    const moved = {
      ...fields,
      sessions: [
        { ...fields.sessions[0]!, startTime: "13:00", endTime: "16:00" },
        fields.sessions[1],
      ],
    };
    const value = CourseFormSchema.parse(form(w.bank.id, moved));
    expect(await updateCourse(database.db, jobs, w.actor, course.id, value)).toEqual({ ok: true });

    const rows = await outbox("course_changed", course.id);
    // The enrolled hear; the waiting list does not (nothing of theirs changed in a calendar).
    expect(rows.map((r) => [r.recipient_id, r.language])).toEqual([
      [anna.id, "nl"],
      [brigitte.id, "fr"],
    ]);
    const payload = rows[0]!.payload as unknown as EmailPayloads["course_changed"];
    const [first, second] = payload.course.sessions;
    // The moved session rose by two (its own and the course's), the other by the course's one.
    expect([first!.sequence, second!.sequence]).toEqual([2, 1]);
    const email = await renderEmail("course_changed", "nl", payload);
    const ics = email.attachments[0]!.content;
    expect(email.attachments[0]!.contentType).toContain("method=REQUEST");
    expect(ics).toContain(`UID:${courseSessionUid(first!.sessionId)}`);
    expect(ics).toMatch(/SEQUENCE:2\r?\n/);
    expect(ics).toMatch(/SEQUENCE:1\r?\n/);
    expect(email.text).toContain("gewijzigd");

    // Saving the same again is no news: no second message.
    const same = CourseFormSchema.parse(form(w.bank.id, { ...moved, sessions: moved.sessions }));
    await updateCourse(database.db, jobs, w.actor, course.id, same);
    expect(await outbox("course_changed", course.id)).toHaveLength(2);
  });

  it("cancelling the course tells the enrolled (CANCEL .ics) and the waiting list (none)", async () => {
    const { w, course, anna, waiting } = await publishedCourse();
    expect(
      await cancelCourse(database.db, jobs, w.actor, course.id, "De lesgever is ziek."),
    ).toEqual({ ok: true });
    const rows = await outbox("course_cancelled", course.id);
    expect(rows).toHaveLength(3);
    const toAnna = rows.find((r) => r.recipient_id === anna.id)!;
    const annaMail = await renderEmail(
      "course_cancelled",
      "nl",
      toAnna.payload as unknown as EmailPayloads["course_cancelled"],
    );
    expect(annaMail.attachments[0]!.contentType).toContain("method=CANCEL");
    expect(annaMail.attachments[0]!.content.match(/STATUS:CANCELLED/g)).toHaveLength(2);
    expect(annaMail.text).toContain("De lesgever is ziek.");
    const toWaiting = rows.find((r) => r.recipient_id === waiting.id)!;
    const waitingMail = await renderEmail(
      "course_cancelled",
      "en",
      toWaiting.payload as unknown as EmailPayloads["course_cancelled"],
    );
    expect(waitingMail.attachments).toEqual([]);
    const left = await database.db
      .selectFrom("course_enrolments")
      .select("status")
      .where("course_id", "=", course.id)
      .execute();
    expect(left.every((e) => e.status === "cancelled")).toBe(true);
    // Cancelling again is refused and sends nothing more.
    expect(await cancelCourse(database.db, jobs, w.actor, course.id, "Nog eens")).toEqual({
      ok: false,
      reason: "cancelled",
    });
    expect(await outbox("course_cancelled", course.id)).toHaveLength(3);
  });

  it("cancelling one session sends the CANCEL of that session only", async () => {
    const { w, course } = await publishedCourse();
    const [first, second] = course.sessions;
    expect(await cancelSession(database.db, jobs, w.actor, course.id, first!.id)).toEqual({
      ok: true,
    });
    const rows = await outbox("course_session_cancelled", course.id);
    expect(rows).toHaveLength(3);
    const payload = rows[0]!.payload as unknown as EmailPayloads["course_session_cancelled"];
    const email = await renderEmail("course_session_cancelled", "nl", payload);
    const ics = email.attachments[0]!.content;
    expect(ics).toContain(`UID:${courseSessionUid(first!.id)}`);
    expect(ics).not.toContain(`UID:${courseSessionUid(second!.id)}`);
    // The last session left is not cancelled on its own: the course is.
    expect(await cancelSession(database.db, jobs, w.actor, course.id, second!.id)).toEqual({
      ok: false,
      reason: "last_session",
    });
  });

  it("cancelling the one session someone still lacked completes their course and grants its skill", async () => {
    const w = await world();
    const start = morning(20);
    const course = await insertCourse(database.db, {
      regionId: w.region.id,
      digibankId: w.bank.id,
      sessions: [start, new Date(start.getTime() + 7 * DAY)],
      grantsSkillCodes: ["mypension"],
    });
    const learner = await createUser(database.db, { language: "nl" });
    await createEnrolment(database.db, { courseId: course.id, userId: learner.id });
    const [first, second] = course.sessions;
    await database.db
      .insertInto("course_attendance")
      .values({ session_id: first!.id, user_id: learner.id, present: true })
      .execute();
    const skills = () =>
      database.db
        .selectFrom("volunteer_skills")
        .select(["source", "course_id"])
        .where("user_id", "=", learner.id)
        .execute();
    expect(await skills()).toEqual([]);

    expect(await cancelSession(database.db, jobs, w.actor, course.id, second!.id)).toEqual({
      ok: true,
    });
    const enrolment = await database.db
      .selectFrom("course_enrolments")
      .select("completed_at")
      .where("course_id", "=", course.id)
      .where("user_id", "=", learner.id)
      .executeTakeFirstOrThrow();
    expect(enrolment.completed_at).toBeInstanceOf(Date);
    expect(await skills()).toEqual([{ source: "course", course_id: course.id }]);
  });

  it("a message reaches everyone enrolled once per key, without an attachment", async () => {
    const { w, course } = await publishedCourse();
    const message = { key: crypto.randomUUID(), subject: "Parking", body: "Achter de bib." };
    expect(await messageEnrolled(database.db, jobs, w.actor, course.id, message)).toEqual({
      ok: true,
      recipients: 2,
    });
    await messageEnrolled(database.db, jobs, w.actor, course.id, message);
    const rows = await database.db
      .selectFrom("email_messages")
      .select("payload")
      .where("idempotency_key", "like", `course_message:${course.id}:%`)
      .execute();
    expect(rows).toHaveLength(2);
    const email = await renderEmail(
      "course_message",
      "nl",
      rows[0]!.payload as unknown as EmailPayloads["course_message"],
    );
    expect(email.subject).toContain("Parking");
    expect(email.attachments).toEqual([]);
  });
});

describe("the overview and its export", () => {
  it("lists the enrolled, the waiting list in order, attendance, and exports safe CSV", async () => {
    const w = await world();
    const course = await insertCourse(database.db, {
      regionId: w.region.id,
      digibankId: w.bank.id,
      capacity: 1,
    });
    const anna = await createUser(database.db, { name: "=HYPERLINK(1)" });
    const first = await createUser(database.db, { name: "Eerste" });
    const second = await createUser(database.db, { name: "Tweede" });
    await createEnrolment(database.db, { courseId: course.id, userId: anna.id });
    await createEnrolment(database.db, {
      courseId: course.id,
      userId: first.id,
      status: "waiting",
    });
    await createEnrolment(database.db, {
      courseId: course.id,
      userId: second.id,
      status: "waiting",
    });
    await database.db
      .insertInto("course_attendance")
      .values({ session_id: course.sessions[0]!.id, user_id: anna.id, present: true })
      .execute();
    const overview = (await loadCourseOverview(database.db, w.actor, course.id))!;
    expect(overview.enrolled.map((e) => [e.name, e.attendance])).toEqual([
      ["=HYPERLINK(1)", [true]],
    ]);
    expect(overview.waiting.map((e) => e.name)).toEqual(["Eerste", "Tweede"]);

    const exported = (await exportCourseCsv(database.db, w.actor, course.id, (k) => k))!;
    expect(exported.csv.startsWith("\uFEFF")).toBe(true);
    expect(exported.csv).toContain("'=HYPERLINK(1)");
    expect(exported.csv).toContain("export.present");
    const audit = await database.db
      .selectFrom("audit_events")
      .select("actor_id")
      .where("action", "=", "course_exported")
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(w.actor.id);
  });

  it("shows nothing of a course outside the planner's scope", async () => {
    const w = await world();
    const other = await insertCourse(database.db, { regionId: w.otherRegion.id });
    expect(await loadCourseOverview(database.db, w.actor, other.id)).toBeNull();
    expect(await exportCourseCsv(database.db, w.actor, other.id, (k) => k)).toBeNull();
  });
});

describe("capacity against enrolments at the same moment", () => {
  /**
   * Lowers the capacity from 10 to 3 while 5 people enrol. On a PostgreSQL server the course row
   * is held locked until the lowering and all 5 enrolments wait for it, the lowering first: it
   * then reads no one enrolled yet, and only the database's CHECK stands between the 5 and 3 places.
   */
  async function race(actor: Actor, bankId: number, regionId: number) {
    const course = await insertCourse(database.db, {
      regionId,
      digibankId: bankId,
      capacity: 10,
      sessions: [morning(20)],
    });
    const people = await Promise.all(Array.from({ length: 5 }, () => createUser(database.db)));
    const value = CourseFormSchema.parse(form(bankId, { capacity: "3", ...formOfCourse(course) }));
    const lower = () => updateCourse(database.db, jobs, actor, course.id, value);
    const enrol = () =>
      people.map((p) =>
        createEnrolment(database.db, { courseId: course.id, userId: p.id }).catch(() => null),
      );
    if (!process.env.TEST_DATABASE_URL) {
      // PGlite: one connection, so the same requests run one after another.
      await Promise.all([lower(), ...enrol()]);
    } else {
      let all: Promise<unknown> = Promise.resolve();
      await database.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom("courses")
          .select("id")
          .where("id", "=", course.id)
          .forUpdate()
          .execute();
        const lowering = lower();
        await waitingForLocks(1);
        const enrolments = enrol();
        await waitingForLocks(1 + people.length);
        all = Promise.all([lowering, ...enrolments]);
      });
      await all;
    }
    return database.db
      .selectFrom("courses")
      .select(["capacity", "enrolled_count"])
      .where("id", "=", course.id)
      .executeTakeFirstOrThrow();
  }

  /** Until this many sessions of this database wait for a lock. */
  async function waitingForLocks(n: number) {
    for (;;) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(database.db);
      if (Number(rows[0]!.n) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("never leaves more people enrolled than places", async () => {
    const w = await world();
    for (let round = 0; round < 3; round++) {
      const after = await race(w.actor, w.bank.id, w.region.id);
      expect(after.enrolled_count).toBeLessThanOrEqual(after.capacity);
    }
  });

  // Only on a PostgreSQL server: PGlite's one connection runs them one after another.
  const onServer = it.skipIf(!process.env.TEST_DATABASE_URL);

  onServer("control: without the capacity CHECK the same race overbooks", async () => {
    const w = await world();
    await sql`alter table courses drop constraint courses_capacity`.execute(database.db);
    try {
      const after = await race(w.actor, w.bank.id, w.region.id);
      expect(after).toEqual({ capacity: 3, enrolled_count: 5 });
    } finally {
      await sql`update courses set capacity = greatest(capacity, enrolled_count)`.execute(
        database.db,
      );
      await sql`alter table courses add constraint courses_capacity
        check (enrolled_count <= capacity)`.execute(database.db);
    }
  });
});
