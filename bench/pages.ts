// Two things about the main pages, on a fresh demo world:
//
// 1. Weight: what each page makes a phone download, the HTML and every script the page loads (the
//    modulepreloads and the ones fetched once it runs: the language's catalog, the calendar), in
//    bytes as they are, and as this server sends them with gzip and with brotli.
// 2. Speed: each page's requests per second and p97.5 latency with 10 connections, signed in as
//    the demo volunteer (the planning pages as the demo coordinator), beside /healthz measured in
//    the same run (aim: every page within 3 times /healthz).
//
//   npm run bench:pages     builds, starts the app on a fresh demo world
//   BENCH_DATABASE_URL=...  on a new database seeded on that PostgreSQL server instead of PGlite
//   BENCH_FILES=1           also lists each page's scripts, largest first
//   BENCH_WEIGHT=0          speed only (no browser); BENCH_SPEED=0: weight only
//   BENCH_REQUESTS=500      requests per page for the speed figures (default 500)
//   BENCH_PAGES=/,/account  speed of these pages only (/healthz is always measured first)
//   The speed table also gives the server's CPU time per request (from /proc), which holds
//   steadier than requests/s when the machine is shared.
//   BENCH_PROFILE=dir       the server writes a V8 CPU profile (.cpuprofile) into dir when it stops
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { chromium } from "playwright-core";
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase } from "../app/utils/db.server.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { DEMO_PASSWORD, seedDemoWorld } from "../db/seed.ts";
import { HttpClient } from "../tests/support/http.ts";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";
import { type LoadResult, measure } from "./load.ts";

const PAGES = ["/login", "/", "/shifts/list", "/shifts", "/account"];
const ENCODINGS = ["identity", "gzip", "br"] as const;
type Encoding = (typeof ENCODINGS)[number];
type Sizes = Record<Encoding, number>;

if (!fs.existsSync("build/index.js") || process.env.BENCH_BUILD !== "0") {
  execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
}

/** The bytes on the wire (body only) for one GET, asking for this encoding. */
function downloaded(url: string, encoding: Encoding, cookie: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": encoding, Cookie: cookie } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () =>
          response.statusCode === 200
            ? resolve(bytes)
            : reject(new Error(`${url}: ${response.statusCode}`)),
        );
      })
      .on("error", reject);
  });
}

async function sizesOf(url: string, cookie: string): Promise<Sizes> {
  const sizes = {} as Sizes;
  for (const encoding of ENCODINGS) sizes[encoding] = await downloaded(url, encoding, cookie);
  return sizes;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);

const base = process.env.BENCH_DATABASE_URL;
const admin = async (text: string) => {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(text).finally(() => client.end());
};
const dataDir = base ? null : temporaryDataDir();
const dbName = `dh_bench_pages_${crypto.randomBytes(3).toString("hex")}`;
let databaseUrl: string | null = null;
if (base) {
  // A new database with the demo world, as the embedded one fills itself on first start.
  await admin(`create database "${dbName}"`);
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
  const database = await openDatabase({ databaseUrl });
  await migrateToLatest(database.db);
  await seedDemoWorld(database.db);
  await database.close();
}
const profileDir = process.env.BENCH_PROFILE;
const server = await startServer({
  // As a deployment runs it (the server would default to it anyway: server/environment.ts).
  NODE_ENV: "production",
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir! }),
  ...(profileDir
    ? {
        NODE_OPTIONS: `--import tsx --import ${new URL("./cpu-profile.ts", import.meta.url).pathname}`,
        CPU_PROFILE_DIR: profileDir,
      }
    : {}),
});
try {
  if (process.env.BENCH_WEIGHT !== "0") await weights();
  if (process.env.BENCH_SPEED !== "0") await speed();
} finally {
  await server.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (base) await admin(`drop database if exists "${dbName}" with (force)`);
}

