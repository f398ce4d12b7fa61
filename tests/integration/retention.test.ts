import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSession, startSession } from "~/modules/auth/session.server.ts";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import { loadExperience } from "~/modules/experience/figures.server.ts";
import { retryEmail } from "~/modules/mail/outbox.server.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { DELETED_NAME, deletedAddress } from "~/modules/people/personal-data.server.ts";
import { reportOf } from "~/modules/reports/figures.server.ts";
import { inactivityWarningKey, warnInactiveAccounts } from "~/modules/retention/accounts.server.ts";
import { runRetention, startRetentionJobs } from "~/modules/retention/jobs.server.ts";
import { erasedGuestAddress } from "~/modules/retention/sweeps.server.ts";
import { RETENTION } from "~/modules/retention/periods.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createClaim,
  createDigibank,
  createDigipunt,
  createEvent,
  createEventGuest,
  createEventInvitation,
  createMunicipality,
  createRegion,
  createShift,
  createShiftReport,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// Retention with an injected clock: every kind of row goes (or is emptied, or anonymised) on its
// day and not the day before; the inactivity warning goes once per person even when two runs race;
// an anonymised account leaves the report and other people's experience figures as they were.

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

const DAY = 24 * 60 * 60 * 1000;
const days = (n: number) => n * DAY;
/** 03:30 in Brussels (summer time): when the nightly job runs. */
const D = new Date("2027-06-01T01:30:00Z");
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** Last seen on 1 June 2025 (Brussels): two years (730 days) before D. */
const LAST_SEEN = new Date("2025-06-01T10:00:00Z");
const WARNING_DAY = D;
const ANONYMISATION_DAY = at(D, days(RETENTION.inactiveAccountGraceDays));

const db = () => database.db;

async function exists(table: "sessions" | "auth_tokens" | "join_requests", id: string | number) {
  const row = await db()
    .selectFrom(table)
    .select("id")
    .where("id", "=", id as never)
    .executeTakeFirst();
  return row !== undefined;
}

async function userAt(lastActiveAt: Date, values: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(db(), values);
  await db()
    .updateTable("users")
    .set({ last_active_at: lastActiveAt })
    .where("id", "=", user.id)
    .execute();
  return user;
}

