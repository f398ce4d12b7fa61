import crypto from "node:crypto";
import { sql } from "kysely";
import type { TokenPurpose } from "../../../db/schema.ts";
import type { Database } from "~/utils/db.server.ts";

// Emailed one-time tokens: 256 random bits, only their SHA-256 stored, used once, short-lived.
export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  sign_in: 30,
  password_reset: 30,
  email_change: 24 * 60,
  // Invitations wait for a volunteer who reads their mail once a week.
  invitation: 14 * 24 * 60,
};

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export async function issueToken(
  db: Database,
  values: { userId: number; purpose: TokenPurpose; newEmail?: string | null; now?: Date },
): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = values.now ?? new Date();
  await db
    .insertInto("auth_tokens")
    .values({
      token_hash: hashToken(token),
      purpose: values.purpose,
      user_id: values.userId,
      new_email: values.newEmail ?? null,
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MINUTES[values.purpose] * 60_000),
    })
    .execute();
  return token;
}

/** The token's row if it is valid now; does not use it up (for showing the form behind a link). */
export async function peekToken(
  db: Database,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
) {
  return db
    .selectFrom("auth_tokens")
    .selectAll()
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/**
 * Uses the token up and returns its row, or null when it is unknown, used or expired. One UPDATE
 * with the conditions in its WHERE: of two simultaneous clicks exactly one gets the row.
 */
export async function consumeToken(
  db: Database,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
) {
  const row = await db
    .updateTable("auth_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Earlier unused tokens of the same kind stop working when a new one is sent. */
export async function revokeTokens(db: Database, userId: number, purpose: TokenPurpose) {
  await db
    .updateTable("auth_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
}
