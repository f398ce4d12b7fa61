import nodemailer from "nodemailer";
import type { Database } from "~/utils/db.server.ts";
import { storeMailboxMessage } from "./mailbox.server.ts";

// Where mail goes: an SMTP relay (SMTP_URL) in any real deployment, otherwise the local mailbox,
// a table in the database that the embedded demo shows at /dev/mailbox (mailbox.server.ts).

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

/** At most this many SMTP connections at once (the mail workers' concurrency is set to fit). */
export const SMTP_MAX_CONNECTIONS = 5;

export function createMailTransport(options: {
  smtpUrl?: string | null;
  /** The database that holds the local mailbox, used when there is no SMTP_URL. */
  db?: Database | null;
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
  if (!options.db) throw new Error("Mail needs SMTP_URL or a database for the local mailbox.");
  const db = options.db;
  // The message as a relay would receive it, built in memory rather than sent anywhere.
  const stream = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    kind: "mailbox",
    async send(email) {
      const info = await stream.sendMail(email);
      await storeMailboxMessage(db, {
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        raw: (info.message as Buffer).toString("utf8"),
      });
    },
    close: () => stream.close(),
  };
}
