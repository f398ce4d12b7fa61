import type { AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { requireAdmin } from "~/modules/auth/guards.server.ts";
import { RETENTION } from "~/modules/retention/periods.ts";
import type { Database } from "~/utils/db.server.ts";
import { readId } from "~/utils/ids.ts";

// The local mailbox of the embedded demo: without SMTP_URL the mail transport keeps each message
// in the `mailbox_messages` table, and the /dev/mailbox pages show it. A table rather than a
// folder, so several processes on one database share one mailbox (docs/decisions/029).
// With real mail the pages answer 404 like any unknown address.

/**
 * The newest messages kept. A demo sends tens a day; the mailbox is for following a link just
 * sent, not an archive, and must not grow for as long as a demo machine runs.
 */
export const MAILBOX_LIMIT = 500;
/** The bound as the mailbox page states it. */
export const MAILBOX_BOUND = { count: MAILBOX_LIMIT, days: RETENTION.mailBodyDays };

export interface MailboxMessage {
  id: number;
  from: string;
  to: string;
  subject: string;
  /** ISO 8601. */
  date: string;
  text: string;
}

/**
 * Keeps one message, then drops what is past the bound: anything beyond the newest MAILBOX_LIMIT,
 * and bodies older than the mail log keeps bodies (RETENTION.mailBodyDays), as the outbox does.
 */
export async function storeMailboxMessage(
  db: Database,
  message: { from: string; to: string; subject: string; text: string; raw: string },
): Promise<number> {
  const { id } = await db
    .insertInto("mailbox_messages")
    .values({
      from_address: message.from,
      to_address: message.to,
      subject: message.subject,
      text: message.text,
      raw: message.raw,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom("mailbox_messages")
    .where((eb) =>
      eb.or([
        eb("created_at", "<", sql<Date>`now() - make_interval(days => ${RETENTION.mailBodyDays})`),
        eb(
          "id",
          "<=",
          eb
            .selectFrom("mailbox_messages")
            .select("id")
            .orderBy("id", "desc")
            .limit(1)
            .offset(MAILBOX_LIMIT),
        ),
      ]),
    )
    .execute();
  return id;
}

/** The mailbox's messages without their text, newest first. */
export async function listMailbox(db: Database): Promise<Omit<MailboxMessage, "text">[]> {
  const rows = await db
    .selectFrom("mailbox_messages")
    .select(["id", "from_address", "to_address", "subject", "created_at"])
    .orderBy("id", "desc")
    .limit(MAILBOX_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    from: row.from_address,
    to: row.to_address,
    subject: row.subject,
    date: row.created_at.toISOString(),
  }));
}

/** One message, or null when the id is malformed or unknown. */
export async function readMailboxMessage(db: Database, id: string): Promise<MailboxMessage | null> {
  const row = await readMailboxRow(db, id);
  if (!row) return null;
  return {
    id: row.id,
    from: row.from_address,
    to: row.to_address,
    subject: row.subject,
    date: row.created_at.toISOString(),
    text: row.text,
  };
}

/** One message as a mail program opens it (RFC 5322), or null. */
export async function readMailboxRaw(db: Database, id: string): Promise<string | null> {
  return (await readMailboxRow(db, id))?.raw ?? null;
}

async function readMailboxRow(db: Database, id: string) {
  const value = readId(id);
  if (value === null) return null;
  return (
    (await db
      .selectFrom("mailbox_messages")
      .selectAll()
      .where("id", "=", value)
      .executeTakeFirst()) ?? null
  );
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Whether this request may read the local mailbox: false when mail goes out for real (the route
 * answers 404). The mailbox holds sign-in and reset links, so it is shown to this machine itself
 * (a trainer's laptop) or to an administrator, never to anyone else who can reach an embedded demo.
 */
export async function openMailbox(request: Request, context: AppLoadContext): Promise<boolean> {
  if (!context.localMailbox) return false;
  if (!LOOPBACK.has(context.clientIp)) await requireAdmin(request, context);
  return true;
}

export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string };

/** A message's plain text cut into text and http(s) links, to show without its HTML; null if none. */
export async function getMailboxMessage(db: Database, id: string) {
  const entry = await readMailboxMessage(db, id);
  if (!entry) return null;
  const parts = splitLinks(entry.text);
  const links = [...new Set(parts.flatMap((part) => (part.kind === "link" ? [part.href] : [])))];
  return { ...entry, parts, links };
}

const URL_PATTERN = /https?:\/\/[^\s<>"'\])]+/g;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // A sentence's full stop or comma right after an address is not part of it.
    const href = match[0].replace(/[.,;:!?]+$/, "");
    if (match.index > at) parts.push({ kind: "text", text: text.slice(at, match.index) });
    parts.push({ kind: "link", href });
    at = match.index + href.length;
  }
  if (at < text.length) parts.push({ kind: "text", text: text.slice(at) });
  return parts;
}
