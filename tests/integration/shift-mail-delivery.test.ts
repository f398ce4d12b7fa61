import ICAL from "ical.js";
import type { Attachment, ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noticeClaimConfirmed, noticeShiftCancelled } from "~/modules/shifts/notices.server.ts";
import { createMailTransport } from "~/modules/mail/transport.server.ts";
import { startEmailWorker } from "~/modules/mail/worker.server.ts";
import { type JobQueue, stopJobQueue } from "~/utils/jobs.server.ts";
import {
  createClaim,
  createDigibank,
  createDigipunt,
  createMunicipality,
  createRegion,
  createShift,
  createUser,
} from "../factories/index.ts";
import { type TestDatabase, createTestDatabase } from "../support/database.ts";
import { startTestJobQueue } from "../support/jobs.ts";
import { type TestSmtpServer, eventually, startSmtpServer } from "../support/smtp.ts";

// A shift email's calendar file over the whole path: notice → outbox → worker → real SMTP →
// mailparser → ical.js.

let database: TestDatabase;
let jobs: JobQueue;
let smtp: TestSmtpServer;
const received: ParsedMail[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startTestJobQueue(database);
  smtp = await startSmtpServer({ messages: received });
  await startEmailWorker(jobs, {
    db: database.db,
    transport: createMailTransport({ smtpUrl: smtp.url }),
    from: "Digihelpers <noreply@digihelpers.test>",
    retry: { retryLimit: 2, retryDelay: 1, retryBackoff: false },
    pollingIntervalSeconds: 0.5,
  });
});
afterAll(async () => {
  if (jobs) await stopJobQueue(jobs);
  await smtp?.close();
  await database?.destroy();
});

async function world() {
  const db = database.db;
  const region = await createRegion(db);
  const bank = await createDigibank(db, { regionId: region.id });
  const town = await createMunicipality(db, { regionId: region.id });
  const punt = await createDigipunt(db, {
    digibankId: bank.id,
    municipalityId: town.id,
    name: "Bibliotheek Hasselt",
    address: "Limburgplein 1, 3500 Hasselt",
  });
  return { punt };
}

const mailTo = (address: string, subject: RegExp) =>
  eventually(`mail to ${address}`, async () =>
    received.find(
      (mail) =>
        !Array.isArray(mail.to) &&
        mail.to?.value[0]?.address === address &&
        subject.test(mail.subject ?? ""),
    ),
  );

function calendarOf(attachment: Attachment) {
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, event };
}

describe("shift emails over SMTP", () => {
  it("a confirmation carries the shift as a calendar invitation", async () => {
    const { punt } = await world();
    const jan = await createUser(database.db, { email: "jan@shifts.test", name: "Jan" });
    // 2 April 2027, 09:30 to 12:30 in Brussels: summer time, two hours ahead of UTC.
    const shift = await createShift(database.db, {
      digipuntId: punt.id,
      startsAt: "2027-04-02T07:30:00Z",
      endsAt: "2027-04-02T10:30:00Z",
    });
    const claim = await createClaim(database.db, { shiftId: shift.id, userId: jan.id });
    await database.db.transaction().execute((trx) => noticeClaimConfirmed(trx, jobs, claim.id));

    const mail = await mailTo("jan@shifts.test", /Bibliotheek Hasselt/);
    expect(mail.subject).toBe("Je dienst op vrijdag 2 april in Bibliotheek Hasselt");
    expect(mail.text).toContain("vrijdag 2 april 2027, van 09:30 tot 12:30");
    const files = mail.attachments.filter((a) => a.contentType === "text/calendar");
    expect(files).toHaveLength(1);
    const file = files[0]!;
    expect(file.filename).toBe(`digihelpers-shift-${shift.id}.ics`);
    const type = file.headers.get("content-type") as { params: Record<string, string> };
    expect(type.params.method).toBe("REQUEST");

    const { calendar, event } = calendarOf(file);
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      "Europe/Brussels",
    );
    const vevent = new ICAL.Event(event);
    expect(vevent.uid).toBe(`shift-${shift.id}@digihelpers`);
    expect(event.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Brussels");
    expect(vevent.startDate.toString()).toBe("2027-04-02T09:30:00");
    expect(vevent.endDate.toString()).toBe("2027-04-02T12:30:00");
    expect(vevent.location).toBe("Limburgplein 1, 3500 Hasselt");
    expect(vevent.summary).toBe("Digihelper in Bibliotheek Hasselt");
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(String(vevent.attendees[0]?.getFirstValue()).toLowerCase()).toBe(
      "mailto:jan@shifts.test",
    );
  });

  it("a cancellation carries a CANCEL for the same event, with the raised sequence", async () => {
    const { punt } = await world();
    const fien = await createUser(database.db, {
      email: "fien@shifts.test",
      name: "Fien",
      language: "en",
    });
    const shift = await createShift(database.db, {
      digipuntId: punt.id,
      startsAt: "2027-04-03T07:30:00Z",
    });
    await createClaim(database.db, { shiftId: shift.id, userId: fien.id });
    await database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("shifts")
        .set({ status: "cancelled", cancelled_at: new Date(), sequence: 2 })
        .where("id", "=", shift.id)
        .execute();
      await trx
        .updateTable("shift_claims")
        .set({ status: "cancelled", ended_at: new Date() })
        .where("shift_id", "=", shift.id)
        .execute();
      await noticeShiftCancelled(trx, jobs, shift.id);
    });

    const mail = await mailTo("fien@shifts.test", /cancelled/);
    expect(mail.subject).toBe("Your shift on Saturday 3 April is cancelled");
    const file = mail.attachments.find((a) => a.contentType === "text/calendar")!;
    const type = file.headers.get("content-type") as { params: Record<string, string> };
    expect(type.params.method).toBe("CANCEL");
    const { calendar, event } = calendarOf(file);
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("uid")).toBe(`shift-${shift.id}@digihelpers`);
    expect(event.getFirstPropertyValue("sequence")).toBe(2);
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});
