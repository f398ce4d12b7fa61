import type { AppLoadContext } from "@remix-run/node";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import { getAuth } from "~/modules/auth/guards.server.ts";
import { reportCards, volunteerCards } from "~/modules/home/cards.server.ts";
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

  it("is read once per page view, though Remix gives each loader its own copy of the request", async () => {
    const db = database.db;
    const user = await createUser(db);
    const cookie = (await startSession(db, request(), user.id)).split(";")[0]!;
    const { db: counted, counter } = counting(db);
    const context = { db: counted } as unknown as AppLoadContext;

    // The root loader's copy and the page loader's copy of one GET.
    const root = await getAuth(request(cookie), context);
    const page = await getAuth(request(cookie), context);
    expect(page).toBe(root);
    expect(counter.statements).toBe(1);

    // Another HTTP request has its own context; an action reads its own, whatever it shares.
    await getAuth(request(cookie), { db: counted } as unknown as AppLoadContext);
    expect(counter.statements).toBe(2);
    const post = new Request("http://localhost/", { method: "POST", headers: { Cookie: cookie } });
    expect((await getAuth(post, context)).actor?.id).toBe(user.id);
    expect(counter.statements).toBe(3);
    // A different cookie on the same context is never answered from another's entry.
    expect((await getAuth(request(), context)).actor).toBeNull();
  });
});

describe("the home page's cards", () => {
  it("read a volunteer's shifts once for both shift cards, and the report card only its totals", async () => {
    const db = database.db;
    const region = await createRegion(db);
    const bank = await createDigibank(db, { regionId: region.id });
    const volunteer = await createUser(db);
    await assignRole(db, { userId: volunteer.id, role: "volunteer", digibankId: bank.id });
    const coordinator = await createUser(db);
    await assignRole(db, { userId: coordinator.id, role: "coordinator", digibankId: bank.id });
    const context = { language: "nl" as const, now: new Date() };

    const { db: counted, counter } = counting(db);
    await volunteerCards.cards(counted, (await loadActor(db, volunteer.id))!, context);
    // The reader's digibanken, the window's shifts, their skills, their course sessions.
    expect(counter.statements).toBe(4);

    counter.statements = 0;
    await reportCards.cards(counted, (await loadActor(db, coordinator.id))!, context);
    // The digibanken they see, and the month's work and fill at the total level.
    expect(counter.statements).toBe(3);
  });
});
