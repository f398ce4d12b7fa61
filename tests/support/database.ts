import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrateToLatest } from "../../db/migrate.ts";
import { type DatabaseHandle, openDatabase } from "../../app/utils/db.server.ts";
import { databaseUrl } from "./global-database.ts";

export interface TestDatabase extends DatabaseHandle {
  /** The postgres:// URL of this copy, for a server process; null on PGlite. */
  url: string | null;
  /** Closes the connections and, on PostgreSQL, drops the copy. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the template, or in-memory PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  const template = inject("templateDatabase");
  if (!base || !template) {
    const handle = await openDatabase({ dataDir: "memory" });
    await migrateToLatest(handle.db);
    return { ...handle, url: null, destroy: handle.close };
  }

  // Named after the template, so a later run recognises it as a leftover of this one.
  const name = `${template}_${crypto.randomBytes(4).toString("hex")}`;
  await adminQuery(base, `create database "${name}" template "${template}"`);
  const url = databaseUrl(base, name);
  const handle = await openDatabase({ databaseUrl: url, poolMax: 20 });
  return {
    ...handle,
    url,
    destroy: async () => {
      await handle.close();
      await adminQuery(base, `drop database if exists "${name}" with (force)`);
    },
  };
}

async function adminQuery(base: string, text: string) {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A row count per table, to show that a refused action changed nothing. */
export async function snapshotCounts(handle: DatabaseHandle, tables: readonly string[]) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await handle.db
      .selectFrom(table as "users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
