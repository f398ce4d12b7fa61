import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import {
  assignRole,
  createCourse,
  createDigibank,
  createEnrolment,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { type RunningServer, startServer } from "../support/server.ts";

// 100 people press "enrol" on the same 12-place course at once, through the real server on the
// real PostgreSQL server: exactly 12 get a place, 88 are on the waiting list numbered in the order
// they arrived, each is emailed once, and nobody gets a 500. The control run drops the capacity
// constraint and shows that the same requests overbook. Then 20 people with a place cancel at once:
// the first 20 in line move up, once each, in their order, each emailed once.

const PEOPLE = 100;
const PLACES = 12;

describe.skipIf(!process.env.TEST_DATABASE_URL)("enrolling and cancelling all at once", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let regionId: number;
  let users: number[];
  let cookies: string[];
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    regionId = (await createRegion(db)).id;
    const digibank = await createDigibank(db, { regionId });
    users = [];
    cookies = [];
    for (let i = 0; i < PEOPLE; i++) {
      const user = await createUser(db);
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: digibank.id });
      users.push(user.id);
      cookies.push(
        (await startSession(db, new Request("http://127.0.0.1/"), user.id)).split(";")[0]!,
      );
    }
    server = await startServer({ DATABASE_URL: database.url!, DATABASE_POOL_MAX: "20" });
    // The CSRF token is tied to its cookie, not to the session: one pair serves everyone.
    const page = new HttpClient(server.url);
    const token = await page.csrfToken("/");
    csrf = { cookie: page.cookieHeader(), token };
  });

  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  function post(courseId: number, session: string, intent: "enrol" | "cancel") {
    return fetch(`${server.url}/courses/${courseId}`, {
      method: "POST",
      body: new URLSearchParams({ intent, csrf: csrf.token }),
      headers: { Cookie: `${session}; ${csrf.cookie}`, Origin: server.url },
      redirect: "manual",
    }).then((response) => ({ status: response.status, outcome: outcomeOf(response) }));
  }

  async function enrolments(courseId: number) {
    return database.db
      .selectFrom("course_enrolments")
      .select(["id", "user_id as userId", "status", "queued_at as queuedAt"])
      .where("course_id", "=", courseId)
      .orderBy("queued_at")
      .orderBy("id")
      .execute();
  }

  async function mail(template: string, keys: string[]) {
    return database.db
      .selectFrom("email_messages")
      .select(["idempotency_key as key", "recipient_id as recipientId", "payload"])
      .where("template", "=", template)
      .where("idempotency_key", "in", keys.length > 0 ? keys : ["-"])
      .execute();
  }

  it("leaves exactly 12 enrolled and 88 waiting in arrival order, each emailed once, never a 500", async () => {
    const course = await createCourse(database.db, { regionId, capacity: PLACES });
    const answers = await Promise.all(cookies.map((session) => post(course.id, session, "enrol")));
    expect(answers.map((a) => a.status).filter((s) => s !== 302)).toEqual([]);
    const messages = answers.map((a) => a.outcome?.message);
    expect(messages.filter((m) => m === "courses:done.enrolled")).toHaveLength(PLACES);
    expect(messages.filter((m) => m === "courses:done.waiting")).toHaveLength(PEOPLE - PLACES);

    const rows = await enrolments(course.id);
    expect(rows.filter((r) => r.status === "enrolled")).toHaveLength(PLACES);
    const waiting = rows.filter((r) => r.status === "waiting");
    expect(waiting).toHaveLength(PEOPLE - PLACES);
    // Each was told the place in line the list keeps: 1 to 88 in (queued_at, id) order.
    waiting.forEach((row, index) => {
      const answer = answers[users.indexOf(row.userId)]!;
      expect(answer.outcome?.values).toEqual({ position: index + 1 });
    });
    const enrolledMail = await mail(
      "course_enrolled",
      rows.filter((r) => r.status === "enrolled").map((r) => `course_enrolled:${r.id}`),
    );
    expect(enrolledMail).toHaveLength(PLACES);
    const waitingMail = await mail(
      "course_waiting",
      waiting.map((r) => `course_waiting:${r.id}`),
    );
    expect(waitingMail).toHaveLength(PEOPLE - PLACES);
    for (const [index, row] of waiting.entries()) {
      const message = waitingMail.find((m) => m.key === `course_waiting:${row.id}`)!;
      expect((message.payload as { position: number }).position).toBe(index + 1);
    }
  });

  it("control: with the capacity constraint dropped, the same requests overbook", async () => {
    const course = await createCourse(database.db, { regionId, capacity: PLACES });
    await sql`alter table courses drop constraint courses_capacity`.execute(database.db);
    try {
      await Promise.all(cookies.map((session) => post(course.id, session, "enrol")));
      const rows = await enrolments(course.id);
      expect(rows.filter((r) => r.status === "enrolled").length).toBeGreaterThan(PLACES);
    } finally {
      await database.db
        .deleteFrom("course_enrolments")
        .where("course_id", "=", course.id)
        .execute();
      await sql`alter table courses add constraint courses_capacity
        check (enrolled_count <= capacity)`.execute(database.db);
    }
  });

  it("20 cancellations at once move the first 20 in line up, once each and in order, each emailed once", async () => {
    const course = await createCourse(database.db, { regionId, capacity: 20 });
    const holders = users.slice(0, 20);
    for (const userId of holders) {
      await createEnrolment(database.db, { courseId: course.id, userId });
    }
    const line = [];
    for (const userId of users.slice(20, 50)) {
      line.push(
        await createEnrolment(database.db, { courseId: course.id, userId, status: "waiting" }),
      );
    }
    const answers = await Promise.all(
      holders.map((userId) => post(course.id, cookies[users.indexOf(userId)]!, "cancel")),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 302)).toEqual([]);
    expect(answers.map((a) => a.outcome?.message)).toEqual(
      holders.map(() => "courses:done.cancelled"),
    );

    const rows = await enrolments(course.id);
    const enrolled = rows.filter((r) => r.status === "enrolled");
    // The first 20 in line, and they took their places in the order they stood in line.
    expect(enrolled.map((r) => r.id)).toEqual(line.slice(0, 20).map((e) => e.id));
    expect(rows.filter((r) => r.status === "waiting").map((r) => r.id)).toEqual(
      line.slice(20).map((e) => e.id),
    );
    expect(rows.filter((r) => r.status === "cancelled")).toHaveLength(20);
    const promotedMail = await database.db
      .selectFrom("email_messages")
      .select(["idempotency_key as key", "recipient_id as recipientId"])
      .where("template", "=", "course_promoted")
      .where("recipient_id", "in", users.slice(20, 50))
      .where("idempotency_key", "like", "course_promoted:%")
      .execute();
    expect(promotedMail.map((m) => m.key).sort()).toEqual(
      line
        .slice(0, 20)
        .map((e) => `course_promoted:${e.id}`)
        .sort(),
    );
  });
});
