// The mail benchmark (issue 9): 2,000 messages through the whole pipeline (outbox row and job in
// one transaction, pg-boss, the worker's batches, pooled SMTP) to a local SMTP sink in a process
// of its own, beside nodemailer sending the same messages straight to the same sink in the same
// run. Both render each message the same way (React Email, HTML and plain text); nodemailer
// without rendering is printed too, for scale. Then a sign-in link queued right after the 2,000:
// how long until the sink has it. And whether any message arrived twice.
//
//   npm run bench:mail                   embedded PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://...    a fresh database on that PostgreSQL server
//   BENCH_MESSAGES=500                   another number of messages (default 2000)
import { type ChildProcess, fork } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import type { EmailPayloads } from "../app/modules/mail/messages.ts";
import { enqueueEmail } from "../app/modules/mail/outbox.server.ts";
import { renderEmail } from "../app/modules/mail/render.server.ts";
import { SMTP_MAX_CONNECTIONS, createMailTransport } from "../app/modules/mail/transport.server.ts";
import { EMAIL_WORKERS, startEmailWorker } from "../app/modules/mail/worker.server.ts";
import { EMAIL_QUEUE } from "../app/modules/mail/queue.server.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { migrateToLatest } from "../db/migrate.ts";

const COUNT = Number(process.env.BENCH_MESSAGES ?? 2000);
const FROM = "Digihelpers <noreply@digihelpers.example>";
const base = process.env.BENCH_DATABASE_URL;

// --- the sink -------------------------------------------------------------------------------

interface Sink {
  port: number;
  connections: number;
  /** Arrival times (ms since the epoch) per recipient. */
  arrivals: Map<string, number[]>;
  /** Resolves once `count` messages to recipients named `group-…` or `group@…` have arrived. */
  waitFor(group: string, count: number): Promise<void>;
  stop(): void;
}

const groupOf = (address: string) => address.split(/[-@]/)[0]!;

async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, "smtp-sink.ts"), {
    execArgv: ["--import", "tsx"],
  });
  const arrivals = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const waiting: Array<{ group: string; count: number; resolve: () => void }> = [];
  const sink: Sink = {
    port: 0,
    connections: 0,
    arrivals,
    waitFor(group, count) {
      return new Promise<void>((resolve) => {
        if ((counts.get(group) ?? 0) >= count) resolve();
        else waiting.push({ group, count, resolve });
      });
    },
    stop: () => child.disconnect(),
  };
  await new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.on("message", (message: { kind: string; port?: number; to?: string; at?: number }) => {
      if (message.kind === "ready") {
        sink.port = message.port!;
        resolve();
      } else if (message.kind === "connection") {
        sink.connections++;
      } else if (message.kind === "message") {
        const to = message.to!;
        arrivals.set(to, [...(arrivals.get(to) ?? []), message.at!]);
        const group = groupOf(to);
        const n = (counts.get(group) ?? 0) + 1;
        counts.set(group, n);
        for (const wait of waiting.filter((w) => w.group === group && n >= w.count)) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.resolve();
        }
      }
    });
  });
  return sink;
}

// --- the messages ---------------------------------------------------------------------------

const startsAt = new Date(Date.now() + 24 * 60 * 60 * 1000);
function reminder(i: number): EmailPayloads["shift_reminder"] {
  return {
    name: `Digihelper ${i}`,
    url: `http://localhost:3000/shifts/${1000 + (i % 50)}`,
    shift: {
      shiftId: 1000 + (i % 50),
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000).toISOString(),
      sequence: 0,
      cancelled: false,
      digipuntName: "Bibliotheek Brugge",
      digibankName: "Digibank Brugge",
      location: "Kuipersstraat 3, 8000 Brugge",
      notes: null,
    },
  };
}
const addressOf = (prefix: string, i: number) => `${prefix}-${i}@example.test`;

// --- the runs -------------------------------------------------------------------------------

/** nodemailer alone: the same pool size and the same number of messages in flight as the worker. */
async function sendStraight(sink: Sink, prefix: string, render: boolean): Promise<number> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: sink.port,
    pool: true,
    maxConnections: SMTP_MAX_CONNECTIONS,
  });
  const prerendered = render ? null : await renderEmail("shift_reminder", "nl", reminder(0));
  const started = Date.now();
  let next = 0;
  const lanes = Array.from({ length: EMAIL_WORKERS[EMAIL_QUEUE].concurrency }, async () => {
    while (next < COUNT) {
      const i = next++;
      const to = addressOf(prefix, i);
      const rendered =
        prerendered ?? (await renderEmail("shift_reminder", "nl", reminder(i), { from: FROM, to }));
      await transport.sendMail({ from: FROM, to, ...rendered });
    }
  });
  await Promise.all(lanes);
  await sink.waitFor(prefix, COUNT);
  const seconds = (Date.now() - started) / 1000;
  transport.close();
  return COUNT / seconds;
}

