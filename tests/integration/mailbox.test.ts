import { simpleParser } from "mailparser";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  MAILBOX_LIMIT,
  listMailbox,
  readMailboxMessage,
  readMailboxRaw,
  storeMailboxMessage,
} from "~/modules/mail/mailbox.server.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import { RETENTION } from "~/modules/retention/periods.ts";
import type { DatabaseHandle } from "~/utils/db.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

// The embedded demo's mailbox: without SMTP_URL every message becomes a row of mailbox_messages,
// which every process of the deployment reads (docs/decisions/029-mailbox-in-the-database.md).

let database: TestDatabase;
let other: DatabaseHandle | null = null;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await other?.close();
  await database?.destroy();
});
beforeEach(async () => {
  await database.db.deleteFrom("mailbox_messages").execute();
});

const plain = (to: string, subject = "Een bericht") => ({
  from: "Digihelpers <noreply@digihelpers.test>",
  to,
  subject,
  html: `<p>${subject}</p>`,
  text: subject,
});

describe("the local mailbox", () => {
  it("is empty before anything was sent", async () => {
    expect(await listMailbox(database.db)).toEqual([]);
  });

  it("keeps a sent message that listMailbox and readMailboxMessage return, newest first", async () => {
    const transport = createMailTransport({ smtpUrl: null, db: database.db });
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
    await transport.send(plain("els@example.test", "Tweede"));

    const list = await listMailbox(database.db);
    expect(list.map((entry) => entry.to)).toEqual(["els@example.test", "jan@example.test"]);
    expect(list[1]).toMatchObject({ subject: "Je link om aan te melden bij Digihelpers" });

    const message = await readMailboxMessage(database.db, String(list[1]!.id));
    expect(message?.text).toContain("http://localhost:3000/aanmelden/tok-1");
    expect(message?.text).toContain("Dag Jan,");

    // The raw message is complete: any mail program can open it.
    const parsed = await simpleParser((await readMailboxRaw(database.db, String(list[1]!.id)))!);
    expect(parsed.subject).toBe("Je link om aan te melden bij Digihelpers");
    expect(parsed.text).toContain("http://localhost:3000/aanmelden/tok-1");
  });

  it("answers null for an unknown id and for malformed ones", async () => {
    for (const id of ["999999", "1700000000000-deadbeef", "../../etc/passwd", "0", "2147483648"])
      expect(await readMailboxMessage(database.db, id), id).toBeNull();
    expect(await readMailboxRaw(database.db, "999999")).toBeNull();
  });

  it(`keeps only the newest ${MAILBOX_LIMIT} messages`, async () => {
    // Filled in one statement; the bound is applied by the next message stored.
    await sql`insert into mailbox_messages (from_address, to_address, subject, text, raw)
      select 'a@example.test', 'old-' || n || '@example.test', 'Oud ' || n, 'tekst', 'raw'
      from generate_series(1, ${MAILBOX_LIMIT + 20}) as n`.execute(database.db);
    await storeMailboxMessage(database.db, {
      from: "a@example.test",
      to: "new@example.test",
      subject: "Nieuw",
      text: "tekst",
      raw: "raw",
    });
    const list = await listMailbox(database.db);
    const { n } = await database.db
      .selectFrom("mailbox_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(MAILBOX_LIMIT);
    expect(list).toHaveLength(MAILBOX_LIMIT);
    expect(list[0]!.to).toBe("new@example.test");
    // The oldest 21 went: the newest old one stays, the 21st oldest does not.
    expect(list.at(-1)!.to).toBe("old-22@example.test");
  });

  it("drops a message older than the mail bodies' retention period, and not a day before", async () => {
    const daysAgo = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;
    for (const [to, days] of [
      ["past@example.test", RETENTION.mailBodyDays + 1],
      ["within@example.test", RETENTION.mailBodyDays - 1],
    ] as const)
      await database.db
        .insertInto("mailbox_messages")
        .values({
          from_address: "a@example.test",
          to_address: to,
          subject: "Oud",
          text: "tekst",
          raw: "raw",
          created_at: daysAgo(days),
        })
        .execute();
    await createMailTransport({ db: database.db }).send(plain("today@example.test"));
    expect((await listMailbox(database.db)).map((m) => m.to)).toEqual([
      "today@example.test",
      "within@example.test",
    ]);
  });

  it("is one mailbox for every process on the database", async () => {
    if (!database.url) return; // PGlite in memory belongs to one process by nature.
    const { openDatabase } = await import("~/utils/db.server.ts");
    const second = await openDatabase({ databaseUrl: database.url, poolMax: 2 });
    other = second;
    await createMailTransport({ db: database.db }).send(plain("one@example.test"));
    await createMailTransport({ db: second.db }).send(plain("two@example.test"));
    const seenByOne = (await listMailbox(database.db)).map((m) => m.to);
    const seenByTwo = (await listMailbox(second.db)).map((m) => m.to);
    expect(seenByOne).toEqual(["two@example.test", "one@example.test"]);
    expect(seenByTwo).toEqual(seenByOne);
  });
});
