import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

// What a page makes a phone download, read from the production build (issue 15): the scripts of
// the entry, of the root and of the page's route, every chunk they import, and the catalog of the
// page's language (fetched when the page starts). npm run bench:pages measures the served pages.

const publicDir = path.resolve("public");
const buildDir = path.join(publicDir, "build");

interface Manifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
}

function readManifest(): Manifest {
  const file = fs.readdirSync(buildDir).find((name) => /^manifest-.*\.js$/.test(name));
  expect(file).toBeDefined();
  const text = fs.readFileSync(path.join(buildDir, file!), "utf8");
  return JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;$/, "")) as Manifest;
}

const source = (url: string) => fs.readFileSync(path.join(publicDir, url), "utf8");

/** Every script a page of this route loads: the static imports, followed to the end. */
function scriptsOf(manifest: Manifest, routeId: string): Set<string> {
  const start = [manifest.entry.module, ...(manifest.entry.imports ?? [])];
  for (const id of ["root", routeId]) {
    const route = manifest.routes[id];
    expect(route, id).toBeDefined();
    start.push(route!.module, ...(route!.imports ?? []));
  }
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    for (const match of source(url).matchAll(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g))
      queue.push(match[1]!);
  }
  // The Dutch catalog, imported when the page starts (app/utils/i18n.ts loadCatalog).
  const catalog = [...seen]
    .map((url) => source(url).match(/nl:\(\)=>import\("(\/build\/[^"]+\.js)"\)/)?.[1])
    .find(Boolean);
  expect(catalog).toBeDefined();
  seen.add(catalog!);
  return seen;
}

const gzipped = (urls: Set<string>) =>
  [...urls].reduce((sum, url) => sum + zlib.gzipSync(source(url)).length, 0);

/** Whether one of these scripts holds zod, or conform's form state. */
const holds = (urls: Set<string>, marker: string) =>
  [...urls].some((url) => source(url).includes(marker));
const ZOD = "ZodError";
const CONFORM = "__intent__";

describe("the scripts a page loads", () => {
  const manifest = readManifest();

  it("keep the volunteer's list of shifts under 150 KB gzipped", () => {
    const list = scriptsOf(manifest, "routes/shifts.list");
    expect(gzipped(list)).toBeLessThan(150 * 1024);
  });

  it("hold no zod and no conform on the home page, the shift list and the calendar", () => {
    for (const route of ["routes/_index", "routes/shifts.list", "routes/shifts._index"]) {
      const scripts = scriptsOf(manifest, route);
      expect([route, holds(scripts, ZOD), holds(scripts, CONFORM)]).toEqual([route, false, false]);
    }
  });

  it("hold no zod on the sign-in page, which the server alone checks", () => {
    expect(holds(scriptsOf(manifest, "routes/login"), ZOD)).toBe(false);
  });

  it("leave the calendar out of every page but the calendar's, which fetches it when it shows", () => {
    const calendar = /\/build\/_shared\/shift-calendar\.client-[^"]+\.js/;
    for (const route of ["routes/_index", "routes/shifts.list", "routes/login", "routes/account"]) {
      const scripts = [...scriptsOf(manifest, route)];
      expect([route, scripts.some((url) => calendar.test(url))]).toEqual([route, false]);
    }
    const page = source(manifest.routes["routes/shifts._index"]!.module);
    expect(page).toMatch(new RegExp(`import\\("${calendar.source}"\\)`));
  });
});
