import { type Adapter, type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from "lucia";
import type { Database } from "~/utils/db.server.ts";
import { type Actor, actorColumns, actorFromRow } from "./access.server.ts";
import { isActivityStale, recordActivity } from "~/modules/retention/activity.server.ts";
import { RETENTION } from "~/modules/retention/periods.ts";
import { hashToken } from "./tokens.server.ts";

// Sessions with lucia v3 over our own Kysely adapter. Volunteers mostly use their own phones and
// sign in rarely, so a session lasts while it is used at least every 14 days (idle expiry; lucia
// extends it when used), but never longer than 60 days from sign-in (absolute expiry).
export const IDLE_EXPIRY_DAYS = RETENTION.sessionIdleDays;
export const ABSOLUTE_EXPIRY_DAYS = RETENTION.sessionAbsoluteDays;
const DAY_MS = 24 * 60 * 60 * 1000;

interface UserAttributes {
  email: string;
  name: string;
  language: "nl" | "fr" | "en";
  /** Read with the session, so a page writes it only when it is a day old. */
  lastActiveAt: Date;
  /** The person with their roles and scope, read with the session. */
  actor: Actor;
}

declare module "lucia" {
  interface Register {
    Lucia: Lucia<{ createdAt: Date }, UserAttributes>;
    UserId: number;
    DatabaseSessionAttributes: { createdAt: Date };
    DatabaseUserAttributes: UserAttributes;
  }
}

// The cookie holds the session's secret id; the table holds only its SHA-256 (`sessions.id`), like
// the emailed tokens, so a copy of the table signs nobody in. Lucia and the rest of this module work
// with the secret; the adapter hashes it on every way into the table.
const storedId = hashToken;

function kyselyAdapter(db: Database): Adapter {
  const toSession = (
    row: { user_id: number; expires_at: Date; created_at: Date },
    id: string,
  ): DatabaseSession => ({
    id,
    userId: row.user_id,
    expiresAt: new Date(row.expires_at),
    attributes: { createdAt: new Date(row.created_at) },
  });
  return {
    async getSessionAndUser(sessionId) {
      // The person's roles and scope come in the same round trip (every signed-in page needs both).
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users as u", "u.id", "sessions.user_id")
        // A disabled or deleted account has no valid session, whatever its cookie says.
        .where("u.status", "=", "active")
        .where("sessions.id", "=", storedId(sessionId))
        .select((eb) => [
          "sessions.user_id",
          "sessions.expires_at",
          "sessions.created_at",
          "u.last_active_at",
          ...actorColumns(eb),
        ])
        .executeTakeFirst();
      if (!row) return [null, null];
      const user: DatabaseUser = {
        id: row.user_id,
        attributes: {
          email: row.email,
          name: row.name,
          language: row.language,
          lastActiveAt: row.last_active_at,
          actor: actorFromRow(row),
        },
      };
      return [toSession(row, sessionId), user];
    },
    async getUserSessions(userId) {
      const rows = await db
        .selectFrom("sessions")
        .selectAll()
        .where("user_id", "=", userId)
        .execute();
      // Only the stored hashes are known here; lucia uses these ids for nothing but listing.
      return rows.map((row) => toSession(row, row.id));
    },
    async setSession(session) {
      await db
        .insertInto("sessions")
        .values({
          id: storedId(session.id),
          user_id: session.userId,
          expires_at: session.expiresAt,
          created_at: session.attributes.createdAt,
        })
        .execute();
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await db
        .updateTable("sessions")
        .set({ expires_at: expiresAt })
        .where("id", "=", storedId(sessionId))
        .execute();
    },
    async deleteSession(sessionId) {
      await db.deleteFrom("sessions").where("id", "=", storedId(sessionId)).execute();
    },
    async deleteUserSessions(userId) {
      await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
    },
    async deleteExpiredSessions() {
      await deleteExpiredSessions(db);
    },
  };
}

/**
 * Over HTTPS the cookie is Secure and `__Host-` prefixed (bound to this host, path /); over plain
 * HTTP (the embedded demo on a laptop or a local network) a browser would drop such a cookie.
 */
function luciaFor(db: Database, secure: boolean) {
  return new Lucia(kyselyAdapter(db), {
    sessionExpiresIn: new TimeSpan(IDLE_EXPIRY_DAYS, "d"),
    sessionCookie: {
      name: secure ? "__Host-session" : "session",
      attributes: { secure, sameSite: "lax", path: "/" },
    },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
    getUserAttributes: (attributes) => attributes,
  });
}

const isSecure = (request: Request) => new URL(request.url).protocol === "https:";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  language: "nl" | "fr" | "en";
  sessionId: string;
  /** The person with their roles and scope, as loadActor gives it, from the same query. */
  actor: Actor;
}

/**
 * The signed-in person of this request, or null. Also returns a Set-Cookie header when the session
 * was extended or has ended (then the cookie is cleared).
 */
export async function readSession(
  db: Database,
  request: Request,
  now: () => Date = () => new Date(),
): Promise<{ user: SessionUser | null; setCookie: string | null }> {
  const lucia = luciaFor(db, isSecure(request));
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  if (now().getTime() - session.createdAt.getTime() > ABSOLUTE_EXPIRY_DAYS * DAY_MS) {
    await lucia.invalidateSession(session.id);
    return { user: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  if (isActivityStale(user.lastActiveAt, now())) await recordActivity(db, user.id, now());
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      sessionId: session.id,
      actor: user.actor,
    },
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
  };
}

/** Starts a new session (a new id on every sign-in) and returns its Set-Cookie header. */
export async function startSession(
  db: Database,
  request: Request,
  userId: number,
  now = new Date(),
) {
  const lucia = luciaFor(db, isSecure(request));
  const session = await lucia.createSession(userId, { createdAt: now });
  await recordActivity(db, userId, now);
  return lucia.createSessionCookie(session.id).serialize();
}

/** Ends this session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(db: Database, request: Request, sessionId: string) {
  const lucia = luciaFor(db, isSecure(request));
  await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a person: "sign out on all devices", a password change, a disabled account. */
export async function endAllSessions(db: Database, userId: number) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Ends every session of a person but this browser's (null: every one). */
export async function endOtherSessions(db: Database, userId: number, keepSessionId: string | null) {
  await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .$if(keepSessionId !== null, (qb) => qb.where("id", "!=", storedId(keepSessionId!)))
    .execute();
}

export function clearSessionCookie(request: Request) {
  return luciaFor({} as Database, isSecure(request))
    .createBlankSessionCookie()
    .serialize();
}

/** Sessions past their idle expiry or their absolute lifetime: they can sign nobody in. */
export async function deleteExpiredSessions(db: Database, now = new Date()) {
  const result = await db
    .deleteFrom("sessions")
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now),
        eb("created_at", "<=", new Date(now.getTime() - ABSOLUTE_EXPIRY_DAYS * DAY_MS)),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
