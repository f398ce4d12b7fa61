import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignRole,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe("core schema", () => {
  it("keeps e-mail addresses unique regardless of case", async () => {
    await createUser(database.db, { email: "An.Peeters@example.be" });
    await expect(createUser(database.db, { email: "an.peeters@EXAMPLE.be" })).rejects.toThrow(
      /users_email_unique/,
    );
  });

  it("refuses an address with surrounding spaces or without @", async () => {
    await expect(createUser(database.db, { email: " jan@example.be" })).rejects.toThrow(/check/);
    await expect(createUser(database.db, { email: "jan.example.be" })).rejects.toThrow(/check/);
  });

  it("only knows Dutch, French and English", async () => {
    await expect(createUser(database.db, { language: "de" as "nl" })).rejects.toThrow(/check/);
  });

  it("ties each role to the scope it may have", async () => {
    const region = await createRegion(database.db);
    const digibank = await createDigibank(database.db, { regionId: region.id });
    const user = await createUser(database.db);
    const ok = [
      { role: "admin" },
      { role: "regional_staff", regionId: region.id },
      { role: "coordinator", digibankId: digibank.id },
      { role: "coordinator", regionId: region.id },
      { role: "volunteer", digibankId: digibank.id },
    ] as const;
    for (const assignment of ok) await assignRole(database.db, { userId: user.id, ...assignment });

    const wrong = [
      { role: "admin", regionId: region.id },
      { role: "regional_staff" },
      { role: "regional_staff", digibankId: digibank.id },
      { role: "coordinator" },
      { role: "coordinator", regionId: region.id, digibankId: digibank.id },
      { role: "volunteer", regionId: region.id },
    ] as const;
    const other = await createUser(database.db);
    for (const assignment of wrong) {
      await expect(assignRole(database.db, { userId: other.id, ...assignment })).rejects.toThrow(
        /role_assignments_scope/,
      );
    }
  });

  it("holds one assignment per role and scope", async () => {
    const region = await createRegion(database.db);
    const user = await createUser(database.db);
    await assignRole(database.db, { userId: user.id, role: "admin" });
    await expect(assignRole(database.db, { userId: user.id, role: "admin" })).rejects.toThrow(
      /role_assignments_unique/,
    );
    await assignRole(database.db, { userId: user.id, role: "regional_staff", regionId: region.id });
    await expect(
      assignRole(database.db, { userId: user.id, role: "regional_staff", regionId: region.id }),
    ).rejects.toThrow(/role_assignments_unique/);
  });

  it("needs an address for a fixed digipunt, not for a mobile one", async () => {
    const region = await createRegion(database.db);
    const municipality = await createMunicipality(database.db, { regionId: region.id });
    const digibank = await createDigibank(database.db, { regionId: region.id });
    const base = { digibankId: digibank.id, municipalityId: municipality.id };
    await expect(
      createDigipunt(database.db, { ...base, kind: "fixed", address: null }),
    ).rejects.toThrow(/digipunten_fixed_has_address/);
    const bus = await createDigipunt(database.db, { ...base, kind: "mobile", address: null });
    expect(bus).toMatchObject({ kind: "mobile", address: null });
  });

  it("reads date columns as plain dates and instants as Date objects", async () => {
    const user = await createUser(database.db, { volunteeringSince: "2012-03-01" });
    expect(user.volunteering_since).toBe("2012-03-01");
    expect(user.created_at).toBeInstanceOf(Date);
  });
});
