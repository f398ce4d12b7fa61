import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Database } from "../app/utils/db.server.ts";
import type { JobQueue, ProcessRole } from "../app/utils/jobs.server.ts";
import { logger, redactUrl, requestContext } from "../app/utils/log.server.ts";
import { compressAnswers, writeInBursts } from "./compression.ts";
import { readinessHandler } from "./health.ts";

export interface HttpAppOptions {
  build: ServerBuild;
  db: Database;
  jobs: JobQueue;
  /** Read per request: the port is only known once the server listens. */
  appUrl: () => string;
  localMailbox: boolean;
  secret: string;
  mode: "production" | "development" | "test";
  trustProxy: boolean | number | string;
  /** Which part of the work this process does (PROCESS_ROLE), for the readiness answer. */
  role?: ProcessRole;
  publicDir?: string;
}

/** A path whose last segment names a file: `/favicon.svg`, not `/shifts/list`. */
const HAS_EXTENSION = /\.[^/]*$/;

/** Seconds a client is asked to wait while the database is out of reach. */
const RETRY_AFTER_SECONDS = 30;

/** The HTTP side: security headers, compression, static files, the same-origin check, then Remix. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const publicDir = options.publicDir ?? path.resolve("public");
  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer, so req.secure reflects the client's connection (for HSTS).
  app.set("trust proxy", options.trustProxy);

  app.use(logRequests(options.trustProxy !== false));
  app.get("/readyz", readinessHandler({ ...options, role: options.role ?? "all" }));

  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": [
            "'self'",
            (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`,
          ],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
        },
      },
      // Sent below, only over HTTPS: on plain HTTP it would be ignored and only confuse.
      strictTransportSecurity: false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
      xFrameOptions: { action: "deny" },
    }),
  );
  app.use((req, res, next) => {
    if (req.secure)
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  // `npm start` serves phones directly, with no proxy in front to compress: the app does it.
  app.use(compressAnswers());

  // Fingerprinted build output may be cached for a year; the rest of public/ for an hour.
  app.use(
    "/build",
    express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }),
  );
  // The rest of public/ is files named with an extension (favicon.svg, robots.txt): a page's path
  // has no dot in its last segment and goes straight on, without a stat of the disk per request.
  const publicFiles = express.static(publicDir, { maxAge: "1h" });
  app.use((req, res, next) =>
    HAS_EXTENSION.test(req.path) ? publicFiles(req, res, next) : next(),
  );

  app.use(rejectCrossOriginWrites);
  app.use(closeAfterUnreadBody);
  app.use(answerOutagesWith503);

  app.all(
    "*",
    privateByDefault,
    writeInBursts,
    createRequestHandler({
      build: options.build,
      mode: options.mode,
      getLoadContext: (req, res) => ({
        outage: res.locals.outage as { database: boolean },
        db: options.db,
        jobs: options.jobs,
        cspNonce: res.locals.cspNonce as string,
        appUrl: options.appUrl(),
        localMailbox: options.localMailbox,
        clientIp: req.ip ?? "unknown",
        secret: options.secret,
      }),
    }),
  );
  return app;
}

/** A request id we accept from the proxy in front: short, and nothing a log viewer would misread. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Answers that would only drown the rest: build assets, and the load balancer's checks. */
const QUIET_PATHS = /^\/(build\/|favicon|healthz$|readyz$)/;

/**
 * One JSON line per answered request, and a request id on it, on every line logged while the
 * request runs (requestContext) and in the X-Request-Id header. An incoming X-Request-Id is kept
 * only behind a trusted proxy (TRUST_PROXY); otherwise anyone could forge ids into our logs. The
 * line holds the method, the URL with its tokens redacted, the status and the time: never headers
 * (cookies, authorization), bodies or the client's address.
 */
function logRequests(trustIncomingId: boolean) {
  const httpLogger = pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId(req, res) {
      const incoming = req.headers["x-request-id"];
      const id =
        trustIncomingId && typeof incoming === "string" && SANE_REQUEST_ID.test(incoming)
          ? incoming
          : crypto.randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel(req, res, error) {
      if (error || res.statusCode >= 500) return "error";
      return QUIET_PATHS.test(req.url ?? "") ? "debug" : "info";
    },
    wrapSerializers: false,
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: (req, res) =>
      `${req.method} ${redactUrl(req.url ?? "")} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${redactUrl(req.url ?? "")} ${res.statusCode}`,
    // One line per request, when it is answered (not also when it arrives).
    customAttributeKeys: { reqId: "reqId" },
  });
  return (req: express.Request, res: express.Response, next: express.NextFunction) => {
    httpLogger(req, res);
    requestContext.run({ reqId: String(req.id) }, next);
  };
}

/**
 * Whatever Remix answers depends on the session or carries the browser's CSRF token (every page
 * shows who is signed in; loaders and resource routes read the session), so no browser or proxy may
 * keep a copy, unless the response names its own caching (Remix's versioned route manifest). One
 * place for every page, data request and resource route, rather than a header in each route.
 */
function privateByDefault(
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    if (!this.hasHeader("Cache-Control")) this.setHeader("Cache-Control", "private, no-store");
    return writeHead.apply(this, args);
  } as typeof res.writeHead;
  next();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** How long a connection may go on sending a refused body before it is cut (as nginx lingers). */
const LINGER_MS = 2_000;

/**
 * A body refused before it was read (too large: app/utils/forms.server.ts) must not be read to
 * its end afterwards: once the answer is out, the connection is closed instead of being drained.
 */
function closeAfterUnreadBody(
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  if (!SAFE_METHODS.has(req.method))
    res.once("finish", () => {
      if (req.complete) return;
      req.socket.end();
      setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
    });
  next();
}

/**
 * When a request failed because the database is out of reach (handleError marks it), its 500 is
 * a 503 with Retry-After: the same for pages, data requests and resource routes.
 */
function answerOutagesWith503(
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  const outage = { database: false };
  res.locals.outage = outage;
  const writeHead = res.writeHead;
  res.writeHead = function (this: express.Response, ...args: Parameters<typeof writeHead>) {
    if (outage.database && (args[0] === 500 || args[0] === 503)) {
      args[0] = 503;
      this.statusCode = 503;
      if (!this.getHeader("Retry-After"))
        this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
}

const ONE_CLICK_PATHS = /^\/events\/unsubscribe\/[^/]+$/;

/**
 * A request that can change state must come from one of our own pages: its Origin (or, failing
 * that, its Referer) names this host. The accounts capability adds a token on top.
 */
function rejectCrossOriginWrites(
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
) {
  if (SAFE_METHODS.has(req.method)) return next();
  // RFC 8058 one-click unsubscribe: the mail provider posts from its own servers, with no Origin.
  // The signed token in the path is the proof; the POST only ever stops invitations.
  if (ONE_CLICK_PATHS.test(req.path)) return next();
  const expected = `${req.protocol}://${req.get("host")}`;
  const source = req.get("origin") ?? originOf(req.get("referer"));
  if (source === expected) return next();
  res.status(403).type("text/plain").send("Cross-origin request refused");
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
