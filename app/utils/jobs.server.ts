import { PgBoss, fromPglite } from "pg-boss";
import type { DatabaseHandle } from "./db.server.ts";

// The one job queue, kept in the same database as everything else (pg-boss). Later capabilities
// register their workers on it (mail first).

export type JobQueue = PgBoss;

export interface JobQueueOptions {
  databaseUrl?: string;
  poolMax?: number;
  /**
   * How often pg-boss looks for jobs that outlived their expiry (and refreshes its queue counts),
   * in seconds. The mail jobs' expiry is a minute; checking every 15 s retries a send a crash
   * interrupted within about 75 s.
   */
  superviseIntervalSeconds?: number;
}

export async function startJobQueue(
  database: DatabaseHandle,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const supervise = options.superviseIntervalSeconds ?? 15;
  const common = {
    // A job sent to a queue with `notify` wakes the workers of this process (and of any other) when
    // its transaction commits, instead of at their next poll. PGlite delivers it in process.
    useListenNotify: true,
    superviseIntervalSeconds: supervise,
    monitorIntervalSeconds: supervise,
  };
  const boss =
    database.pglite !== null
      ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", ...common })
      : new PgBoss({
          connectionString: options.databaseUrl,
          max: options.poolMax ?? 4,
          ...common,
        });
  // A lost connection is reported here; unhandled, it would end the process.
  boss.on("error", (error) => console.error("[jobs]", error.message));
  await boss.start();
  return boss;
}

export async function stopJobQueue(boss: JobQueue, timeoutMs = 5_000): Promise<void> {
  // Graceful: running jobs get `timeoutMs` to finish before the queue lets go of the database.
  await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
}
