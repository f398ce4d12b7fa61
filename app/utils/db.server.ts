import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect, type Transaction, sql } from "kysely";
import pg from "pg";
import type { DB } from "../../db/schema.ts";
import { logger } from "./log.server.ts";

const log = logger.child({ component: "db" });

// The one gateway to the database: everything reaches PostgreSQL (or embedded PGlite) through the
// Kysely instance made here.

export type Database = Kysely<DB>;

/**
 * Runs `fn` in the caller's transaction when there is one, otherwise in a new one: domain
 * functions stay composable (the demo seed runs them all in one transaction).
 */
export function inTransaction<T>(
  db: Kysely<DB> | Transaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** The embedded database, for the job queue that shares it; null on a PostgreSQL server. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const DATE_ARRAY_OID = 1182;
const TIME_OID = 1083;
const TEXT_ARRAY_OID = 1009;
// `date` columns stay YYYY-MM-DD strings: turning them into Date objects would shift them by the
// process's time zone. A `date[]` is a list of such strings (pg would make Dates of them; PGlite
// parses each element with the date parser below).
pg.types.setTypeParser(DATE_OID, (value: string) => value);
// pg's list of type ids names no array types.
type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
pg.types.setTypeParser(
  DATE_ARRAY_OID as TypeId,
  pg.types.getTypeParser(TEXT_ARRAY_OID as TypeId) as (value: string) => string[],
);
/** A wall-clock `time` as HH:MM, as forms and the recurrence code write it (whole minutes). */
const readTime = (value: string) => (/^\d\d:\d\d:00$/.test(value) ? value.slice(0, 5) : value);
pg.types.setTypeParser(TIME_OID, readTime);

export interface OpenDatabaseOptions {
  /** A postgres:// URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; "memory" keeps it in memory (tests). */
  dataDir?: string;
  poolMax?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      // Fail fast while the server is unreachable, so /healthz can answer 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
    });
    // A client whose connection drops emits "error", idle in the pool or checked out mid-query (the
    // query itself rejects too). Unhandled, either would end the whole process.
    pool.on("error", (error) =>
      log.error({ err: { message: error.message } }, "idle database connection lost"),
    );
    pool.on("connect", (client) => {
      client.on("error", (error) =>
        log.error({ err: { message: error.message } }, "database connection lost"),
      );
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", pglite: null, close: () => db.destroy() };
  }

  const dataDir = options.dataDir ?? "./data";
  let location: string | undefined;
  if (dataDir !== "memory") {
    location = path.resolve(dataDir, "pglite");
    // PGlite does not create parent folders itself.
    fs.mkdirSync(location, { recursive: true });
  }
  const pglite = await PGlite.create(location, {
    parsers: { [DATE_OID]: (value) => value, [TIME_OID]: readTime },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: "pglite",
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function isDatabaseReachable(db: Database, timeoutMs = 3_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A value for LIKE or ILIKE that matches itself only. */
export function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Node's socket errors, and PostgreSQL's connection exceptions (class 08), shutdowns (57P01-57P03)
// and "too many connections" (53300): the database is out of reach, not the query at fault.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
// What node-postgres says when a connection drops or the pool cannot get one in time.
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/;

/** True when an error means the database cannot be reached (so: try again later, a 503). */
export function isDatabaseUnreachableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
    return true;
  if (typeof message === "string" && UNREACHABLE_MESSAGES.test(message)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnreachableError(e)))
    return true;
  return isDatabaseUnreachableError(cause, depth + 1);
}
