import { once } from "node:events";
import http from "node:http";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema.ts";
import { createHttpApp } from "../../server/app.ts";
import { hashPassword } from "~/modules/auth/password.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { issueToken } from "~/modules/auth/tokens.server.ts";
import { createCalendarFeed } from "~/modules/shifts/feed.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  assignRole,
  createDigibank,
  createClaim,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { localParts } from "~/modules/shifts/recurrence.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { startTestJobQueue } from "../support/jobs.ts";

// The role-by-route matrix: every loader and every action intent, asked by every kind of person,
// answers as designed; and a refused action leaves the whole database as it was. Each run gets
// fresh targets (people, requests, tokens, messages), so the order of the runs does not matter.

const PERSONAS = [
  "anonymous",
  "volunteerA",
  "volunteerB",
  "coordinator1",
  "coordinator2",
  "staff1",
  "staff2",
  "admin",
] as const;
type Persona = (typeof PERSONAS)[number];

/**
 * ok: the case's `ok` answer; login: sent to sign in; home: sent to /; refused: a 400 form
 * refusal, or a redirect that carries a refusal for the next page to tell.
 */
type Outcome = "ok" | "login" | "home" | "forbidden" | "notfound" | "refused";
type Expectation = Record<Persona, Outcome>;

const PASSWORD = "Matrix-wachtwoord-2026";
const NEW_PASSWORD = "Een-ander-wachtwoord-2026";

interface RoleSpec {
  role: Role;
  regionId?: number;
  digibankId?: number;
}

interface World {
  r1: number;
  r2: number;
  d1: number;
  d2: number;
  d3: number;
  /** A fixed digipunt of D1 and a mobile one of D3, and a shift at each. */
  p1: number;
  p3: number;
  shift1: number;
  shift3: number;
  /** A municipality of D1's region. */
  m1: number;
  mailboxId: number;
  roles: Record<Exclude<Persona, "anonymous">, RoleSpec[]>;
  users: Record<Exclude<Persona, "anonymous">, number>;
  emails: Record<Exclude<Persona, "anonymous">, string>;
}

interface Case {
  name: string;
  method: "GET" | "POST";
  /** Builds the request, with fresh targets where the request changes something. */
  request: (w: World) => Promise<{ path: string; fields?: Record<string, string> }>;
  /** The request changes the person themselves: run it as a new person with the persona's roles. */
  twin?: boolean;
  /** What an allowed request answers. */
  ok: { status: number; location?: string | RegExp };
  expect: Expectation;
}

const all = (outcome: Outcome) =>
  Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Expectation;
/** Allowed for these personas; the other signed-in people get `otherwise`, anonymous a sign-in. */
const only = (allowed: Persona[], otherwise: Outcome = "forbidden"): Expectation => ({
  ...all(otherwise),
  anonymous: "login",
  ...Object.fromEntries(allowed.map((p) => [p, "ok"])),
});
const signedIn = only(PERSONAS.filter((p) => p !== "anonymous"));
const peopleManagers = (otherwise: Outcome = "forbidden") =>
  only(["coordinator1", "coordinator2", "admin"], otherwise);
/** The planning pages: coordinators and admins. */
const planners = peopleManagers();
/** Something of D1's: its coordinator and admins; D3's coordinator is told it does not exist. */
const ofD1 = (otherCoordinator: Outcome = "notfound"): Expectation => ({
  ...only(["coordinator1", "admin"]),
  coordinator2: otherCoordinator,
});

let database: TestDatabase;
let jobs: JobQueue;
let server: Server;
let base: string;
let csrf: { cookie: string; token: string };
const world = {} as World;

// Fresh targets.
let sequence = 0;
const unique = (prefix: string) => `${prefix}-${++sequence}@matrix.example`;

async function person(roles: RoleSpec[], status: "active" | "disabled" | "invited" = "active") {
  const user = await createUser(database.db, {
    email: unique("person"),
    passwordHash: status === "invited" ? null : passwordHash,
    status,
  });
  const assignments = [];
  for (const r of roles) assignments.push(await assignRole(database.db, { userId: user.id, ...r }));
  return { id: user.id, assignmentIds: assignments.map((a) => a.id), email: user.email };
}
let passwordHash: string;

/** A fresh course of D1, open to everyone (imported here so the shared imports stay as they are). */
async function openCourseOfD1(status: "published" | "draft" = "published") {
  const { createCourse } = await import("../factories/index.ts");
  return (await createCourse(database.db, { regionId: world.r1, digibankId: world.d1, status })).id;
}

