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

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    project.provide("templateDatabase", null);
    return;
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // Leftovers of runs that were killed before their teardown.
  const stale = await admin.query<{ datname: string }>(
    "select datname from pg_database where datname like $1 and datname not like $2",
    [`${DATABASE_PREFIX}%`, `${DATABASE_PREFIX}${process.pid}_%`],
  );
  for (const { datname } of stale.rows) {
    await admin.query(`drop database if exists "${datname}" with (force)`);
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
