import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The image (Dockerfile) runs server/index.ts through tsx from the files its last stage copies,
// with the dev dependencies pruned. No Docker daemon runs here or in CI, so this follows the
// server's imports instead: every file they reach must be in the image, and every package they
// reach must survive `npm prune --omit=dev`. The demo seed once imported tests/factories, which the
// image left out: the container stopped at its first start.

const root = path.resolve(".");
const manifest = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
};

/** The paths the image's last stage copies from the build stage, relative to /app. */
function imagePaths(): string[] {
  const dockerfile = fs.readFileSync("Dockerfile", "utf8");
  const lastStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
  return [...lastStage.matchAll(/^COPY --from=build (?:--chown=\S+ )?(.+) \S+$/gm)].flatMap(
    (match) => match[1]!.split(" ").map((source) => source.replace(/^\/app\//, "")),
  );
}

/** .dockerignore's lines as patterns, in order: the last one that matches a file wins. */
const ignorePatterns = fs
  .readFileSync(".dockerignore", "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => {
    const negated = line.startsWith("!");
    const pattern = negated ? line.slice(1) : line;
    const parts = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
    return { negated, regex: new RegExp(`^${parts.join("[^/]*")}(/|$)`) };
  });

/** Whether .dockerignore keeps this file out of the build stage. */
function ignored(file: string): boolean {
  let out = false;
  for (const { negated, regex } of ignorePatterns) if (regex.test(file)) out = !negated;
  return out;
}

/** The module specifiers a file imports at run time (type-only imports are erased by tsx). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier)
    ) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The local files and the packages reachable from these entry files. */
function reachable(entries: string[]) {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const queue = entries.map((entry) => path.resolve(entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith("node:") || builtinModules.includes(specifier)) continue;
      if (specifier.startsWith(".") || specifier.startsWith("~/")) {
        const base = specifier.startsWith("~/")
          ? path.join(root, "app", specifier.slice(2))
          : path.resolve(path.dirname(file), specifier);
        const target = [base, `${base}.ts`, `${base}.tsx`].find(
          (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
        );
        if (!target) throw new Error(`${path.relative(root, file)} imports ${specifier}: no file`);
        if (/\.tsx?$/.test(target)) queue.push(target);
        else files.add(target);
        continue;
      }
      const name = specifier.startsWith("@")
        ? specifier.split("/").slice(0, 2).join("/")
        : specifier.split("/")[0]!;
      packages.set(name, path.relative(root, file));
    }
  }
  return { files: [...files].map((file) => path.relative(root, file)), packages };
}

// What the image runs: the server (which loads the Remix build of app/), the database command of
// the upgrade guide, and the route modules the build is made of.
const entries = [
  "server/index.ts",
  "db/cli.ts",
  "app/root.tsx",
  "app/entry.server.tsx",
  ...fs
    .readdirSync("app/routes")
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => `app/routes/${name}`),
];

describe("the container image", () => {
  const { files, packages } = reachable(entries);

  it("holds every file the server and the database command import", () => {
    const copied = imagePaths();
    expect(copied).toContain("server");
    expect(files.length).toBeGreaterThan(100);
    const missing = files.filter(
      (file) =>
        ignored(file) || !copied.some((entry) => file === entry || file.startsWith(`${entry}/`)),
    );
    expect(missing).toEqual([]);
  });

  it("keeps every package they import after the dev dependencies are pruned", () => {
    expect(packages.size).toBeGreaterThan(10);
    const pruned = [...packages]
      .filter(([name]) => !(name in manifest.dependencies))
      .map(([name, from]) => `${name} (from ${from})`);
    expect(pruned).toEqual([]);
  });

  it("finds a file that .dockerignore leaves out, and one the last stage does not copy", () => {
    expect(ignored("tests/e2e/home.test.ts")).toBe(true);
    expect(ignored("tests/factories/index.ts")).toBe(false);
    expect(ignored("node_modules/react/index.js")).toBe(true);
    expect(ignored("app/root.tsx")).toBe(false);
    expect(imagePaths()).not.toContain("bench");
  });
});
