import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "~/utils/db.server.ts";
import { createDigibank, createRegion } from "../factories/index.ts";
import { createTestDatabase } from "../support/database.ts";
import {
  type RunningServer,
  runServerToExit,
  startServer,
  temporaryDataDir,
} from "../support/server.ts";
import { HttpClient } from "../support/http.ts";
import { startTcpProxy } from "../support/tcp-proxy.ts";

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(server: RunningServer) {
  cleanups.push(() => server.stop("SIGKILL"));
  return server;
}

describe("the server on its embedded default", () => {
  it("creates the demo world on first start, keeps the data across a restart, and stops cleanly", async () => {
    const dataDir = temporaryDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    const first = track(await startServer({ DATA_DIR: dataDir }));
    expect(first.output()).toContain("A new demo world was created.");
    expect(first.output()).toMatch(/Demo sign-ins \(password: \S+\)/);
    for (const email of ["admin", "staff", "coordinator", "volunteer"]) {
      expect(first.output()).toContain(`${email}@digihelpers.example`);
    }
    // The join page lists every digibank one can ask to join.
    const join = await (await fetch(first.url + "/join")).text();
    expect(join).toContain("Digibank Brugge");
    expect(await first.stop("SIGTERM")).toBe(0);

    // Something added while the server is down must be there after the restart.
    const offline = await openDatabase({ dataDir });
    const waasland = await createRegion(offline.db, { name: "Regio Waasland" });
    await createDigibank(offline.db, { regionId: waasland.id, name: "Digibank Sint-Niklaas" });
    await offline.close();

    const second = track(await startServer({ DATA_DIR: dataDir }));
    expect(second.output()).not.toContain("A new demo world was created.");
    const again = await (await fetch(second.url + "/join")).text();
    expect(again).toContain("Digibank Brugge");
    expect(again).toContain("Digibank Sint-Niklaas (Regio Waasland)");
    expect(await second.stop("SIGTERM")).toBe(0);
  });

  it("on SIGTERM refuses new connections but finishes a request in flight, then exits 0", async () => {
    const dataDir = temporaryDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const server = track(await startServer({ DATA_DIR: dataDir }));
    const { port } = new URL(server.url);
    const client = new HttpClient(server.url);
    const csrf = await client.csrfToken();

    // A form post whose body is still arriving: in flight for as long as the test wants.
    const answer = new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          path: "/language",
          method: "POST",
          headers: {
            Origin: server.url,
            Cookie: client.cookieHeader(),
            "Content-Type": "application/x-www-form-urlencoded",
            "Transfer-Encoding": "chunked",
          },
        },
        resolve,
      );
      request.on("error", reject);
      request.write("lng=f");
      setTimeout(() => {
        server.process.kill("SIGTERM");
        setTimeout(() => {
          // Still running, but no longer taking new connections.
          expect(server.process.exitCode).toBeNull();
          fetch(server.url + "/healthz").then(
            () => reject(new Error("a new connection was accepted during shutdown")),
            () => request.end(`r&redirectTo=%2F&csrf=${encodeURIComponent(csrf)}`),
          );
        }, 500);
      }, 200);
    });
    const response = await answer;
    expect(response.statusCode).toBe(302);
    expect(response.headers["set-cookie"]?.[0]).toMatch(/^lng=/);
    expect(await server.stop()).toBe(0);
    expect(server.output()).toMatch(/Stopped after \d+ ms/);
  });

  it("answers 408 and closes the connection of a client that trickles its request, and goes on serving", async () => {
    const dataDir = temporaryDataDir();
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const server = track(
      await startServer({ DATA_DIR: dataDir, HTTP_REQUEST_TIMEOUT_SECONDS: "2" }),
    );
    const { port } = new URL(server.url);

    /** Sends the start of a request and never the rest: what comes back before the server closes. */
    const sendPart = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(text));
        let received = "";
        socket.on("data", (chunk) => (received += chunk));
        socket.on("close", () => resolve(received));
        socket.on("error", reject);
      });
    const [headers, body] = await Promise.all([
      sendPart("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/h"),
      sendPart(
        `POST /language HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\n` +
          "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60\r\n\r\nlng=f",
      ),
    ]);
    expect(headers).toMatch(/^HTTP\/1\.1 408 /);
    expect(body).toMatch(/^HTTP\/1\.1 408 /);
    expect((await fetch(server.url + "/healthz")).status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  it("refuses to start with a clear message when the environment is wrong", async () => {
    const badPort = await runServerToExit({ PORT: "eighty" });
    expect(badPort.code).toBe(1);
    // One JSON log line: the list of problems is in its message.
    expect(badPort.output).toMatch(/could not start.*(\n|\\n)\s*PORT:/);

    const noDatabase = await runServerToExit({
      DATABASE_URL: "postgres://app:secret@127.0.0.1:1/app",
      SMTP_URL: "smtp://127.0.0.1:9",
    });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.output).toContain("Cannot reach the database (127.0.0.1:1)");
    expect(noDatabase.output).not.toContain("secret");
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("the server on PostgreSQL", () => {
  it("never seeds a real database on its own", async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.destroy());
    const server = track(await startServer({ DATABASE_URL: database.url! }));
    expect(server.output()).not.toContain("demo world");
    expect(server.output()).not.toContain("Demo sign-ins");
    const home = await (await fetch(server.url + "/")).text();
    expect(home).toContain("0 regio&#x27;s, 0 digibanken, 0 digipunten en 0 digihelpers");
    const regions = await database.db.selectFrom("regions").select("id").execute();
    expect(regions).toEqual([]);
  });

  it("answers /healthz and every page 503 (Retry-After, the reader's language) while the database is unreachable, and 200 once it is back, without a restart", async () => {
    const database = await createTestDatabase();
    cleanups.push(() => database.destroy());
    const direct = new URL(database.url!);
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(database.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;

    const server = track(await startServer({ DATABASE_URL: viaProxy.toString() }));
    expect((await fetch(server.url + "/healthz")).status).toBe(200);

    await proxy.cut();
    const down = await fetch(server.url + "/healthz");
    expect(down.status).toBe(503);
    expect(server.process.exitCode).toBeNull();
    // Pages that need the database say, in the reader's language, to try again shortly.
    const page = await fetch(server.url + "/", { headers: { "Accept-Language": "nl" } });
    expect(page.status).toBe(503);
    expect(page.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await page.text()).toContain("Even niet bereikbaar");
    const french = await fetch(server.url + "/join", { headers: { "Accept-Language": "fr" } });
    expect(french.status).toBe(503);
    expect(await french.text()).toContain("Momentanément indisponible");
    // So do data requests and resource routes.
    // (With a session cookie, so that the sign-in check needs the database.)
    const events = await fetch(server.url + "/shifts/events?start=2027-01-01&end=2027-02-01", {
      headers: { Cookie: "session=some-session-id" },
      redirect: "manual",
    });
    expect(events.status).toBe(503);
    expect(events.headers.get("Retry-After")).toMatch(/^\d+$/);
    const data = await fetch(server.url + "/join.data");
    expect(data.status).toBe(503);

    await proxy.restore();
    expect((await fetch(server.url + "/healthz")).status).toBe(200);
    expect((await fetch(server.url + "/")).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    expect(await server.stop()).toBe(0);
  });
});
