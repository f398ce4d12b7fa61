import crypto from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../../db/migrate.ts";

// With TEST_DATABASE_URL (the real PostgreSQL server), migrate one template database per run;
// each test file then copies it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
// Without it, tests use in-memory PGlite and there is nothing to prepare.

export const DATABASE_PREFIX = "dh_test_";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string | null;
  }
}

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("templateDatabase", null);
    return;
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // Leftovers of runs that were killed before their teardown: their names carry the pid of a
  // process that no longer exists. Runs still going (another terminal) keep theirs.
  const existing = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like $1",
    [`${DATABASE_PREFIX}%`],
  );
  for (const { datname } of existing.rows) {
    const pid = Number(datname.slice(DATABASE_PREFIX.length).split("_")[0]);
    if (Number.isInteger(pid) && !isRunning(pid)) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
  }

  const template = `${DATABASE_PREFIX}${process.pid}_tpl_${crypto.randomBytes(3).toString("hex")}`;
  await admin.query(`create database "${template}"`);
  const db = new Kysely<any>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: databaseUrl(base, template), max: 1 }),
    }),
  });
  await migrateToLatest(db);
  await db.destroy();
  project.provide("templateDatabase", template);

  return async () => {
    await admin.query(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}
