import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "~/modules/auth/password.server.ts";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import {
  changePassword,
  confirmsDeletion,
  updateProfile,
} from "~/modules/people/account.server.ts";
import {
  DELETED_NAME,
  downloadPersonalData,
  erasePersonalData,
} from "~/modules/people/personal-data.server.ts";
import {
  createCalendarFeed,
  getCalendarFeedToken,
  renderPersonalFeed,
} from "~/modules/shifts/feed.server.ts";
import { assignRole, createDigibank, createRegion, createUser } from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { columnsNaming, recordsOf } from "../support/personal-data.ts";

const PASSWORD = "juist-wachtwoord-1";
let database: TestDatabase;
let passwordHash: string;
beforeAll(async () => {
  database = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => database?.destroy());

async function world() {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const person = await createUser(db, { passwordHash });
  const other = await createUser(db, { passwordHash });
  await assignRole(db, { userId: person.id, role: "volunteer", digibankId: bank.id });
  await assignRole(db, { userId: other.id, role: "volunteer", digibankId: bank.id });
  return { db, region, bank, person, other };
}

async function addSession(userId: number, id: string) {
  await database.db
    .insertInto("sessions")
    .values({ id, user_id: userId, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
}

const sessionsOf = async (userId: number) =>
  (
    await database.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()
  ).map((s) => s.id);

describe("updateProfile", () => {
  it("changes the person's own record and nobody else's", async () => {
    const { db, person, other } = await world();
    await updateProfile(db, person.id, {
      name: "Nieuwe Naam",
      phone: "+32 470 12 34 56",
      language: "fr",
      notifyReminders: false,
      notifyEventInvitations: true,
      notifyNewsletters: true,
    });
    const after = await db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      name: "Nieuwe Naam",
      phone: "+32 470 12 34 56",
      language: "fr",
      notify_reminders: false,
      notify_event_invitations: true,
      notify_newsletters: true,
      email: person.email,
    });
    const untouched = await db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", other.id)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual(other);
  });
});

describe("changePassword", () => {
  it("changes nothing when the current password is wrong", async () => {
    const { db, person } = await world();
    await addSession(person.id, `wrong-a-${person.id}`);
    const outcome = await changePassword(db, person.id, {
      currentPassword: "niet-het-wachtwoord",
      newPassword: "een-heel-nieuw-wachtwoord",
      ip: "192.0.2.1",
    });
    expect(outcome).toEqual({ ok: false, reason: "wrong_password" });
    const row = await db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBe(passwordHash);
    expect(await sessionsOf(person.id)).toEqual([`wrong-a-${person.id}`]);
    const audits = await db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", person.id)
      .execute();
    expect(audits).toEqual([]);
  });

  it("with the right one sets the new password, ends all the person's sessions and is audited", async () => {
    const { db, person, other } = await world();
    await addSession(person.id, `phone-${person.id}`);
    await addSession(person.id, `laptop-${person.id}`);
    await addSession(other.id, `other-${other.id}`);
    const outcome = await changePassword(db, person.id, {
      currentPassword: PASSWORD,
      newPassword: "een-heel-nieuw-wachtwoord",
      ip: "192.0.2.1",
    });
    expect(outcome).toEqual({ ok: true });
    expect(await sessionsOf(person.id)).toEqual([]);
    expect(await sessionsOf(other.id)).toEqual([`other-${other.id}`]);
    const row = await db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash!, "een-heel-nieuw-wachtwoord")).toBe(true);
    const audits = await db
      .selectFrom("audit_events")
      .select(["action", "actor_id"])
      .where("subject_id", "=", person.id)
      .execute();
    expect(audits).toEqual([{ action: "password_changed", actor_id: person.id }]);
  });
});

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  return [];
}

async function mailTo(userId: number | null, address: string, template: string) {
  await database.db
    .insertInto("email_messages")
    .values({
      idempotency_key: `${template}:${address}:${Math.random()}`,
      template,
      recipient_id: userId,
      to_address: address,
      language: "nl",
      payload: JSON.stringify({ name: address, link: "https://x/1" }) as never,
    })
    .execute();
}

