// The invitations benchmark (issue 11): a gathering's invitations to 10,000 volunteers of a region
// (Dutch, French and English mixed) through the whole pipeline (send batches of 500, each one
// transaction holding the invitation rows, the outbox rows and the mail jobs; pg-boss; the mail
// worker's batches; pooled SMTP) to a local SMTP sink in a process of its own (bench/smtp-sink.ts),
// beside nodemailer sending the same kind of messages (event invitations rendered the same way,
// with their .ics) straight to the same sink in the same run. It prints the time to create the
// invitations, the delivery rate, its ratio to nodemailer straight (aim >= 0.7), and duplicates
// (must be 0).
//
//   npm run bench:invitations                 embedded PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://...         a fresh database on that PostgreSQL server
//   BENCH_INVITEES=2000                       another number of invitees (default 10000)
import { type ChildProcess, fork } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import nodemailer from "nodemailer";
import pg from "pg";
import { loadEventSnapshot } from "../app/modules/events/calendar.server.ts";
import { sendEventInvitations } from "../app/modules/events/sending.server.ts";
import type { EmailPayloads } from "../app/modules/mail/messages.ts";
import { renderEmail } from "../app/modules/mail/render.server.ts";
import { SMTP_MAX_CONNECTIONS, createMailTransport } from "../app/modules/mail/transport.server.ts";
import { EMAIL_WORKERS, startEmailWorker } from "../app/modules/mail/worker.server.ts";
import { EMAIL_QUEUE, createEmailQueues } from "../app/modules/mail/queue.server.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createDigibank, createEvent, createRegion } from "../tests/factories/index.ts";

const COUNT = Number(process.env.BENCH_INVITEES ?? 10_000);
const FROM = "Digihelpers <noreply@digihelpers.example>";
const LANGUAGES = ["nl", "fr", "en"] as const;
const base = process.env.BENCH_DATABASE_URL;

// --- the sink (as in bench/mail.ts) ----------------------------------------------------------

interface Sink {
  port: number;
  arrivals: Map<string, number[]>;
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

const addressOf = (prefix: string, i: number) => `${prefix}-${i}@example.test`;

/** nodemailer alone, the same pool and number in flight as the worker, the same messages. */
async function sendStraight(
  sink: Sink,
  prefix: string,
  payloadOf: (i: number) => EmailPayloads["event_invitation"],
): Promise<number> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: sink.port,
    pool: true,
    maxConnections: SMTP_MAX_CONNECTIONS,
  });
  const started = Date.now();
  let next = 0;
  const lanes = Array.from({ length: EMAIL_WORKERS[EMAIL_QUEUE].concurrency }, async () => {
    while (next < COUNT) {
      const i = next++;
      const to = addressOf(prefix, i);
      const rendered = await renderEmail("event_invitation", LANGUAGES[i % 3]!, payloadOf(i), {
        from: FROM,
        to,
      });
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
  const name = `dh_bench_invitations_${crypto.randomBytes(3).toString("hex")}`;
  await admin(base, `create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  cleanup = () => admin(base, `drop database if exists "${name}" with (force)`);
} else {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "digihelpers-bench-invitations-"));
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
  const db = database.db;
  await migrateToLatest(db);
  const jobs = await startJobQueue(database, { databaseUrl });
  await createEmailQueues(jobs);
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${sink.port}` });
  try {
    // The region: one digibank, COUNT volunteers in three languages.
    const region = await createRegion(db, { name: "Regio Bench" });
    const bank = await createDigibank(db, { regionId: region.id, name: "Digibank Bench" });
    await sql`insert into users (email, name, language, status)
      select 'inv-' || i || '@example.test', 'Digihelper ' || i,
        (array['nl', 'fr', 'en'])[1 + i % 3], 'active'
      from generate_series(0, ${COUNT - 1}) as i`.execute(db);
    await sql`insert into role_assignments (user_id, role, digibank_id)
      select id, 'volunteer', ${bank.id} from users where email like 'inv-%'`.execute(db);
    const event = await createEvent(db, { regionId: region.id, capacity: 10_000 });
    const snapshot = (await loadEventSnapshot(db, event.id))!;
    const token = "1.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
    const links = (i: number) => {
      const answer = `http://localhost:3000/events/answer/${i}${token.slice(1)}`;
      return {
        answerUrl: answer,
        yesUrl: `${answer}?response=yes`,
        noUrl: `${answer}?response=no`,
        maybeUrl: `${answer}?response=maybe`,
        unsubscribeUrl: `http://localhost:3000/events/unsubscribe/${i}${token.slice(1)}`,
      };
    };
    const payloadOf = (i: number) => ({
      name: `Digihelper ${i}`,
      event: snapshot,
      links: links(i),
    });

    console.log(
      `${COUNT} invitations to a gathering (nl/fr/en, with .ics) to a local SMTP sink; ` +
        `${base ? "PostgreSQL" : "embedded PGlite"}; ${os.cpus().length} cores, ` +
        `load average ${os.loadavg()[0]!.toFixed(1)}.`,
    );
    for (let i = 0; i < 60; i++)
      await renderEmail("event_invitation", LANGUAGES[i % 3]!, payloadOf(i), {
        from: FROM,
        to: "x@y",
      });

    const straightBefore = await sendStraight(sink, "before", payloadOf);

    await startEmailWorker(jobs, { db, transport, from: FROM });
    const started = Date.now();
    const run = await sendEventInvitations(db, jobs, event.id);
    const created = Date.now();
    await sink.waitFor("inv", COUNT);
    const lastArrival = Math.max(
      ...[...sink.arrivals].filter(([to]) => to.startsWith("inv-")).map(([, at]) => at[0]!),
    );
    const pipeline = COUNT / ((lastArrival - started) / 1000);

    // A second press: nobody new, nothing sent.
    const again = await sendEventInvitations(db, jobs, event.id);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    let duplicates = 0;
    for (const [to, times] of sink.arrivals)
      if (to.startsWith("inv-")) duplicates += times.length - 1;
    const rows = await sql<{ n: number; people: number }>`select count(*)::int as n,
      count(distinct user_id)::int as people from event_invitations where event_id = ${event.id}`.execute(
      db,
    );

    const straightAfter = await sendStraight(sink, "after", payloadOf);
    const straight = (straightBefore + straightAfter) / 2;
    const rate = (n: number) => `${n.toFixed(0).padStart(6)} messages/s`;
    console.log(
      `\ninvitations created (${run.invited} rows, outbox rows and jobs, batches of 500): ` +
        `${((created - started) / 1000).toFixed(1)} s`,
    );
    console.log(
      `nodemailer straight, with rendering:     ${rate(straight)}   ` +
        `(before ${straightBefore.toFixed(0)}, after ${straightAfter.toFixed(0)})`,
    );
    console.log(
      `pipeline (send run, outbox, worker):     ${rate(pipeline)}   ratio to straight ${(pipeline / straight).toFixed(2)} (aim >= 0.7)`,
    );
    console.log(
      `second send run invited ${again.invited}; invitation rows ${rows.rows[0]!.n} for ` +
        `${rows.rows[0]!.people} people; duplicates: ${duplicates}`,
    );
  } finally {
    await stopJobQueue(jobs);
    transport.close();
    await database.close();
  }
} finally {
  sink.stop();
  await cleanup();
}
