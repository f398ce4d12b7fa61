import fs from "node:fs";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { HttpClient } from "../support/http.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type RunningServer, startServer, temporaryDataDir } from "../support/server.ts";
import { eventually } from "../support/smtp.ts";

// The local mailbox exists only for the embedded demo, so this server always runs on PGlite. The
// message in it is one the app itself sent: the demo volunteer asked for a sign-in link.

const VOLUNTEER = "volunteer@digihelpers.example";
let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = temporaryDataDir();
  server = await startServer({ DATA_DIR: dataDir });
  const asked = await new HttpClient(server.url).post("/login/link", { email: VOLUNTEER });
  expect(asked.status).toBe(200);
  await eventually("the sign-in link in the local mailbox", async () => {
    const list = await (await fetch(server.url + "/dev/mailbox")).text();
    return list.includes(VOLUNTEER) ? list : undefined;
  });
});
afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!browserAvailable)("the local mailbox in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it("lists the message and shows its text with the link as a real link; axe finds nothing", async () => {
    const { context, problems } = await newContext(browser);
    const page = await context.newPage();
    const response = await visit(page, server.url + "/dev/mailbox");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Lokale mailbox",
    );
    await expect(page.getByText(VOLUNTEER).count()).resolves.toBe(1);

    await Promise.all([
      page.waitForURL(/\/dev\/mailbox\/\d+$/),
      page.getByRole("link", { name: "Je link om aan te melden bij Digihelpers" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await visit(page, page.url());
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Je link om aan te melden bij Digihelpers",
    );
    const links = page.getByRole("link", { name: /\/login\/link\/[\w-]+$/ });
    expect(await links.count()).toBeGreaterThanOrEqual(1);
    await expect(links.first().getAttribute("href")).resolves.toMatch(
      /^http:\/\/localhost:\d+\/login\/link\/[\w-]+$/,
    );
    await expect(page.getByText("Dag ", { exact: false }).count()).resolves.toBeGreaterThan(0);
    // The whole message downloads as an .eml file a mail program opens.
    const raw = await fetch(`${server.url}${new URL(page.url()).pathname}/raw`);
    expect(raw.headers.get("content-type")).toBe("message/rfc822");
    expect(await raw.text()).toMatch(/^Subject: Je link om aan te melden bij Digihelpers$/m);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("mail pages over HTTP", () => {
  it("answers 404 for an unknown or malformed mailbox id", async () => {
    expect((await fetch(server.url + "/dev/mailbox/999999")).status).toBe(404);
    expect((await fetch(server.url + "/dev/mailbox/999999/raw")).status).toBe(404);
    expect((await fetch(server.url + "/dev/mailbox/1700000000000-deadbeef")).status).toBe(404);
    expect((await fetch(server.url + "/dev/mailbox/..%2F..%2Fetc")).status).toBe(404);
    expect((await fetch(server.url + "/dev/mailbox/2147483648/raw")).status).toBe(404);
  });

  it("opens admin/mail to administrators only", async () => {
    const anonymous = await fetch(server.url + "/admin/mail", { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fadmin%2Fmail");

    const signIn = async (email: string) => {
      const client = new HttpClient(server.url);
      const response = await client.post("/login", { email, password: DEMO_PASSWORD });
      expect(response.status).toBe(302);
      return client;
    };
    const volunteer = await signIn("volunteer@digihelpers.example");
    expect((await volunteer.get("/admin/mail")).status).toBe(403);
    const coordinator = await signIn("coordinator@digihelpers.example");
    expect((await coordinator.get("/admin/mail")).status).toBe(403);
    const admin = await signIn("admin@digihelpers.example");
    expect((await admin.get("/admin/mail")).status).toBe(200);
  });

  it("shows the mailbox to another machine only when an administrator asks", async () => {
    const dir = temporaryDataDir();
    const proxied = await startServer({ DATA_DIR: dir, TRUST_PROXY: "loopback" });
    try {
      const remote = { "X-Forwarded-For": "203.0.113.7" };
      const stranger = await fetch(proxied.url + "/dev/mailbox", {
        headers: remote,
        redirect: "manual",
      });
      expect(stranger.status).toBe(302);
      expect(stranger.headers.get("location")).toMatch(/^\/login/);
      const volunteer = new HttpClient(proxied.url);
      await volunteer.post(
        "/login",
        { email: "volunteer@digihelpers.example", password: DEMO_PASSWORD },
        { headers: remote },
      );
      expect((await volunteer.get("/dev/mailbox", remote)).status).toBe(403);
      const admin = new HttpClient(proxied.url);
      await admin.post(
        "/login",
        { email: "admin@digihelpers.example", password: DEMO_PASSWORD },
        { headers: remote },
      );
      expect((await admin.get("/dev/mailbox", remote)).status).toBe(200);
    } finally {
      await proxied.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has no mailbox pages when mail goes out over SMTP", async () => {
    const dir = temporaryDataDir();
    const withSmtp = await startServer({ DATA_DIR: dir, SMTP_URL: "smtp://127.0.0.1:9" });
    try {
      expect((await fetch(withSmtp.url + "/dev/mailbox")).status).toBe(404);
    } finally {
      await withSmtp.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