let cleanup = async () => {};
let dataDir: string | undefined;
let databaseUrl: string | undefined;
if (base) {
  const name = `dh_bench_mail_${crypto.randomBytes(3).toString("hex")}`;
  await admin(base, `create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  cleanup = () => admin(base, `drop database if exists "${name}" with (force)`);
} else {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "digihelpers-bench-mail-"));
  const dir = dataDir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const sink = await startSink();
try {
  const database = await openDatabase({ databaseUrl, dataDir });
  await migrateToLatest(database.db);
  const jobs = await startJobQueue(database, { databaseUrl });
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
  try {
    console.log(
      `${COUNT} messages (shift reminders, rendered in Dutch) to a local SMTP sink; ` +
        `${base ? "PostgreSQL" : "embedded PGlite"}; ${os.cpus().length} cores, ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}.`,
    );
    // Warm up the renderer and both SMTP paths, so neither run pays for the first use.
    for (let i = 0; i < 50; i++) await renderEmail("shift_reminder", "nl", reminder(i));

    // Straight before and after the pipeline, so a change in the machine's load during the run
    // weighs on both sides of the ratio.
    const straightBefore = await sendStraight(sink, "before", true);
    const raw = await sendStraight(sink, "raw", false);

    await startEmailWorker(jobs, { db: database.db, transport, from: FROM });
    const enqueueStarted = Date.now();
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < COUNT; i++) {
        await enqueueEmail(trx, jobs, {
          template: "shift_reminder",
          to: addressOf("pipeline", i),
          language: "nl",
          idempotencyKey: `bench:${i}`,
          payload: reminder(i),
        });
      }
    });
    const committed = Date.now();
    await enqueueEmail(database.db, jobs, {
      template: "sign_in_link",
      to: "signin@example.test",
      language: "nl",
      idempotencyKey: "bench:sign-in",
      payload: { name: "Lien", url: "http://localhost:3000/login/link/bench" },
    });
    const signInQueued = Date.now();
    const connectionsBefore = sink.connections;

    await sink.waitFor("signin", 1);
    const signInLatency = sink.arrivals.get("signin@example.test")![0]! - signInQueued;
    await sink.waitFor("pipeline", COUNT);
    const lastArrival = Math.max(
      ...[...sink.arrivals].filter(([to]) => to.startsWith("pipeline-")).map(([, at]) => at[0]!),
    );
    const pipeline = COUNT / ((lastArrival - committed) / 1000);
    const bulkPending = [...sink.arrivals]
      .filter(([to]) => to.startsWith("pipeline-"))
      .filter(([, at]) => at[0]! > sink.arrivals.get("signin@example.test")![0]!).length;

    // Let the rows be marked before counting them.
    let unsent = COUNT + 1;
    for (let i = 0; i < 100 && unsent > 0; i++) {
      const row = await database.db
        .selectFrom("email_messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "!=", "sent")
        .executeTakeFirstOrThrow();
      unsent = Number(row.n);
      if (unsent > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let duplicates = 0;
    for (const [to, times] of sink.arrivals) {
      if (to.startsWith("pipeline-") || to.startsWith("signin@")) duplicates += times.length - 1;
    }

    const straightAfter = await sendStraight(sink, "after", true);
    const straight = (straightBefore + straightAfter) / 2;

    const rate = (n: number) => `${n.toFixed(0).padStart(6)} messages/s`;
    console.log(
      `\nnodemailer straight, with rendering:     ${rate(straight)}   ` +
        `(before the pipeline ${straightBefore.toFixed(0)}, after ${straightAfter.toFixed(0)})`,
    );
    console.log(`nodemailer straight, without rendering:  ${rate(raw)}   (for scale)`);
    console.log(
      `pipeline (outbox, pg-boss, worker):      ${rate(pipeline)}   ratio to straight ${(pipeline / straight).toFixed(2)} (aim >= 0.7)`,
    );
    console.log(
      `  queued in one transaction in ${((committed - enqueueStarted) / 1000).toFixed(1)} s; ` +
        `${sink.connections - connectionsBefore} SMTP connections opened for ${COUNT + 1} messages`,
    );
    console.log(
      `sign-in link queued after the ${COUNT}: arrived after ${signInLatency} ms (aim < 5000 ms), ` +
        `with ${bulkPending} of the ${COUNT} still to arrive`,
    );
    console.log(`duplicates: ${duplicates}; rows not marked sent: ${unsent}`);
  } finally {
    await stopJobQueue(jobs);
    transport.close();
    await database.close();
  }
} finally {
  sink.stop();
  await cleanup();
}
