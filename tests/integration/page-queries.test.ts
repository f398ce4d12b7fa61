import type { AppLoadContext } from "@remix-run/node";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import { getAuth } from "~/modules/auth/guards.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import type { Database } from "~/utils/db.server.ts";
import { assignRole, createDigibank, createRegion, createUser } from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";

// What every signed-in page pays before its own work: the queries behind its session and actor.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

/** The database, counting the statements sent through it. */
function counting(db: Database) {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      counter.statements++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { db: db.withPlugin(plugin), counter };
}

const request = (cookie?: string) =>
  new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} });

describe("a signed-in request", () => {
  it("finds its session and its actor, roles and scope included, in one query", async () => {
    const db = database.db;
    const region = await createRegion(db);
    const bank = await createDigibank(db, { regionId: region.id });
    const other = await createDigibank(db, { regionId: region.id });
    const user = await createUser(db);
    await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
    await assignRole(db, { userId: user.id, role: "coordinator", regionId: region.id });
    const cookie = (await startSession(db, request(), user.id)).split(";")[0]!;

    const { db: counted, counter } = counting(db);
    const context = { db: counted } as unknown as AppLoadContext;
    const auth = await getAuth(request(cookie), context);

    expect(counter.statements).toBe(1);
    expect(auth.actor).toEqual(await loadActor(db, user.id));
    expect(auth.actor).toMatchObject({
      volunteerDigibankIds: [bank.id],
      coordinatedDigibankIds: [bank.id, other.id].sort((a, b) => a - b),
      coordinatedRegionIds: [region.id],
    });
    expect(auth.sessionId).not.toBeNull();
  });

  it("finds no actor for a disabled account, and no statement without a session cookie", async () => {
    const db = database.db;
    const user = await createUser(db);
    const cookie = (await startSession(db, request(), user.id)).split(";")[0]!;
    await db.updateTable("users").set({ status: "disabled" }).where("id", "=", user.id).execute();

    const { db: counted, counter } = counting(db);
    const context = { db: counted } as unknown as AppLoadContext;
    expect((await getAuth(request(cookie), context)).actor).toBeNull();
    expect((await getAuth(request(), context)).actor).toBeNull();
    expect(counter.statements).toBe(1);
  });
});
