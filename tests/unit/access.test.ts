import { describe, expect, it } from "vitest";
import { type Actor, may } from "~/modules/auth/access.server.ts";

const actor = (overrides: Partial<Actor>): Actor => ({
  id: 1,
  name: "Pieter",
  email: "pieter@example.be",
  language: "nl",
  roles: [],
  coordinatedDigibankIds: [],
  volunteerDigibankIds: [],
  staffRegionIds: [],
  coordinatedRegionIds: [],
  coordinatorRegionIds: [],
  volunteerRegionIds: [],
  ...overrides,
});

const coordinatorOfD1 = actor({
  roles: [{ role: "coordinator", regionId: null, digibankId: 1 }],
  coordinatedDigibankIds: [1],
});
const volunteer = (...digibankIds: number[]) => ({
  id: 9,
  roles: digibankIds.map((digibankId) => ({
    role: "volunteer" as const,
    regionId: null,
    digibankId,
  })),
});

describe("may: managing a person", () => {
  it("lets a coordinator manage a volunteer of their own digibank", () => {
    expect(may(coordinatorOfD1, { action: "manage_person", person: volunteer(1) })).toBe(true);
  });

  it("not a volunteer who also helps at a digibank the coordinator does not run", () => {
    expect(may(coordinatorOfD1, { action: "manage_person", person: volunteer(1, 3) })).toBe(false);
    expect(may(coordinatorOfD1, { action: "manage_person", person: volunteer(3) })).toBe(false);
  });

  it("never another coordinator, and never themselves", () => {
    const colleague = {
      id: 5,
      roles: [{ role: "coordinator" as const, regionId: null, digibankId: 1 }],
    };
    expect(may(coordinatorOfD1, { action: "manage_person", person: colleague })).toBe(false);
    expect(
      may(coordinatorOfD1, {
        action: "manage_person",
        person: { id: 1, roles: volunteer(1).roles },
      }),
    ).toBe(false);
  });

  it("gives nothing to someone not signed in", () => {
    expect(may(null, { action: "use_app" })).toBe(false);
  });
});