async function userRow(id: number) {
  return db().selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function warningsTo(userId: number) {
  return db()
    .selectFrom("email_messages")
    .select(["idempotency_key", "payload", "language", "to_address"])
    .where("template", "=", "inactive_account_warning")
    .where("recipient_id", "=", userId)
    .execute();
}

describe("the nightly retention run", () => {
  it("ends sessions on their idle or absolute expiry day, not the day before", async () => {
    const user = await createUser(db());
    await db()
      .insertInto("sessions")
      .values([
        { id: "idle", user_id: user.id, expires_at: D, created_at: at(D, -days(10)) },
        {
          id: "absolute",
          user_id: user.id,
          expires_at: at(D, days(5)),
          created_at: at(D, -days(RETENTION.sessionAbsoluteDays)),
        },
        { id: "alive", user_id: user.id, expires_at: at(D, days(10)), created_at: at(D, -1) },
      ])
      .execute();
    await runRetention(db(), jobs, at(D, -days(1)));
    expect(await exists("sessions", "idle")).toBe(true);
    expect(await exists("sessions", "absolute")).toBe(true);
    await runRetention(db(), jobs, D);
    expect(await exists("sessions", "idle")).toBe(false);
    expect(await exists("sessions", "absolute")).toBe(false);
    expect(await exists("sessions", "alive")).toBe(true);
  });

  it("removes emailed links a day after they expired or were used, and keeps waiting ones", async () => {
    const user = await createUser(db());
    // A sign-in link lasts 30 minutes: this one expired a day before D.
    await issueToken(db(), {
      userId: user.id,
      purpose: "sign_in",
      now: at(D, -days(RETENTION.usedTokenDays) - 30 * 60_000),
    });
    // A reset link used just before it expired, a day before D.
    await issueToken(db(), {
      userId: user.id,
      purpose: "password_reset",
      now: at(D, -days(RETENTION.usedTokenDays) - 10 * 60_000),
    });
    await issueToken(db(), { userId: user.id, purpose: "invitation", now: at(D, -days(2)) });
    const tokens = await db()
      .selectFrom("auth_tokens")
      .select(["id", "purpose"])
      .where("user_id", "=", user.id)
      .execute();
    const id = (purpose: string) => tokens.find((t) => t.purpose === purpose)!.id;
    await db()
      .updateTable("auth_tokens")
      .set({ used_at: at(D, -days(RETENTION.usedTokenDays)) })
      .where("id", "=", id("password_reset"))
      .execute();

    await runRetention(db(), jobs, at(D, -days(1)));
    expect(await exists("auth_tokens", id("sign_in"))).toBe(true);
    expect(await exists("auth_tokens", id("password_reset"))).toBe(true);
    await runRetention(db(), jobs, D);
    expect(await exists("auth_tokens", id("sign_in"))).toBe(false);
    expect(await exists("auth_tokens", id("password_reset"))).toBe(false);
    // The invitation (two weeks) still waits for its reader.
    expect(await exists("auth_tokens", id("invitation"))).toBe(true);
  });

  it("removes a rate-limit window once it has passed, not while it still counts", async () => {
    const windowStart = at(D, -RETENTION.rateLimitHours * 3_600_000);
    await db()
      .insertInto("rate_limits")
      .values([
        { key: "retention:passed", window_start: windowStart, hits: 3 },
        { key: "retention:current", window_start: at(D, -60_000), hits: 1 },
      ])
      .execute();
    const keys = async () =>
      (
        await db()
          .selectFrom("rate_limits")
          .select("key")
          .where("key", "like", "retention:%")
          .orderBy("key")
          .execute()
      ).map((r) => r.key);
    await runRetention(db(), jobs, at(D, -60_000));
    expect(await keys()).toEqual(["retention:current", "retention:passed"]);
    await runRetention(db(), jobs, D);
    expect(await keys()).toEqual(["retention:current"]);
  });

  it("empties a mail's body after 90 days and keeps its row, address and status", async () => {
    const user = await createUser(db());
    const [old, recent] = await db()
      .insertInto("email_messages")
      .values(
        [days(RETENTION.mailBodyDays), days(RETENTION.mailBodyDays - 1)].map((age) => ({
          idempotency_key: `retention-test:${randomUUID()}`,
          template: "join_declined",
          recipient_id: user.id,
          to_address: user.email,
          language: "nl" as const,
          payload: JSON.stringify({
            name: user.name,
            digibankName: "Digibank Gent",
          }) as unknown as Record<string, unknown>,
          status: "sent" as const,
          sent_at: at(D, -age),
          created_at: at(D, -age),
        })),
      )
      .returning("id")
      .execute();
    const message = (id: number) =>
      db()
        .selectFrom("email_messages")
        .select(["payload", "payload_erased_at", "to_address", "status", "template"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();

    await runRetention(db(), jobs, at(D, -days(1)));
    expect((await message(old!.id)).payload).toEqual({
      name: user.name,
      digibankName: "Digibank Gent",
    });
    await runRetention(db(), jobs, D);
    expect(await message(old!.id)).toEqual({
      payload: {},
      payload_erased_at: D,
      to_address: user.email,
      status: "sent",
      template: "join_declined",
    });
    expect((await message(recent!.id)).payload_erased_at).toBeNull();
    // A second run changes nothing, not even the day it was erased.
    await runRetention(db(), jobs, at(D, days(1)));
    expect((await message(old!.id)).payload_erased_at).toEqual(D);
    // Nothing is left to send: a failed message without its body cannot be sent again.
    await db()
      .updateTable("email_messages")
      .set({ status: "failed", sent_at: null })
      .where("id", "=", old!.id)
      .execute();
    expect(await retryEmail(db(), jobs, old!.id)).toBe(false);
  });

  it("removes join requests a year after their decision, and keeps pending ones", async () => {
    const region = await createRegion(db());
    const digibank = await createDigibank(db(), { regionId: region.id });
    const decidedOn = at(D, -days(RETENTION.decidedJoinRequestDays));
    const requests = await db()
      .insertInto("join_requests")
      .values(
        [
          { status: "approved" as const, decided_at: decidedOn },
          { status: "declined" as const, decided_at: decidedOn },
          { status: "declined" as const, decided_at: at(decidedOn, days(1)) },
          { status: "pending" as const, decided_at: null },
        ].map((r, i) => ({
          ...r,
          digibank_id: digibank.id,
          name: `Aanvrager ${i}`,
          email: `aanvrager${i}-${randomUUID()}@test.digihelpers.example`,
          created_at: at(D, -days(800)),
        })),
      )
      .returning("id")
      .execute();
    await runRetention(db(), jobs, at(D, -days(1)));
    for (const r of requests) expect(await exists("join_requests", r.id)).toBe(true);
    await runRetention(db(), jobs, D);
    const left = [];
    for (const r of requests) left.push(await exists("join_requests", r.id));
    expect(left).toEqual([false, false, true, true]);
  });

  it("removes audit events after their period", async () => {
    const occurred = at(D, -days(RETENTION.auditEventDays));
    const [old, younger] = await db()
      .insertInto("audit_events")
      .values([
        { action: "sign_in", occurred_at: occurred },
        { action: "sign_in", occurred_at: at(occurred, days(1)) },
      ])
      .returning("id")
      .execute();
    const present = async (id: string) =>
      (await db()
        .selectFrom("audit_events")
        .select("id")
        .where("id", "=", id)
        .executeTakeFirst()) !== undefined;
    await runRetention(db(), jobs, at(D, -days(1)));
    expect(await present(old!.id)).toBe(true);
    await runRetention(db(), jobs, D);
    expect(await present(old!.id)).toBe(false);
    expect(await present(younger!.id)).toBe(true);
  });
});

describe("guests of a gathering", () => {
  /** A guest invited to a gathering that ended `endedDaysAgo` before D, with an answer and a mail. */
  async function guestOf(endedDaysAgo: number, email: string) {
    const region = await createRegion(db());
    const ended = at(D, -days(endedDaysAgo));
    const event = await createEvent(db(), {
      regionId: region.id,
      startsAt: at(ended, -4 * 60 * 60 * 1000),
      hours: 4,
    });
    const guest = await createEventGuest(db(), { eventId: event.id, email, name: "Mieke Gast" });
    const invitation = await createEventInvitation(db(), {
      eventId: event.id,
      guestId: guest.id,
      response: "yes",
      plusOnes: 1,
      answers: { "1": "Vegetarisch" },
      attended: true,
    });
    const mail = await db()
      .insertInto("email_messages")
      .values({
        idempotency_key: `event_invitation:${event.id}:${invitation.id}`,
        template: "event_invitation",
        recipient_id: null,
        to_address: email,
        language: "nl",
        payload: JSON.stringify({ name: "Mieke Gast" }) as unknown as Record<string, unknown>,
        status: "sent",
        sent_at: at(ended, -days(30)),
        created_at: at(ended, -days(30)),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { event, guest, invitation, mail };
  }
  const guestRow = (id: number) =>
    db()
      .selectFrom("event_guests")
      .select(["name", "email"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const invitationRow = (id: number) =>
    db()
      .selectFrom("event_invitations")
      .select(["response", "plus_ones", "answers", "attended_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const mailAddress = async (id: number) =>
    (
      await db()
        .selectFrom("email_messages")
        .select("to_address")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).to_address;

  it("anonymises a guest a year after the gathering ended, not the day before, and keeps the figures", async () => {
    const email = `mieke-${randomUUID()}@partner.example`;
    const old = await guestOf(RETENTION.guestAfterGatheringDays, email);
    const before = await invitationRow(old.invitation.id);

    await runRetention(db(), jobs, at(D, -days(1)));
    expect(await guestRow(old.guest.id)).toEqual({ name: "Mieke Gast", email });
    expect(await mailAddress(old.mail.id)).toBe(email);

    await runRetention(db(), jobs, D);
    expect(await guestRow(old.guest.id)).toEqual({
      name: DELETED_NAME,
      email: erasedGuestAddress(old.guest.id),
    });
    // Whether they came, and with how many, stays; what they wrote goes.
    expect(await invitationRow(old.invitation.id)).toEqual({ ...before, answers: {} });
    expect(await mailAddress(old.mail.id)).toBe(erasedGuestAddress(old.guest.id));
    // A second run finds nothing left to do.
    expect((await runRetention(db(), jobs, at(D, days(1)))).guestsAnonymised).toBe(0);
  });

  it("keeps the mails of an address that is still a guest of a later gathering, or has an account", async () => {
    const email = `terugkerend-${randomUUID()}@partner.example`;
    const old = await guestOf(RETENTION.guestAfterGatheringDays + 10, email);
    const later = await guestOf(30, email);
    const user = await createUser(db());
    const asAccount = await guestOf(RETENTION.guestAfterGatheringDays + 10, user.email);

    await runRetention(db(), jobs, D);
    expect((await guestRow(old.guest.id)).email).toBe(erasedGuestAddress(old.guest.id));
    expect((await guestRow(asAccount.guest.id)).email).toBe(erasedGuestAddress(asAccount.guest.id));
    expect(await guestRow(later.guest.id)).toEqual({ name: "Mieke Gast", email });
    // Both gatherings' mails went to the address still kept for the later one.
    expect(await mailAddress(old.mail.id)).toBe(email);
    expect(await mailAddress(later.mail.id)).toBe(email);
    expect(await mailAddress(asAccount.mail.id)).toBe(user.email);
  });
});

describe("accounts unused for two years", () => {
  it("warns once on the day, then anonymises on the day the mail names, not before", async () => {
    const anna = await userAt(LAST_SEEN, { language: "fr", name: "Anna Peeters" });
    await runRetention(db(), jobs, at(WARNING_DAY, -days(1)));
    expect(await warningsTo(anna.id)).toEqual([]);

    await runRetention(db(), jobs, WARNING_DAY);
    const warnings = await warningsTo(anna.id);
    expect(warnings).toEqual([
      {
        idempotency_key: inactivityWarningKey(anna.id, "2025-06-01"),
        language: "fr",
        to_address: anna.email,
        payload: {
          name: "Anna Peeters",
          url: expect.stringMatching(/\/login$/),
          lastActiveOn: "2025-06-01",
          anonymiseOn: "2027-07-01",
        },
      },
    ]);
    const mail = await renderEmail("inactive_account_warning", "fr", warnings[0]!.payload as never);
    expect(mail.text).toContain("1 juillet 2027");
    expect(mail.text).toContain("Connectez-vous simplement avant le 1 juillet 2027");
    expect((await userRow(anna.id)).inactivity_warned_at).toEqual(WARNING_DAY);
    // The next night does not warn again.
    await runRetention(db(), jobs, at(WARNING_DAY, days(1)));
    expect(await warningsTo(anna.id)).toHaveLength(1);

    await runRetention(db(), jobs, at(ANONYMISATION_DAY, -days(1)));
    expect((await userRow(anna.id)).status).toBe("active");
    await runRetention(db(), jobs, ANONYMISATION_DAY);
    const after = await userRow(anna.id);
    expect(after).toMatchObject({
      status: "deleted",
      name: DELETED_NAME,
      email: deletedAddress(anna.id),
      phone: null,
      password_hash: null,
    });
    const audit = await db()
      .selectFrom("audit_events")
      .select(["actor_id", "details"])
      .where("action", "=", "account_deleted")
      .where("subject_id", "=", anna.id)
      .execute();
    expect(audit).toEqual([{ actor_id: null, details: { reason: "inactive" } }]);
  });

  it("signing in after the warning cancels it and keeps the account", async () => {
    const bram = await userAt(LAST_SEEN);
    await runRetention(db(), jobs, WARNING_DAY);
    expect(await warningsTo(bram.id)).toHaveLength(1);

    await startSession(
      db(),
      new Request("http://localhost/login"),
      bram.id,
      at(WARNING_DAY, days(5)),
    );
    expect(await userRow(bram.id)).toMatchObject({
      inactivity_warned_at: null,
      last_active_at: at(WARNING_DAY, days(5)),
    });
    await runRetention(db(), jobs, ANONYMISATION_DAY);
    expect(await userRow(bram.id)).toMatchObject({ status: "active", inactivity_warned_at: null });
    expect(await warningsTo(bram.id)).toHaveLength(1);
  });

  it("a page records the use at most once a day", async () => {
    const now = new Date();
    const cara = await createUser(db());
    const cookie = (await startSession(db(), new Request("http://localhost/"), cara.id, now)).split(
      ";",
    )[0]!;
    expect((await userRow(cara.id)).last_active_at).toEqual(new Date(cara.created_at));
    const page = () => new Request("http://localhost/shifts", { headers: { Cookie: cookie } });
    const seen = async () => (await userRow(cara.id)).last_active_at;

    // Created just now: signing in and pages within a day write nothing.
    await readSession(db(), page(), () => at(now, 3_600_000));
    expect(await seen()).toEqual(new Date(cara.created_at));
    const nextDay = at(new Date(cara.created_at), days(1) + 60_000);
    const { user } = await readSession(db(), page(), () => nextDay);
    expect(user?.id).toBe(cara.id);
    expect(await seen()).toEqual(nextDay);
    await readSession(db(), page(), () => at(nextDay, 3_600_000));
    expect(await seen()).toEqual(nextDay);
  });

  it("anonymises an invitation never accepted without a mail, on the same day", async () => {
    const invited = await userAt(LAST_SEEN, { status: "invited" });
    const disabled = await userAt(LAST_SEEN, { status: "disabled" });
    await runRetention(db(), jobs, WARNING_DAY);
    expect(await warningsTo(invited.id)).toEqual([]);
    expect(await warningsTo(disabled.id)).toEqual([]);
    await runRetention(db(), jobs, at(ANONYMISATION_DAY, -days(1)));
    expect((await userRow(invited.id)).status).toBe("invited");
    expect((await userRow(disabled.id)).status).toBe("disabled");
    await runRetention(db(), jobs, ANONYMISATION_DAY);
    expect((await userRow(invited.id)).status).toBe("deleted");
    expect((await userRow(disabled.id)).status).toBe("deleted");
  });

  it("never anonymises the last administrator", async () => {
    const admin = await userAt(LAST_SEEN);
    await assignRole(db(), { userId: admin.id, role: "admin" });
    await runRetention(db(), jobs, WARNING_DAY);
    expect(await warningsTo(admin.id)).toHaveLength(1);
    await runRetention(db(), jobs, ANONYMISATION_DAY);
    expect((await userRow(admin.id)).status).toBe("active");

    // With another active administrator, the unused one goes like everyone else.
    const other = await createUser(db());
    await assignRole(db(), { userId: other.id, role: "admin" });
    await runRetention(db(), jobs, ANONYMISATION_DAY);
    expect((await userRow(admin.id)).status).toBe("deleted");
    expect((await userRow(other.id)).status).toBe("active");
  });

  it("leaves the report figures and other people's experience as they were", async () => {
    const region = await createRegion(db());
    const municipality = await createMunicipality(db(), { regionId: region.id });
    const digibank = await createDigibank(db(), { regionId: region.id, startedOn: "2025-01-01" });
    const digipunt = await createDigipunt(db(), {
      digibankId: digibank.id,
      municipalityId: municipality.id,
    });
    const leaver = await userAt(LAST_SEEN);
    const stayer = await createUser(db());
    for (const [day, helped] of [
      ["2025-05-06", 7],
      ["2025-05-13", 5],
    ] as const) {
      const shift = await createShift(db(), {
        digipuntId: digipunt.id,
        startsAt: new Date(`${day}T07:00:00Z`),
        endsAt: new Date(`${day}T10:00:00Z`),
        capacity: 3,
      });
      for (const person of [leaver, stayer]) {
        await createClaim(db(), { shiftId: shift.id, userId: person.id, attendance: "present" });
        await createShiftReport(db(), {
          shiftId: shift.id,
          userId: person.id,
          peopleHelped: helped,
          reflection: "Een goede dag.",
        });
      }
    }
    const figuresNow = new Date("2027-08-01T10:00:00Z");
    const banks = [
      { id: digibank.id, name: digibank.name, regionId: region.id, startedOn: "2025-01-01" },
    ];
    const figures = async () => ({
      report: await reportOf(db(), banks, { from: "2025-01-01", until: "2025-12-31" }, figuresNow),
      stayer: await loadExperience(db(), stayer.id, { now: figuresNow }),
    });
    const before = await figures();
    expect(before.report.total.peopleHelped).toBe(24);

    await runRetention(db(), jobs, WARNING_DAY);
    await runRetention(db(), jobs, ANONYMISATION_DAY);
    expect((await userRow(leaver.id)).status).toBe("deleted");
    const after = await figures();
    expect(after.report).toEqual(before.report);
    expect(after.stayer).toEqual(before.stayer);
  });
});

describe("two runs at once", () => {
  const DUE = new Date("2027-07-01T01:30:00Z");
  const SEEN = new Date("2025-07-01T10:00:00Z");

  async function unusedPeople(n: number) {
    const people = [];
    for (let i = 0; i < n; i++) people.push(await userAt(SEEN));
    return people;
  }
  async function warningCount(people: Array<{ id: number }>) {
    const row = await db()
      .selectFrom("email_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("template", "=", "inactive_account_warning")
      .where(
        "recipient_id",
        "in",
        people.map((p) => p.id),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it("send one warning per person", async () => {
    const people = await unusedPeople(12);
    await Promise.all([
      warnInactiveAccounts(db(), jobs, DUE),
      warnInactiveAccounts(db(), jobs, DUE),
    ]);
    await warnInactiveAccounts(db(), jobs, at(DUE, 60_000));
    expect(await warningCount(people)).toBe(people.length);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "control: without the key per person, the same runs send more than one",
    async () => {
      const people = await unusedPeople(12);
      const perRun = (userId: number, day: string) =>
        `${inactivityWarningKey(userId, day)}:${randomUUID()}`;
      await Promise.all([
        warnInactiveAccounts(db(), jobs, DUE, perRun),
        warnInactiveAccounts(db(), jobs, DUE, perRun),
      ]);
      expect(await warningCount(people)).toBeGreaterThan(people.length);
    },
  );
});

describe("starting the job", () => {
  it("schedules it nightly in Brussels and removes the hourly job it replaced", async () => {
    await jobs.createQueue("auth-maintenance");
    await jobs.schedule("auth-maintenance", "17 * * * *");
    await startRetentionJobs(jobs, db());
    expect(await jobs.getQueue("auth-maintenance")).toBeNull();
    const schedules = await jobs.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.options?.tz ?? null])).toEqual([
      ["retention", "30 3 * * *", "Europe/Brussels"],
    ]);
  });
});
