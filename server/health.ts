import express from "express";
import { type Database, isDatabaseReachable } from "../app/utils/db.server.ts";
import { healthzAnswer } from "../app/utils/health.server.ts";
import { type JobQueue, type ProcessRole, readinessOf } from "../app/utils/jobs.server.ts";

/**
 * The readiness answer (docs/deployment.md): 200 when this process can do its part (the database
 * answers; the job queue runs, and for a web process some worker was seen lately), 503 when not,
 * with the details as JSON.
 */
export function readinessHandler(options: {
  db: Database;
  jobs: JobQueue;
  role: ProcessRole;
}): express.RequestHandler {
  return async (_req, res) => {
    const reachable = await isDatabaseReachable(options.db);
    const answer = await readinessOf(options.db, options.jobs, options.role, reachable);
    res
      .status(answer.ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json(answer);
  };
}

/**
 * What a worker serves on HEALTH_PORT, for an orchestrator's liveness and readiness probes: the
 * web process's /healthz (the database answers) and /readyz (this worker's queue runs), and
 * nothing else.
 */
export function createHealthApp(options: { db: Database; jobs: JobQueue }): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.get("/healthz", async (_req, res) => {
    const answer = await healthzAnswer(options.db);
    res
      .status(answer.status)
      .set(Object.fromEntries(answer.headers))
      .send(await answer.text());
  });
  app.get("/readyz", readinessHandler({ ...options, role: "worker" }));
  app.use((_req, res) => {
    res.status(404).type("text/plain").send("not found: this worker answers /healthz and /readyz");
  });
  return app;
}
