import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

// End-to-end tests run the real production build, made once per run: the two end-to-end projects
// both ask for it, and the second finds it made.
export default function setup() {
  if (process.env.DIGIHELPERS_TEST_BUILD_DONE === String(process.pid)) return;
  const remixCli = createRequire(import.meta.url).resolve("@remix-run/dev/dist/cli.js");
  execFileSync(process.execPath, [remixCli, "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  process.env.DIGIHELPERS_TEST_BUILD_DONE = String(process.pid);
}
