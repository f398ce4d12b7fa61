import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

// Where mail goes: an SMTP relay (SMTP_URL) in any real deployment, otherwise a folder of .eml
// files that the embedded demo shows at /dev/mailbox.

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
  /**
   * The Message-ID header. The worker derives it from the outbox row, so the rare second delivery
   * of one message (see docs/decisions/004) carries the same id, which mail clients fold into one.
   */
  messageId?: string;
  /** Extra header fields, such as List-Unsubscribe (RFC 8058) on a gathering's invitation. */
  headers?: Record<string, string>;
}

export interface MailTransport {
  kind: "smtp" | "mailbox";
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** What the mailbox keeps beside each .eml file, so it can be listed without parsing MIME. */
export interface MailboxEntry {
  id: string;
  from: string;
  to: string;
  subject: string;
  date: string;
  text: string;
}

/** At most this many SMTP connections at once (the mail workers' concurrency is set to fit). */
export const SMTP_MAX_CONNECTIONS = 5;

export function createMailTransport(options: {
  smtpUrl?: string | null;
  mailboxDir?: string | null;
}): MailTransport {
  if (options.smtpUrl) {
    // Pooled: a connection stays open and carries message after message (nodemailer's default is one
    // connection, with its greeting and authentication, per message). Settings in SMTP_URL win.
    // The timeouts end a hung hand-over well within a mail job's expiry (EMAIL_EXPIRE_SECONDS).
    const smtp = nodemailer.createTransport({
      url: options.smtpUrl,
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
      maxMessages: 500,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      kind: "smtp",
      async send(email) {
        await smtp.sendMail(email);
      },
      close: () => smtp.close(),
    };
  }
  if (!options.mailboxDir) throw new Error("Mail needs SMTP_URL or a mailbox folder.");
  const dir = options.mailboxDir;
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    kind: "mailbox",
    async send(email) {
      const info = await stream.sendMail(email);
      const id = newMailboxId();
      const entry: MailboxEntry = {
        id,
        from: email.from,
        to: email.to,
        subject: email.subject,
        date: new Date().toISOString(),
        text: email.text,
      };
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, `${id}.eml`), info.message as Buffer);
      // The sidecar last: a message is listed only once its .eml is complete.
      await fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(entry, null, 2));
    },
    close: () => stream.close(),
  };
}

const ID_PATTERN = /^\d{13}-[0-9a-f]{8}$/;

// Sorts by time as text. Never the same millisecond twice in this process, so "newest first" holds
// for messages sent back to back; the random tail keeps other processes' messages apart.
let lastStamp = 0;
function newMailboxId() {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return `${lastStamp}-${crypto.randomBytes(4).toString("hex")}`;
}

/** The mailbox's messages, newest first. */
export async function listMailbox(dir: string): Promise<Omit<MailboxEntry, "text">[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse();
  const entries = await Promise.all(ids.map((id) => readMailboxMessage(dir, id)));
  return entries.filter((entry) => entry !== null).map(({ text: _text, ...summary }) => summary);
}

/** One message, or null when the id is malformed or unknown (never a path outside `dir`). */
export async function readMailboxMessage(dir: string, id: string): Promise<MailboxEntry | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return JSON.parse(await fs.readFile(path.join(dir, `${id}.json`), "utf8")) as MailboxEntry;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
