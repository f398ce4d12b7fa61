import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import {
  assignRole,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { type RunningServer, startServer } from "../support/server.ts";

// 200 volunteers press "claim" on the same 3-spot shift at once, through the real server on the
// real PostgreSQL server: exactly 3 get it, everyone else is told it is full, and nobody gets a 500.
// The control run drops the capacity constraint and shows that the same requests overbook.

const VOLUNTEERS = 200;

describe.skipIf(!process.env.TEST_DATABASE_URL)("claiming the last spots all at once", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let digipuntId: number;
  let cookies: string[];
  let csrf: { cookie: string; token: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const region = await createRegion(db);
    const municipality = await createMunicipality(db, { regionId: region.id });
    const digibank = await createDigibank(db, { regionId: region.id });
    digipuntId = (
      await createDigipunt(db, { digibankId: digibank.id, municipalityId: municipality.id })
    ).id;
    cookies = [];
    for (let i = 0; i < VOLUNTEERS; i++) {
      const user = await createUser(db);
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: digibank.id });
      cookies.push(
        (await startSession(db, new Request("http://127.0.0.1/"), user.id)).split(";")[0]!,
      );
    }
    server = await startServer({ DATABASE_URL: database.url!, DATABASE_POOL_MAX: "20" });
    // The CSRF token is tied to its cookie, not to the session: one pair serves every volunteer.
    const page = new HttpClient(server.url);
    const token = await page.csrfToken("/");
    csrf = { cookie: page.cookieHeader(), token };
  });

  afterAll(async () => {
    await server?.stop();
    await database?.destroy();
  });

  async function claimAllAtOnce(shiftId: number) {
    return Promise.all(
      cookies.map(async (session) => {
        const response = await fetch(`${server.url}/shifts/${shiftId}`, {
          method: "POST",
          body: new URLSearchParams({ intent: "claim", csrf: csrf.token }),
          headers: { Cookie: `${session}; ${csrf.cookie}`, Origin: server.url },
          redirect: "manual",
        });
        return { status: response.status, outcome: outcomeOf(response) };
      }),
    );
  }

  async function confirmed(shiftId: number) {
    const rows = await database.db
      .selectFrom("shift_claims")
      .select("id")
      .where("shift_id", "=", shiftId)
      .where("status", "=", "confirmed")
      .execute();
    return rows.length;
  }

  it("leaves exactly 3 confirmed, tells the rest it is full, and never answers 500", async () => {
    const shift = await createShift(database.db, {
      digipuntId,
      startsAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      capacity: 3,
    });
    const answers = await claimAllAtOnce(shift.id);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Post/redirect/get for everyone: a confirmation for the three who got a spot, the reason
    // for the others, each told by the page the redirect leads to.
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    const messages = answers.map((a) => a.outcome?.message);
    expect(messages.filter((m) => m === "shifts:done.claimed")).toHaveLength(3);
    expect(messages.filter((m) => m === "shifts:refusals.full")).toHaveLength(VOLUNTEERS - 3);
    expect(await confirmed(shift.id)).toBe(3);
  });

  it("control: with the capacity constraint dropped, the same requests overbook", async () => {
    const shift = await createShift(database.db, {
      digipuntId,
      startsAt: new Date(Date.now() + 8 * 24 * 60 * 60 * 1000),
      capacity: 3,
    });
    await sql`alter table shifts drop constraint shifts_capacity`.execute(database.db);
    try {
      await claimAllAtOnce(shift.id);
      expect(await confirmed(shift.id)).toBeGreaterThan(3);
    } finally {
      await database.db.deleteFrom("shift_claims").where("shift_id", "=", shift.id).execute();
      await sql`alter table shifts add constraint shifts_capacity
        check (confirmed_count <= capacity)`.execute(database.db);
    }
  });
});