describe("downloadPersonalData", () => {
  it("holds the person's data, no hashes and nothing of anyone else, and is audited", async () => {
    const { db, person, other, bank, region } = await world();
    await db
      .updateTable("users")
      .set({ phone: "0470 11 22 33" })
      .where("id", "=", person.id)
      .execute();
    await addSession(person.id, `export-${person.id}`);
    await issueToken(db, { userId: person.id, purpose: "sign_in" });
    await mailTo(person.id, person.email, "sign_in_link");
    await mailTo(other.id, other.email, "invitation");
    await db
      .insertInto("join_requests")
      .values({
        digibank_id: bank.id,
        name: person.name,
        email: person.email.toUpperCase(),
        message: "Ik wil helpen",
      })
      .execute();
    await db
      .insertInto("join_requests")
      .values({ digibank_id: bank.id, name: other.name, email: other.email })
      .execute();
    await recordAuditEvent(db, {
      action: "sign_in",
      actorId: person.id,
      subjectId: person.id,
      ip: "198.51.100.7",
    });
    await recordAuditEvent(db, {
      action: "sign_in_failed",
      subjectId: person.id,
      ip: "203.0.113.66",
    });
    await recordAuditEvent(db, {
      action: "sign_in",
      actorId: other.id,
      subjectId: other.id,
      ip: "203.0.113.99",
    });

    const data = await downloadPersonalData(db, person.id, { ip: "198.51.100.7" });
    const json = JSON.stringify(data);

    expect(data.profile).toMatchObject({
      email: person.email,
      name: person.name,
      phone: "0470 11 22 33",
    });
    expect(recordsOf(data, "roles")).toEqual([
      expect.objectContaining({ role: "volunteer", digibank: bank.name, region: region.name }),
    ]);
    expect(recordsOf(data, "sessions")).toHaveLength(1);
    expect(recordsOf(data, "emails").map((e) => e.template)).toEqual(["sign_in_link"]);
    expect(recordsOf(data, "joinRequests")).toEqual([
      expect.objectContaining({ digibank: bank.name, message: "Ik wil helpen" }),
    ]);
    expect(recordsOf(data, "auditEvents").map((e) => e.action)).toEqual([
      "sign_in",
      "sign_in_failed",
    ]);

    const keys = keysOf(data);
    expect(keys).not.toContain("password_hash");
    expect(keys).not.toContain("token_hash");
    expect(json).not.toContain(passwordHash);
    expect(json).not.toContain(`export-${person.id}`);
    expect(json).not.toContain(other.email);
    expect(json).not.toContain(other.name);
    // Someone else's attempt on this address does not hand over their IP.
    expect(json).not.toContain("203.0.113.66");
    expect(json).not.toContain("203.0.113.99");
    expect(json).toContain("198.51.100.7");

    const exported = await db
      .selectFrom("audit_events")
      .select("action")
      .where("actor_id", "=", person.id)
      .where("action", "=", "data_exported")
      .execute();
    expect(exported).toHaveLength(1);
  });
});

describe("confirmsDeletion", () => {
  it("asks for the password, or the shown word from someone who has none", async () => {
    const { db, person } = await world();
    expect(await confirmsDeletion(db, person.id, "fout", "VERWIJDER")).toBe(false);
    expect(await confirmsDeletion(db, person.id, "VERWIJDER", "VERWIJDER")).toBe(false);
    expect(await confirmsDeletion(db, person.id, PASSWORD, "VERWIJDER")).toBe(true);
    const linkOnly = await createUser(db);
    expect(await confirmsDeletion(db, linkOnly.id, "iets anders", "VERWIJDER")).toBe(false);
    expect(await confirmsDeletion(db, linkOnly.id, " verwijder ", "VERWIJDER")).toBe(true);
  });
});

