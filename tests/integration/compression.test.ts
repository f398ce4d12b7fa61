import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { writeReadableStreamToWritable } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressAnswers, writeInBursts } from "../../server/compression.ts";

// The server's compression, with answers written the way Remix writes them
// (writeReadableStreamToWritable: a piece, then a flush, per piece of the body stream). The whole
// app's answers are in tests/e2e/compression.test.ts.

/** The body of the next /stream answer, handed to the test, which writes it piece by piece. */
let nextStream: Promise<ReadableStreamDefaultController<Uint8Array>>;
let giveStream: (controller: ReadableStreamDefaultController<Uint8Array>) => void;
let server: http.Server;
let bare: http.Server;
let base: string;
let bareBase: string;

const encoder = new TextEncoder();
/** A page's worth of HTML-like text in React's 2 KB pieces, each a little different. */
const pieces = Array.from(
  { length: 40 },
  (_, i) =>
    `<li class="shift"><a href="/shifts/${i}">Dienst ${i}</a> ${"<span>vrij</span>".repeat(110)}</li>\n`,
);

function routes(app: express.Express) {
  app.get("/stream", (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    const body = new ReadableStream<Uint8Array>({ start: (c) => giveStream(c) });
    void writeReadableStreamToWritable(body, res);
  });
  app.get("/page", (_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    // All pieces at once, as a page rendered in one go.
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const piece of pieces) c.enqueue(encoder.encode(piece));
        c.close();
      },
    });
    void writeReadableStreamToWritable(body, res);
  });
  app.get("/small", (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode(JSON.stringify({ ok: true, items: [1, 2, 3] })));
        c.close();
      },
    });
    void writeReadableStreamToWritable(body, res);
  });
  app.get("/picture.png", (_req, res) => {
    res.type("png").send(Buffer.alloc(4096, 7));
  });
}

async function listen(app: express.Express) {
  const listening = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => listening.once("listening", () => resolve()));
  return { listening, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  const app = express();
  app.use(compressAnswers());
  app.use(writeInBursts);
  routes(app);
  ({ listening: server, url: base } = await listen(app));
  // The control: compression alone, flushed after every piece as Remix asks.
  const control = express();
  control.use(compressAnswers());
  routes(control);
  ({ listening: bare, url: bareBase } = await listen(control));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => bare?.close(resolve));
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET as the bytes arrive: node's http client never decompresses. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<Raw>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on("error", reject);
  });
}

const decoders = {
  gzip: () => zlib.createGunzip(),
  br: () => zlib.createBrotliDecompress(),
};

describe("compression of answers written as Remix writes them", () => {
  for (const encoding of ["gzip", "br"] as const) {
    it(`lets a streamed page arrive part by part (${encoding})`, async () => {
      const first = `<!DOCTYPE html><html><body><h1>Diensten</h1>${"<p>deel een</p>".repeat(200)}`;
      const second = `${"<p>deel twee</p>".repeat(200)}</body></html>`;
      const events: string[] = [];
      nextStream = new Promise((resolve) => (giveStream = resolve));
      const received = new Promise<{ headers: http.IncomingHttpHeaders; text: string }>(
        (resolve, reject) => {
          http
            .get(`${base}/stream`, { headers: { "Accept-Encoding": encoding } }, (response) => {
              let text = "";
              let firstSeen = false;
              const decoded = response.pipe(decoders[encoding]());
              decoded.on("data", (chunk: Buffer) => {
                text += chunk.toString();
                if (!firstSeen && text === first) {
                  firstSeen = true;
                  events.push("first part read");
                  // Only now does the server write the rest: the first part came on its own.
                  streamed.enqueue(encoder.encode(second));
                  streamed.close();
                }
              });
              decoded.on("end", () => resolve({ headers: response.headers, text }));
              decoded.on("error", reject);
            })
            .on("error", reject);
        },
      );
      // The first part goes out alone; the second only once the client has read the first.
      const streamed = await nextStream;
      streamed.enqueue(encoder.encode(first));
      const { headers, text } = await received;

      expect(events).toEqual(["first part read"]);
      expect(text).toBe(first + second);
      expect(headers["content-encoding"]).toBe(encoding);
      expect(headers["transfer-encoding"]).toBe("chunked");
      expect(headers["content-length"]).toBeUndefined();
      expect(headers.vary).toBe("Accept-Encoding");
    });
  }

  it("sends the pieces written in one turn as one compressed whole", async () => {
    const whole = pieces.join("");
    const ideal = zlib.gzipSync(whole).length;
    const page = await get(`${base}/page`, { "Accept-Encoding": "gzip" });
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(page.body).toString()).toBe(whole);
    expect(page.body.length).toBeLessThan(ideal * 1.05);

    // Control: flushed after every 2 KB piece, the same page is much larger.
    const control = await get(`${bareBase}/page`, { "Accept-Encoding": "gzip" });
    expect(zlib.gunzipSync(control.body).toString()).toBe(whole);
    expect(control.body.length).toBeGreaterThan(ideal * 1.5);
  });

  it("leaves a small answer and an already compressed one as they are", async () => {
    const small = await get(`${base}/small`, { "Accept-Encoding": "gzip, br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers["content-length"]).toBe(String(small.body.length));
    expect(JSON.parse(small.body.toString())).toEqual({ ok: true, items: [1, 2, 3] });

    const picture = await get(`${base}/picture.png`, { "Accept-Encoding": "gzip, br" });
    expect(picture.headers["content-encoding"]).toBeUndefined();
    expect(picture.body).toEqual(Buffer.alloc(4096, 7));
  });

  it("sends everything plain to a client that asks for no compression", async () => {
    const page = await get(`${base}/page`);
    expect(page.headers["content-encoding"]).toBeUndefined();
    expect(page.body.toString()).toBe(pieces.join(""));
  });
});
