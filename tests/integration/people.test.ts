import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import {
  acceptInvitation,
  findInvitation,
  invitePerson,
} from "~/modules/people/invitations.server.ts";
import {
  approveJoinRequest,
  declineJoinRequest,
  requestToJoin,
} from "~/modules/people/join-requests.server.ts";
import { listPeople } from "~/modules/people/directory.server.ts";
import { grantRole, revokeRole } from "~/modules/people/roles.server.ts";
import { deactivatePerson, reactivatePerson } from "~/modules/people/status.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { assignRole, createDigibank, createRegion, createUser } from "../factories/index.ts";
import { createTestDatabase, snapshotCounts, type TestDatabase } from "../support/database.ts";

const APP_URL = "https://digihelpers.test";
const WRITES = ["users", "role_assignments", "auth_tokens", "email_messages", "audit_events"];

let database: TestDatabase;
let jobs: JobQueue;
let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const db = database.db;
  const region = await createRegion(db);
  const home = await createDigibank(db, { regionId: region.id, name: "Digibank Thuis" });
  const other = await createDigibank(db, { regionId: region.id, name: "Digibank Elders" });
  const coordinatorUser = await createUser(db, { name: "Cora Coördinator" });
  await assignRole(db, { userId: coordinatorUser.id, role: "coordinator", digibankId: home.id });
  const adminUser = await createUser(db, { name: "Ada Admin" });
  await assignRole(db, { userId: adminUser.id, role: "admin" });
  const coordinator = (await loadActor(db, coordinatorUser.id))!;
  const admin = (await loadActor(db, adminUser.id))!;
  return { region, home, other, coordinator, admin };
}

const inviteOptions = { appUrl: APP_URL, ip: "127.0.0.1" };

async function emailsTo(address: string) {
  return database.db
    .selectFrom("email_messages")
    .selectAll()
    .where("to_address", "=", address)
    .orderBy("id")
    .execute();
}

function tokenFrom(url: unknown) {
  const match = String(url).match(/\/invitation\/([\w-]+)$/);
  expect(match, `an invitation url: ${url}`).not.toBeNull();
  return match![1]!;
}

