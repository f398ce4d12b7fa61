import os from "node:os";
import { PgBoss, fromPglite } from "pg-boss";
import type { Database, DatabaseHandle } from "./db.server.ts";
import { logger } from "./log.server.ts";

// The one job queue, kept in the same database as everything else (pg-boss). Capabilities register
// their queues, schedules and workers on it at start-up (server/index.ts, the start*Jobs calls).
//
// A process runs in one of three roles (PROCESS_ROLE): `web` queues jobs but runs no workers, no
// schedules and no supervision; `worker` does all of that and serves no HTTP; `all` (the default,
// and the only role on the embedded database) does both.

export type JobQueue = PgBoss;
export type ProcessRole = "web" | "worker" | "all";

const log = logger.child({ component: "jobs" });

export interface JobQueueOptions {
  databaseUrl?: string;
  poolMax?: number;
  role?: ProcessRole;
  /**
   * How often pg-boss looks for jobs that outlived their expiry (and refreshes its queue counts),
   * in seconds. The mail jobs' expiry is a minute; checking every 15 s retries a send a crash
   * interrupted within about 75 s.
   */
  superviseIntervalSeconds?: number;
}

/** The queues whose pg-boss has started and not been stopped, for the readiness answer. */
const running = new WeakSet<JobQueue>();

export async function startJobQueue(
  database: DatabaseHandle,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const supervise = options.superviseIntervalSeconds ?? 15;
  const works = (options.role ?? "all") !== "web";
  const common = {
    // A job sent to a queue with `notify` wakes the workers of this process (and of any other) when
    // its transaction commits, instead of at their next poll. PGlite delivers it in process.
    useListenNotify: true,
    superviseIntervalSeconds: supervise,
    monitorIntervalSeconds: supervise,
    // A web process only sends: it neither supervises (expiry, retention) nor fires schedules, so
    // adding web processes adds no background load. pg-boss's own schema install and migration
    // stays on everywhere (it takes an advisory lock), so whichever process starts first makes it.
    supervise: works,
    schedule: works,
    // Schedules are checked every 10 s rather than 30 s: an every-minute job (the heartbeat) runs
    // within seconds of its minute. One process per interval wins the claim, however many run.
    cronMonitorIntervalSeconds: 10,
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
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  running.add(boss);
  return boss;
}

export async function stopJobQueue(boss: JobQueue, timeoutMs = 5_000): Promise<void> {
  running.delete(boss);
  // Graceful: running jobs get `timeoutMs` to finish before the queue lets go of the database.
  await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
}

export function isJobQueueRunning(boss: JobQueue | undefined): boolean {
  return boss !== undefined && running.has(boss);
}

/**
 * The queue as the start*Jobs functions see it in this role. A web process still creates the
 * queues (so it can send to them before any worker has started) but registers no worker and no
 * schedule: `work` and `schedule` do nothing there. Each capability keeps one start function for
 * every role.
 */
export function jobRegistryFor(boss: JobQueue, role: ProcessRole): JobQueue {
  if (role !== "web") return boss;
  return new Proxy(boss, {
    get(target, property, receiver) {
      if (property === "work") return async () => "";
      if (property === "schedule") return async () => undefined;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

// --- The worker heartbeat: how a web process knows that some worker runs the queue. ---

export const HEARTBEAT_QUEUE = "worker-heartbeat";
const HEARTBEAT_KEY = "worker_heartbeat";
/** A heartbeat older than this (three missed minutes) means no worker runs the queue. */
export const HEARTBEAT_STALE_SECONDS = 180;

export interface WorkerHeartbeat {
  at: Date;
  /** Which process wrote it (host and pid): no personal data. */
  instance: string;
  /** The pg-boss job that wrote it; null for the beat a worker writes as it starts. */
  jobId: string | null;
}

export function thisInstance(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** Records that a worker ran a job just now (one row in app_settings, overwritten). */
export async function recordWorkerHeartbeat(
  db: Database,
  jobId: string | null,
  now = new Date(),
): Promise<void> {
  const value = JSON.stringify({ at: now.toISOString(), instance: thisInstance(), jobId });
  await db
    .insertInto("app_settings")
    .values({ key: HEARTBEAT_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
    .execute();
}

export async function lastWorkerHeartbeat(db: Database): Promise<WorkerHeartbeat | null> {
  const row = await db
    .selectFrom("app_settings")
    .select("value")
    .where("key", "=", HEARTBEAT_KEY)
    .executeTakeFirst();
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.value) as { at: string; instance: string; jobId: string | null };
    return { at: new Date(parsed.at), instance: parsed.instance, jobId: parsed.jobId };
  } catch {
    return null;
  }
}

/**
 * A job scheduled every minute that records the heartbeat: it goes through the whole queue (the
 * schedule fires, the job is sent, a worker takes it), so a fresh heartbeat says the queue runs.
 * A worker also beats once as it starts, so a web process sees it at once.
 */
export async function startWorkerHeartbeat(jobs: JobQueue, db: Database, role: ProcessRole) {
  await jobs.createQueue(HEARTBEAT_QUEUE, { expireInSeconds: 60, retryLimit: 0 });
  await jobs.schedule(HEARTBEAT_QUEUE, "* * * * *");
  await jobs.work(HEARTBEAT_QUEUE, async ([job]) => {
    await recordWorkerHeartbeat(db, job?.id ?? null);
  });
  if (role !== "web") await recordWorkerHeartbeat(db, null);
}

export interface Readiness {
  ready: boolean;
  role: ProcessRole;
  database: "ok" | "unreachable";
  jobs: {
    /** Whether this process's pg-boss runs (a web process only sends, but it must be started). */
    queue: "running" | "stopped";
    /** Whether some worker ran the heartbeat job lately (for web; workers answer for themselves). */
    worker: "seen" | "not seen" | "unknown";
    workerSeenAt: string | null;
  };
}

/** The readiness answer: the database answers, and the job queue runs (see Readiness). */
export async function readinessOf(
  db: Database,
  boss: JobQueue | undefined,
  role: ProcessRole,
  databaseReachable: boolean,
  now = new Date(),
): Promise<Readiness> {
  const queue = isJobQueueRunning(boss) ? "running" : "stopped";
  let beat: WorkerHeartbeat | null = null;
  if (databaseReachable) beat = await lastWorkerHeartbeat(db).catch(() => null);
  const fresh =
    beat !== null && now.getTime() - beat.at.getTime() <= HEARTBEAT_STALE_SECONDS * 1000;
  const worker = !databaseReachable ? "unknown" : fresh ? "seen" : "not seen";
  // This process works the queue itself in `all`; a web process depends on some worker.
  const jobsOk = queue === "running" && (role !== "web" || worker === "seen");
  return {
    ready: databaseReachable && jobsOk,
    role,
    database: databaseReachable ? "ok" : "unreachable",
    jobs: { queue, worker, workerSeenAt: beat ? beat.at.toISOString() : null },
  };
}
