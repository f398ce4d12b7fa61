import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

// Browser tests run the real production build, made once per run.
export default function setup() {
  const remixCli = createRequire(import.meta.url).resolve("@remix-run/dev/dist/cli.js");
  execFileSync(process.execPath, [remixCli, "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
}
