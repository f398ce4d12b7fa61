import crypto from "node:crypto";
import type { EventInvitationLinks } from "~/modules/mail/messages.ts";
import type { Database } from "~/utils/db.server.ts";
import { ensureCookieSecret } from "~/utils/secrets.server.ts";

// The token in an invitation's answer and unsubscribe links (docs/decisions/022): the invitation's
// id, a random nonce kept on its row (128 bits), and an HMAC-SHA-256 over both under a key derived
// from the app's secret (128 bits kept). A tampered token fails the MAC before the database is
// asked; a token whose nonce no longer matches its row (a new link was made, or the invitation was
// withdrawn) is revoked. Mails can be made again from the row (a resend, a reminder), so nothing
// secret needs keeping beside it.

const NONCE_BYTES = 16;
const MAC_BYTES = 16;
const TOKEN_PATTERN = /^(\d{1,10})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

/** A fresh nonce for an invitation row (22 base64url characters). */
export function newTokenNonce(): string {
  return crypto.randomBytes(NONCE_BYTES).toString("base64url");
}

const keys = new WeakMap<object, Promise<Buffer>>();

/** The signing key: derived from the cookie secret (kept in the database, or COOKIE_SECRET). */
function signingKey(db: Database): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = ensureCookieSecret(db, process.env.COOKIE_SECRET).then((secret) =>
      crypto.createHmac("sha256", secret).update("event-invitation-token").digest(),
    );
    keys.set(db, key);
  }
  return key;
}

function mac(key: Buffer, invitationId: number, nonce: string): Buffer {
  return crypto
    .createHmac("sha256", key)
    .update(`${invitationId}.${nonce}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

/** The token for an invitation's links. */
export async function eventInvitationToken(
  db: Database,
  invitation: { id: number; token_nonce: string },
): Promise<string> {
  const key = await signingKey(db);
  return `${invitation.id}.${invitation.token_nonce}.${mac(key, invitation.id, invitation.token_nonce).toString("base64url")}`;
}

/**
 * Reads a token: the invitation id and nonce it names when its signature holds, else null. The
 * caller still checks the nonce against the row (a revoked token has a good signature).
 */
export async function readEventInvitationToken(
  db: Database,
  token: string | undefined,
): Promise<{ invitationId: number; nonce: string } | null> {
  const match = token ? TOKEN_PATTERN.exec(token) : null;
  if (!match) return null;
  const invitationId = Number(match[1]);
  if (!Number.isSafeInteger(invitationId) || invitationId < 1 || invitationId > 2_147_483_647)
    return null;
  const nonce = match[2]!;
  const given = Buffer.from(match[3]!, "base64url");
  // base64url ignores the low bits of a 22nd character: only the one spelling of the MAC counts.
  if (given.toString("base64url") !== match[3]) return null;
  const expected = mac(await signingKey(db), invitationId, nonce);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return { invitationId, nonce };
}

/** Whether the nonce a token carries is the row's current one (compared in constant time). */
export function nonceMatches(rowNonce: string, tokenNonce: string): boolean {
  const a = Buffer.from(rowNonce);
  const b = Buffer.from(tokenNonce);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The answer page; with a response, the page opens with that answer chosen (still to confirm). */
export const eventAnswerUrl = (appUrl: string, token: string, response?: "yes" | "no" | "maybe") =>
  `${appUrl}/events/answer/${token}${response ? `?response=${response}` : ""}`;

/** The one-click unsubscribe link (RFC 8058): a POST stops invitations, a GET asks to confirm. */
export const eventUnsubscribeUrl = (appUrl: string, token: string) =>
  `${appUrl}/events/unsubscribe/${token}`;

/** Every link an invitation's emails carry, made from its row. */
export async function eventInvitationLinks(
  db: Database,
  appUrl: string,
  invitation: { id: number; token_nonce: string },
): Promise<EventInvitationLinks> {
  const token = await eventInvitationToken(db, invitation);
  return {
    answerUrl: eventAnswerUrl(appUrl, token),
    yesUrl: eventAnswerUrl(appUrl, token, "yes"),
    noUrl: eventAnswerUrl(appUrl, token, "no"),
    maybeUrl: eventAnswerUrl(appUrl, token, "maybe"),
    unsubscribeUrl: eventUnsubscribeUrl(appUrl, token),
  };
}
