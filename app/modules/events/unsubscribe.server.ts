import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { Language } from "~/utils/i18n.ts";
import { nonceMatches, readEventInvitationToken } from "./tokens.server.ts";

// One-click unsubscribe from gatherings' invitations (RFC 8058), by the signed token of an
// invitation's links: a person's account setting goes off (users.notify_event_invitations), a
// guest's address goes on the opt-out list. Only invitations and what follows them unasked (the
// nudge, reminders) stop; mail a person must get (sign-in links, shifts, an event's change or
// cancellation) does not.

export interface UnsubscribeTarget {
  invitationId: number;
  eventId: number;
  eventTitle: string;
  userId: number | null;
  /** A guest's address, lower-cased as the opt-out list keeps it. */
  guestEmail: string | null;
  language: Language;
  /** Unsubscribed already. */
  done: boolean;
}

/** Whom the token speaks for, or null when it is malformed, tampered with or revoked. */
export async function findUnsubscribeTarget(
  db: Database,
  token: string | undefined,
): Promise<UnsubscribeTarget | null> {
  const read = await readEventInvitationToken(db, token);
  if (!read) return null;
  const row = await db
    .selectFrom("event_invitations as i")
    .innerJoin("events as e", "e.id", "i.event_id")
    .leftJoin("users as u", "u.id", "i.user_id")
    .leftJoin("event_guests as g", "g.id", "i.guest_id")
    .select([
      "i.id",
      "i.event_id",
      "i.token_nonce",
      "i.revoked_at",
      "i.user_id",
      "e.title",
      "u.language as userLanguage",
      "u.notify_event_invitations",
      "g.email as guestEmail",
      "g.language as guestLanguage",
    ])
    .where("i.id", "=", read.invitationId)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || !nonceMatches(row.token_nonce, read.nonce)) return null;
  const guestEmail = row.guestEmail?.toLowerCase() ?? null;
  let done = row.user_id !== null ? row.notify_event_invitations === false : false;
  if (guestEmail) {
    const optOut = await db
      .selectFrom("event_guest_opt_outs")
      .select("email")
      .where("email", "=", guestEmail)
      .executeTakeFirst();
    done = optOut !== undefined;
  }
  return {
    invitationId: row.id,
    eventId: row.event_id,
    eventTitle: row.title,
    userId: row.user_id,
    guestEmail,
    language: (row.userLanguage ?? row.guestLanguage ?? "nl") as Language,
    done,
  };
}

/** Stops invitations for the token's person or guest at once. Null: no such (valid) token. */
export async function unsubscribeFromInvitations(
  db: Database,
  token: string | undefined,
  ip: string | null,
): Promise<UnsubscribeTarget | null> {
  const target = await findUnsubscribeTarget(db, token);
  if (!target) return null;
  if (target.done) return target;
  await db.transaction().execute(async (trx) => {
    if (target.userId !== null) {
      await trx
        .updateTable("users")
        .set({ notify_event_invitations: false })
        .where("id", "=", target.userId)
        .execute();
    } else if (target.guestEmail) {
      await trx
        .insertInto("event_guest_opt_outs")
        .values({ email: target.guestEmail })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
    }
    await recordAuditEvent(trx, {
      action: "event_invitations_unsubscribed",
      actorId: target.userId,
      subjectId: target.userId,
      ip,
      details: {
        eventId: target.eventId,
        invitationId: target.invitationId,
        guest: target.userId === null,
      },
    });
  });
  return { ...target, done: true };
}
