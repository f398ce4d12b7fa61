import path from "node:path";
import { listMailbox, readMailboxMessage } from "~/modules/mail/transport.server.ts";
import { startDemoServer } from "./server.ts";
import { eventually, startSmtpServer } from "./smtp.ts";

/**
 * The demo server with a way to read the mail it really sends, as a person would find it: on the
 * embedded default from its file mailbox (DATA_DIR/mailbox), on PostgreSQL through a real SMTP
 * server started here, which the app's worker delivers to.
 */
export async function startDemoServerWithMail() {
  const smtp = process.env.TEST_DATABASE_URL ? await startSmtpServer() : null;
  const app = await startDemoServer(smtp ? { SMTP_URL: smtp.url } : {});
  const mailboxDir = app.dataDir ? path.join(app.dataDir, "mailbox") : null;

  /** The plain text of the newest message to the address, waiting (bounded) for it to arrive. */
  async function mailTextTo(address: string, { skip = 0 } = {}): Promise<string> {
    const wanted = address.toLowerCase();
    return eventually(`a message to ${address}`, async () => {
      if (smtp) {
        const found = smtp.messages.filter((mail) =>
          [mail.to ?? []]
            .flat()
            .some((to) => to.value.some((box) => box.address?.toLowerCase() === wanted)),
        );
        return found[skip]?.text;
      }
      // Newest first in the folder; oldest first here, like the SMTP list.
      const entries = (await listMailbox(mailboxDir!))
        .filter((entry) => entry.to.toLowerCase().includes(wanted))
        .reverse();
      const entry = entries[skip];
      return entry ? (await readMailboxMessage(mailboxDir!, entry.id))?.text : undefined;
    });
  }

  return {
    ...app,
    mailTextTo,
    async close() {
      await app.close();
      await smtp?.close();
    },
  };
}

/** The first link in a message's text whose path starts with `prefix`. */
export function linkIn(text: string, prefix: string): URL {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = text.match(new RegExp(`https?://[^\\s<>"]+${escaped}[\\w-]+`));
  if (!match) throw new Error(`No ${prefix} link in the message:\n${text}`);
  return new URL(match[0]);
}