async function joinRequest(digibankId: number) {
  const row = await database.db
    .insertInto("join_requests")
    .values({ digibank_id: digibankId, name: "Kandidaat", email: unique("join"), language: "nl" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const HOUR = 60 * 60 * 1000;

/** A fresh shift at a digipunt: three days ahead, or started an hour ago. */
async function shiftAt(digipuntId: number, { started = false } = {}) {
  const startsAt = new Date(Date.now() + (started ? -HOUR : 3 * 24 * HOUR));
  return createShift(database.db, { digipuntId, startsAt, capacity: 3 });
}

/** A fresh volunteer of D1 on a fresh shift of D1 (asking to be released, when told so). */
async function claimOnD1({ started = false, releaseRequested = false } = {}) {
  const shift = await shiftAt(world.p1, { started });
  const volunteer = await person([{ role: "volunteer", digibankId: world.d1 }]);
  const claim = await createClaim(database.db, { shiftId: shift.id, userId: volunteer.id });
  if (releaseRequested)
    await database.db
      .updateTable("shift_claims")
      .set({ release_requested_at: new Date() })
      .where("id", "=", claim.id)
      .execute();
  return { shiftId: shift.id, claimId: claim.id };
}

async function digipuntOfD1() {
  const row = await createDigipunt(database.db, {
    digibankId: world.d1,
    municipalityId: world.m1,
    name: `Matrixpunt ${++sequence}`,
  });
  return row.id;
}

async function failedEmail() {
  const row = await database.db
    .insertInto("email_messages")
    .values({
      idempotency_key: `matrix:${++sequence}`,
      template: "sign_in_link",
      to_address: unique("mail"),
      language: "nl",
      payload: { name: "Jan", url: "http://127.0.0.1/login/link/x" },
      status: "failed",
      attempts: 5,
      last_error: "connection refused",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function tokenFor(purpose: "sign_in" | "password_reset" | "invitation") {
  const user = await person([], purpose === "invitation" ? "invited" : "active");
  return issueToken(database.db, { userId: user.id, purpose });
}

// Fresh shifts, each in a time slot of its own so that nobody's claims ever overlap: days ahead
// (before the release cut-off) or within the next hours (after it).
let slot = 0;
const nextSlot = () => new Date(Date.now() + 7 * 24 * 3600_000 + ++slot * 3 * 3600_000);
let soonSlot = 0;
const nextSoonSlot = () => new Date(Date.now() + 3600_000 + ++soonSlot * 20 * 60_000);

/** A fresh shift at P1 (D1); `claimants` are put on it first (directly, as the factories do). */
async function freshShift(
  w: World,
  { capacity = 5, claimants = [] as number[], soon = false, digipuntId = w.p1 } = {},
) {
  const startsAt = soon ? nextSoonSlot() : nextSlot();
  const shift = await createShift(database.db, {
    digipuntId,
    startsAt,
    endsAt: new Date(startsAt.getTime() + (soon ? 15 : 120) * 60_000),
    capacity,
  });
  for (const userId of claimants) await createClaim(database.db, { shiftId: shift.id, userId });
  return shift.id;
}
/** Everyone of the matrix on the shift, so each persona has a claim of their own to let go of. */
const everyone = (w: World) => Object.values(w.users);

const get = (path: string) => async () => ({ path });
const post = (path: string, fields: Record<string, string>) => async () => ({ path, fields });

const CASES: Case[] = [
  // Public pages.
  { name: "/", method: "GET", request: get("/"), ok: { status: 200 }, expect: all("ok") },
  {
    name: "/privacy",
    method: "GET",
    request: get("/privacy"),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/accessibility",
    method: "GET",
    request: get("/accessibility"),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/healthz",
    method: "GET",
    request: get("/healthz"),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/login (signed-in people go where they were headed)",
    method: "GET",
    request: get("/login"),
    ok: { status: 200 },
    expect: { ...all("home"), anonymous: "ok" },
  },
  {
    name: "/login: sign in with a password",
    method: "POST",
    request: async () => {
      const user = await person([{ role: "volunteer", digibankId: world.d2 }]);
      return { path: "/login", fields: { email: user.email, password: PASSWORD } };
    },
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  {
    name: "/login/link",
    method: "GET",
    request: get("/login/link"),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/login/link: ask for a link",
    method: "POST",
    request: async () => ({ path: "/login/link", fields: { email: unique("link") } }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/login/link/:token",
    method: "GET",
    request: async () => ({ path: `/login/link/${await tokenFor("sign_in")}` }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/login/link/:token: sign in",
    method: "POST",
    request: async () => ({ path: `/login/link/${await tokenFor("sign_in")}`, fields: {} }),
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  { name: "/reset", method: "GET", request: get("/reset"), ok: { status: 200 }, expect: all("ok") },
  {
    name: "/reset: ask for a reset link",
    method: "POST",
    request: async () => ({ path: "/reset", fields: { email: unique("reset") } }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/reset/:token",
    method: "GET",
    request: async () => ({ path: `/reset/${await tokenFor("password_reset")}` }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/reset/:token: set a new password",
    method: "POST",
    request: async () => ({
      path: `/reset/${await tokenFor("password_reset")}`,
      fields: { password: NEW_PASSWORD, confirm: NEW_PASSWORD },
    }),
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  {
    name: "/logout",
    method: "GET",
    request: get("/logout"),
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  {
    name: "/logout: sign out",
    method: "POST",
    request: post("/logout", {}),
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  {
    name: "/language",
    method: "GET",
    request: get("/language"),
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  {
    name: "/language: choose a language",
    method: "POST",
    request: post("/language", { lng: "fr", redirectTo: "/join" }),
    ok: { status: 302, location: "/join" },
    expect: all("ok"),
  },
  { name: "/join", method: "GET", request: get("/join"), ok: { status: 200 }, expect: all("ok") },
  {
    name: "/join: ask to join D1",
    method: "POST",
    request: async (w) => ({
      path: "/join",
      fields: { digibankId: String(w.d1), name: "Nieuw", email: unique("join"), language: "nl" },
    }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/invitation/:token",
    method: "GET",
    request: async () => ({ path: `/invitation/${await tokenFor("invitation")}` }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/invitation/:token: accept",
    method: "POST",
    request: async () => ({
      path: `/invitation/${await tokenFor("invitation")}`,
      fields: {
        name: "Nieuwe helper",
        language: "nl",
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
        privacy: "on",
      },
    }),
    ok: { status: 302, location: "/" },
    expect: all("ok"),
  },
  // The local mailbox of the embedded demo: open while there is no SMTP relay (by design).
  {
    name: "/dev/mailbox",
    method: "GET",
    request: get("/dev/mailbox"),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/dev/mailbox/:id",
    method: "GET",
    request: async (w) => ({ path: `/dev/mailbox/${w.mailboxId}` }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/dev/mailbox/:id/raw",
    method: "GET",
    request: async (w) => ({ path: `/dev/mailbox/${w.mailboxId}/raw` }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/dev/mailbox/:id of no message",
    method: "GET",
    request: get("/dev/mailbox/2147483647"),
    ok: { status: 200 },
    expect: all("notfound"),
  },
  {
    name: "/dev/mailbox/:id of a malformed id",
    method: "GET",
    request: get("/dev/mailbox/1700000000000-00000000"),
    ok: { status: 200 },
    expect: all("notfound"),
  },
  {
    name: "an unknown address",
    method: "GET",
    request: get("/no-such-page"),
    ok: { status: 200 },
    expect: all("notfound"),
  },

  // The personal calendar feed: public to whoever holds its secret address.
  {
    name: "/feed/:token.ics",
    method: "GET",
    request: async () => {
      const owner = await person([{ role: "volunteer", digibankId: world.d1 }]);
      return { path: `/feed/${await createCalendarFeed(database.db, owner.id)}.ics` };
    },
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/feed/:token.ics of no feed",
    method: "GET",
    request: get(`/feed/${"x".repeat(43)}.ics`),
    ok: { status: 200 },
    expect: all("notfound"),
  },

  // Each person's own account.
  {
    name: "/account",
    method: "GET",
    request: get("/account"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account: profile",
    method: "POST",
    twin: true,
    request: post("/account", { intent: "profile", name: "Nieuwe naam", language: "en" }),
    ok: { status: 302, location: "/account" },
    expect: signedIn,
  },
  {
    name: "/account: make my calendar address",
    method: "POST",
    twin: true,
    request: post("/account", { intent: "calendar" }),
    ok: { status: 302, location: "/account#calendar" },
    expect: signedIn,
  },
  {
    name: "/account: a new calendar address",
    method: "POST",
    twin: true,
    request: post("/account", { intent: "calendar_regenerate", confirm: "on" }),
    ok: { status: 302, location: "/account#calendar" },
    expect: signedIn,
  },
  {
    name: "/account: password",
    method: "POST",
    twin: true,
    request: post("/account", {
      intent: "password",
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    }),
    ok: { status: 302, location: "/account" },
    expect: signedIn,
  },
  {
    name: "/account/export",
    method: "GET",
    request: get("/account/export"),
    ok: { status: 302, location: "/account" },
    expect: all("ok"),
  },
  {
    name: "/account/export: download my data",
    method: "POST",
    request: post("/account/export", {}),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/data",
    method: "GET",
    request: get("/account/data"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/skills",
    method: "GET",
    request: get("/account/skills"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/skills: record my skills",
    method: "POST",
    request: post("/account/skills", { skill: "itsme" }),
    ok: { status: 302, location: "/account/skills" },
    expect: signedIn,
  },
  {
    name: "/account/delete",
    method: "GET",
    request: get("/account/delete"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/delete: delete my account",
    method: "POST",
    twin: true,
    request: post("/account/delete", { confirmation: PASSWORD }),
    ok: { status: 302, location: "/" },
    expect: signedIn,
  },

  // Region settings: regional staff of that region and admins.
  {
    name: "/regions",
    method: "GET",
    request: get("/regions"),
    ok: { status: 200 },
    expect: only(["staff1", "staff2", "admin"]),
  },
  {
    name: "/regions: change the release cut-off of R1",
    method: "POST",
    request: async (w) => ({
      path: "/regions",
      fields: { regionId: String(w.r1), releaseCutoffHours: "36" },
    }),
    ok: { status: 302 },
    expect: only(["staff1", "admin"]),
  },

  // People management: coordinators within their digibanken, admins everywhere, nobody else.
  {
    name: "/people",
    method: "GET",
    request: get("/people"),
    ok: { status: 200 },
    expect: peopleManagers(),
  },
  {
    name: "/people?digibank=D3 (filtered to the reader's scope)",
    method: "GET",
    request: async (w) => ({ path: `/people?digibank=${w.d3}` }),
    ok: { status: 200 },
    expect: peopleManagers(),
  },
  {
    name: "/people: deactivate a volunteer of D1",
    method: "POST",
    request: async (w) => {
      const target = await person([{ role: "volunteer", digibankId: w.d1 }]);
      return { path: "/people", fields: { intent: "deactivate", personId: String(target.id) } };
    },
    ok: { status: 200 },
    expect: only(["coordinator1", "admin"]),
  },
  {
    name: "/people: deactivate a volunteer of D3",
    method: "POST",
    request: async (w) => {
      const target = await person([{ role: "volunteer", digibankId: w.d3 }]);
      return { path: "/people", fields: { intent: "deactivate", personId: String(target.id) } };
    },
    ok: { status: 200 },
    expect: only(["coordinator2", "admin"]),
  },
  {
    name: "/people: deactivate a coordinator of D1",
    method: "POST",
    request: async (w) => {
      const target = await person([{ role: "coordinator", digibankId: w.d1 }]);
      return { path: "/people", fields: { intent: "deactivate", personId: String(target.id) } };
    },
    ok: { status: 200 },
    expect: only(["admin"]),
  },
  {
    name: "/people: reactivate a volunteer of D1",
    method: "POST",
    request: async (w) => {
      const target = await person([{ role: "volunteer", digibankId: w.d1 }], "disabled");
      return { path: "/people", fields: { intent: "reactivate", personId: String(target.id) } };
    },
    ok: { status: 200 },
    expect: only(["coordinator1", "admin"]),
  },
  {
    name: "/people: grant a coordinator role for D1",
    method: "POST",
    request: async (w) => {
      const target = await person([{ role: "volunteer", digibankId: w.d1 }]);
      return {
        path: "/people",
        fields: {
          intent: "grant",
          personId: String(target.id),
          role: "coordinator",
          scope: `digibank:${w.d1}`,
        },
      };
    },
    ok: { status: 200 },
    expect: only(["admin"]),
  },
  {
    name: "/people: revoke a volunteer role of D1",
    method: "POST",
    request: async (w) => {
      const target = await person([{ role: "volunteer", digibankId: w.d1 }]);
      return {
        path: "/people",
        fields: {
          intent: "revoke",
          personId: String(target.id),
          assignmentId: String(target.assignmentIds[0]),
        },
      };
    },
    ok: { status: 200 },
    expect: only(["admin"]),
  },
  {
    name: "/people/invite",
    method: "GET",
    request: get("/people/invite"),
    ok: { status: 200 },
    expect: peopleManagers(),
  },
  {
    name: "/people/invite: a volunteer for D1",
    method: "POST",
    request: async (w) => ({
      path: "/people/invite",
      fields: {
        email: unique("invite"),
        name: "Genodigde",
        language: "nl",
        role: "volunteer",
        scope: `digibank:${w.d1}`,
      },
    }),
    ok: { status: 200 },
    // The other coordinator reaches the form, which refuses a digibank outside their scope.
    expect: { ...only(["coordinator1", "admin"]), coordinator2: "refused" },
  },
  {
    name: "/people/invite: a coordinator for D1",
    method: "POST",
    request: async (w) => ({
      path: "/people/invite",
      fields: {
        email: unique("invite"),
        name: "Genodigde",
        language: "nl",
        role: "coordinator",
        scope: `digibank:${w.d1}`,
      },
    }),
    ok: { status: 200 },
    expect: { ...only(["admin"]), coordinator1: "refused", coordinator2: "refused" },
  },
  {
    name: "/people/requests",
    method: "GET",
    request: get("/people/requests"),
    ok: { status: 200 },
    expect: peopleManagers(),
  },
  ...(["approve", "decline"] as const).flatMap((intent): Case[] => [
    {
      name: `/people/requests: ${intent} a request for D1`,
      method: "POST",
      request: async (w) => ({
        path: "/people/requests",
        fields: { intent, requestId: String(await joinRequest(w.d1)) },
      }),
      ok: { status: 200 },
      expect: only(["coordinator1", "admin"]),
    },
    {
      name: `/people/requests: ${intent} a request for D3`,
      method: "POST",
      request: async (w) => ({
        path: "/people/requests",
        fields: { intent, requestId: String(await joinRequest(w.d3)) },
      }),
      ok: { status: 200 },
      expect: only(["coordinator2", "admin"]),
    },
  ]),

  // Shifts, the volunteer side. Everyone with a role sees the calendar and the list (each within
  // their own digibanken); a shift of a digibank one may not see is a 404, as if it did not exist.
  {
    name: "/shifts",
    method: "GET",
    request: get("/shifts"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/shifts/list",
    method: "GET",
    request: get("/shifts/list"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/shifts/events (a month)",
    method: "GET",
    request: async () => {
      const start = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
      const end = new Date(Date.now() + 35 * 24 * 3600_000).toISOString();
      return { path: `/shifts/events?start=${start}&end=${end}` };
    },
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/shifts/events without a range",
    method: "GET",
    request: get("/shifts/events"),
    ok: { status: 200 },
    expect: { ...all("refused"), anonymous: "login" },
  },
  {
    name: "/shifts/:id of D1",
    method: "GET",
    request: async (w) => ({ path: `/shifts/${w.shift1}` }),
    ok: { status: 200 },
    expect: only(["volunteerA", "coordinator1", "staff1", "admin"], "notfound"),
  },
  {
    name: "/shifts/:id of D3",
    method: "GET",
    request: async (w) => ({ path: `/shifts/${w.shift3}` }),
    ok: { status: 200 },
    expect: only(["volunteerB", "coordinator2", "staff2", "admin"], "notfound"),
  },
  {
    name: "/shifts/:id of no shift",
    method: "GET",
    request: get("/shifts/999999"),
    ok: { status: 200 },
    expect: { ...all("notfound"), anonymous: "login" },
  },
  {
    name: "/shifts/:id: claim a shift of D1",
    method: "POST",
    request: async (w) => ({ path: `/shifts/${await freshShift(w)}`, fields: { intent: "claim" } }),
    ok: { status: 302 },
    // Seeing a shift is not claiming it: only its digibank's volunteers (and admins) may.
    expect: {
      ...only(["volunteerA", "admin"], "notfound"),
      coordinator1: "forbidden",
      staff1: "forbidden",
    },
  },
  {
    name: "/shifts/:id: claim a shift of D3",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await freshShift(w, { digipuntId: w.p3 })}`,
      fields: { intent: "claim" },
    }),
    ok: { status: 302 },
    expect: {
      ...only(["volunteerB", "admin"], "notfound"),
      coordinator2: "forbidden",
      staff2: "forbidden",
    },
  },
  {
    name: "/shifts/:id: join the reserve list of a full shift of D1",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await freshShift(w, { capacity: 1, claimants: [w.users.coordinator2] })}`,
      fields: { intent: "reserve" },
    }),
    ok: { status: 302 },
    expect: {
      ...only(["volunteerA", "admin"], "notfound"),
      coordinator1: "forbidden",
      staff1: "forbidden",
    },
  },
  {
    name: "/shifts/:id: release my place on a shift of D1",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await freshShift(w, { capacity: 10, claimants: everyone(w) })}`,
      fields: { intent: "release" },
    }),
    ok: { status: 302 },
    // Anyone who sees the shift may let go of their own place on it.
    expect: only(["volunteerA", "coordinator1", "staff1", "admin"], "notfound"),
  },
  {
    name: "/shifts/:id: ask to be released from a shift of D1 after the cut-off",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await freshShift(w, { capacity: 10, claimants: everyone(w), soon: true })}`,
      fields: { intent: "request_release" },
    }),
    ok: { status: 302 },
    expect: only(["volunteerA", "coordinator1", "staff1", "admin"], "notfound"),
  },
  {
    name: "/shifts/:id: release a shift of D1 one is not on",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await freshShift(w)}`,
      fields: { intent: "release" },
    }),
    ok: { status: 302 },
    expect: {
      ...only(["volunteerA", "coordinator1", "staff1", "admin"], "notfound"),
      volunteerA: "refused",
      coordinator1: "refused",
      staff1: "refused",
      admin: "refused",
    },
  },
  {
    name: "/shifts/list: claim a shift of D1",
    method: "POST",
    request: async (w) => ({
      path: "/shifts/list",
      fields: { intent: "claim", shiftId: String(await freshShift(w)) },
    }),
    ok: { status: 302, location: /^\/shifts\/list#shift-\d+$/ },
    expect: {
      ...only(["volunteerA", "admin"], "notfound"),
      coordinator1: "forbidden",
      staff1: "forbidden",
    },
  },
  {
    name: "/shifts/list: release my place on a shift of D1",
    method: "POST",
    request: async (w) => ({
      path: "/shifts/list",
      fields: {
        intent: "release",
        shiftId: String(await freshShift(w, { capacity: 10, claimants: everyone(w) })),
      },
    }),
    ok: { status: 302, location: /^\/shifts\/list#shift-\d+$/ },
    expect: only(["volunteerA", "coordinator1", "staff1", "admin"], "notfound"),
  },

  // Mail that failed for good: admins only.
  {
    name: "/admin/mail",
    method: "GET",
    request: get("/admin/mail"),
    ok: { status: 200 },
    expect: only(["admin"]),
  },
  {
    name: "/admin/mail: retry a failed message",
    method: "POST",
    request: async () => ({
      path: "/admin/mail",
      fields: { intent: "retry", messageId: String(await failedEmail()) },
    }),
    ok: { status: 200 },
    expect: only(["admin"]),
  },

  // Planning: coordinators of the shift's digibank (or its region) and admins.
  ...(
    [
      "/planning",
      "/planning/shifts/new",
      "/planning/digipunten",
      "/planning/digipunten/new",
      "/planning/reports",
    ] as const
  ).map((path): Case => ({
    name: path,
    method: "GET",
    request: get(path),
    ok: { status: 200 },
    expect: planners,
  })),
  {
    name: "/planning/export.csv: download the shifts with their people (recorded)",
    method: "POST",
    request: post("/planning/export.csv", { from: "2026-01-01", to: "2026-12-31" }),
    ok: { status: 200 },
    expect: planners,
  },
  {
    name: "/planning/shifts/:id of D1",
    method: "GET",
    request: async (w) => ({ path: `/planning/shifts/${(await shiftAt(w.p1)).id}` }),
    ok: { status: 200 },
    expect: ofD1(),
  },
  {
    name: "/planning/digipunten/:id of D1",
    method: "GET",
    request: async (w) => ({ path: `/planning/digipunten/${w.p1}` }),
    ok: { status: 200 },
    expect: ofD1(),
  },
  {
    name: "/planning/shifts/new: a one-off shift at D1's digipunt",
    method: "POST",
    request: async (w) => ({
      path: "/planning/shifts/new",
      fields: {
        digipuntId: String(w.p1),
        kind: "once",
        date: localParts(new Date(Date.now() + 5 * 24 * HOUR)).date,
        startTime: "09:00",
        endTime: "12:00",
        capacity: "2",
      },
    }),
    ok: { status: 302 },
    expect: ofD1("refused"),
  },
  {
    name: "/planning/shifts/:id: edit a shift of D1",
    method: "POST",
    request: async (w) => {
      const shift = await shiftAt(w.p1);
      return {
        path: `/planning/shifts/${shift.id}`,
        fields: {
          intent: "edit",
          scope: "this",
          date: localParts(shift.starts_at).date,
          startTime: "10:00",
          endTime: "12:30",
          capacity: "4",
        },
      };
    },
    ok: { status: 302 },
    expect: ofD1(),
  },
  {
    name: "/planning/shifts/:id: cancel a shift of D1",
    method: "POST",
    request: async (w) => ({
      path: `/planning/shifts/${(await shiftAt(w.p1)).id}`,
      fields: { intent: "cancel", scope: "this", reason: "Zaal bezet" },
    }),
    ok: { status: 302 },
    expect: ofD1(),
  },
  {
    name: "/planning/shifts/:id: remove a volunteer from a shift of D1",
    method: "POST",
    request: async () => {
      const { shiftId, claimId } = await claimOnD1();
      return {
        path: `/planning/shifts/${shiftId}`,
        fields: { intent: "remove", claimId: String(claimId) },
      };
    },
    ok: { status: 302 },
    expect: ofD1(),
  },
  {
    name: "/planning/shifts/:id: grant a release request on a shift of D1",
    method: "POST",
    request: async () => {
      const { shiftId, claimId } = await claimOnD1({ releaseRequested: true });
      return {
        path: `/planning/shifts/${shiftId}`,
        fields: { intent: "release", claimId: String(claimId) },
      };
    },
    ok: { status: 302 },
    expect: ofD1(),
  },
  {
    name: "/planning/shifts/:id: record attendance on a started shift of D1",
    method: "POST",
    request: async () => {
      const { shiftId, claimId } = await claimOnD1({ started: true });
      return {
        path: `/planning/shifts/${shiftId}`,
        fields: { intent: "attendance", claimId: String(claimId), attendance: "present" },
      };
    },
    ok: { status: 302 },
    expect: ofD1(),
  },
  {
    name: "/planning/digipunten/new: a digipunt for D1",
    method: "POST",
    request: async (w) => ({
      path: "/planning/digipunten/new",
      fields: {
        digibankId: String(w.d1),
        municipalityId: String(w.m1),
        name: `Nieuw punt ${++sequence}`,
        kind: "fixed",
        address: "Markt 1",
      },
    }),
    ok: { status: 302, location: "/planning/digipunten" },
    expect: ofD1("refused"),
  },
  {
    name: "/planning/digipunten/:id: change a digipunt of D1",
    method: "POST",
    request: async (w) => ({
      path: `/planning/digipunten/${await digipuntOfD1()}`,
      fields: {
        digibankId: String(w.d1),
        municipalityId: String(w.m1),
        name: `Hernoemd punt ${++sequence}`,
        kind: "mobile",
      },
    }),
    ok: { status: 302, location: "/planning/digipunten" },
    expect: ofD1(),
  },
  {
    name: "/planning/digipunten: archive a digipunt of D1",
    method: "POST",
    request: async () => ({
      path: "/planning/digipunten",
      fields: { intent: "archive", digipuntId: String(await digipuntOfD1()) },
    }),
    ok: { status: 302, location: "/planning/digipunten" },
    expect: ofD1(),
  },

  // Courses: planning (/courses/manage). Cases for course planning go below this line.
  // The planners of a course of D1: its coordinator, R1's staff and admins; the other region's
  // coordinator and staff are told it does not exist; a volunteer named its trainer (volunteerA)
  // may not open planning at all.
  {
    name: "/courses/manage",
    method: "GET",
    request: get("/courses/manage"),
    ok: { status: 200 },
    expect: coursePlanners(),
  },
  {
    name: "/courses/manage/new",
    method: "GET",
    request: get("/courses/manage/new"),
    ok: { status: 200 },
    expect: coursePlanners(),
  },
  {
    name: "/courses/manage/new: plan a course of D1",
    method: "POST",
    request: async (w) => ({ path: "/courses/manage/new", fields: courseFields(w) }),
    ok: { status: 302, location: /^\/courses\/manage\/\d+$/ },
    expect: { ...coursePlanners(), coordinator2: "refused", staff2: "refused" },
  },
  {
    name: "/courses/manage/:id (a course of D1)",
    method: "GET",
    request: async (w) => ({ path: `/courses/manage/${(await courseOfD1(w)).id}` }),
    ok: { status: 200 },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id/edit",
    method: "GET",
    request: async (w) => ({ path: `/courses/manage/${(await courseOfD1(w)).id}/edit` }),
    ok: { status: 200 },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id/edit: change a draft",
    method: "POST",
    request: async (w) => {
      const course = await courseOfD1(w, { status: "draft" });
      return {
        path: `/courses/manage/${course.id}/edit`,
        fields: courseFields(w, { "sessions[0].id": String(course.sessions[0]!.id) }),
      };
    },
    ok: { status: 302, location: /^\/courses\/manage\/\d+$/ },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id: publish",
    method: "POST",
    request: async (w) => ({
      path: `/courses/manage/${(await courseOfD1(w, { status: "draft" })).id}`,
      fields: { intent: "publish" },
    }),
    ok: { status: 302, location: /^\/courses\/manage\/\d+$/ },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id: cancel the course",
    method: "POST",
    request: async (w) => ({
      path: `/courses/manage/${(await courseOfD1(w)).id}`,
      fields: { intent: "cancel", reason: "De zaal is niet vrij" },
    }),
    ok: { status: 302, location: /^\/courses\/manage\/\d+$/ },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id: cancel one session",
    method: "POST",
    request: async (w) => {
      const course = await courseOfD1(w);
      return {
        path: `/courses/manage/${course.id}`,
        fields: { intent: "cancelSession", sessionId: String(course.sessions[0]!.id) },
      };
    },
    ok: { status: 302, location: /^\/courses\/manage\/\d+$/ },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id: message the enrolled",
    method: "POST",
    request: async (w) => ({
      path: `/courses/manage/${(await courseOfD1(w)).id}`,
      fields: {
        intent: "message",
        messageKey: crypto.randomUUID(),
        subject: "Parking",
        body: "Parkeer achter de bib.",
      },
    }),
    ok: { status: 302, location: /^\/courses\/manage\/\d+$/ },
    expect: ofCourseOfD1(),
  },
  {
    name: "/courses/manage/:id/export.csv",
    method: "POST",
    request: async (w) => ({
      path: `/courses/manage/${(await courseOfD1(w)).id}/export.csv`,
      fields: {},
    }),
    ok: { status: 200 },
    expect: ofCourseOfD1(),
  },

  // ---

  // Courses: finding and enrolling (/courses). Cases for enrolment go below this line.
  {
    name: "/courses: the course list",
    method: "GET",
    request: async () => ({ path: "/courses" }),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/courses/:id: a published course of D1 (for everyone)",
    method: "GET",
    request: async () => ({ path: `/courses/${await openCourseOfD1()}` }),
    ok: { status: 200 },
    // Its audience (D1's volunteer and coordinator), its planners (D1's coordinator, R1's staff).
    expect: only(["volunteerA", "coordinator1", "staff1", "admin"], "notfound"),
  },
  {
    name: "/courses/:id: a draft course of D1",
    method: "GET",
    request: async () => ({ path: `/courses/${await openCourseOfD1("draft")}` }),
    ok: { status: 200 },
    expect: only(["coordinator1", "staff1", "admin"], "notfound"),
  },
  {
    name: "/courses/:id: enrol in a published course of D1",
    method: "POST",
    request: async () => ({
      path: `/courses/${await openCourseOfD1()}`,
      fields: { intent: "enrol" },
    }),
    ok: { status: 302 },
    // R1's staff plan it but are not its audience: they see it, and may not enrol.
    expect: { ...only(["volunteerA", "coordinator1", "admin"], "notfound"), staff1: "forbidden" },
  },
  {
    name: "/courses/:id: enrol in a draft course of D1",
    method: "POST",
    request: async () => ({
      path: `/courses/${await openCourseOfD1("draft")}`,
      fields: { intent: "enrol" },
    }),
    ok: { status: 302 },
    expect: {
      ...all("notfound"),
      anonymous: "login",
      coordinator1: "refused",
      staff1: "refused",
      admin: "refused",
    },
  },
  {
    name: "/courses/:id: cancel an enrolment one does not have",
    method: "POST",
    request: async () => ({
      path: `/courses/${await openCourseOfD1()}`,
      fields: { intent: "cancel" },
    }),
    ok: { status: 302 },
    expect: {
      ...all("notfound"),
      anonymous: "login",
      volunteerA: "refused",
      coordinator1: "refused",
      staff1: "refused",
      admin: "refused",
    },
  },
  {
    name: "/courses/:id: an intent the page never sends",
    method: "POST",
    request: async () => ({
      path: `/courses/${await openCourseOfD1()}`,
      fields: { intent: "promote" },
    }),
    ok: { status: 400 },
    expect: { ...all("refused"), anonymous: "login" },
  },

  // ---

  // Courses: attendance, completion and skills. Cases for training go below this line.
  {
    name: "/courses/train",
    method: "GET",
    request: get("/courses/train"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/courses/train/:id (a D1 course volunteerA teaches)",
    method: "GET",
    request: async (w) => ({ path: `/courses/train/${(await trainedCourse(w)).courseId}` }),
    ok: { status: 200 },
    expect: trainersOfD1(),
  },
  {
    name: "/courses/train/:id/sheet",
    method: "GET",
    request: async (w) => {
      const { courseId, sessionId } = await trainedCourse(w);
      return { path: `/courses/train/${courseId}/sheet?session=${sessionId}` };
    },
    ok: { status: 200 },
    expect: trainersOfD1(),
  },
  {
    name: "/courses/train/:id: tick a person present",
    method: "POST",
    request: async (w) => {
      const { courseId, sessionId, learnerId } = await trainedCourse(w);
      return {
        path: `/courses/train/${courseId}`,
        fields: { sessionId: String(sessionId), userId: String(learnerId), present: "true" },
      };
    },
    ok: { status: 302, location: /^\/courses\/train\/\d+\?session=\d+#person-\d+$/ },
    expect: trainersOfD1(),
  },
  {
    name: "/courses/skills",
    method: "GET",
    request: get("/courses/skills"),
    ok: { status: 200 },
    expect: only(["coordinator1", "coordinator2", "staff1", "staff2", "admin"]),
  },
  {
    name: "/courses/skills: let anyone declare eid (as it is)",
    method: "POST",
    request: post("/courses/skills", { skill: "eid", courseOnly: "false" }),
    ok: { status: 302, location: "/courses/skills#skill-eid" },
    expect: only(["coordinator1", "coordinator2", "staff1", "staff2", "admin"]),
  },

  // ---

  // Events: planning, audience and sending (/events/manage). Cases for planning go below this line.
  ...((): Case[] => {
    /** The event form filled in well: a gathering 40 days ahead, with one question. */
    const eventFields = (scope: string, extra: Record<string, string> = {}) => {
      const day = localParts(new Date(Date.now() + 40 * COURSE_DAY)).date;
      return {
        scope,
        title: "Matrixbijeenkomst",
        startDate: day,
        startTime: "10:00",
        endDate: day,
        endTime: "16:00",
        address: "Provinciehuis, Hasselt",
        capacity: "50",
        deadlineDate: localParts(new Date(Date.now() + 30 * COURSE_DAY)).date,
        deadlineTime: "23:59",
        maxPlusOnes: "1",
        reminderDays: "7, 1",
        contactName: "Lotte",
        contactEmail: "lotte@matrix.example",
        "questions[0].label": "Eet je mee?",
        "questions[0].kind": "choice",
        "questions[0].choices": "Ja\nNee",
        ...extra,
      };
    };
    /** A region-wide event of R1 is planned by R1's staff and admins (not by a digibank's coordinator). */
    const ofRegionEventOfR1 = (): Expectation => ofEventOfR1();
    const draftOfR1 = async (w: World) => (await eventOfR1(w, { status: "draft" })).event.id;
    const publishedOfR1 = async (w: World) => (await eventOfR1(w)).event.id;
    return [
      {
        name: "/events/manage",
        method: "GET",
        request: get("/events/manage"),
        ok: { status: 200 },
        expect: eventPlanners(),
      },
      {
        name: "/events/manage/new",
        method: "GET",
        request: get("/events/manage/new"),
        ok: { status: 200 },
        expect: eventPlanners(),
      },
      {
        name: "/events/manage/new: plan an event of D1",
        method: "POST",
        request: async (w) => ({
          path: "/events/manage/new",
          fields: eventFields(`digibank-${w.d1}`),
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/audience$/ },
        expect: { ...eventPlanners(), coordinator2: "refused", staff2: "refused" },
      },
      {
        name: "/events/manage/new: add a question (nothing saved)",
        method: "POST",
        request: async (w) => ({
          path: "/events/manage/new",
          fields: eventFields(`digibank-${w.d1}`, { intent: "addQuestion" }),
        }),
        ok: { status: 200 },
        expect: eventPlanners(),
      },
      {
        name: "/events/manage/:id/edit (a region-wide event of R1)",
        method: "GET",
        request: async (w) => ({ path: `/events/manage/${await publishedOfR1(w)}/edit` }),
        ok: { status: 200 },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/edit: change a draft",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/edit`,
          fields: eventFields(`region-${w.r1}`),
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/edit$/ },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/edit: change a published event (the invited hear of it)",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await publishedOfR1(w)}/edit`,
          fields: eventFields(`region-${w.r1}`),
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/edit$/ },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/edit: add a question",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/edit`,
          fields: eventFields(`region-${w.r1}`, { intent: "addQuestion" }),
        }),
        ok: { status: 200 },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/edit: publish",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/edit`,
          fields: { intent: "publish" },
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/edit$/ },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/edit: cancel",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await publishedOfR1(w)}/edit`,
          fields: { intent: "cancel", reason: "De zaal is niet vrij" },
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/edit$/ },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/edit: cancel without a reason",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await publishedOfR1(w)}/edit`,
          fields: { intent: "cancel", reason: "" },
        }),
        ok: { status: 400 },
        expect: { ...ofRegionEventOfR1(), staff1: "refused", admin: "refused" },
      },
      {
        name: "/events/manage/:id/audience",
        method: "GET",
        request: async (w) => ({ path: `/events/manage/${await draftOfR1(w)}/audience` }),
        ok: { status: 200 },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/audience: save the rules",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/audience`,
          fields: { intent: "audience", roles: "volunteer", digibankIds: String(w.d1) },
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/audience#preview$/ },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/audience: rules naming another region's digibank",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/audience`,
          fields: { intent: "audience", roles: "volunteer", digibankIds: String(w.d3) },
        }),
        ok: { status: 400 },
        expect: { ...ofRegionEventOfR1(), staff1: "refused", admin: "refused" },
      },
      {
        name: "/events/manage/:id/audience: check a guest list",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/audience`,
          fields: { intent: "checkGuests", guestList: `${unique("gast")},Gast,fr` },
        }),
        ok: { status: 200 },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/audience: add the checked guests",
        method: "POST",
        request: async (w) => ({
          path: `/events/manage/${await draftOfR1(w)}/audience`,
          fields: { intent: "addGuests", guestList: `${unique("gast")},Gast,fr`, expected: "1" },
        }),
        ok: { status: 302, location: /^\/events\/manage\/\d+\/audience#guests$/ },
        expect: ofRegionEventOfR1(),
      },
      {
        name: "/events/manage/:id/audience: remove a guest",
        method: "POST",
        request: async (w) => {
          const { createEventGuest } = await import("../factories/index.ts");
          const eventId = await draftOfR1(w);
          const guest = await createEventGuest(database.db, { eventId });
          return {
            path: `/events/manage/${eventId}/audience`,
            fields: { intent: "removeGuest", guestId: String(guest.id) },
          };
        },
        ok: { status: 302, location: /^\/events\/manage\/\d+\/audience#guests$/ },
        expect: ofRegionEventOfR1(),
      },
    ];
  })(),

  // ---

  // Events: sending and unsubscribe.
  // (The cookieless one-click unsubscribe POST takes no CSRF token by design, so it has its own
  // tests after the matrix: "one-click unsubscribe".)
  {
    name: "/events/manage/:id/send (an event of R1)",
    method: "GET",
    request: async (w) => ({ path: `/events/manage/${(await eventOfR1(w)).event.id}/send` }),
    ok: { status: 200 },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/send: send now",
    method: "POST",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}/send`,
      fields: { intent: "send" },
    }),
    ok: { status: 302, location: /^\/events\/manage\/\d+\/send$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/send: schedule",
    method: "POST",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}/send`,
      fields: {
        intent: "schedule",
        date: localParts(new Date(Date.now() + 2 * COURSE_DAY)).date,
        time: "09:00",
      },
    }),
    ok: { status: 302, location: /^\/events\/manage\/\d+\/send$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/send: clear the schedule",
    method: "POST",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}/send`,
      fields: { intent: "clearSchedule" },
    }),
    ok: { status: 302, location: /^\/events\/manage\/\d+\/send$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/send: schedule on 2027-02-30 (refused, nothing written)",
    method: "POST",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}/send`,
      fields: { intent: "schedule", date: "2027-02-30", time: "09:00" },
    }),
    ok: { status: 400 },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/unsubscribe/:token (asks to confirm, changes nothing)",
    method: "GET",
    request: async (w) => {
      const { invitations } = await eventOfR1(w);
      return { path: `/events/unsubscribe/${await invitationToken(invitations!.volunteerA)}` };
    },
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/events/unsubscribe/:token with a tampered token",
    method: "GET",
    request: async (w) => {
      const { invitations } = await eventOfR1(w);
      const token = await invitationToken(invitations!.volunteerA);
      return { path: `/events/unsubscribe/${tamper(token)}` };
    },
    ok: { status: 404 },
    expect: all("notfound"),
  },

  // ---

  // Events: the organiser's page, door list, export, resend, message. Cases go below this line.
  {
    name: "/events/manage/:id (the organiser's page of a region-wide event of R1)",
    method: "GET",
    request: async (w) => ({ path: `/events/manage/${(await eventOfR1(w)).event.id}` }),
    ok: { status: 200 },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id?answer=yes (filtered by answer)",
    method: "GET",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}?answer=yes`,
    }),
    ok: { status: 200 },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/door (the door list, searched, with walk-ins)",
    method: "GET",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}/door?q=Pers&everyone=1`,
    }),
    ok: { status: 200 },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id: resend volunteerA's invitation",
    method: "POST",
    request: async (w) => {
      const { event, invitations } = await eventOfR1(w);
      return {
        path: `/events/manage/${event.id}`,
        fields: {
          intent: "resend",
          invitationId: String(invitations!.volunteerA.id),
          formKey: crypto.randomUUID(),
        },
      };
    },
    ok: { status: 302, location: /^\/events\/manage\/\d+#invitee-\d+$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id: withdraw volunteerA's unanswered invitation",
    method: "POST",
    request: async (w) => {
      const { event, invitations } = await eventOfR1(w);
      return {
        path: `/events/manage/${event.id}`,
        fields: { intent: "withdraw", invitationId: String(invitations!.volunteerA.id) },
      };
    },
    ok: { status: 302, location: /^\/events\/manage\/\d+#invitee-\d+$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id: withdraw volunteerB's yes (refused: ask them first)",
    method: "POST",
    request: async (w) => {
      const { event, invitations } = await eventOfR1(w);
      return {
        path: `/events/manage/${event.id}`,
        fields: { intent: "withdraw", invitationId: String(invitations!.volunteerB.id) },
      };
    },
    ok: { status: 302 },
    expect: { ...ofEventOfR1(), staff1: "refused", admin: "refused" },
  },
  {
    name: "/events/manage/:id: a message to everyone coming",
    method: "POST",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}`,
      fields: {
        intent: "message",
        formKey: crypto.randomUUID(),
        subject: "Parkeren",
        body: "Parkeer achter het gebouw.",
      },
    }),
    ok: { status: 302, location: /^\/events\/manage\/\d+#message$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/door: check volunteerB in",
    method: "POST",
    request: async (w) => {
      const { event, invitations } = await eventOfR1(w);
      return {
        path: `/events/manage/${event.id}/door`,
        fields: { invitationId: String(invitations!.volunteerB.id), arrived: "true" },
      };
    },
    ok: { status: 302, location: /^\/events\/manage\/\d+\/door#guest-\d+$/ },
    expect: ofEventOfR1(),
  },
  {
    name: "/events/manage/:id/export.csv (recorded)",
    method: "POST",
    request: async (w) => ({
      path: `/events/manage/${(await eventOfR1(w)).event.id}/export.csv`,
      fields: {},
    }),
    ok: { status: 200 },
    expect: ofEventOfR1(),
  },

  // ---

  // Events: the invited (/events, the answer page, unsubscribe). Cases go below this line.
  {
    name: "/events",
    method: "GET",
    request: get("/events"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/events/:id (an event of R1 volunteerA and volunteerB are invited to)",
    method: "GET",
    request: async (w) => ({ path: `/events/${(await eventOfR1(w)).event.id}` }),
    ok: { status: 200 },
    // Only the invited see it here: organisers use /events/manage.
    expect: invitedToEventOfR1(),
  },
  {
    name: "/events/:id: answer one's own invitation with the questions",
    method: "POST",
    request: async (w) => {
      const { event } = await eventOfR1(w);
      return {
        path: `/events/${event.id}`,
        fields: { response: "yes", [`answers.q${event.questions[0]!.id}`]: "Ja" },
      };
    },
    ok: { status: 302, location: /^\/events\/\d+$/ },
    expect: invitedToEventOfR1(),
  },
  {
    name: "/events: answer one's own invitation from the list (volunteerA's)",
    method: "POST",
    request: async (w) => {
      const { invitations } = await eventOfR1(w);
      return {
        path: "/events",
        fields: { invitationId: String(invitations!.volunteerA.id), response: "maybe" },
      };
    },
    ok: { status: 302, location: /^\/events#invitation-\d+$/ },
    // Someone else's invitation is not there for them.
    expect: { ...all("notfound"), anonymous: "login", volunteerA: "ok" },
  },
  {
    name: "/events/answer/:token (volunteerA's link, no sign-in needed)",
    method: "GET",
    request: async (w) => ({ path: `${await answerPathOfR1(w)}?response=yes` }),
    ok: { status: 200 },
    expect: all("ok"),
  },
  {
    name: "/events/answer/:token: answer with the link, whoever holds it",
    method: "POST",
    request: async (w) => {
      const { event, invitations } = await eventOfR1(w);
      const { eventInvitationToken } = await import("~/modules/events/tokens.server.ts");
      const token = await eventInvitationToken(database.db, invitations!.volunteerA);
      return {
        path: `/events/answer/${token}`,
        fields: { response: "yes", [`answers.q${event.questions[0]!.id}`]: "Nee" },
      };
    },
    ok: { status: 302, location: /^\/events\/answer\/[\w.-]+$/ },
    expect: all("ok"),
  },
  {
    name: "/events/answer/:token with a tampered token",
    method: "GET",
    request: async (w) => ({
      path: (await answerPathOfR1(w)).replace(/\.(.)/, (_, c) => `.${c === "A" ? "B" : "A"}`),
    }),
    ok: { status: 200 },
    expect: all("notfound"),
  },
  {
    name: "/events/answer/:token: answer with a tampered token",
    method: "POST",
    request: async (w) => ({
      path: (await answerPathOfR1(w)).replace(/\.(.)/, (_, c) => `.${c === "A" ? "B" : "A"}`),
      fields: { response: "yes" },
    }),
    ok: { status: 302 },
    expect: all("notfound"),
  },

  // ---

  // Profiles (/account/profile, a volunteer's profile as their coordinators see it). Cases go below this line.
  {
    name: "/account/profile",
    method: "GET",
    request: get("/account/profile"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/profile: save one's own profile",
    method: "POST",
    request: post("/account/profile", {
      since: "2020-01-01",
      language: "nl",
      availability: "mon_morning",
      shows: "languages",
      introduction: "Ik help graag met itsme.",
    }),
    twin: true,
    ok: { status: 302, location: "/account/profile" },
    expect: signedIn,
  },
  {
    name: "/people/:id/profile (volunteerA of D1)",
    method: "GET",
    request: async (w) => ({ path: `/people/${w.users.volunteerA}/profile` }),
    ok: { status: 200 },
    // The person, the coordinators of their digibank, admins; anyone else is told it does not exist.
    expect: {
      ...ofD1(),
      volunteerA: "ok",
      volunteerB: "notfound",
      staff1: "notfound",
      staff2: "notfound",
    },
  },

  // ---

  // Shift reports (filing, correcting, a coordinator recording one for a volunteer). Cases go below this line.
  {
    name: "/shifts/:id/report (a shift of D1 that has started, with everyone on it)",
    method: "GET",
    request: async (w) => ({ path: `/shifts/${await workedShiftOfD1(w)}/report` }),
    ok: { status: 200 },
    // A volunteer of D1 who was on it; another digibank's shift does not exist for the others.
    expect: { ...only(["volunteerA", "admin"], "notfound") },
  },
  {
    name: "/shifts/:id/report: file a report (everyone on the shift)",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await workedShiftOfD1(w)}/report`,
      fields: REPORT_FIELDS,
    }),
    ok: { status: 302, location: /^\/shifts\/\d+\/report$/ },
    expect: { ...only(["volunteerA", "admin"], "notfound") },
  },
  {
    name: "/shifts/:id/report (a shift of D1 nobody of the matrix was on)",
    method: "GET",
    request: async (w) => ({ path: `/shifts/${await workedShiftOfD1(w, [])}/report` }),
    ok: { status: 200 },
    expect: { ...only([], "notfound"), volunteerA: "forbidden", admin: "forbidden" },
  },
  {
    name: "/shifts/:id/report: file a report for a shift one was not on",
    method: "POST",
    request: async (w) => ({
      path: `/shifts/${await workedShiftOfD1(w, [])}/report`,
      fields: REPORT_FIELDS,
    }),
    ok: { status: 302 },
    expect: { ...only([], "notfound"), volunteerA: "forbidden", admin: "forbidden" },
  },
  {
    name: "/planning/shifts/:id/reports (a started shift of D1)",
    method: "GET",
    request: async (w) => ({ path: `/planning/shifts/${await workedShiftOfD1(w, [])}/reports` }),
    ok: { status: 200 },
    expect: ofD1(),
  },
  {
    name: "/planning/shifts/:id/reports: record a report for an outside volunteer",
    method: "POST",
    request: async (w) => ({
      path: `/planning/shifts/${await workedShiftOfD1(w, [])}/reports`,
      fields: { ...REPORT_FIELDS, volunteer: "outside", volunteerName: `Buiten ${++sequence}` },
    }),
    ok: { status: 302, location: /^\/planning\/shifts\/\d+\/reports#reports$/ },
    expect: ofD1(),
  },

  // ---

  // Experience (/account/experience and the attestation). Cases go below this line.
  {
    name: "/account/experience (one's own; no id in the address)",
    method: "GET",
    request: async () => ({ path: "/account/experience?year=2026" }),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/experience/attestation (one's own)",
    method: "GET",
    request: async () => ({
      path: "/account/experience/attestation?from=2026-01-01&to=2026-06-30",
    }),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/account/experience/attestation.pdf (one's own)",
    method: "GET",
    request: async () => ({ path: "/account/experience/attestation.pdf" }),
    ok: { status: 200 },
    expect: signedIn,
  },

  // ---

  // The community board (/community: sharing, thanking, hiding). Cases go below this line.
  {
    name: "/community",
    method: "GET",
    request: get("/community"),
    ok: { status: 200 },
    expect: signedIn,
  },
  {
    name: "/community?region=R1",
    method: "GET",
    request: async (w) => ({ path: `/community?region=${w.r1}` }),
    ok: { status: 200 },
    expect: boardOfR1(),
  },
  {
    name: "/community: share on R1's board",
    method: "POST",
    request: async (w) => ({
      path: "/community",
      fields: { intent: "share", region: String(w.r1), body: "Tip: laat mensen zelf tikken." },
    }),
    ok: { status: 302, location: /^\/community\?region=\d+#post-\d+$/ },
    expect: boardOfR1(),
  },
  {
    name: "/community: thank a post of R1",
    method: "POST",
    request: async () => ({
      path: "/community",
      fields: { intent: "thank", post: String(await boardPostOfR1()) },
    }),
    ok: { status: 302, location: /^\/community\?region=\d+#post-\d+$/ },
    expect: boardOfR1(),
  },
  {
    name: "/community: take one's thanks back on a post of R1",
    method: "POST",
    request: async () => ({
      path: "/community",
      fields: { intent: "unthank", post: String(await boardPostOfR1({ thankedByAll: true })) },
    }),
    ok: { status: 302, location: /^\/community\?region=\d+#post-\d+$/ },
    expect: boardOfR1(),
  },
  {
    name: "/community: hide a post of R1 with a reason",
    method: "POST",
    request: async () => ({
      path: "/community",
      fields: { intent: "hide", post: String(await boardPostOfR1()), reason: "Te herkenbaar." },
    }),
    ok: { status: 302, location: /^\/community\?region=\d+#post-\d+$/ },
    expect: moderatorsOfR1(),
  },
  {
    name: "/community: show a hidden post of R1 again",
    method: "POST",
    request: async () => ({
      path: "/community",
      fields: { intent: "show", post: String(await boardPostOfR1({ hidden: true })) },
    }),
    ok: { status: 302, location: /^\/community\?region=\d+#post-\d+$/ },
    expect: moderatorsOfR1(),
  },

  // ---

  // Reports (/reports, the CSV export). Cases go below this line.
  {
    name: "/reports (last month, every digibank in scope)",
    method: "GET",
    request: get("/reports"),
    ok: { status: 200 },
    expect: reporters(),
  },
  {
    name: "/reports?digibank=D1 (a year per month)",
    method: "GET",
    request: async (w) => ({ path: `/reports?period=year&year=2026&level=month&digibank=${w.d1}` }),
    ok: { status: 200 },
    expect: reportsOfD1(),
  },
  {
    name: "/reports?digibank=D3 (per digipunt)",
    method: "GET",
    request: async (w) => ({ path: `/reports?level=digipunt&digibank=${w.d3}` }),
    ok: { status: 200 },
    expect: {
      ...reporters(),
      coordinator1: "notfound",
      staff1: "notfound",
    },
  },
  {
    name: "/reports with an impossible date (a 400 with a message)",
    method: "GET",
    request: get("/reports?period=range&from=2027-02-30&to=2027-03-05"),
    ok: { status: 400 },
    expect: reporters(),
  },
  {
    name: "/reports/export.csv (every digibank in scope, recorded)",
    method: "POST",
    request: async () => ({ path: "/reports/export.csv", fields: { period: "month" } }),
    ok: { status: 200 },
    expect: reporters(),
  },
  {
    name: "/reports/export.csv of D1 (recorded)",
    method: "POST",
    request: async (w) => ({
      path: "/reports/export.csv",
      fields: { period: "year", year: "2026", level: "digipunt", digibank: String(w.d1) },
    }),
    ok: { status: 200 },
    expect: reportsOfD1(),
  },
];

/** Who opens the course planning pages: coordinators, regional staff and admins. */
function coursePlanners(): Expectation {
  return only(["coordinator1", "coordinator2", "staff1", "staff2", "admin"]);
}
/** Something of a course of D1: its planners; the other region's planners are told it is not there. */
function ofCourseOfD1(): Expectation {
  return {
    ...only(["coordinator1", "staff1", "admin"]),
    coordinator2: "notfound",
    staff2: "notfound",
  };
}
const COURSE_DAY = 24 * 3600_000;

/** An event of R1 as its invited see it: volunteerA and volunteerB; anyone else is told it is not there. */
function invitedToEventOfR1(): Expectation {
  return { ...all("notfound"), anonymous: "login", volunteerA: "ok", volunteerB: "ok" };
}
/** The answer page of volunteerA's invitation to a fresh event of R1. */
async function answerPathOfR1(w: World) {
  const { invitations } = await eventOfR1(w);
  const { eventInvitationToken } = await import("~/modules/events/tokens.server.ts");
  return `/events/answer/${await eventInvitationToken(database.db, invitations!.volunteerA)}`;
}

/** Who opens the event planning pages: coordinators, regional staff and admins. */
function eventPlanners(): Expectation {
  return only(["coordinator1", "coordinator2", "staff1", "staff2", "admin"]);
}
/**
 * Something of a region-wide event of R1: R1's staff and admins. A digibank's coordinator plans
 * only that digibank's events (access.server.ts: organises), so coordinator1 is told a
 * region-wide one is not there, like R2's planners.
 */
function ofEventOfR1(): Expectation {
  return {
    ...only(["staff1", "admin"]),
    coordinator1: "notfound",
    coordinator2: "notfound",
    staff2: "notfound",
  };
}
/**
 * A fresh region-wide event of R1 (published unless told otherwise), with one question, and
 * invitations for volunteerA (no answer yet) and volunteerB (yes).
 */
async function eventOfR1(w: World, { status = "published" as "published" | "draft" } = {}) {
  const { createEvent, createEventInvitation } = await import("../factories/index.ts");
  const event = await createEvent(database.db, {
    regionId: w.r1,
    status,
    startsAt: new Date(Date.now() + 30 * COURSE_DAY + ++sequence * 3 * 3600_000),
    questions: [{ kind: "choice", label: "Eet je mee?", choices: ["Ja", "Nee"] }],
  });
  const invitations =
    status === "published"
      ? {
          volunteerA: await createEventInvitation(database.db, {
            eventId: event.id,
            userId: w.users.volunteerA,
          }),
          volunteerB: await createEventInvitation(database.db, {
            eventId: event.id,
            userId: w.users.volunteerB,
            response: "yes",
          }),
        }
      : null;
  return { event, invitations };
}
/** The token (or a path ending in one) with one character of its MAC changed. */
function tamper(token: string) {
  const at = token.length - 8;
  return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
}
/** The signed token of an invitation's links, as its emails carry it. */
async function invitationToken(invitation: { id: number; token_nonce: string }) {
  const { eventInvitationToken } = await import("~/modules/events/tokens.server.ts");
  return eventInvitationToken(database.db, invitation);
}
/** The course form of D1, filled in well: one session 40 days ahead. */
function courseFields(w: World, extra: Record<string, string> = {}) {
  const day = localParts(new Date(Date.now() + 40 * COURSE_DAY)).date;
  return {
    scope: `digibank-${w.d1}`,
    title: "Matrixvorming",
    theme: "digital_skills",
    audience: "everyone",
    capacity: "10",
    opensDate: localParts(new Date()).date,
    opensTime: "09:00",
    closesDate: localParts(new Date(Date.now() + 39 * COURSE_DAY)).date,
    closesTime: "12:00",
    "sessions[0].date": day,
    "sessions[0].startTime": "09:00",
    "sessions[0].endTime": "12:00",
    "sessions[0].address": "Markt 1, Genk",
    ...extra,
  };
}
/**
 * A fresh course of D1 (published unless told otherwise) with two sessions, volunteerA as its
 * trainer and volunteerB enrolled.
 */
async function courseOfD1(w: World, { status = "published" as "published" | "draft" } = {}) {
  const { createCourse, createEnrolment } = await import("../factories/index.ts");
  const first = new Date(Date.now() + 30 * COURSE_DAY + ++sequence * 3 * 3600_000);
  const course = await createCourse(database.db, {
    regionId: w.r1,
    digibankId: w.d1,
    status,
    sessions: [first, new Date(first.getTime() + 7 * COURSE_DAY)],
    trainerUserIds: [w.users.volunteerA],
  });
  if (status === "published")
    await createEnrolment(database.db, { courseId: course.id, userId: w.users.volunteerB });
  return course;
}

/** Every table's row count and a digest of its rows (rate limit counters aside: refusals count). */
async function snapshotDatabase() {
  // One statement for all tables: the matrix takes two snapshots per refused case. A sum of row
  // hashes needs no sort, and any changed, added or removed row changes it.
  snapshotTables ??= (
    await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'rate_limits'
      order by table_name`.execute(database.db)
  ).rows.map((row) => row.name);
  const perTable = snapshotTables.map(
    (name) => sql<{ name: string; n: string; digest: string }>`
      select ${name}::text as name, count(*)::text as n,
             coalesce(sum(hashtextextended(t::text, 0)), 0)::text as digest
      from ${sql.table(name)} t`,
  );
  const { rows } = await sql<{ name: string; n: string; digest: string }>`${sql.join(
    perTable,
    sql` union all `,
  )}`.execute(database.db);
  const snapshot: Record<string, string> = {};
  for (const row of rows) snapshot[row.name] = `${row.n} rows, ${row.digest}`;
  return snapshot;
}
let snapshotTables: string[] | undefined;

/** A browser of this persona: a new session of its own (or of a twin), and the CSRF cookie. */
async function browserOf(persona: Persona, twin: boolean) {
  const client = new HttpClient(base);
  for (const pair of csrf.cookie.split("; ")) client.setCookie(pair);
  if (persona === "anonymous") return client;
  const userId = twin ? (await person(world.roles[persona])).id : world.users[persona];
  client.setCookie(await startSession(database.db, new Request("http://127.0.0.1/"), userId));
  return client;
}

function expectAnswer(response: Response, outcome: Outcome, ok: Case["ok"]) {
  const location = response.headers.get("Location");
  switch (outcome) {
    case "ok":
      expect(response.status).toBe(ok.status);
      if (typeof ok.location === "string") expect(location).toBe(ok.location);
      else if (ok.location) expect(location).toMatch(ok.location);
      // A redirect may tell the next page how it went, but never of a refusal.
      expect(outcomeOf(response)?.tone).not.toBe("error");
      break;
    case "login":
      expect(response.status).toBe(302);
      expect(location).toMatch(/^\/login\?redirectTo=/);
      break;
    case "home":
      expect(response.status).toBe(302);
      expect(location).toBe("/");
      break;
    case "forbidden":
      expect(response.status).toBe(403);
      break;
    case "notfound":
      expect(response.status).toBe(404);
      break;
    case "refused":
      if (response.status === 302) expect(outcomeOf(response)?.tone).toBe("error");
      else expect(response.status).toBe(400);
      break;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  passwordHash = await hashPassword(PASSWORD);
  const db = database.db;

  const r1 = await createRegion(db, { name: "Regio Een" });
  const r2 = await createRegion(db, { name: "Regio Twee" });
  const d1 = await createDigibank(db, { regionId: r1.id, name: "Digibank Een" });
  const d2 = await createDigibank(db, { regionId: r1.id, name: "Digibank Twee" });
  const d3 = await createDigibank(db, { regionId: r2.id, name: "Digibank Drie" });
  const m1 = await createMunicipality(db, { regionId: r1.id });
  const m2 = await createMunicipality(db, { regionId: r2.id });
  const p1 = await createDigipunt(db, { digibankId: d1.id, municipalityId: m1.id });
  const p3 = await createDigipunt(db, { digibankId: d3.id, municipalityId: m2.id, kind: "mobile" });
  Object.assign(world, { r1: r1.id, r2: r2.id, d1: d1.id, d2: d2.id, d3: d3.id, m1: m1.id });
  Object.assign(world, { p1: p1.id, p3: p3.id });
  world.shift1 = (
    await createShift(db, { digipuntId: p1.id, startsAt: nextSlot(), capacity: 5 })
  ).id;
  world.shift3 = (
    await createShift(db, { digipuntId: p3.id, startsAt: nextSlot(), capacity: 5 })
  ).id;

  world.roles = {
    volunteerA: [{ role: "volunteer", digibankId: d1.id }],
    volunteerB: [{ role: "volunteer", digibankId: d3.id }],
    coordinator1: [{ role: "coordinator", digibankId: d1.id }],
    coordinator2: [{ role: "coordinator", digibankId: d3.id }],
    staff1: [{ role: "regional_staff", regionId: r1.id }],
    staff2: [{ role: "regional_staff", regionId: r2.id }],
    admin: [{ role: "admin" }],
  };
  world.users = {} as World["users"];
  world.emails = {} as World["emails"];
  for (const [persona, roles] of Object.entries(world.roles)) {
    const created = await person(roles);
    world.users[persona as keyof World["users"]] = created.id;
    world.emails[persona as keyof World["emails"]] = created.email;
  }

  await createMailTransport({ db }).send({
    from: "Digihelpers <noreply@digihelpers.test>",
    to: "jan@example.test",
    subject: "Een bericht",
    html: "<p>Hallo</p>",
    text: "Hallo",
  });
  world.mailboxId = (
    await db.selectFrom("mailbox_messages").select("id").executeTakeFirstOrThrow()
  ).id;

  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createHttpApp({
    build,
    db,
    jobs,
    appUrl: () => base,
    localMailbox: true,
    secret: "access-matrix-secret",
    mode: "production",
    trustProxy: false,
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  // One CSRF cookie and its token serve every browser: the token is not tied to the session.
  const page = new HttpClient(base);
  const token = await page.csrfToken("/");
  csrf = { cookie: page.cookieHeader(), token };
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (jobs) await stopJobQueue(jobs);
  await database?.destroy();
});

describe("the role-by-route access matrix", () => {
  for (const c of CASES) {
    for (const persona of PERSONAS) {
      const outcome = c.expect[persona];
      it(`${c.method} ${c.name} as ${persona}: ${outcome}`, async () => {
        const client = await browserOf(persona, c.twin ?? false);
        const { path, fields } = await c.request(world);
        // Counters of sign-in attempts and requests would refuse later runs from this address.
        await database.db.deleteFrom("rate_limits").execute();

        if (c.method === "GET") {
          expectAnswer(await client.get(path), outcome, c.ok);
          return;
        }
        const denied = outcome !== "ok";
        const before = denied ? await snapshotDatabase() : null;
        const response = await client.post(path, { ...fields, csrf: csrf.token });
        expectAnswer(response, outcome, c.ok);
        if (before) expect(await snapshotDatabase()).toEqual(before);
      });
    }
  }

  // The admin may do everything, so a refusal here can only come from the missing token.
  for (const c of CASES.filter((c) => c.method === "POST")) {
    it(`POST ${c.name} as admin without the CSRF token: forbidden`, async () => {
      const client = await browserOf("admin", c.twin ?? false);
      const { path, fields } = await c.request(world);
      const before = await snapshotDatabase();
      const response = await client.post(path, fields ?? {}, { csrf: false });
      expectAnswer(response, "forbidden", c.ok);
      expect(await snapshotDatabase()).toEqual(before);
    });
  }

  // Events: one-click unsubscribe (RFC 8058). The mail provider posts from its own servers: no
  // cookie, no Origin, no CSRF token; the signed token is the proof. Anyone holding the link may
  // use it, signed in as anybody or not; a bad body or token changes nothing.
  for (const persona of PERSONAS) {
    it(`POST /events/unsubscribe/:token one-click as ${persona}: 200, no redirect`, async () => {
      const { createEvent, createEventGuest, createEventInvitation } =
        await import("../factories/index.ts");
      const event = await createEvent(database.db, { regionId: world.r1 });
      const guest = await createEventGuest(database.db, {
        eventId: event.id,
        email: unique(`Guest-${persona}`),
      });
      const invitation = await createEventInvitation(database.db, {
        eventId: event.id,
        guestId: guest.id,
      });
      const path = `/events/unsubscribe/${await invitationToken(invitation)}`;
      const client = await browserOf(persona, false);
      const send = (body: string, type: string) =>
        fetch(base + path, {
          method: "POST",
          body,
          headers: { "Content-Type": type, Cookie: client.cookieHeader() },
          redirect: "manual",
        });
      const before = await snapshotDatabase();
      expect((await send('{"List-Unsubscribe":"One-Click"}', "application/json")).status).toBe(415);
      expect(
        (await send("List-Unsubscribe=Later", "application/x-www-form-urlencoded")).status,
      ).toBe(400);
      const tampered = await fetch(`${base}${tamper(path)}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      });
      expect(tampered.status).toBe(404);
      expect(await snapshotDatabase()).toEqual(before);
      const done = await send("List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
      expect(done.status).toBe(200);
      expect(done.headers.get("Location")).toBeNull();
      const optOut = await database.db
        .selectFrom("event_guest_opt_outs")
        .select("email")
        .where("email", "=", guest.email.toLowerCase())
        .executeTakeFirst();
      expect(optOut).toBeDefined();
    });
  }

  // Allowed pages show only what lies in the reader's scope.
  it("a coordinator's people page lists their own digibank's people, not the other one's", async () => {
    const one = await (await (await browserOf("coordinator1", false)).get("/people")).text();
    const two = await (await (await browserOf("coordinator2", false)).get("/people")).text();
    const admin = await (await (await browserOf("admin", false)).get("/people")).text();
    expect(one).toContain(world.emails.volunteerA);
    expect(one).not.toContain(world.emails.volunteerB);
    expect(two).toContain(world.emails.volunteerB);
    expect(two).not.toContain(world.emails.volunteerA);
    expect(admin).toContain(world.emails.volunteerA);
    expect(admin).toContain(world.emails.volunteerB);
    const filtered = await (
      await browserOf("coordinator1", false)
    ).get(`/people?digibank=${world.d3}`);
    expect(await filtered.text()).not.toContain(world.emails.volunteerB);
  });

  it("a coordinator sees the join requests of their own digibank only", async () => {
    const [forOne, forThree] = [await joinRequest(world.d1), await joinRequest(world.d3)];
    const emailOf = async (id: number) =>
      (
        await database.db
          .selectFrom("join_requests")
          .select("email")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).email;
    const page = await (
      await (await browserOf("coordinator1", false)).get("/people/requests")
    ).text();
    expect(page).toContain(await emailOf(forOne));
    expect(page).not.toContain(await emailOf(forThree));
  });

  it("a coordinator's planning pages and export hold their own digibank's shifts only", async () => {
    const one = await claimOnD1();
    const email = (
      await database.db
        .selectFrom("shift_claims")
        .innerJoin("users", "users.id", "shift_claims.user_id")
        .select("users.email")
        .where("shift_claims.id", "=", one.claimId)
        .executeTakeFirstOrThrow()
    ).email;
    const today = localParts(new Date()).date;
    const range = `from=${today}&to=${localParts(new Date(Date.now() + 30 * 24 * HOUR)).date}`;
    const until = localParts(new Date(Date.now() + 30 * 24 * HOUR)).date;
    const csvOf = async (persona: Persona) =>
      (
        await (
          await browserOf(persona, false)
        ).post("/planning/export.csv", { from: today, to: until, csrf: csrf.token })
      ).text();
    expect(await csvOf("coordinator1")).toContain(email);
    expect(await csvOf("admin")).toContain(email);
    expect(await csvOf("coordinator2")).not.toContain(email);
    const home = async (persona: Persona) =>
      (await (await browserOf(persona, false)).get(`/planning?${range}`)).text();
    expect(await home("coordinator1")).toContain(`/planning/shifts/${one.shiftId}`);
    expect(await home("coordinator2")).not.toContain(`/planning/shifts/${one.shiftId}`);
    const picked = async (persona: Persona) =>
      (
        await (await browserOf(persona, false)).get(`/planning?${range}&digibank=${world.d1}`)
      ).text();
    expect(await picked("admin")).toContain(`/planning/shifts/${one.shiftId}`);
    expect(await picked("coordinator2")).not.toContain(`/planning/shifts/${one.shiftId}`);
    const roster = await (
      await browserOf("coordinator1", false)
    ).get(`/planning/shifts/${one.shiftId}`);
    expect(await roster.text()).toContain(email);
  });

  it("the calendar feed and the shift list hold the reader's own digibanken's shifts only", async () => {
    const start = new Date(Date.now() - 24 * HOUR).toISOString();
    const end = new Date(Date.now() + 40 * 24 * HOUR).toISOString();
    const feedOf = async (persona: Persona) => {
      const response = await (
        await browserOf(persona, false)
      ).get(`/shifts/events?start=${start}&end=${end}`);
      return ((await response.json()) as Array<{ url: string }>).map((e) => e.url);
    };
    const [one, three] = [`/shifts/${world.shift1}`, `/shifts/${world.shift3}`];
    expect(await feedOf("volunteerA")).toContain(one);
    expect(await feedOf("volunteerA")).not.toContain(three);
    expect(await feedOf("volunteerB")).toContain(three);
    expect(await feedOf("volunteerB")).not.toContain(one);
    expect(await feedOf("staff1")).not.toContain(three);
    expect(await feedOf("admin")).toEqual(expect.arrayContaining([one, three]));
    // Asking for the other digibank by filter changes nothing.
    const filtered = await (
      await browserOf("volunteerA", false)
    ).get(`/shifts/events?start=${start}&end=${end}&digibank=${world.d3}`);
    expect(await filtered.json()).toEqual([]);
    const { starts_at } = await database.db
      .selectFrom("shifts")
      .select("starts_at")
      .where("id", "=", world.shift1)
      .executeTakeFirstOrThrow();
    const week = localParts(starts_at).date;
    const listOf = async (persona: Persona) =>
      (await (await browserOf(persona, false)).get(`/shifts/list?week=${week}`)).text();
    expect(await listOf("volunteerA")).toContain(`href="${one}"`);
    expect(await listOf("volunteerA")).not.toContain(`href="${three}"`);
  });

  it("the snapshot notices a change of one row (the control run)", async () => {
    const target = await person([]);
    const before = await snapshotDatabase();
    await database.db
      .updateTable("users")
      .set({ name: "Veranderd" })
      .where("id", "=", target.id)
      .execute();
    expect(await snapshotDatabase()).not.toEqual(before);
  });
});

// Bad input never gives a 500 and never writes: every action, asked by a persona allowed to use
// it and with a valid CSRF token (so each bad field reaches the schema), gets every kind of bad
// body and every kind of bad value in each of its fields; every page gets impossible ids in its
// path and bad values in its query string.
const TOO_BIG_IDS = ["2147483648", "99999999999999999999"];
const IMPOSSIBLE_DATE = "2027-02-30";
const OVER_LONG = "x".repeat(5000);
const FORM = "application/x-www-form-urlencoded";

/** The bad values for a field, chosen by what its good value looks like. */
function badValuesFor(value: string): string[] {
  if (/^\d+$/.test(value)) return TOO_BIG_IDS;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return [IMPOSSIBLE_DATE, `${value}\u0000`];
  const scope = /^(digibank|region):\d+$/.exec(value);
  if (scope) return TOO_BIG_IDS.map((id) => `${scope[1]}:${id}`);
  return [`${value.slice(0, 2)}\u0000${value.slice(2)}`, OVER_LONG];
}

const firstAllowed = (c: Case) => PERSONAS.find((p) => c.expect[p] === "ok");

/** Sends one bad request and checks it was refused with a 4xx and left the database as it was. */
async function expectRefusedUnchanged(label: string, send: () => Promise<Response>) {
  await database.db.deleteFrom("rate_limits").execute();
  const before = await snapshotDatabase();
  const response = await send();
  expect(response.status, label).toBeGreaterThanOrEqual(400);
  expect(response.status, label).toBeLessThan(500);
  await response.arrayBuffer();
  expect(await snapshotDatabase(), label).toEqual(before);
  return response;
}

describe("bad input: a 4xx, never a 500, and nothing written", () => {
  for (const c of CASES.filter((c) => c.method === "POST")) {
    const persona = firstAllowed(c);
    if (!persona) continue;

    it(`POST ${c.name} as ${persona}: bodies that are not forms, too large or with too many fields`, async () => {
      const client = await browserOf(persona, c.twin ?? false);
      const { path, fields = {} } = await c.request(world);
      const form = { ...fields, csrf: csrf.token };
      const encoded = new URLSearchParams(form).toString();
      const bodies: Array<[string, string, string | undefined, number]> = [
        ["JSON", JSON.stringify(form), "application/json", 415],
        ["text/plain", encoded, "text/plain", 415],
        ["no content type", encoded, undefined, 415],
        ["multipart without a boundary", encoded, "multipart/form-data", 400],
        [
          "multipart with a broken boundary",
          `--other\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf.token}\r\n--oth`,
          "multipart/form-data; boundary=expected",
          400,
        ],
        ["over 64 KB", `${encoded}&filler=${"x".repeat(70 * 1024)}`, FORM, 413],
        [
          "too many fields",
          `${encoded}&${Array.from({ length: 300 }, (_, i) => `f${i}=1`).join("&")}`,
          FORM,
          413,
        ],
      ];
      for (const [label, body, type, status] of bodies) {
        const response = await expectRefusedUnchanged(label, () =>
          client.postRaw(path, body, type),
        );
        expect(response.status, label).toBe(status);
      }
    });

    it(`POST ${c.name} as ${persona}: a NUL, an id past int4, an impossible date, an over-long value in each field`, async () => {
      const client = await browserOf(persona, c.twin ?? false);
      const { path, fields = {} } = await c.request(world);
      for (const [name, value] of Object.entries(fields))
        for (const bad of badValuesFor(value)) {
          const label = `${name}=${JSON.stringify(bad.slice(0, 40))}`;
          await expectRefusedUnchanged(label, () =>
            client.post(path, { ...fields, [name]: bad, csrf: csrf.token }),
          );
        }
    });
  }

  const PATH_ID = /\/(\d+)(?=\/|$|\?)/g;
  for (const c of CASES.filter((c) => c.method === "GET")) {
    const persona = firstAllowed(c);
    if (!persona) continue;
    it(`GET ${c.name} as ${persona}: impossible ids in the path, bad values in the query string`, async () => {
      const client = await browserOf(persona, false);
      const { path } = await c.request(world);
      const [pathname, query = ""] = path.split("?");
      for (const id of TOO_BIG_IDS)
        if (pathname!.match(PATH_ID)) {
          const bad = pathname!.replace(PATH_ID, `/${id}`) + (query ? `?${query}` : "");
          expect((await client.get(bad)).status, bad).toBe(404);
        }
      for (const [name, value] of new URLSearchParams(query))
        for (const badValue of badValuesFor(value)) {
          const params = new URLSearchParams(query);
          params.set(name, badValue);
          const response = await client.get(`${pathname}?${params}`);
          expect(response.status, `${name}=${badValue.slice(0, 40)}`).toBeLessThan(500);
        }
    });
  }

  // The filters and ranges of the list, calendar, planning, report and people pages.
  const QUERIES = [
    ["/shifts", "digibank", "digipunt", "municipality"],
    ["/shifts/list", "week", "digibank", "digipunt", "municipality"],
    ["/shifts/events", "start", "end", "digibank"],
    ["/planning", "from", "to", "digibank"],
    ["/planning/reports", "from", "to", "digibank"],
    ["/people", "digibank"],
    ["/regions", "saved"],
  ] as const;
  for (const [page, ...names] of QUERIES) {
    it(`GET ${page} with bad values in ${names.join(", ")}: never a 500`, async () => {
      const persona = page === "/regions" ? "admin" : "coordinator1";
      const client = await browserOf(persona, false);
      const values = [...TOO_BIG_IDS, IMPOSSIBLE_DATE, "2027-02-30T10:00:00", "\u0000", OVER_LONG];
      for (const name of names)
        for (const value of values) {
          const params = new URLSearchParams({ [name]: value });
          if (page === "/shifts/events" && name !== "start") params.set("start", "2027-01-01");
          if (page === "/shifts/events" && name !== "end") params.set("end", "2027-02-01");
          const response = await client.get(`${page}?${params}`);
          await response.arrayBuffer();
          expect(response.status, `${page}?${name}=${value.slice(0, 30)}`).toBeLessThan(500);
        }
    });
  }

  // Sends up to `total` bytes in 64 KB pieces and stops as soon as the answer comes: the status
  // and how much had been sent by then.
  async function sendLarge(path: string, total: number, { chunked }: { chunked: boolean }) {
    const url = new URL(path, base);
    const request = http.request(url, {
      method: "POST",
      headers: {
        Origin: base,
        Cookie: csrf.cookie,
        "Content-Type": FORM,
        ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(total) }),
      },
    });
    let answered = false;
    const answer = new Promise<number>((resolve, reject) => {
      request.once("response", (response) => {
        answered = true;
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.once("error", (error) => (answered ? undefined : reject(error)));
    });
    const piece = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    while (!answered && sent < total) {
      const flowing = request.write(piece);
      sent += piece.length;
      if (!flowing) await Promise.race([once(request, "drain"), answer.catch(() => undefined)]);
    }
    const status = await answer;
    request.destroy();
    return { status, sent };
  }

  it("a 50 MB form is refused with 413 before it has been sent", async () => {
    const total = 50 * 1024 * 1024;
    const { status, sent } = await sendLarge("/login", total, { chunked: false });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(total);
  });

  it("a chunked form past the limit is refused with 413 while it streams in", async () => {
    const total = 50 * 1024 * 1024;
    const { status, sent } = await sendLarge("/join", total, { chunked: true });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(total);
  });

  it("the refusal pages are in the reader's language", async () => {
    const client = await browserOf("anonymous", false);
    const page = async (body: string, type?: string) =>
      (
        await fetch(`${base}/join`, {
          method: "POST",
          body: new TextEncoder().encode(body),
          headers: {
            Cookie: client.cookieHeader(),
            Origin: base,
            "Accept-Language": "fr",
            ...(type ? { "Content-Type": type } : {}),
          },
        })
      ).text();
    expect(await page("{}", "application/json")).toContain("Ce formulaire n&#x27;est pas valable");
    expect(await page(`x=${"y".repeat(70 * 1024)}`, FORM)).toContain("C&#x27;est trop en une fois");
  });
});

// The training cases' targets: a course of D1 that volunteerA (a plain volunteer) teaches, with a
// session two days ago and one person enrolled, made fresh for each run.
function trainersOfD1(): Expectation {
  return {
    ...only(["volunteerA", "coordinator1", "staff1", "admin"]),
    volunteerB: "notfound",
    coordinator2: "notfound",
    staff2: "notfound",
  };
}

async function trainedCourse(w: World) {
  const { createCourse, createEnrolment } = await import("../factories/index.ts");
  const now = Date.now();
  const course = await createCourse(database.db, {
    regionId: w.r1,
    digibankId: w.d1,
    sessions: [new Date(now - 2 * 24 * 3600_000)],
    enrolOpensAt: new Date(now - 20 * 24 * 3600_000),
    enrolClosesAt: new Date(now - 3 * 24 * 3600_000),
    trainerUserIds: [w.users.volunteerA],
  });
  const learner = await person([{ role: "volunteer", digibankId: w.d1 }]);
  await createEnrolment(database.db, { courseId: course.id, userId: learner.id });
  return { courseId: course.id, sessionId: course.sessions[0]!.id, learnerId: learner.id };
}

// --- Helpers for the profiles cases.

// --- Helpers for the shift reports cases.

/** A good report, as the form posts it. */
const REPORT_FIELDS = {
  peopleHelped: "5",
  topics: "eid",
  hours: "2",
  minutes: "30",
  referrals: "1",
  reflection: "Vlot verlopen.",
};

// Started shifts, each in a past time slot of its own, so nobody's claims ever overlap.
let pastSlot = 0;

/** A fresh shift of D1 that started yesterday, with these people on it (by default everyone). */
async function workedShiftOfD1(w: World, claimants: number[] = everyone(w)) {
  const startsAt = new Date(Date.now() - 24 * 3600_000 - ++pastSlot * 3 * 3600_000);
  const shift = await createShift(database.db, {
    digipuntId: w.p1,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    capacity: 10,
  });
  for (const userId of claimants) await createClaim(database.db, { shiftId: shift.id, userId });
  return shift.id;
}

// --- Helpers for the experience cases.

// --- Helpers for the community board cases.

/** R1's board: its volunteers, coordinators and staff, and admins; the others find no such board. */
function boardOfR1(): Expectation {
  return {
    ...only(["volunteerA", "coordinator1", "staff1", "admin"]),
    volunteerB: "notfound",
    coordinator2: "notfound",
    staff2: "notfound",
  };
}

/** Hiding on R1's board: its coordinators and staff, admins; its volunteers may not (403). */
function moderatorsOfR1(): Expectation {
  return { ...boardOfR1(), volunteerA: "forbidden" };
}

/** A fresh post on R1's board by a fresh volunteer of D1: hidden, or thanked by every persona. */
async function boardPostOfR1({ hidden = false, thankedByAll = false } = {}) {
  const author = await person([{ role: "volunteer", digibankId: world.d1 }]);
  const row = await database.db
    .insertInto("board_posts")
    .values({
      region_id: world.r1,
      author_id: author.id,
      body: `Een tip ${++sequence}`,
      ...(hidden
        ? { hidden_at: new Date(), hidden_by: world.users.coordinator1, hidden_reason: "Reden" }
        : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (thankedByAll)
    await database.db
      .insertInto("board_thanks")
      .values(Object.values(world.users).map((user_id) => ({ post_id: row.id, user_id })))
      .execute();
  return row.id;
}

// --- Helpers for the reports cases.
/** Who opens the reports: coordinators, regional staff and admins; volunteers are refused. */
function reporters(): Expectation {
  return only(["coordinator1", "coordinator2", "staff1", "staff2", "admin"]);
}
/** D1's figures: its coordinator, R1's staff and admins; D3's coordinator and R2's staff get a 404. */
function reportsOfD1(): Expectation {
  return { ...reporters(), coordinator2: "notfound", staff2: "notfound" };
}
