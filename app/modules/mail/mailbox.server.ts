import type { AppLoadContext } from "@remix-run/node";
import { requireAdmin } from "~/modules/auth/guards.server.ts";
import { listMailbox, readMailboxMessage } from "./transport.server.ts";

// The /dev/mailbox pages: the embedded demo's mail, readable in the browser. They exist only
// while no SMTP_URL is set; with real mail they answer 404 like any unknown address.

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The mailbox folder this request may read, or null when mail goes out for real (the route
 * answers 404). The mailbox holds sign-in and reset links, so it is shown to this machine itself
 * (a trainer's laptop) or to an administrator, never to anyone else who can reach an embedded demo.
 */
export async function openMailbox(
  request: Request,
  context: AppLoadContext,
): Promise<string | null> {
  if (context.mailboxDir === null) return null;
  if (!LOOPBACK.has(context.clientIp)) await requireAdmin(request, context);
  return context.mailboxDir;
}

export async function getMailboxList(mailboxDir: string) {
  return listMailbox(mailboxDir);
}

export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string };

/** A message's plain text cut into text and http(s) links, to show without its HTML; null if none. */
export async function getMailboxMessage(mailboxDir: string, id: string) {
  const entry = await readMailboxMessage(mailboxDir, id);
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
