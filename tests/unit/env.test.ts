import { describe, expect, it } from "vitest";
import { appUrlFromEnv, parseEnv } from "~/utils/env.server.ts";

describe("parseEnv", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", TRUST_PROXY: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads PORT, DATABASE_URL and TRUST_PROXY", () => {
    const env = parseEnv({
      PORT: "8080",
      DATABASE_URL: "postgres://db/app",
      SMTP_URL: "smtp://relay:587",
      TRUST_PROXY: "1",
    });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: "postgres://db/app", TRUST_PROXY: 1 });
    expect(parseEnv({ TRUST_PROXY: "loopback" }).TRUST_PROXY).toBe("loopback");
  });

  it("requires an SMTP relay in production on PostgreSQL, not for the embedded demo", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://db/app" })).toThrow(/SMTP_URL: is required/);
    expect(
      parseEnv({ DATABASE_URL: "postgres://db/app", NODE_ENV: "development" }).SMTP_URL,
    ).toBeUndefined();
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
  });

  it("asks no SMTP relay of a command that sends no mail (db:migrate, db:seed)", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://db/app" }, { sendsMail: false });
    expect(env).toMatchObject({ NODE_ENV: "production", DATABASE_URL: "postgres://db/app" });
    expect(env.SMTP_URL).toBeUndefined();
    // Everything else is still checked.
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" }, { sendsMail: false })).toThrow(
      /DATABASE_URL/,
    );
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});

describe("PROCESS_ROLE and LOG_LEVEL", () => {
  const pg = { DATABASE_URL: "postgres://db/app", SMTP_URL: "smtp://relay:587" };

  it("runs everything in one process by default, and web or worker on PostgreSQL", () => {
    expect(parseEnv({}).PROCESS_ROLE).toBe("all");
    expect(parseEnv({ ...pg, PROCESS_ROLE: "web" }).PROCESS_ROLE).toBe("web");
    expect(parseEnv({ ...pg, PROCESS_ROLE: "worker" }).PROCESS_ROLE).toBe("worker");
  });

  it("refuses an unknown role, and web or worker on the embedded database", () => {
    expect(() => parseEnv({ ...pg, PROCESS_ROLE: "api" })).toThrow(
      /PROCESS_ROLE: must be web, worker or all/,
    );
    expect(() => parseEnv({ PROCESS_ROLE: "worker" })).toThrow(
      /PROCESS_ROLE: worker needs DATABASE_URL/,
    );
    expect(() => parseEnv({ PROCESS_ROLE: "web" })).toThrow(/PROCESS_ROLE: web needs DATABASE_URL/);
  });

  it("gives a worker a health port only when HEALTH_PORT names one, and refuses it for web and all", () => {
    const worker = { ...pg, PROCESS_ROLE: "worker" };
    expect(parseEnv(worker).HEALTH_PORT).toBeUndefined();
    expect(parseEnv({ ...worker, HEALTH_PORT: "" }).HEALTH_PORT).toBeUndefined();
    expect(parseEnv({ ...worker, HEALTH_PORT: "9090" }).HEALTH_PORT).toBe(9090);
    expect(() => parseEnv({ ...worker, HEALTH_PORT: "70000" })).toThrow(/HEALTH_PORT/);
    expect(() => parseEnv({ ...pg, PROCESS_ROLE: "web", HEALTH_PORT: "9090" })).toThrow(
      /HEALTH_PORT: is for PROCESS_ROLE=worker: web answers \/healthz and \/readyz on PORT/,
    );
    expect(() => parseEnv({ HEALTH_PORT: "9090" })).toThrow(/HEALTH_PORT: is for PROCESS_ROLE/);
  });

  it("gives a client 30 seconds to send its request unless HTTP_REQUEST_TIMEOUT_SECONDS says otherwise", () => {
    expect(parseEnv({}).HTTP_REQUEST_TIMEOUT_SECONDS).toBe(30);
    expect(parseEnv({ HTTP_REQUEST_TIMEOUT_SECONDS: "120" }).HTTP_REQUEST_TIMEOUT_SECONDS).toBe(
      120,
    );
    for (const bad of ["0", "301", "soon"])
      expect(() => parseEnv({ HTTP_REQUEST_TIMEOUT_SECONDS: bad })).toThrow(
        /HTTP_REQUEST_TIMEOUT_SECONDS/,
      );
  });

  it("takes a pino level, and names LOG_LEVEL when it is not one", () => {
    expect(parseEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL: must be fatal, error/);
  });
});

describe("appUrlFromEnv", () => {
  it("gives APP_URL without a trailing slash, or this machine on PORT", () => {
    expect(appUrlFromEnv({ APP_URL: "https://digihelpers.be/" })).toBe("https://digihelpers.be");
    expect(appUrlFromEnv({ PORT: "8080" })).toBe("http://localhost:8080");
    expect(appUrlFromEnv({})).toBe("http://localhost:3000");
  });
});
