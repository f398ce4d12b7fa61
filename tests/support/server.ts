import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the server printed so far. */
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The server entry in a clean environment: only what the test names, as on a fresh machine. */
function spawnServer(env: Record<string, string | undefined>) {
  return spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A folder for an embedded database, removed by the caller. */
export function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "digihelpers-e2e-"));
}

/**
 * Starts the real server (server/index.ts on the production build) on a free port, the way
 * `npm start` does, and waits until it says it is ready. With PROCESS_ROLE=worker `url` is
 * "worker": it serves no HTTP.
 */
export async function startServer(env: Record<string, string | undefined>): Promise<RunningServer> {
  // Production on PostgreSQL needs an SMTP relay; tests that read no mail name a closed port.
  const smtp = env.DATABASE_URL && !env.SMTP_URL ? { SMTP_URL: "smtp://127.0.0.1:9" } : {};
  const child = spawnServer({ PORT: "0", HOST: "127.0.0.1", ...smtp, ...env });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );

  // A worker (PROCESS_ROLE=worker) serves no HTTP: it says it is ready, with no address.
  const ready =
    env.PROCESS_ROLE === "worker" ? /(worker) is ready/ : /ready on (http:\/\/localhost:\d+)/;
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = output.match(ready);
      if (match) {
        child.stdout!.off("data", check);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) =>
      reject(new Error(`Server exited with ${code} before it was ready:\n${output}`)),
    );
  });

  return {
    url,
    process: child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the server entry to completion (for start-up failures) and returns its exit code and output. */
export async function runServerToExit(env: Record<string, string | undefined>) {
  const child = spawnServer(env);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { code, output };
}

/**
 * The app with its demo world, as a new user gets it: on a fresh embedded database by default, on a
 * seeded copy of the real PostgreSQL server when TEST_DATABASE_URL is set.
 */
export async function startDemoServer(extraEnv: Record<string, string> = {}) {
  if (process.env.TEST_DATABASE_URL) {
    const { createTestDatabase } = await import("./database.ts");
    const { seedDemoWorld } = await import("../../db/seed.ts");
    const database = await createTestDatabase();
    await seedDemoWorld(database.db);
    const server = await startServer({ DATABASE_URL: database.url!, ...extraEnv });
    return {
      server,
      /** The server's PostgreSQL copy, for a test that reads what the server wrote (its email). */
      databaseUrl: database.url as string | null,
      /** The embedded database's folder. */
      dataDir: null as string | null,
      async close() {
        await server.stop();
        await database.destroy();
      },
    };
  }
  const dataDir = temporaryDataDir();
  const server = await startServer({ DATA_DIR: dataDir, ...extraEnv });
  return {
    server,
    databaseUrl: null as string | null,
    dataDir: dataDir as string | null,
    async close() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
