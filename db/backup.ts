import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase } from "../app/utils/db.server.ts";
import type { Env } from "../app/utils/env.server.ts";

// The backup commands of docs/operations/backups.md. On PostgreSQL a backup is pg_dump's custom
// format (restored with pg_restore, which an operator runs with their own options). The embedded
// database is copied with PGlite's own dump, a consistent tar.gz of its folder, taken while no
// other process has the folder open (openDatabase's lock refuses a running app).

/** Writes a backup of the database to `file`, and says what it did. */
export async function backupDatabase(env: Env, file: string): Promise<string> {
  if (fs.existsSync(file)) throw new Error(`${file} already exists: name a new file.`);
  if (env.DATABASE_URL) {
    await promisify(execFile)("pg_dump", [
      "--format=custom",
      "--no-owner",
      `--file=${file}`,
      env.DATABASE_URL,
    ]);
    return `PostgreSQL dumped to ${file} (restore it with pg_restore).`;
  }
  const database = await openDatabase({ dataDir: env.DATA_DIR });
  try {
    const dump = await database.pglite!.dumpDataDir("gzip");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  return `Embedded database in ${path.resolve(env.DATA_DIR, "pglite")} copied to ${file}.`;
}

/** Fills an empty DATA_DIR with a backup of the embedded database made by backupDatabase. */
export async function restoreEmbeddedDatabase(env: Env, file: string): Promise<string> {
  if (env.DATABASE_URL)
    throw new Error("On PostgreSQL, restore a dump with pg_restore into an empty database.");
  const folder = path.resolve(env.DATA_DIR, "pglite");
  if (fs.existsSync(folder) && fs.readdirSync(folder).length > 0)
    throw new Error(
      `${folder} is not empty: move it aside (keep it until the restored copy is checked), then restore again.`,
    );
  const backup = new Blob([fs.readFileSync(file)], { type: "application/x-gzip" });
  const database = await openDatabase({ dataDir: env.DATA_DIR, loadDataDir: backup });
  await database.close();
  return `Embedded database in ${folder} restored from ${file}.`;
}
