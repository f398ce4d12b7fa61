import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";

// The Nu HTML Checker as one web service for the whole browser run: a Java start and its warm-up
// cost seconds, which every browser file used to pay again in its own command-line run. The service
// starts in the background; the first check waits for it (tests/support/browser.ts).

declare module "vitest" {
  export interface ProvidedContext {
    htmlCheckerUrl: string;
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

export default async function setup(project: {
  provide(key: "htmlCheckerUrl", value: string): void;
}) {
  const jar = String(createRequire(import.meta.url)("vnu-jar"));
  const port = await freePort();
  const checker: ChildProcess = spawn(
    "java",
    [
      "-cp",
      jar,
      "-Dnu.validator.servlet.bind-address=127.0.0.1",
      "nu.validator.servlet.Main",
      String(port),
    ],
    { stdio: "ignore" },
  );
  project.provide("htmlCheckerUrl", `http://127.0.0.1:${port}/`);
  return async () => {
    if (checker.exitCode !== null) return;
    checker.kill();
    await new Promise((resolve) => checker.once("exit", resolve));
  };
}
