import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.ts";
import { openDatabase } from "~/utils/db.server.ts";
import { createDigibank, createRegion } from "../factories/index.ts";

// `npm run db:backup` and `npm run db:restore` on the embedded database: a copy taken with PGlite's
// own dump restores into an empty folder with everything in it; a backup is refused while another
// process has the folder open (two PGlite processes on one folder would damage it), and a restore
// never overwrites a folder that holds a database.

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/cli.ts", ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...env,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("backing up the embedded database", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "digihelpers-backup-"));
  const dataDir = path.join(root, "data");
  const restoredDir = path.join(root, "restored");
  const file = path.join(root, "digihelpers.tar.gz");

  beforeAll(async () => {
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database.db);
    const region = await createRegion(database.db, { name: "Regio Waasland" });
    await createDigibank(database.db, { regionId: region.id, name: "Digibank Sint-Niklaas" });
    await database.close();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("refuses while another process has the folder open, naming it", async () => {
    const running = await openDatabase({ dataDir });
    try {
      const refused = await runCli(["backup", file], { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `The embedded database in ${path.join(dataDir, "pglite")} is in use by another process (pid ${process.pid})`,
      );
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await running.close();
    }
  });

  it("copies it with the app stopped, and restores the copy into an empty folder only", async () => {
    const backup = await runCli(["backup", file], { DATA_DIR: dataDir });
    expect(backup.output).toContain(`copied to ${file}`);
    expect(backup.code).toBe(0);

    const restore = await runCli(["restore", file], { DATA_DIR: restoredDir });
    expect(restore.output).toContain("restored from");
    expect(restore.code).toBe(0);
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      const banks = await restored.db
        .selectFrom("digibanks")
        .innerJoin("regions", "regions.id", "digibanks.region_id")
        .select(["digibanks.name as bank", "regions.name as region"])
        .execute();
      expect(banks).toEqual([{ bank: "Digibank Sint-Niklaas", region: "Regio Waasland" }]);
    } finally {
      await restored.close();
    }

    const again = await runCli(["restore", file], { DATA_DIR: restoredDir });
    expect(again.code).toBe(1);
    expect(again.output).toContain("is not empty: move it aside");
    // Three processes, each starting PGlite: more than the default minute on a busy machine.
  }, 240_000);
});
