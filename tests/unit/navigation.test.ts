import { describe, expect, it } from "vitest";
import { navigationFor } from "~/utils/navigation.ts";

describe("navigationFor", () => {
  const entries = [
    { key: "home", href: "/", for: "everyone" },
    { key: "myShifts", href: "/mijn-diensten", for: ["volunteer"] },
    { key: "digipunten", href: "/digipunten", for: ["coordinator", "admin"] },
    { key: "events", href: "/bijeenkomsten", for: ["regional_staff"] },
  ] as const;

  it("shows a visitor only what is for everyone", () => {
    expect(navigationFor([], entries).map((i) => i.key)).toEqual(["home"]);
  });

  it("adds the entries of each role a person holds, once, in menu order", () => {
    expect(navigationFor(["coordinator", "volunteer", "admin"], entries).map((i) => i.key)).toEqual(
      ["home", "myShifts", "digipunten"],
    );
    expect(navigationFor(["regional_staff"], entries).map((i) => i.key)).toEqual([
      "home",
      "events",
    ]);
  });

  it("gives the real menu a home entry for visitors", () => {
    expect(navigationFor(null)).toEqual([{ key: "home", href: "/" }]);
  });

  it("gives volunteers, coordinators, regional staff and admins the shifts, and nobody else", () => {
    for (const role of ["volunteer", "coordinator", "regional_staff", "admin"] as const)
      expect(navigationFor([role])).toContainEqual({ key: "shifts", href: "/shifts" });
    expect(navigationFor(null).map((i) => i.key)).not.toContain("shifts");
    expect(navigationFor([]).map((i) => i.key)).not.toContain("shifts");
  });

  it("gives volunteers, coordinators, regional staff and admins their invitations to gatherings, and nobody else", () => {
    const events = { key: "events", href: "/events" };
    for (const role of ["volunteer", "coordinator", "regional_staff", "admin"] as const)
      expect(navigationFor([role])).toContainEqual(events);
    for (const roles of [null, []] as const)
      expect(navigationFor(roles)).not.toContainEqual(events);
  });

  it("gives coordinators and administrators the planning pages, and nobody else", () => {
    const planning = { key: "planning", href: "/planning" };
    expect(navigationFor(["coordinator"])).toContainEqual(planning);
    expect(navigationFor(["admin"])).toContainEqual(planning);
    for (const roles of [null, [], ["volunteer"], ["regional_staff"]] as const)
      expect(navigationFor(roles)).not.toContainEqual(planning);
  });

  it("gives regional staff and administrators the region settings, and nobody else", () => {
    const regions = { key: "regions", href: "/regions" };
    expect(navigationFor(["regional_staff"])).toContainEqual(regions);
    expect(navigationFor(["admin"])).toContainEqual(regions);
    for (const roles of [null, [], ["volunteer"], ["coordinator"]] as const)
      expect(navigationFor(roles)).not.toContainEqual(regions);
  });

  it("gives coordinators, regional staff and administrators the reports, and nobody else", () => {
    const reports = { key: "reports", href: "/reports" };
    for (const role of ["coordinator", "regional_staff", "admin"] as const)
      expect(navigationFor([role])).toContainEqual(reports);
    for (const roles of [null, [], ["volunteer"]] as const)
      expect(navigationFor(roles)).not.toContainEqual(reports);
  });

  it("gives everyone signed in, whatever their roles, a link to their own account", () => {
    for (const roles of [[], ["volunteer"], ["coordinator", "admin"]] as const)
      expect(navigationFor(roles)).toContainEqual({ key: "account", href: "/account" });
  });
});
