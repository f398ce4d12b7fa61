// What each main page makes a phone download: the HTML and every script the page loads (the
// modulepreloads and the ones fetched once it runs: the language's catalog, the calendar), in bytes
// as they are, and as this server sends them with gzip and with brotli.
//
//   npm run bench:pages     builds, starts the app on a fresh demo world, signs in as the volunteer
//   BENCH_FILES=1           also lists each page's scripts, largest first
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { chromium } from "playwright-core";
import { DEMO_PASSWORD } from "../db/seed.ts";
import { startServer, temporaryDataDir } from "../tests/support/server.ts";

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

const dataDir = temporaryDataDir();
const server = await startServer({ DATA_DIR: dataDir });
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
      await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), form.press("Enter")]);
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
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
