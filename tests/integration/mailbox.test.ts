import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "~/modules/mail/render.server.ts";
import {
  createMailTransport,
  listMailbox,
  readMailboxMessage,
} from "~/modules/mail/transport.server.ts";

// The embedded demo's mailbox: without SMTP_URL every message becomes an .eml file on disk.

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "dh-mailbox-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the file mailbox", () => {
  it("is empty before anything was sent, even when its folder does not exist yet", async () => {
    expect(await listMailbox(path.join(dir, "not-yet"))).toEqual([]);
  });

  it("keeps a sent message as an .eml file that listMailbox and readMailboxMessage return", async () => {
    const mailbox = path.join(dir, "mailbox");
    const transport = createMailTransport({ smtpUrl: null, mailboxDir: mailbox });
    expect(transport.kind).toBe("mailbox");
    const rendered = await renderEmail("sign_in_link", "nl", {
      name: "Jan",
      url: "http://localhost:3000/aanmelden/tok-1",
    });
    await transport.send({
      from: "Digihelpers <noreply@digihelpers.test>",
      to: "jan@example.test",
      ...rendered,
    });
    await transport.send({
      from: "Digihelpers <noreply@digihelpers.test>",
      to: "els@example.test",
      subject: "Tweede",
      html: "<p>Tweede</p>",
      text: "Tweede",
    });

    const list = await listMailbox(mailbox);
    expect(list.map((entry) => entry.to)).toEqual(["els@example.test", "jan@example.test"]);
    expect(list[1]).toMatchObject({ subject: "Je link om aan te melden bij Digihelpers" });

    const message = await readMailboxMessage(mailbox, list[1]!.id);
    expect(message?.text).toContain("http://localhost:3000/aanmelden/tok-1");
    expect(message?.text).toContain("Dag Jan,");

    // The .eml beside it is a complete message any mail program can open.
    const parsed = await simpleParser(await fs.readFile(path.join(mailbox, `${list[1]!.id}.eml`)));
    expect(parsed.subject).toBe("Je link om aan te melden bij Digihelpers");
    expect(parsed.text).toContain("http://localhost:3000/aanmelden/tok-1");
  });

  it("answers null for an unknown id and for one that tries to leave the folder", async () => {
    const mailbox = path.join(dir, "mailbox");
    expect(await readMailboxMessage(mailbox, "1700000000000-deadbeef")).toBeNull();
    expect(await readMailboxMessage(mailbox, "../../etc/passwd")).toBeNull();
  });
});
