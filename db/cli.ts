import { backupDatabase, restoreEmbeddedDatabase } from "./backup.ts";
import path from "node:path";
import { openDatabase } from "../app/utils/db.server.ts";
import { parseEnv } from "../app/utils/env.server.ts";
import { migrateToLatest } from "./migrate.ts";
import { isDatabaseEmpty, seedDemoWorld } from "./seed.ts";

// `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded database;
// `npm run db:backup -- <file>` and `npm run db:restore -- <file>` (docs/operations/backups.md).

const command = process.argv[2];
if (command !== "migrate" && command !== "seed" && command !== "backup" && command !== "restore") {
  console.error("Usage: tsx db/cli.ts migrate|seed|backup <file>|restore <file>");
  process.exit(2);
}

// Migrating and seeding send no mail, so no SMTP_URL is asked for.
const env = parseEnv(process.env, { sendsMail: false });
if (command === "backup" || command === "restore") {
  const file = process.argv[3];
  if (!file) {
    console.error(`Usage: npm run db:${command} -- <file>`);
    process.exit(2);
  }
  try {
    console.log(
      command === "backup"
        ? await backupDatabase(env, path.resolve(file))
        : await restoreEmbeddedDatabase(env, path.resolve(file)),
    );
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
let exitCode = 0;
try {
  const applied = await migrateToLatest(database.db);
  console.log(
    applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.",
  );
  if (command === "seed") {
    if (await isDatabaseEmpty(database.db)) {
      const summary = await seedDemoWorld(database.db);
      console.log(
        `Demo world created: ${summary.regions} regions, ${summary.municipalities} municipalities, ` +
          `${summary.digibanks} digibanken, ${summary.digipunten} digipunten, ${summary.volunteers} volunteers.`,
      );
    } else {
      console.error(
        "The database already holds data; the demo world is only seeded into an empty database.",
      );
      exitCode = 1;
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await database.close();
}
process.exit(exitCode);
