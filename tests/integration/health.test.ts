import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseReachable, openDatabase } from "~/utils/db.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startTcpProxy } from "../support/tcp-proxy.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

describe("isDatabaseReachable", () => {
  it("is true while the database answers", async () => {
    expect(await isDatabaseReachable(database.db)).toBe(true);
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "turns false while the server is cut off and true again once it is back",
    async () => {
      const url = new URL(database.url!);
      const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.host = `127.0.0.1:${proxy.port}`;
      const viaProxy = await openDatabase({ databaseUrl: url.toString(), poolMax: 2 });
      try {
        expect(await isDatabaseReachable(viaProxy.db)).toBe(true);
        await proxy.cut();
        expect(await isDatabaseReachable(viaProxy.db)).toBe(false);
        await proxy.restore();
        expect(await isDatabaseReachable(viaProxy.db)).toBe(true);
      } finally {
        await viaProxy.close();
        await proxy.close();
      }
    },
  );

  it("is false once an embedded database is closed", async () => {
    const embedded = await openDatabase({ dataDir: "memory" });
    expect(await isDatabaseReachable(embedded.db)).toBe(true);
    await embedded.pglite!.close();
    expect(await isDatabaseReachable(embedded.db)).toBe(false);
    await embedded.close();
  });
});
