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
    | "people"
    | "digipunten"
    | "reports"
    | "regions";
  href: string;
}

interface Entry extends NavigationItem {
  /** Who sees the entry: everyone (also visitors who are not signed in) or these roles. */
  for: "everyone" | readonly Role[];
}

const ENTRIES: readonly Entry[] = [{ key: "home", href: "/", for: "everyone" }];

export function navigationFor(
  roles: readonly Role[],
  entries: readonly Entry[] = ENTRIES,
): NavigationItem[] {
  return entries
    .filter((entry) => entry.for === "everyone" || entry.for.some((role) => roles.includes(role)))
    .map(({ key, href }) => ({ key, href }));
}
