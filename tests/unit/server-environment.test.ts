import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

// React picks its development or production build by NODE_ENV when it is first imported; the
// server is started without NODE_ENV (`npm start`, the test servers), so server/environment.ts
// must have set the default before anything imports React.

/** What a fresh Node process with no NODE_ENV sees after these imports. */
function reactBuildAfter(imports: string[]) {
  const code = [
    ...imports.map((name) => `import ${JSON.stringify(name)};`),
    'import React from "react";',
    // Only the development build keeps the current element for its warnings.
    "const internals = React.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED;",
    'console.log(JSON.stringify({ env: process.env.NODE_ENV ?? null, development: "ReactDebugCurrentFrame" in internals }));',
  ].join("\n");
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim()) as { env: string | null; development: boolean };
}

describe("the server's environment", () => {
  it("loads React's production build when NODE_ENV is not set", () => {
    expect(reactBuildAfter([])).toEqual({ env: null, development: true });
    expect(reactBuildAfter(["./server/environment.ts"])).toEqual({
      env: "production",
      development: false,
    });
  });

  it("is the server entry's first import", () => {
    const entry = fs.readFileSync("server/index.ts", "utf8");
    const firstImport = entry.match(/^import .*$/m)?.[0];
    expect(firstImport).toBe('import "./environment.ts";');
  });
});
