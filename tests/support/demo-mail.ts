import { simpleParser } from "mailparser";
import { startDemoServer } from "./server.ts";
import { eventually, startSmtpServer } from "./smtp.ts";

/**
 * The demo server with a way to read the mail it really sends, as a person would find it: on the
 * embedded default from its local mailbox (the /dev/mailbox pages, open to this machine), on
 * PostgreSQL through a real SMTP server started here, which the app's worker delivers to.
 */
export async function startDemoServerWithMail() {
  const smtp = process.env.TEST_DATABASE_URL ? await startSmtpServer() : null;
  const app = await startDemoServer(smtp ? { SMTP_URL: smtp.url } : {});
  const base = app.server.url;
  // Each message of the local mailbox, parsed once: messages never change.
  const parsed = new Map<number, { to: string; text: string }>();

  /** The local mailbox's messages, oldest first (like the SMTP list). */
  async function localMessages() {
    const list = await fetch(`${base}/dev/mailbox`);
    if (list.status !== 200) throw new Error(`/dev/mailbox answered ${list.status}`);
    const ids = [...(await list.text()).matchAll(/href="\/dev\/mailbox\/(\d+)"/g)]
      .map((match) => Number(match[1]))
      .sort((a, b) => a - b);
    for (const id of ids) {
      if (parsed.has(id)) continue;
      const raw = await fetch(`${base}/dev/mailbox/${id}/raw`);
      if (raw.status !== 200) throw new Error(`/dev/mailbox/${id}/raw answered ${raw.status}`);
      const mail = await simpleParser(await raw.text());
      const to = [mail.to ?? []]
        .flat()
        .flatMap((address) => address.value.map((box) => box.address ?? ""))
        .join(", ");
      parsed.set(id, { to, text: mail.text ?? "" });
    }
    return ids.map((id) => parsed.get(id)!);
  }

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
      const found = (await localMessages()).filter((mail) =>
        mail.to.toLowerCase().split(", ").includes(wanted),
      );
      return found[skip]?.text;
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