describe("erasePersonalData", () => {
  it("leaves no trace of the name, address or phone, and keeps the counts per digibank", async () => {
    const { db, person, other, bank } = await world();
    const phone = "+32 470 98 76 54";
    await db
      .updateTable("users")
      .set({ phone, privacy_accepted_at: new Date() })
      .where("id", "=", person.id)
      .execute();
    await addSession(person.id, `delete-${person.id}`);
    await issueToken(db, { userId: person.id, purpose: "password_reset" });
    const feedToken = await createCalendarFeed(db, person.id);
    const otherFeed = await createCalendarFeed(db, other.id);
    await mailTo(person.id, person.email, "password_reset");
    await mailTo(null, person.email, "join_request_received");
    await mailTo(other.id, other.email, "invitation");
    await db
      .insertInto("join_requests")
      .values({
        digibank_id: bank.id,
        name: person.name,
        email: person.email,
        message: `Bel me op ${phone}`,
      })
      .execute();
    await db
      .insertInto("join_requests")
      .values({ digibank_id: bank.id, name: other.name, email: other.email })
      .execute();
    await recordAuditEvent(db, {
      action: "sign_in",
      actorId: person.id,
      subjectId: person.id,
      ip: "198.51.100.8",
    });
    await recordAuditEvent(db, {
      action: "email_changed",
      actorId: person.id,
      subjectId: person.id,
      details: { from: person.email },
    });
    await db
      .insertInto("rate_limits")
      .values({ key: `sign_in:account:${person.email}`, window_start: new Date(), hits: 1 })
      .execute();

    const volunteersPerBank = () =>
      db
        .selectFrom("role_assignments")
        .select((eb) => ["digibank_id", eb.fn.countAll<string>().as("n")])
        .where("role", "=", "volunteer")
        .groupBy("digibank_id")
        .orderBy("digibank_id")
        .execute();
    const before = await volunteersPerBank();

    await erasePersonalData(db, person.id);

    // No text anywhere in the database still names them.
    expect(await columnsNaming(db, [person.email, person.name, phone])).toEqual([]);
    const after = await db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      status: "deleted",
      name: DELETED_NAME,
      email: `deleted-${person.id}@deleted.invalid`,
      phone: null,
      password_hash: null,
      privacy_accepted_at: null,
      notify_reminders: false,
      notify_event_invitations: false,
      notify_newsletters: false,
    });
    expect(after.deleted_at).toBeInstanceOf(Date);
    expect(await sessionsOf(person.id)).toEqual([]);
    // Their calendar address opens nothing any more; someone else's still works.
    expect(await renderPersonalFeed(db, feedToken, { appUrl: "http://x" })).toBeNull();
    expect(await renderPersonalFeed(db, otherFeed, { appUrl: "http://x" })).toContain("VCALENDAR");
    expect(await getCalendarFeedToken(db, person.id)).toBeNull();
    const tokens = await db
      .selectFrom("auth_tokens")
      .select("id")
      .where("user_id", "=", person.id)
      .execute();
    expect(tokens).toEqual([]);
    const mails = await db
      .selectFrom("email_messages")
      .select(["template", "to_address", "payload"])
      .where("recipient_id", "=", person.id)
      .execute();
    expect(mails).toEqual([
      {
        template: "password_reset",
        to_address: `deleted-${person.id}@deleted.invalid`,
        payload: {},
      },
    ]);
    const audits = await db
      .selectFrom("audit_events")
      .select(["action", "ip"])
      .where("subject_id", "=", person.id)
      .orderBy("id")
      .execute();
    expect(audits).toEqual([
      { action: "sign_in", ip: null },
      { action: "email_changed", ip: null },
      { action: "account_deleted", ip: null },
    ]);

    // Someone else's records are untouched, and the counts per digibank stay right.
    expect(
      await db.selectFrom("users").selectAll().where("id", "=", other.id).executeTakeFirstOrThrow(),
    ).toEqual(other);
    const otherMail = await db
      .selectFrom("email_messages")
      .select("to_address")
      .where("recipient_id", "=", other.id)
      .execute();
    expect(otherMail).toEqual([{ to_address: other.email }]);
    expect(await volunteersPerBank()).toEqual(before);
  });
});
