import type { AppLoadContext } from "@remix-run/node";
import { listMailbox, readMailboxMessage } from "./transport.server.ts";

// The /dev/mailbox pages: the embedded demo's mail, readable in the browser. They exist only
// while no SMTP_URL is set; with real mail they answer 404 like any unknown address.

function localMailbox(context: AppLoadContext): string {
  if (context.mailboxDir === null) throw new Response(null, { status: 404 });
  return context.mailboxDir;
}

export async function getMailboxList(context: AppLoadContext) {
  return listMailbox(localMailbox(context));
}

export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string };

/** A message's plain text cut into text and http(s) links, to show without its HTML. */
export async function getMailboxMessage(context: AppLoadContext, id: string) {
  const entry = await readMailboxMessage(localMailbox(context), id);
  if (!entry) throw new Response(null, { status: 404 });
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
