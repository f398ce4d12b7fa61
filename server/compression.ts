import zlib from "node:zlib";
import type express from "express";
import compression from "compression";

/**
 * Below this many bytes an answer goes out as it is: gzip's own header and the work of a
 * compressor per request would cost about what they save.
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli's quality: 5 makes the framework's 263 KB script 6% smaller than 4 (compression's
 * default, where brotli came out larger than gzip) for about the same time (10-20 ms here);
 * 9 and up take ten times as long.
 */
const BROTLI_QUALITY = 5;

/**
 * gzip, or brotli when the browser asks for it (compression 1.8 prefers br), for every
 * compressible type (HTML, JSON, JavaScript, CSS, SVG, .ics, CSV, Remix's data answers); images
 * and archives are already compressed and are left alone.
 */
export function compressAnswers(): express.RequestHandler {
  return compression({
    threshold: COMPRESSION_THRESHOLD,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  });
}

/**
 * Remix writes a page in React's small pieces (about 2 KB) and flushes after each one, so that a
 * streamed page reaches the browser as it is rendered. Flushing the compressor after every small
 * piece costs ratio (each flush closes a deflate block) and packets. Here the pieces written in one
 * turn of the event loop go out together with one flush: a streamed page still arrives part by part
 * (a part that waits for data comes in a later burst), each part compressed as a whole.
 *
 * An answer written whole in its first turn gets its Content-Length, so the compressor can leave a
 * small one alone (it only knows a streamed answer's size from that header).
 */
export function writeInBursts(
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  // compression() set these on the response: write through it.
  const write = res.write as (chunk: Buffer) => boolean;
  const end = res.end as (chunk: Buffer, callback?: () => void) => express.Response;
  const flush = res.flush as (() => void) | undefined;
  let held: Buffer[] = [];
  let burst: NodeJS.Immediate | null = null;
  let released = false;

  const release = () => {
    burst = null;
    if (res.destroyed || res.writableEnded) return;
    released = true;
    for (const chunk of held) write.call(res, chunk);
    held = [];
    flush?.call(res);
  };

  res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
    held.push(toBuffer(chunk, encoding));
    burst ??= setImmediate(release);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  } as typeof res.write;

  // The burst's own flush follows at the end of the turn.
  res.flush = () => {};

  res.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (burst) clearImmediate(burst);
    burst = null;
    if (typeof chunk === "function") {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encoding === "function") {
      callback = encoding;
    }
    if (chunk !== undefined && chunk !== null) held.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(held);
    held = [];
    if (
      !released &&
      body.length > 0 &&
      !res.headersSent &&
      !res.hasHeader("Content-Length") &&
      req.method !== "HEAD"
    )
      res.setHeader("Content-Length", body.length);
    return end.call(res, body, callback as (() => void) | undefined);
  } as typeof res.end;

  next();
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string")
    return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
  throw new TypeError("A response body piece must be a string, Buffer or Uint8Array");
}
