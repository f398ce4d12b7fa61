import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SIGN_INS } from "../../db/seed.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// `npm run db:seed` as an operator runs it against PostgreSQL: production mode, no SMTP_URL.

function runCli(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/cli.ts", ...args], {
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("db:seed on PostgreSQL", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.destroy());

  it("seeds a fresh database without SMTP_URL, since seeding sends no mail", async () => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.SMTP_URL;
    env.NODE_ENV = "production";
    env.DATABASE_URL = database.url!;
    const { code, output } = await runCli(["seed"], env);
    expect(output).not.toContain("SMTP_URL");
    expect(code).toBe(0);
    expect(output).toContain("Demo world created");
    const admin = await database.db
      .selectFrom("users")
      .select("email")
      .where("email", "=", DEMO_SIGN_INS[0]!.email)
      .executeTakeFirst();
    expect(admin).toBeDefined();
  });
});
