// The courses benchmark (issue 10): a region with 200 published courses and 5,000 enrolments. It
// measures, each beside the home page in the same run:
//
// 1. Server time: the work behind one request, in this process against the same database. The
//    course list of a volunteer of the region (its first page, listCatalogPage), and an
//    enrolment (enrolInCourse, with its confirmation email queued) while 20 volunteers enrol at
//    once. The floor is the home page's data (getNetworkOverview).
// 2. End to end over HTTP: the same two requests through the real server (session, CSRF,
//    rendering), 20 clients at once, against the home page.
//
//   npm run bench:courses                embedded PGlite in a temporary folder
//   BENCH_DATABASE_URL=postgres://...    a fresh database on that PostgreSQL server
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import { type Actor, loadActor } from "../app/modules/auth/access.server.ts";
import { CATALOG_PAGE_SIZE, listCatalogPage } from "../app/modules/courses/catalog.server.ts";
import { enrolInCourse } from "../app/modules/courses/enrolment.server.ts";
import { createEmailQueues } from "../app/modules/mail/queue.server.ts";
import { getNetworkOverview } from "../app/modules/places/overview.server.ts";
import { openDatabase } from "../app/utils/db.server.ts";
import { startJobQueue, stopJobQueue } from "../app/utils/jobs.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { HttpClient } from "../tests/support/http.ts";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";
import { ENROLLERS, buildCourseWorld } from "./course-world.ts";
import { type LoadResult, measureWith, printResults } from "./load.ts";
import { BENCH_PASSWORD } from "./shift-world.ts";

const requests = Number(process.env.BENCH_REQUESTS ?? 1000);

if (!fs.existsSync("build/index.js") || process.env.BENCH_BUILD !== "0") {
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
}

let env: Record<string, string>;
let cleanup = async () => {};
const base = process.env.BENCH_DATABASE_URL;
if (base) {
  const name = `dh_bench_courses_${crypto.randomBytes(3).toString("hex")}`;
  await admin(base, `create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  env = { DATABASE_URL: url.toString() };
  cleanup = () => admin(base, `drop database if exists "${name}" with (force)`);
} else {
  const dataDir = temporaryDataDir();
  env = { DATA_DIR: dataDir };
  cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
}

async function admin(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const noFilters = { month: null, theme: null, place: null };

try {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: ENROLLERS,
  });
  const started = performance.now();
  await migrateToLatest(database.db);
  const world = await buildCourseWorld(database.db);
  if (base) await sql`vacuum analyze`.execute(database.db);
  console.log(
    `World: ${world.courses} courses, ${world.enrolments} enrolments ` +
      `(built in ${((performance.now() - started) / 1000).toFixed(1)} s), ` +
      `${base ? "PostgreSQL" : "embedded PGlite"}.`,
  );
  // Each enroller takes the courses one after another: the first half in process, the second
  // half over HTTP (every course has room for all 20).
  const half = world.courseIds.length / 2;
  const perRun = Math.min(requests, half * ENROLLERS);

  // 1. Server time.
  const jobs = await startJobQueue(database, { databaseUrl: env.DATABASE_URL, poolMax: 4 });
  await createEmailQueues(jobs);
  try {
    const id = async (email: string) =>
      (
        await database.db
          .selectFrom("users")
          .select("id")
          .where("email", "=", email)
          .executeTakeFirstOrThrow()
      ).id;
    const viewer = (await loadActor(database.db, await id(world.viewerEmail)))!;
    const enrollers: Actor[] = [];
    for (const email of world.enrollerEmails)
      enrollers.push((await loadActor(database.db, await id(email)))!);

    const serial = { requests, concurrency: 1 };
    const floor = await measureWith("home page data (floor)", serial, async () => {
      await getNetworkOverview(database.db);
      return true;
    });
    // What /courses shows: the first page of the region's courses.
    const list = await measureWith("course list data (first page)", serial, async () => {
      const { courses, hasMore } = await listCatalogPage(database.db, viewer, noFilters);
      return courses.length === CATALOG_PAGE_SIZE && hasMore;
    });
    const position = new Array<number>(ENROLLERS).fill(0);
    const enrol = await measureWith(
      "enrolment, 20 at once",
      { requests: perRun, concurrency: ENROLLERS, warmup: 0 },
      async (worker) => {
        const courseId = world.courseIds[position[worker]!++];
        if (courseId === undefined || position[worker]! > half) return false;
        const outcome = await enrolInCourse(database.db, jobs, enrollers[worker]!, courseId);
        return outcome.ok;
      },
    );
    console.log("\nServer time (the work behind one request, in process):");
    printResults([floor, list, enrol], floor);
  } finally {
    await stopJobQueue(jobs);
    await database.close();
  }

  // 2. End to end over HTTP.
  const server = await startServer(env);
  try {
    const signIn = async (email: string) => {
      const client = new HttpClient(server.url);
      const response = await client.post("/login", { email, password: BENCH_PASSWORD });
      if (response.status >= 400) throw new Error(`sign-in of ${email}: ${response.status}`);
      return { client, csrf: await client.csrfToken("/") };
    };
    const viewer = await signIn(world.viewerEmail);
    const enrollers: Array<{ client: HttpClient; csrf: string }> = [];
    for (const email of world.enrollerEmails) enrollers.push(await signIn(email));

    const get = (client: HttpClient | null, path: string) => async () => {
      const response = await fetch(server.url + path, {
        headers: client ? { Cookie: client.cookieHeader() } : {},
      });
      await response.arrayBuffer();
      return response.status === 200;
    };
    const options = { requests, concurrency: ENROLLERS };
    const results: LoadResult[] = [];
    const home = await measureWith("/ (floor)", options, get(null, "/"));
    results.push(home);
    results.push(await measureWith("/courses", options, get(viewer.client, "/courses")));
    const position = new Array<number>(ENROLLERS).fill(half);
    results.push(
      await measureWith(
        "enrolment, 20 at once",
        { requests: perRun, concurrency: ENROLLERS, warmup: 0 },
        async (worker) => {
          const { client, csrf } = enrollers[worker]!;
          const courseId = world.courseIds[position[worker]!++];
          if (courseId === undefined) return false;
          const response = await fetch(`${server.url}/courses/${courseId}`, {
            method: "POST",
            body: new URLSearchParams({ intent: "enrol", csrf }),
            headers: { Cookie: client.cookieHeader(), Origin: server.url },
            redirect: "manual",
          });
          await response.arrayBuffer();
          // Success is the redirect back to the course (post/redirect/get); a refusal is a 4xx.
          return response.status >= 300 && response.status < 400;
        },
      ),
    );
    console.log("\nEnd to end over HTTP, 20 clients at once:");
    printResults(results, home);
  } finally {
    await server.stop();
  }
} finally {
  await cleanup();
}
