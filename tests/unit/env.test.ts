import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server.ts";

describe("parseEnv", () => {
  it("defaults to the embedded database on port 3000", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", TRUST_PROXY: false });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads PORT, DATABASE_URL and TRUST_PROXY", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_URL: "postgres://db/app", TRUST_PROXY: "1" });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: "postgres://db/app", TRUST_PROXY: 1 });
    expect(parseEnv({ TRUST_PROXY: "loopback" }).TRUST_PROXY).toBe("loopback");
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
