import pino from "pino";

// The one logger: JSON lines on stdout, which the process supervisor or container runtime collects.
// Request handlers log through the request's child logger (it carries the request id); code outside
// a request (jobs, start-up) logs here with a `component` field. Never pass personal data or
// secrets: log ids, not email addresses, names, tokens or cookies.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { pid: process.pid },
});

export type Logger = typeof logger;