async function invite(email: string, digibankId = world.home.id) {
  return invitePerson(
    database.db,
    jobs,
    world.coordinator,
    {
      email,
      name: "Nieuwe Helper",
      language: "fr",
      role: "volunteer",
      scope: { kind: "digibank", id: digibankId },
    },
    inviteOptions,
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  world = await makeWorld();
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

describe("inviting a volunteer", () => {
  it("writes an invited account, its role, a token, one email with the link, and an audit line", async () => {
    const outcome = await invite("nieuw@test.example");
    expect(outcome).toMatchObject({ ok: true, outcome: "invited" });
    const user = await database.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "nieuw@test.example")
      .executeTakeFirstOrThrow();
    expect(user.status).toBe("invited");
    expect(user.password_hash).toBeNull();
    const roles = await database.db
      .selectFrom("role_assignments")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(roles).toMatchObject([{ role: "volunteer", digibank_id: world.home.id }]);
    const tokens = await database.db
      .selectFrom("auth_tokens")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(tokens).toMatchObject([{ purpose: "invitation", used_at: null }]);

    const emails = await emailsTo("nieuw@test.example");
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      template: "invitation",
      language: "fr",
      recipient_id: user.id,
    });
    expect(emails[0]!.payload).toMatchObject({
      name: "Nieuwe Helper",
      inviterName: "Cora Coördinator",
      scopeName: "Digibank Thuis",
      role: "volunteer",
    });
    const token = tokenFrom(emails[0]!.payload.url);
    expect(String(emails[0]!.payload.url)).toBe(`${APP_URL}/invitation/${token}`);
    expect(await findInvitation(database.db, token)).toMatchObject({ id: user.id });

    const audit = await database.db
      .selectFrom("audit_events")
      .selectAll()
      .where("subject_id", "=", user.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["account_invited"]);
  });

  it("refuses a digibank outside the coordinator's scope and writes nothing", async () => {
    const before = await snapshotCounts(database, WRITES);
    const outcome = await invite("buiten@test.example", world.other.id);
    expect(outcome).toEqual({ ok: false, field: "scope", message: "people:invite.errors.scope" });
    expect(await snapshotCounts(database, WRITES)).toEqual(before);
  });

  it("refuses a coordinator role from a coordinator and writes nothing", async () => {
    const before = await snapshotCounts(database, WRITES);
    const outcome = await invitePerson(
      database.db,
      jobs,
      world.coordinator,
      {
        email: "baas@test.example",
        name: "Baas",
        language: "nl",
        role: "coordinator",
        scope: { kind: "digibank", id: world.home.id },
      },
      inviteOptions,
    );
    expect(outcome).toMatchObject({ ok: false, field: "role" });
    expect(await snapshotCounts(database, WRITES)).toEqual(before);
  });

  it("lets an admin invite regional staff of a region", async () => {
    const outcome = await invitePerson(
      database.db,
      jobs,
      world.admin,
      {
        email: "staf@test.example",
        name: "Staf",
        language: "nl",
        role: "regional_staff",
        scope: { kind: "region", id: world.region.id },
      },
      inviteOptions,
    );
    expect(outcome).toMatchObject({ ok: true, outcome: "invited" });
    expect(await emailsTo("staf@test.example")).toHaveLength(1);
  });

  it("only adds the role to an active person's account, whatever the address's case", async () => {
    const active = await createUser(database.db, { email: "actief@test.example" });
    const outcome = await invite("Actief@Test.example");
    expect(outcome).toEqual({ ok: true, outcome: "role_added", userId: active.id });
    expect(await emailsTo("Actief@Test.example")).toHaveLength(0);
    const roles = await database.db
      .selectFrom("role_assignments")
      .select("role")
      .where("user_id", "=", active.id)
      .execute();
    expect(roles).toEqual([{ role: "volunteer" }]);
  });
});

describe("accepting an invitation", () => {
  it("activates the account with the chosen name, language and password", async () => {
    await invite("aanvaard@test.example");
    const [email] = await emailsTo("aanvaard@test.example");
    const token = tokenFrom(email!.payload.url);
    const outcome = await acceptInvitation(database.db, {
      token,
      name: "Anna Aanvaard",
      password: "een-lang-wachtwoord",
      language: "en",
    });
    expect(outcome).toMatchObject({ ok: true, language: "en" });
    const user = await database.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "aanvaard@test.example")
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ status: "active", name: "Anna Aanvaard", language: "en" });
    expect(user.privacy_accepted_at).toBeInstanceOf(Date);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(await loadActor(database.db, user.id)).not.toBeNull();
    // The link is used up.
    expect(await findInvitation(database.db, token)).toBeUndefined();
  });

  it("succeeds exactly once when the same link is submitted twice at the same moment", async () => {
    await invite("dubbel@test.example");
    const [email] = await emailsTo("dubbel@test.example");
    const token = tokenFrom(email!.payload.url);
    const accept = () =>
      acceptInvitation(database.db, {
        token,
        name: "Dubbel",
        password: "een-lang-wachtwoord",
        language: "nl",
      });
    const outcomes = await Promise.all([accept(), accept()]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, reason: "invalid" }]);
    const winner = outcomes.find((o) => o.ok === true);
    const audit = await database.db
      .selectFrom("audit_events")
      .select("action")
      .where("action", "=", "invitation_accepted")
      .where("subject_id", "=", winner!.userId)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("refuses an expired link and leaves the account invited", async () => {
    const user = await createUser(database.db, { status: "invited" });
    const longAgo = new Date(Date.now() - 15 * 24 * 60 * 60 * 1000);
    const token = await issueToken(database.db, {
      userId: user.id,
      purpose: "invitation",
      now: longAgo,
    });
    expect(await findInvitation(database.db, token)).toBeUndefined();
    const outcome = await acceptInvitation(database.db, {
      token,
      name: "Te Laat",
      password: "een-lang-wachtwoord",
      language: "nl",
    });
    expect(outcome).toEqual({ ok: false, reason: "invalid" });
    const after = await database.db
      .selectFrom("users")
      .select("status")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("invited");
  });
});

