import { type Kysely, sql } from "kysely";

// Sessions are found by the SHA-256 (hex) of the secret in the cookie, no longer by the secret
// itself: a copy of the table signs nobody in. Rows that exist are hashed in place, so nobody is
// signed out by the upgrade (volunteers sign in rarely, and many have forgotten their password).
// Frozen in time: never imports application code.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update sessions set id = encode(sha256(convert_to(id, 'UTF8')), 'hex')`.execute(db);
}

// A hash cannot be turned back into the secret: going back ends every session.
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from sessions`.execute(db);
}
