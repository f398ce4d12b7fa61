import { describe, expect, it } from "vitest";
import { catalogProblems } from "~/locales/check.ts";
import en from "~/locales/en/index.ts";
import fr from "~/locales/fr/index.ts";
import nl from "~/locales/nl/index.ts";
import enLegal from "~/locales/en/legal.ts";
import frLegal from "~/locales/fr/legal.ts";
import nlLegal from "~/locales/nl/legal.ts";

describe("message catalogs", () => {
  it.each([
    ["fr", fr],
    ["en", en],
  ])("%s has every key Dutch has, with the same placeholders", (_lng, catalog) => {
    expect(catalogProblems(nl, catalog)).toEqual([]);
  });

  // The legal texts are a server-only namespace, outside index.ts (docs/decisions/030).
  it.each([
    ["fr", frLegal],
    ["en", enLegal],
  ])("%s has every legal text Dutch has, with the same placeholders", (_lng, catalog) => {
    // Lists of items (arrays) are compared item by item, like keys "0", "1"...
    const tree = (value: unknown) => value as Parameters<typeof catalogProblems>[0];
    expect(catalogProblems(tree(nlLegal), tree(catalog))).toEqual([]);
  });

  it("reports a key Dutch has and a translation lacks", () => {
    const source = { home: { title: "Start", count: "{{count}} digipunten" } };
    expect(catalogProblems(source, { home: { title: "Home" } })).toEqual(["missing: home.count"]);
  });

  it("reports empty translations and placeholders that differ", () => {
    const source = { a: "Hallo {{name}}", b: "Dag" };
    expect(catalogProblems(source, { a: "Hello {{naam}}", b: " " })).toEqual([
      "placeholders differ: a",
      "empty: b",
    ]);
  });
});
