import { type EmailQueueOptions, createEmailQueues } from "~/modules/mail/queue.server.ts";
import { type JobQueueOptions, startJobQueue } from "~/utils/jobs.server.ts";
import type { TestDatabase } from "./database.ts";

/**
 * A real pg-boss on the test database (the same PGlite, or the PostgreSQL copy), with the email
 * queues created, so tests of anything that calls enqueueEmail can use it as is. (Sending to a
 * queue that does not exist looks the queue up on pg-boss's own connection: on PGlite, inside a
 * transaction, that waits forever instead of failing.)
 */
export async function startTestJobQueue(
  database: TestDatabase,
  options: Pick<JobQueueOptions, "superviseIntervalSeconds"> & EmailQueueOptions = {},
) {
  const jobs = await startJobQueue(database, {
    databaseUrl: database.url ?? undefined,
    poolMax: 4,
    superviseIntervalSeconds: options.superviseIntervalSeconds,
  });
  await createEmailQueues(jobs, options);
  return jobs;
}
