import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createHttpApp } from "../../server/app.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";

// The built app (the one build the e2e run makes) served in this process on a free port, against
// a test file's own database and job queue, so the test can shape its world with the factories.

export interface ListeningApp {
  base: string;
  close(): Promise<void>;
}

export async function listenBuiltApp(options: {
  db: Database;
  jobs: JobQueue;
  /** The cookie secret; one per test file keeps their sessions apart. */
  secret: string;
}): Promise<ListeningApp> {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  let base = "";
  const app = createHttpApp({
    build,
    db: options.db,
    jobs: options.jobs,
    appUrl: () => base,
    localMailbox: false,
    secret: options.secret,
    mode: "production",
    trustProxy: false,
  });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    base,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
