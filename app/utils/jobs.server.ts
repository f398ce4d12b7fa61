import { PgBoss, fromPglite } from "pg-boss";
import type { DatabaseHandle } from "./db.server.ts";

// The one job queue, kept in the same database as everything else (pg-boss). Later capabilities
// register their workers on it (mail first).

export type JobQueue = PgBoss;

export async function startJobQueue(
  database: DatabaseHandle,
  options: { databaseUrl?: string; poolMax?: number } = {},
): Promise<JobQueue> {
  const boss =
    database.pglite !== null
      ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite" })
      : new PgBoss({ connectionString: options.databaseUrl, max: options.poolMax ?? 4 });
  // A lost connection is reported here; unhandled, it would end the process.
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  return boss;
}

export async function stopJobQueue(boss: JobQueue, timeoutMs = 5_000): Promise<void> {
  // Graceful: running jobs get `timeoutMs` to finish before the queue lets go of the database.
  await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
}
