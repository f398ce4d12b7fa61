import crypto from "node:crypto";
import type { Database } from "./db.server.ts";

/**
 * The secret that signs cookies and CSRF tokens. Made once and kept in the database, so every web
 * process behind a load balancer signs alike and nothing needs configuring; COOKIE_SECRET overrides.
 */
export async function ensureCookieSecret(db: Database, override?: string): Promise<string> {
  if (override) return override;
  await db
    .insertInto("app_settings")
    .values({ key: "cookie_secret", value: crypto.randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("app_settings")
    .select("value")
    .where("key", "=", "cookie_secret")
    .executeTakeFirstOrThrow();
  return row.value;
}
