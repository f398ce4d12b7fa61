import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "~/modules/auth/session.server.ts";
import type { EmailPayloads } from "~/modules/mail/messages.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import {
  assignRole,
  createDigibank,
  createEvent,
  createRegion,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { HttpClient, outcomeOf } from "../support/http.ts";
import { type RunningServer, startServer } from "../support/server.ts";
import { type TestSmtpServer, eventually, startSmtpServer } from "../support/smtp.ts";

// The whole way of a gathering's invitations: the real server (its job queue, the send-run job and
// the mail worker) on PostgreSQL, a real SMTP server on loopback. 500 volunteers in three
// languages; "send" pressed twice at once over HTTP; each gets exactly one invitation in their
// language, with an .ics that ical.js reads and the one-click unsubscribe headers. Following the
// answer link with a GET changes nothing; the cookieless RFC 8058 POST answers 200 without a
// redirect, and the next send leaves that person out.

const PEOPLE = 500;
type EventInvitationPayload = EmailPayloads["event_invitation"];

describe.skipIf(!process.env.TEST_DATABASE_URL)("invitations over SMTP", () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let regionId: number;
  let organiser: HttpClient;
  const people = new Map<string, { id: number; language: "nl" | "fr" | "en" }>();

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    const db = database.db;
    regionId = (await createRegion(db)).id;
    const bank = await createDigibank(db, { regionId });
    for (let i = 0; i < PEOPLE; i++) {
      const language = (["nl", "fr", "en"] as const)[i % 3]!;
      const user = await createUser(db, { language, email: `person-${i}@volunteers.example` });
      await assignRole(db, { userId: user.id, role: "volunteer", digibankId: bank.id });
      people.set(user.email.toLowerCase(), { id: user.id, language });
    }
    const staff = await createUser(db, { email: "staff@region.example" });
    await assignRole(db, { userId: staff.id, role: "regional_staff", regionId });
    server = await startServer({
      DATABASE_URL: database.url!,
      DATABASE_POOL_MAX: "10",
      SMTP_URL: smtp.url,
    });
    organiser = new HttpClient(server.url);
    organiser.setCookie(await startSession(db, new Request("http://127.0.0.1/"), staff.id));
  });

  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await database?.destroy();
  });

  const local = (url: string) => server.url + new URL(url).pathname + new URL(url).search;

  async function pressSendTwiceAtOnce(eventId: number) {
    const token = await organiser.csrfToken(`/events/manage/${eventId}/send`);
    const press = () =>
      organiser.post(`/events/manage/${eventId}/send`, { intent: "send", csrf: token });
    const answers = await Promise.all([press(), press()]);
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(outcomeOf(answer)?.tone).toBe("success");
    }
  }

  const invitationMails = (eventId: number) =>
    smtp.messages.filter((m) =>
      m.attachments.some((a) => a.content.toString().includes(`UID:event-${eventId}@digihelpers`)),
    );

  it("delivers exactly one invitation to each of 500, in their language, with .ics and unsubscribe headers", async () => {
    const event = await createEvent(database.db, { regionId, title: "Dag van de Digibank" });
    await pressSendTwiceAtOnce(event.id);
    await eventually(
      "500 invitations delivered",
      async () => invitationMails(event.id).length >= PEOPLE,
      {
        tries: 1200,
        everyMs: 250,
      },
    );
    // Anything still on its way would show up now: wait a little past the last one.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const mails = invitationMails(event.id);
    expect(mails).toHaveLength(PEOPLE);
    const byRecipient = new Map<string, ParsedMail>();
    for (const mail of mails) {
      const to = (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0]!.address!.toLowerCase();
      expect(byRecipient.has(to)).toBe(false);
      byRecipient.set(to, mail);
    }
    expect([...byRecipient.keys()].sort()).toEqual([...people.keys()].sort());

    const rows = await database.db
      .selectFrom("event_invitations as i")
      .innerJoin("email_messages as m", "m.id", "i.email_message_id")
      .select(["i.id", "i.user_id", "m.to_address", "m.language", "m.payload", "m.status"])
      .where("i.event_id", "=", event.id)
      .execute();
    expect(rows).toHaveLength(PEOPLE);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(PEOPLE);
    await eventually("all marked sent", async () => {
      const sent = await database.db
        .selectFrom("email_messages")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("idempotency_key", "like", `event_invitation:${event.id}:%`)
        .where("status", "=", "sent")
        .executeTakeFirstOrThrow();
      return Number(sent.n) === PEOPLE;
    });

    // Every message: the person's language (its subject as rendered for that language), the
    // headers, and a calendar invitation asking for an answer.
    const subjects = new Map<string, string>();
    for (const row of rows) {
      const person = people.get(row.to_address.toLowerCase())!;
      expect(row.language).toBe(person.language);
      const mail = byRecipient.get(row.to_address.toLowerCase())!;
      if (!subjects.has(person.language))
        subjects.set(
          person.language,
          (
            await renderEmail(
              "event_invitation",
              person.language,
              row.payload as unknown as EventInvitationPayload,
            )
          ).subject,
        );
      expect(mail.subject).toBe(subjects.get(person.language));
      const payload = row.payload as unknown as EventInvitationPayload;
      // The raw lines: mailparser folds List-* headers into an object of its own.
      const header = (key: string) =>
        mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n[ \t]+/g, " ");
      expect(header("list-unsubscribe")).toBe(
        `List-Unsubscribe: <${payload.links.unsubscribeUrl}>`,
      );
      expect(header("list-unsubscribe-post")).toBe(
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
      );
      const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
      const calendar = new ICAL.Component(ICAL.parse(ics.content.toString("utf8")));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const vevent = calendar.getFirstSubcomponent("vevent")!;
      expect(vevent.getFirstPropertyValue("uid")).toBe(`event-${event.id}@digihelpers`);
      expect(String(vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe(
        "mailto:lotte@digibank.example",
      );
      const attendee = vevent.getFirstProperty("attendee")!;
      expect(String(attendee.getFirstValue()).toLowerCase()).toBe(
        `mailto:${row.to_address.toLowerCase()}`,
      );
      expect(attendee.getParameter("rsvp")).toBe("TRUE");
    }
    // Three languages, three different subjects.
    expect(new Set(subjects.values()).size).toBe(3);

    // A mail scanner following the answer links: nothing changes.
    const sample = rows[0]!;
    const links = (sample.payload as unknown as EventInvitationPayload).links;
    const before = await database.db
      .selectFrom("event_invitations")
      .selectAll()
      .where("id", "=", sample.id)
      .executeTakeFirstOrThrow();
    for (const url of [links.yesUrl, links.noUrl, links.answerUrl, links.unsubscribeUrl]) {
      const response = await fetch(local(url), { redirect: "manual" });
      expect(response.status).toBeLessThan(500);
    }
    const after = await database.db
      .selectFrom("event_invitations")
      .selectAll()
      .where("id", "=", sample.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const user = await database.db
      .selectFrom("users")
      .select("notify_event_invitations")
      .where("id", "=", sample.user_id!)
      .executeTakeFirstOrThrow();
    expect(user.notify_event_invitations).toBe(true);
  });

  it("takes the cookieless one-click POST: 200, no redirect, and the next send leaves the person out", async () => {
    const first = await database.db
      .selectFrom("email_messages")
      .select(["recipient_id", "payload"])
      .where("template", "=", "event_invitation")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const links = (first.payload as unknown as EventInvitationPayload).links;
    // As a mail provider sends it: no cookie, no Origin, no CSRF token.
    const response = await fetch(local(links.unsubscribeUrl), {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("set-cookie") ?? "").not.toMatch(/session/i);
    const user = await database.db
      .selectFrom("users")
      .select("notify_event_invitations")
      .where("id", "=", first.recipient_id!)
      .executeTakeFirstOrThrow();
    expect(user.notify_event_invitations).toBe(false);
    // A tampered token: 404, nothing changed.
    const tampered = await fetch(
      // A character inside the MAC (the last one also holds bits base64url ignores).
      local(links.unsubscribeUrl).replace(
        /.(.{7})$/,
        (_, rest: string) => (links.unsubscribeUrl.at(-8) === "A" ? "B" : "A") + rest,
      ),
      {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        redirect: "manual",
      },
    );
    expect(tampered.status).toBe(404);

    const next = await createEvent(database.db, { regionId, title: "Brunch" });
    await pressSendTwiceAtOnce(next.id);
    await eventually(
      "the next run done",
      async () => {
        const n = await database.db
          .selectFrom("event_invitations")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("event_id", "=", next.id)
          .executeTakeFirstOrThrow();
        return Number(n.n) === PEOPLE - 1;
      },
      { tries: 600, everyMs: 250 },
    );
    const mine = await database.db
      .selectFrom("event_invitations")
      .select("id")
      .where("event_id", "=", next.id)
      .where("user_id", "=", first.recipient_id!)
      .execute();
    expect(mine).toEqual([]);
  });
});
