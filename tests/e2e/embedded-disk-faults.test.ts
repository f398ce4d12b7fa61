import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../db/migrate.ts";
import { MIN_FREE_BYTES, openDatabase } from "~/utils/db.server.ts";
import { createDigibank, createRegion } from "../factories/index.ts";
import { runServerToExit, temporaryDataDir } from "../support/server.ts";

// The embedded database's folder on a disk that is full, or read-only. As root, chmod does not
// stop our writes, so the folder is a small tmpfs of its own: filled up with a file, or remounted
// read-only. Mounting needs root (CAP_SYS_ADMIN); where it is refused the cases are skipped, and
// say so. The server must refuse to start with one sentence naming the folder and what to do,
// leave every file of the database as it was, and the data must be there once the disk is fixed.
// (The real server serving a folder it did not create: tests/e2e/server-lifecycle.test.ts.)

function mountsTmpfs(): boolean {
  const probe = temporaryDataDir();
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** A digest per file, to show that a refused start changed nothing in the folder. */
function digestFiles(folder: string): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    digests[path.relative(folder, file)] = crypto
      .createHash("sha256")
      .update(fs.readFileSync(file))
      .digest("hex");
  }
  return digests;
}

const canMount = mountsTmpfs();
if (!canMount) console.warn("embedded-disk-faults: cannot mount a tmpfs here (not root?): skipped");

describe.skipIf(!canMount)("the embedded database on a disk that is full or read-only", () => {
  let disk: string;
  let pgliteFolder: string;
  let before: Record<string, string>;

  beforeAll(async () => {
    disk = temporaryDataDir();
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=160m", "tmpfs", disk]);
    // Something written before the disk went bad.
    const database = await openDatabase({ dataDir: disk });
    await migrateToLatest(database.db);
    const region = await createRegion(database.db, { name: "Regio Waasland" });
    await createDigibank(database.db, { regionId: region.id, name: "Digibank Sint-Niklaas" });
    await database.close();
    pgliteFolder = path.join(disk, "pglite");
    before = digestFiles(pgliteFolder);
  });

  afterAll(() => {
    if (!disk) return;
    execFileSync("umount", [disk], { stdio: "ignore" });
    fs.rmSync(disk, { recursive: true, force: true });
  });

  it("refuses to start on a full disk, naming the folder and what to do, and changes nothing", async () => {
    const filler = path.join(disk, "filler");
    const { bavail, bsize } = fs.statfsSync(disk);
    // Leaves a few MB: less than the database needs, but a small write still fits.
    fs.writeFileSync(filler, Buffer.alloc(bavail * bsize - 4 * 1024 * 1024));
    expect(fs.statfsSync(disk).bavail * bsize).toBeLessThan(MIN_FREE_BYTES);

    const refused = await runServerToExit({ DATA_DIR: disk });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(
      `Digihelpers could not start. The disk holding the embedded database, ${pgliteFolder}, is full`,
    );
    expect(refused.output).toMatch(/free space on that disk, or set DATA_DIR to a folder/);
    expect(digestFiles(pgliteFolder)).toEqual(before);

    fs.rmSync(filler);
  });

  it("refuses to start on a read-only folder, naming it and what to do, and changes nothing", async () => {
    execFileSync("mount", ["-o", "remount,ro", disk]);
    try {
      const refused = await runServerToExit({ DATA_DIR: disk });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `Digihelpers could not start. The folder of the embedded database, ${pgliteFolder}, cannot be written to (read-only)`,
      );
      expect(refused.output).toMatch(/make it writable for this user, or set DATA_DIR/);
    } finally {
      execFileSync("mount", ["-o", "remount,rw", disk]);
    }
    expect(digestFiles(pgliteFolder)).toEqual(before);
  });

  it("keeps everything written before, readable once the disk is fixed", async () => {
    const database = await openDatabase({ dataDir: disk });
    try {
      const banks = await database.db
        .selectFrom("digibanks")
        .innerJoin("regions", "regions.id", "digibanks.region_id")
        .select(["digibanks.name as bank", "regions.name as region"])
        .execute();
      expect(banks).toEqual([{ bank: "Digibank Sint-Niklaas", region: "Regio Waasland" }]);
    } finally {
      await database.close();
    }
  });
});
