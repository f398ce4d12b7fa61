import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import pretty from "pino-pretty";

// The one logger: JSON lines on stdout, which the process supervisor or container runtime collects
// (pretty, coloured lines when NODE_ENV=development). Every line logged while a request is handled
// carries that request's id (`reqId`), also when it is logged here rather than through a child:
// server/app.ts runs each request inside `requestContext`. Code outside a request (jobs, start-up)
// logs with a `component` field. Never pass personal data or secrets: log ids, not email addresses,
// names, tokens or cookies (request URLs go through redactUrl).

export interface RequestLogContext {
  reqId: string;
}

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

// This file is loaded twice in one process: by server/ (through tsx) and inside the Remix build.
// Both copies must share one logger and one request context, so they are kept on globalThis.
const shared = globalThis as unknown as Record<symbol, unknown>;
const CONTEXT_KEY = Symbol.for("digihelpers.log.requestContext");
const LOGGER_KEY = Symbol.for("digihelpers.log.logger");

export const requestContext = (shared[CONTEXT_KEY] ??=
  new AsyncLocalStorage<RequestLogContext>()) as AsyncLocalStorage<RequestLogContext>;

/** The level from LOG_LEVEL; an unknown value falls back here and parseEnv refuses it clearly. */
function levelFrom(env: Record<string, string | undefined>): string {
  const wanted = env.LOG_LEVEL?.toLowerCase();
  if (wanted && LEVELS.has(wanted)) return wanted;
  return env.NODE_ENV === "test" ? "warn" : "info";
}

/** What an error tells the log: never `detail` (PostgreSQL puts the row's values there). */
function serializeError(error: unknown) {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof constraint === "string" ? { constraint } : {}),
    stack: error.stack,
  };
}

function createLogger(env: Record<string, string | undefined> = process.env) {
  const options: pino.LoggerOptions = {
    level: levelFrom(env),
    base: { pid: process.pid },
    serializers: { err: serializeError, error: serializeError },
    // Adds the request id to a line logged during a request, unless the logger already binds it
    // (pino-http's request logger does).
    mixin(_object, _level, instance) {
      const context = requestContext.getStore();
      if (!context || (instance as pino.Logger).bindings().reqId) return {};
      return { reqId: context.reqId };
    },
  };
  if (env.NODE_ENV === "development") {
    return pino(options, pretty({ colorize: true, sync: true, ignore: "pid,hostname" }));
  }
  return pino(options);
}

export const logger = (shared[LOGGER_KEY] ??= createLogger()) as pino.Logger;

export type Logger = typeof logger;

// Paths whose segment after the prefix is a secret: sign-in, reset, invitation, address-change,
// answer and unsubscribe tokens, the calendar feed address, and a mailbox message (a sign-in link).
const SECRET_SEGMENT_AFTER =
  /^(\/(?:feed|invitation|reset|login\/link|account\/email|events\/answer|events\/unsubscribe|dev\/mailbox))\/[^/?#]+/;
// Any other long random-looking segment is treated as a token too (a route added later).
const TOKEN_LIKE = /^[A-Za-z0-9_-]{20,}(\.[A-Za-z]+)?$/;
// Query values kept as sent: numbers and dates (a page, an id, a month). Everything else may be
// an address, a name or a token.
const SAFE_QUERY_VALUE = /^[0-9][0-9-]{0,9}$/;

/** A request URL fit for the log: secret path segments and most query values replaced. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf("?");
  let pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
  pathname = pathname.replace(SECRET_SEGMENT_AFTER, "$1/[redacted]");
  pathname = pathname
    .split("/")
    .map((segment) => (TOKEN_LIKE.test(segment) ? "[redacted]" : segment))
    .join("/");
  if (!query) return pathname;
  const redactedQuery = query
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      if (equals === -1) return pair.length > 32 ? "[redacted]" : pair;
      const key = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      return SAFE_QUERY_VALUE.test(value) ? pair : `${key}=[redacted]`;
    })
    .join("&");
  return `${pathname}?${redactedQuery}`;
}

/** A message (an SMTP refusal, an error) with every email address in it replaced. */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, "[address]");
}
