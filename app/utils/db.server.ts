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
  /** PostgreSQL's statement_timeout for this pool's sessions; 0 turns it off. */
  statementTimeoutMs?: number;
  /** A backup of the embedded database (`npm run db:backup`) to fill a new, empty folder with. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      // The bounds on a request's time spent on the database (tests/e2e/database-faults.test.ts):
      // a connection is had within CONNECT_TIMEOUT_MS or the request answers 503, a statement
      // (a lock wait included) is cancelled by the server after STATEMENT_TIMEOUT_MS, and a
      // transaction left open by a client that stopped talking is ended by the server.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
      // A connection whose peer vanished without closing it (a database host that went away) is
      // noticed by TCP rather than kept forever.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
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
  let releaseLock = () => {};
  if (dataDir !== "memory") {
    location = path.resolve(dataDir, "pglite");
    checkDataFolder(location);
    releaseLock = lockDataFolder(location);
  }
  const pglite = await PGlite.create(location, {
    parsers: { [DATE_OID]: (value) => value, [TIME_OID]: readTime },
    loadDataDir: options.loadDataDir,
  }).catch((error: Error) => {
    releaseLock();
    // PGlite says only "failed to initialize properly": name the folder, and its state if it is
    // one we recognise (it may have filled up or turned read-only since the check above).
    if (location) checkDataFolder(location);
    throw new Error(
      `The embedded database in ${location ?? "memory"} could not be opened (${error.message}): ` +
        "check that the folder is the app's own and not damaged, or restore it from a backup.",
    );
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: "pglite",
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      releaseLock();
    },
  };
}

/** How long a request may wait for a database connection before it answers 503. */
export const CONNECT_TIMEOUT_MS = 5_000;
/**
 * The longest one statement may run on PostgreSQL (lock waits included) before the server cancels
 * it. Far above any page's queries (bench/), short enough that no request hangs; maintenance that
 * truly needs longer says so with `SET LOCAL statement_timeout`.
 */
export const STATEMENT_TIMEOUT_MS = 30_000;
/** A transaction that sits idle this long (its client stopped talking) is ended by the server. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * The least free space the embedded database's disk must have at start: room for a first start's
 * demo world (about 45 MB), or for the WAL and checkpoints of a busy day.
 */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Checks, before PGlite touches it, that the embedded database's folder can be written and its disk
 * has room, and otherwise stops the start with one sentence naming the folder and what to do.
 * PGlite itself says only "failed to initialize properly", and a database that fills its disk while
 * running fails requests one by one instead.
 */
export function checkDataFolder(location: string): void {
  const fail = (what: string, todo: string): never => {
    throw new Error(`${what}: ${todo}, then start again. Nothing in it was changed.`);
  };
  const readOnly = () =>
    fail(
      `The folder of the embedded database, ${location}, cannot be written to (read-only)`,
      "make it writable for this user, or set DATA_DIR to a folder that is",
    );
  const full = (free: number) =>
    fail(
      `The disk holding the embedded database, ${location}, is full ` +
        `(${Math.floor(free / 1024 / 1024)} MB free, at least ${MIN_FREE_BYTES / 1024 / 1024} MB needed)`,
      "free space on that disk, or set DATA_DIR to a folder on a disk with room",
    );
  const explain = (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EROFS" || code === "EACCES" || code === "EPERM") readOnly();
    if (code === "ENOSPC" || code === "EDQUOT") full(0);
    throw error;
  };
  try {
    // PGlite does not create parent folders itself.
    fs.mkdirSync(location, { recursive: true });
    // A write, not only an access check: a read-only mount answers access(W_OK) as root with yes.
    const probe = path.join(location, `.write-check-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (error) {
    explain(error);
  }
  const { bavail, bsize } = fs.statfsSync(location);
  if (bavail * bsize < MIN_FREE_BYTES) full(bavail * bsize);
}

/**
 * PGlite has no lock of its own: two processes on one folder (a second `npm start`, or a backup
 * while the app runs) would each write their own idea of it and damage it. A file beside the
 * folder names the process that has it open; one left by a process that no longer runs (killed)
 * is taken over. Returns the function that lets go of it.
 */
function lockDataFolder(location: string): () => void {
  const lock = `${location}.lock`;
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = Number(fs.readFileSync(lock, "utf8"));
    // In a container the app is often pid 1 again after a restart: its own pid is a stale lock.
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database in ${location} is in use by another process (pid ${holder}): ` +
          `stop that process first (or, if it is not a Digihelpers process, delete ${lock}).`,
      );
    }
    fs.writeFileSync(lock, String(process.pid));
  }
  return () => fs.rmSync(lock, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
// What node-postgres says when a connection drops or the pool cannot get one in time, and what
// PostgreSQL says while a database refuses connections (being restored, or during maintenance).
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|is not currently accepting connections/;

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