describe("deactivating and reactivating", () => {
  async function volunteerWithSessions(digibankId: number) {
    const user = await createUser(database.db);
    await assignRole(database.db, { userId: user.id, role: "volunteer", digibankId });
    const expires = new Date(Date.now() + 60 * 60 * 1000);
    await database.db
      .insertInto("sessions")
      .values([
        { id: `s1-${user.id}`, user_id: user.id, expires_at: expires },
        { id: `s2-${user.id}`, user_id: user.id, expires_at: expires },
      ])
      .execute();
    return user;
  }
  const sessionsOf = async (userId: number) =>
    (await database.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute())
      .length;
  const statusOf = async (userId: number) =>
    (
      await database.db
        .selectFrom("users")
        .select("status")
        .where("id", "=", userId)
        .executeTakeFirstOrThrow()
    ).status;

  it("disables a volunteer of the coordinator's digibank and ends all their sessions", async () => {
    const user = await volunteerWithSessions(world.home.id);
    expect(await sessionsOf(user.id)).toBe(2);
    expect(await deactivatePerson(database.db, world.coordinator, user.id)).toEqual({ ok: true });
    expect(await statusOf(user.id)).toBe("disabled");
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await reactivatePerson(database.db, world.coordinator, user.id)).toEqual({ ok: true });
    expect(await statusOf(user.id)).toBe("active");
    const actions = await database.db
      .selectFrom("audit_events")
      .select("action")
      .where("subject_id", "=", user.id)
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["account_disabled", "account_enabled"]);
  });

  it("refuses a volunteer of another digibank, and keeps their sessions", async () => {
    const user = await volunteerWithSessions(world.other.id);
    expect(await deactivatePerson(database.db, world.coordinator, user.id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await statusOf(user.id)).toBe("active");
    expect(await sessionsOf(user.id)).toBe(2);
  });

  it("never lets an admin disable their own account", async () => {
    expect(await deactivatePerson(database.db, world.admin, world.admin.id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
});

describe("the people list", () => {
  it("shows a coordinator only people of their digibanken, an admin everyone", async () => {
    const outside = await createUser(database.db, { name: "Buiten Scope" });
    await assignRole(database.db, {
      userId: outside.id,
      role: "volunteer",
      digibankId: world.other.id,
    });
    const mine = await listPeople(database.db, world.coordinator);
    expect(mine.map((p) => p.id)).not.toContain(outside.id);
    expect(mine.every((p) => p.roles.some((r) => r.digibankId === world.home.id))).toBe(true);
    // Asking for another digibank by filter gives nothing.
    expect(
      await listPeople(database.db, world.coordinator, { digibankId: world.other.id }),
    ).toEqual([]);
    const all = await listPeople(database.db, world.admin);
    expect(all.map((p) => p.id)).toContain(outside.id);
  });
});

describe("roles", () => {
  it("lets an admin grant and revoke a scoped role, but not revoke their own admin role", async () => {
    const person = await createUser(database.db);
    expect(
      await grantRole(database.db, world.admin, {
        personId: person.id,
        role: "coordinator",
        scope: { kind: "region", id: world.region.id },
      }),
    ).toEqual({ ok: true });
    const [assignment] = await database.db
      .selectFrom("role_assignments")
      .selectAll()
      .where("user_id", "=", person.id)
      .execute();
    expect(assignment).toMatchObject({ role: "coordinator", region_id: world.region.id });
    expect(
      await revokeRole(database.db, world.admin, {
        personId: person.id,
        assignmentId: assignment!.id,
      }),
    ).toEqual({ ok: true });
    expect(
      await grantRole(database.db, world.coordinator, {
        personId: person.id,
        role: "admin",
        scope: null,
      }),
    ).toEqual({ ok: false, reason: "forbidden" });
    const own = await database.db
      .selectFrom("role_assignments")
      .select("id")
      .where("user_id", "=", world.admin.id)
      .where("role", "=", "admin")
      .executeTakeFirstOrThrow();
    expect(
      await revokeRole(database.db, world.admin, {
        personId: world.admin.id,
        assignmentId: own.id,
      }),
    ).toEqual({ ok: false, reason: "own_admin" });
  });
});

describe("join requests", () => {
  const ask = (email: string, ip = "10.0.0.1") =>
    requestToJoin(
      database.db,
      jobs,
      {
        digibankId: world.home.id,
        name: "Jo Vraag",
        email,
        language: "nl",
        message: "Ik help graag",
      },
      { appUrl: APP_URL, ip },
    );
  const pendingFor = (email: string) =>
    database.db
      .selectFrom("join_requests")
      .selectAll()
      .where("email", "=", email)
      .where("status", "=", "pending")
      .execute();

  it("keeps one pending request per address, and mails the coordinators once", async () => {
    expect(await ask("vraag@test.example")).toEqual({ ok: true });
    expect(await ask("vraag@test.example")).toEqual({ ok: true });
    const rows = await pendingFor("vraag@test.example");
    expect(rows).toHaveLength(1);
    const coordinatorEmail = (
      await database.db
        .selectFrom("users")
        .select("email")
        .where("id", "=", world.coordinator.id)
        .executeTakeFirstOrThrow()
    ).email;
    const mails = (await emailsTo(coordinatorEmail)).filter((m) => m.template === "join_request");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toMatchObject({
      requesterName: "Jo Vraag",
      digibankName: "Digibank Thuis",
      url: `${APP_URL}/people/requests`,
    });
  });

  it("invites the requester when approved", async () => {
    await ask("goed@test.example");
    const [request] = await pendingFor("goed@test.example");
    const outcome = await approveJoinRequest(
      database.db,
      jobs,
      world.coordinator,
      request!.id,
      inviteOptions,
    );
    expect(outcome).toMatchObject({ ok: true, outcome: "invited" });
    const user = await database.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "goed@test.example")
      .executeTakeFirstOrThrow();
    expect(user.status).toBe("invited");
    expect((await emailsTo("goed@test.example")).map((m) => m.template)).toEqual(["invitation"]);
    const decided = await database.db
      .selectFrom("join_requests")
      .selectAll()
      .where("id", "=", request!.id)
      .executeTakeFirstOrThrow();
    expect(decided).toMatchObject({ status: "approved", decided_by: world.coordinator.id });
  });

  it("mails the requester when declined, and refuses a coordinator of another digibank", async () => {
    await ask("nee@test.example");
    const [request] = await pendingFor("nee@test.example");
    const stranger = await createUser(database.db);
    await assignRole(database.db, {
      userId: stranger.id,
      role: "coordinator",
      digibankId: world.other.id,
    });
    const strangerActor = (await loadActor(database.db, stranger.id))!;
    expect(await declineJoinRequest(database.db, jobs, strangerActor, request!.id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await declineJoinRequest(database.db, jobs, world.coordinator, request!.id)).toEqual({
      ok: true,
    });
    const mails = await emailsTo("nee@test.example");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "join_declined", language: "nl" });
    expect(mails[0]!.payload).toEqual({ name: "Jo Vraag", digibankName: "Digibank Thuis" });
    expect(await pendingFor("nee@test.example")).toEqual([]);
  });

  it("stops one client address after too many requests", async () => {
    let last: Awaited<ReturnType<typeof ask>> = { ok: true };
    for (let i = 0; i < 11; i++) last = await ask(`veel${i}@test.example`, "10.9.9.9");
    expect(last).toMatchObject({ ok: false, reason: "rate_limited" });
  });
});
