import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "~/modules/auth/access.server.ts";
import { listManagedRegions, setReleaseCutoff } from "~/modules/places/regions.server.ts";
import { assignRole, createRegion, createUser } from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

async function person(role: "regional_staff" | "admin" | "coordinator", regionId?: number) {
  const user = await createUser(database.db);
  await assignRole(database.db, { userId: user.id, role, regionId: regionId ?? null });
  return (await loadActor(database.db, user.id))!;
}

async function cutoffOf(regionId: number) {
  const row = await database.db
    .selectFrom("regions")
    .select("release_cutoff_hours")
    .where("id", "=", regionId)
    .executeTakeFirstOrThrow();
  return row.release_cutoff_hours;
}

describe("region settings", () => {
  it("lets regional staff change their own region's release cut-off, and records who did", async () => {
    const mine = await createRegion(database.db);
    const theirs = await createRegion(database.db);
    const staff = await person("regional_staff", mine.id);
    expect((await listManagedRegions(database.db, staff)).map((r) => r.id)).toEqual([mine.id]);
    expect(await cutoffOf(mine.id)).toBe(24);

    expect(await setReleaseCutoff(database.db, staff, mine.id, 48)).toEqual({
      ok: true,
      name: mine.name,
    });
    expect(await cutoffOf(mine.id)).toBe(48);
    const audit = await database.db
      .selectFrom("audit_events")
      .select(["actor_id", "details"])
      .where("action", "=", "region_settings_changed")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_id: staff.id,
      details: { regionId: mine.id, releaseCutoffHours: { from: 24, to: 48 } },
    });

    expect(await setReleaseCutoff(database.db, staff, theirs.id, 1)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await cutoffOf(theirs.id)).toBe(24);
  });

  it("refuses coordinators, even of the region; admins manage every region", async () => {
    const region = await createRegion(database.db);
    const coordinator = await person("coordinator", region.id);
    expect(await listManagedRegions(database.db, coordinator)).toEqual([]);
    expect(await setReleaseCutoff(database.db, coordinator, region.id, 2)).toMatchObject({
      ok: false,
    });
    const admin = await person("admin");
    expect((await listManagedRegions(database.db, admin)).map((r) => r.id)).toContain(region.id);
    expect(await setReleaseCutoff(database.db, admin, region.id, 0)).toEqual({
      ok: true,
      name: region.name,
    });
    expect(await cutoffOf(region.id)).toBe(0);
    expect(await setReleaseCutoff(database.db, admin, 999_999, 0)).toEqual({
      ok: false,
      reason: "not_found",
    });
  });

  it("the database refuses a cut-off outside 0 to 168 hours", async () => {
    const region = await createRegion(database.db);
    const admin = await person("admin");
    await expect(setReleaseCutoff(database.db, admin, region.id, 500)).rejects.toThrow();
    expect(await cutoffOf(region.id)).toBe(24);
  });
});