async function speed() {
  const requests = Number(process.env.BENCH_REQUESTS ?? 500);
  const options = { requests, concurrency: 10, warmup: 50 };
  const signIn = async (email: string) => {
    const client = new HttpClient(server.url);
    const response = await client.post("/login", { email, password: DEMO_PASSWORD });
    if (response.status >= 400) throw new Error(`sign-in of ${email}: ${response.status}`);
    await client.get("/");
    return { Cookie: client.cookieHeader() };
  };
  const volunteer = await signIn("volunteer@digihelpers.example");
  const coordinator = await signIn("coordinator@digihelpers.example");
  const pages: Array<[string, Record<string, string>]> = [
    ["/healthz", {}],
    ["/login", {}],
    ["/", volunteer],
    ["/shifts/list", volunteer],
    ["/shifts", volunteer],
    ["/account", volunteer],
    ["/planning", coordinator],
    ["/planning/reports", coordinator],
  ];
  const only = process.env.BENCH_PAGES?.split(",");
  const results: Array<LoadResult & { cpuMs: number | null }> = [];
  for (const [path, headers] of pages.filter(
    ([p]) => !only || p === "/healthz" || only.includes(p),
  )) {
    const before = serverCpuMs();
    const result = await measure(path, server.url + path, options, headers);
    const after = serverCpuMs();
    // The server's CPU per request: what the page costs, whatever else the machine is doing.
    const cpuMs =
      before === null || after === null ? null : (after - before) / (requests + options.warmup);
    results.push({ ...result, cpuMs });
  }
  const health = results[0]!;
  const cpu = (r: (typeof results)[number]) =>
    r.cpuMs === null || health.cpuMs === null
      ? "– | –"
      : `${r.cpuMs.toFixed(2)} | ${(r.cpuMs / health.cpuMs).toFixed(2)}`;
  console.log(
    `\nSpeed: ${requests} requests per page, 10 connections, ` +
      `${databaseUrl ? "PostgreSQL" : "embedded PGlite"}; signed-in pages as the demo ` +
      "volunteer, /planning as the demo coordinator.\n",
  );
  console.log(
    "| page | req/s | p50 ms | p97.5 ms | errors | p97.5 / `/healthz` | req/s / `/healthz` | " +
      "server CPU ms / request | CPU / `/healthz` |\n" +
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of results)
    console.log(
      `| \`${r.name}\` | ${r.requestsPerSecond.toFixed(0)} | ${r.p50Ms.toFixed(1)} | ` +
        `${r.p975Ms.toFixed(1)} | ${r.errors} | ${(r.p975Ms / health.p975Ms).toFixed(2)} | ` +
        `${(r.requestsPerSecond / health.requestsPerSecond).toFixed(2)} | ${cpu(r)} |`,
    );
  console.log(JSON.stringify({ speed: results }));
}

/** The server process's CPU time so far (user and system), from /proc; null where there is none. */
function serverCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${server.process.pid}/stat`, "utf8");
    // Fields 14 and 15 (utime, stime), counted after the command name in parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // In clock ticks of Linux's USER_HZ, 100 a second on every architecture Node runs on.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function weights() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    // A volunteer's phone: Dutch, 390 px wide.
    const context = await browser.newContext({
      locale: "nl-BE",
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    let scripts = new Set<string>();
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.add(request.url());
    });

    const rows: Array<{ path: string; html: Sizes; js: Sizes; files: number }> = [];
    const listFiles = process.env.BENCH_FILES === "1";
    for (const path of PAGES) {
      if (path === "/") {
        // Every page after /login is the volunteer's, as after signing in.
        const form = page.locator("form", { has: page.locator('input[name="password"]') });
        await form.locator('input[name="email"]').fill("volunteer@digihelpers.example");
        await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
        await Promise.all([
          page.waitForURL((url) => url.pathname !== "/login"),
          form.press("Enter"),
        ]);
        await page.waitForLoadState("networkidle");
      }
      scripts = new Set();
      // A fresh load each time, as a phone that opens a link gets it (the browser cache aside).
      await page.goto(server.url + path, { waitUntil: "networkidle" });
      if (path === "/shifts") await page.locator(".shift-calendar [role=tablist]").waitFor();
      const cookie = (await context.cookies())
        .map(({ name, value }) => `${name}=${value}`)
        .join("; ");
      const html = await sizesOf(server.url + path, cookie);
      const js: Sizes = { identity: 0, gzip: 0, br: 0 };
      const files: Array<[string, Sizes]> = [];
      for (const script of scripts) {
        const sizes = await sizesOf(script, cookie);
        for (const encoding of ENCODINGS) js[encoding] += sizes[encoding];
        files.push([new URL(script).pathname, sizes]);
      }
      if (listFiles) {
        console.log(path);
        for (const [file, sizes] of files.sort((a, b) => b[1].identity - a[1].identity))
          console.log(`  ${kb(sizes.identity)} ${kb(sizes.gzip)} ${kb(sizes.br)}  ${file}`);
      }
      rows.push({ path, html, js, files: scripts.size });
    }

    console.log("KB per page (1 KB = 1024 bytes); JS = every script the page loads.\n");
    console.log(
      "| page | HTML raw | HTML gzip | HTML br | JS files | JS raw | JS gzip | JS br |\n" +
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const { path, html, js, files } of rows)
      console.log(
        `| \`${path}\` | ${kb(html.identity)} | ${kb(html.gzip)} | ${kb(html.br)} | ${files} | ` +
          `${kb(js.identity)} | ${kb(js.gzip)} | ${kb(js.br)} |`,
      );
  } finally {
    await browser.close();
  }
}
