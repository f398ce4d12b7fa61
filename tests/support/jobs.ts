import { startJobQueue } from "~/utils/jobs.server.ts";
import type { TestDatabase } from "./database.ts";

/** A real pg-boss on the test database (the same PGlite, or the PostgreSQL copy). */
export function startTestJobQueue(database: TestDatabase) {
  return startJobQueue(database, { databaseUrl: database.url ?? undefined, poolMax: 4 });
}
