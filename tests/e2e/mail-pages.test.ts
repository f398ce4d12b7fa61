import fs from "node:fs";
import { DEMO_PASSWORD } from "../../db/seed.ts";
import { HttpClient } from "../support/http.ts";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import {
  type Browser,
  browserAvailable,
  launchBrowser,
  newContext,
  visit,
} from "../support/browser.ts";
import { type RunningServer, startServer, temporaryDataDir } from "../support/server.ts";

// The local mailbox exists only for the embedded demo, so this server always runs on PGlite.

let server: RunningServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = temporaryDataDir();
  server = await startServer({ DATA_DIR: dataDir });
  // What the worker would write for a sign-in link, written the same way.
  const mailbox = createMailTransport({ mailboxDir: path.join(dataDir, "mailbox") });
  const rendered = await renderEmail("sign_in_link", "nl", {
    name: "Jan",
    url: `${server.url}/aanmelden/tok-e2e`,
  });
  await mailbox.send({
    from: "Digihelpers <noreply@digihelpers.test>",
    to: "jan@example.test",
    ...rendered,
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
    await expect(page.getByText("jan@example.test").count()).resolves.toBe(1);

    await Promise.all([
      page.waitForURL(/\/dev\/mailbox\/\d+-[0-9a-f]+$/),
      page.getByRole("link", { name: "Je link om aan te melden bij Digihelpers" }).click(),
    ]);
    await page.waitForLoadState("networkidle");
    await visit(page, page.url());
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "Je link om aan te melden bij Digihelpers",
    );
    const links = page.getByRole("link", { name: `${server.url}/aanmelden/tok-e2e` });
    expect(await links.count()).toBeGreaterThanOrEqual(1);
    await expect(links.first().getAttribute("href")).resolves.toBe(
      `${server.url}/aanmelden/tok-e2e`,
    );
    await expect(page.getByText("Dag Jan,", { exact: false }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("mail pages over HTTP", () => {
  it("answers 404 for an unknown or malformed mailbox id", async () => {
    expect((await fetch(server.url + "/dev/mailbox/1700000000000-deadbeef")).status).toBe(404);
    expect((await fetch(server.url + "/dev/mailbox/..%2F..%2Fetc")).status).toBe(404);
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
