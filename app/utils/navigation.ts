import type { Role } from "../../db/schema.ts";

// The main menu, by role. Each capability adds its entry here when it builds the page behind it, so
// the menu never links to a page that does not exist yet.

export interface NavigationItem {
  /** A key under `nav.` in the message catalogs. */
  key:
    | "home"
    | "shifts"
    | "myShifts"
    | "courses"
    | "events"
    | "experience"
    | "community"
    | "people"
    | "planning"
    | "account"
    | "digipunten"
    | "reports"
    | "regions";
  href: string;
}

interface Entry extends NavigationItem {
  /** Who sees it: everyone (visitors too), anyone signed in, or holders of these roles. */
  for: "everyone" | "signed_in" | readonly Role[];
}

const ENTRIES: readonly Entry[] = [
  { key: "home", href: "/", for: "everyone" },
  { key: "shifts", href: "/shifts", for: ["volunteer", "coordinator", "regional_staff", "admin"] },
  {
    key: "courses",
    href: "/courses",
    for: ["volunteer", "coordinator", "regional_staff", "admin"],
  },
  { key: "events", href: "/events", for: ["volunteer", "coordinator", "regional_staff", "admin"] },
  { key: "experience", href: "/account/experience", for: ["volunteer"] },
  {
    key: "community",
    href: "/community",
    for: ["volunteer", "coordinator", "regional_staff", "admin"],
  },
  { key: "people", href: "/people", for: ["admin", "coordinator"] },
  { key: "planning", href: "/planning", for: ["admin", "coordinator"] },
  { key: "regions", href: "/regions", for: ["admin", "regional_staff"] },
  { key: "reports", href: "/reports", for: ["admin", "coordinator", "regional_staff"] },
  { key: "account", href: "/account", for: "signed_in" },
];

/** The menu of a visitor (null) or of someone signed in with these roles. */
export function navigationFor(
  roles: readonly Role[] | null,
  entries: readonly Entry[] = ENTRIES,
): NavigationItem[] {
  return entries
    .filter((entry) => {
      if (entry.for === "everyone") return true;
      if (roles === null) return false;
      return entry.for === "signed_in" || entry.for.some((role) => roles.includes(role));
    })
    .map(({ key, href }) => ({ key, href }));
}
