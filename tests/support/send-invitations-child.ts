import readline from "node:readline";
import { sendEventInvitationBatch } from "~/modules/events/sending.server.ts";
import { createEmailQueues } from "~/modules/mail/queue.server.ts";
import { openDatabase } from "~/utils/db.server.ts";
import { startJobQueue } from "~/utils/jobs.server.ts";

// A process that sends one event's invitations batch by batch, for the crash test
// (tests/e2e/event-send-crash.test.ts). It says "batch <n> <invited>" after each committed batch;
// with PAUSE=1 it waits for a line on stdin before each further batch, so the test can hold it
// inside the next batch's transaction and kill it there.

const eventId = Number(process.env.EVENT_ID);
const batchSize = Number(process.env.BATCH_SIZE ?? 100);
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolMax: 2 });
const jobs = await startJobQueue(database, { databaseUrl: process.env.DATABASE_URL, poolMax: 2 });
await createEmailQueues(jobs);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

for (let n = 1; ; n++) {
  const batch = await sendEventInvitationBatch(database.db, jobs, eventId, { batchSize });
  process.stdout.write(`batch ${n} ${batch.invited}\n`);
  if (!batch.more) break;
  if (process.env.PAUSE === "1") await lines.next();
}
process.stdout.write("done\n");
await jobs.stop({ graceful: false, close: true });
await database.close();
process.exit(0);
