import { describe, expect, it } from "vitest";
import { splitLinks } from "~/modules/mail/mailbox.server.ts";
import ICAL from "ical.js";
import {
  type CourseSessionSnapshot,
  EMAIL_TEMPLATES,
  type EventInvitationLinks,
  type EventSnapshot,
  type CourseSnapshot,
  type EmailPayloads,
  type ShiftSnapshot,
} from "~/modules/mail/messages.ts";
import { renderEmail } from "~/modules/mail/render.server.ts";
import { supportedLanguages } from "~/utils/i18n.ts";

const URL = "http://localhost:3000/link/tok?a=1&b=2";
const SHIFT: ShiftSnapshot = {
  shiftId: 41,
  // 09:00 to 12:00 in Brussels (winter time).
  startsAt: "2026-12-01T08:00:00.000Z",
  endsAt: "2026-12-01T11:00:00.000Z",
  sequence: 3,
  cancelled: false,
  digipuntName: "Bibliotheek Genk",
  digibankName: "Digibank Genk",
  location: "Dieplaan 2, 3600 Genk",
  notes: "Breng je badge mee.",
};
const COURSE: CourseSnapshot = {
  courseId: 5,
  title: "Vorming itsme",
  cancelled: false,
  organiserName: "Digibank Genk",
  sessions: [
    {
      sessionId: 7,
      startsAt: "2026-12-08T08:00:00.000Z",
      endsAt: "2026-12-08T10:00:00.000Z",
      sequence: 1,
      cancelled: false,
      location: "Dieplaan 2, 3600 Genk",
      onlineUrl: null,
    },
    {
      sessionId: 8,
      startsAt: "2026-12-15T08:00:00.000Z",
      endsAt: "2026-12-15T10:00:00.000Z",
      sequence: 2,
      cancelled: true,
      location: null,
      onlineUrl: "https://meet.example.org/itsme",
    },
  ],
};
const SESSION: CourseSessionSnapshot = {
  sessionId: 7,
  startsAt: "2026-12-01T08:00:00.000Z",
  endsAt: "2026-12-01T11:00:00.000Z",
  sequence: 0,
  cancelled: false,
  location: "Bibliotheek Genk, Dieplaan 2, 3600 Genk",
  onlineUrl: null,
};
// A course of two sessions, as the enrolment emails carry it.
const ENROL_COURSE: CourseSnapshot = {
  courseId: 7,
  title: "Vorming itsme",
  cancelled: false,
  organiserName: "Digibank Genk",
  sessions: [
    {
      sessionId: 70,
      startsAt: "2026-12-03T13:00:00.000Z",
      endsAt: "2026-12-03T15:00:00.000Z",
      sequence: 0,
      cancelled: false,
      location: "Bibliotheek Genk, Dieplaan 2",
      onlineUrl: null,
    },
    {
      sessionId: 71,
      startsAt: "2026-12-10T13:00:00.000Z",
      endsAt: "2026-12-10T15:00:00.000Z",
      sequence: 0,
      cancelled: false,
      location: null,
      onlineUrl: "https://meet.example/itsme",
    },
  ],
};
const EVENT: EventSnapshot = {
  eventId: 90,
  title: "Dag van de Digibank",
  description: "Workshops en een lunch.",
  startsAt: "2027-06-04T07:30:00.000Z",
  endsAt: "2027-06-04T14:00:00.000Z",
  answerDeadline: "2027-05-28T21:59:00.000Z",
  sequence: 1,
  cancelled: false,
  address: "Provinciehuis, Universiteitslaan 1, 3500 Hasselt",
  accessibilityNotes: "Rolstoeltoegankelijk",
  onlineUrl: null,
  organiserName: "Regio Limburg",
  contact: { name: "Lotte Janssens", email: "lotte@digibank.example", phone: null },
  maxPlusOnes: 1,
};
const EVENT_TOKEN = "12.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
const EVENT_LINKS: EventInvitationLinks = {
  answerUrl: `https://digihelpers.example/events/answer/${EVENT_TOKEN}`,
  yesUrl: `https://digihelpers.example/events/answer/${EVENT_TOKEN}?response=yes`,
  noUrl: `https://digihelpers.example/events/answer/${EVENT_TOKEN}?response=no`,
  maybeUrl: `https://digihelpers.example/events/answer/${EVENT_TOKEN}?response=maybe`,
  unsubscribeUrl: `https://digihelpers.example/events/unsubscribe/${EVENT_TOKEN}`,
};

const samples: EmailPayloads = {
  sign_in_link: { name: "Jan", url: URL },
  password_reset: { name: "Jan", url: URL },
  invitation: {
    name: "Jan",
    url: URL,
    inviterName: "Lotte",
    scopeName: "Gent",
    role: "digihelper",
  },
  email_change: { name: "Jan", url: URL },
  join_request: { requesterName: "Jan", digibankName: "Digibank Gent", url: URL },
  join_declined: { name: "Jan", digibankName: "Digibank Gent" },
  inactive_account_warning: {
    name: "Jan",
    url: URL,
    lastActiveOn: "2025-03-03",
    anonymiseOn: "2027-04-02",
  },
  shift_confirmed: { name: "Jan", shift: SHIFT, url: URL },
  shift_promoted: { name: "Jan", shift: SHIFT, url: URL },
  shift_changed: { name: "Jan", shift: SHIFT, url: URL, onReserveList: false },
  shift_cancelled: {
    name: "Jan",
    shift: { ...SHIFT, cancelled: true },
    reason: "De bib is dicht.",
    url: URL,
  },
  shift_left: { name: "Jan", shift: SHIFT, reason: "release_granted", url: URL },
  shift_release_requested: { volunteerName: "Jan", shift: SHIFT, url: URL },
  shift_reminder: { name: "Jan", shift: SHIFT, url: URL },
  shift_report_request: {
    name: "Jan",
    shifts: [
      {
        digipuntName: "Bib Hasselt",
        startsAt: "2026-12-01T09:00:00.000Z",
        endsAt: "2026-12-01T12:00:00.000Z",
        url: "https://digihelpers.test/shifts/41/report",
      },
    ],
    settingsUrl: "https://digihelpers.test/account",
  },
  shift_understaffed: { shift: SHIFT, confirmedCount: 1, capacity: 3, url: URL },
  course_changed: { name: "Jan", course: COURSE, url: URL },
  course_cancelled: {
    name: "Jan",
    course: { ...COURSE, cancelled: true },
    reason: "Te weinig inschrijvingen.",
    waiting: false,
    url: URL,
  },
  course_session_cancelled: { name: "Jan", course: COURSE, sessionId: 8, waiting: true, url: URL },
  course_message: {
    name: "Jan",
    courseTitle: COURSE.title,
    senderName: "Lotte",
    subject: "Parking",
    body: "Parkeer achter de bib.\n\nTot dan!",
    url: URL,
  },
  course_reminder: {
    name: "Jan",
    courseTitle: "Vorming itsme",
    organiserName: "Digibank Gent",
    session: SESSION,
    url: URL,
  },
  course_trainer_roster: {
    name: "Lotte",
    courseTitle: "Vorming itsme",
    session: SESSION,
    people: ["An Peeters", "Jan Claes"],
    url: URL,
  },
  course_enrolled: { name: "Jan", course: ENROL_COURSE, url: URL },
  course_waiting: { name: "Jan", course: ENROL_COURSE, position: 3, url: URL },
  course_promoted: { name: "Jan", course: ENROL_COURSE, url: URL },
  event_invitation: { name: "Jan", event: EVENT, links: EVENT_LINKS },
  event_updated: { name: "Jan", event: EVENT, links: EVENT_LINKS },
  event_cancelled: { name: "Jan", event: EVENT, reason: "Het provinciehuis is gesloten" },
  event_reminder: { name: "Jan", event: EVENT, daysBefore: 7, response: "yes", links: EVENT_LINKS },
  event_nudge: { name: "Jan", event: EVENT, links: EVENT_LINKS },
  event_thanks: { name: "Jan", event: EVENT },
  event_promoted: { name: "Jan", event: EVENT, links: EVENT_LINKS },
  event_message: {
    name: "Jan",
    event: EVENT,
    senderName: "Lotte Janssens",
    subject: "Parkeren",
    body: "Parkeren kan achter het provinciehuis.\n\nTot dan!",
    links: EVENT_LINKS,
  },
};

describe("renderEmail", () => {
  const cases = EMAIL_TEMPLATES.flatMap((template) =>
    supportedLanguages.map((language) => [template, language] as const),
  );

  it.each(cases)(
    "%s in %s: a subject, HTML in that language, plain text with the address",
    async (template, language) => {
      const payload = samples[template];
      const email = await renderEmail(template, language, payload);
      expect(email.subject).not.toMatch(/\{\{|\.subject$/);
      expect(email.html).toContain(`lang="${language}"`);
      expect(email.text).not.toMatch(/\{\{|undefined/);
      if ("url" in payload) {
        // Once on the button, once as the raw address under it.
        expect(email.text.split(payload.url).length - 1).toBeGreaterThanOrEqual(2);
        expect(email.html).toContain(`href="${payload.url.replace("&", "&amp;")}"`);
      }
    },
  );

  it.each(supportedLanguages)(
    "shift emails in %s show the day and time in Brussels",
    async (language) => {
      const email = await renderEmail("shift_confirmed", language, samples.shift_confirmed);
      const day = {
        nl: "dinsdag 1 december 2026",
        fr: "mardi 1 décembre 2026",
        en: "Tuesday, 1 December 2026",
      };
      expect(email.text).toContain(day[language]);
      expect(email.text).toContain("09:00");
      expect(email.text).toContain("12:00");
      expect(email.text).toContain("Bibliotheek Genk, Dieplaan 2, 3600 Genk");
      expect(email.text).toContain("Breng je badge mee.");
      expect(email.subject).toContain(
        { nl: "dinsdag 1 december", fr: "mardi 1 décembre", en: "Tuesday 1 December" }[language],
      );
    },
  );

  it("attaches the shift as a calendar invitation in the reader's language", async () => {
    const email = await renderEmail("shift_confirmed", "fr", samples.shift_confirmed, {
      from: "Digihelpers <noreply@digihelpers.test>",
      to: "jan@example.test",
    });
    expect(email.attachments).toHaveLength(1);
    const [file] = email.attachments;
    expect(file!.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const calendar = new ICAL.Component(ICAL.parse(file!.content));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.uid).toBe("shift-41@digihelpers");
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe("Digihelper à Bibliotheek Genk");
    expect(event.location).toBe("Dieplaan 2, 3600 Genk");
    expect(event.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe(
      "Europe/Brussels",
    );
    expect(calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid")).toBe(
      "Europe/Brussels",
    );
    expect(event.startDate.toString()).toBe("2026-12-01T09:00:00");
    expect(event.organizer).toBe("mailto:noreply@digihelpers.test");
  });

  it("attaches a cancellation for a cancelled shift, and nothing to reminders or coordinators", async () => {
    const cancelled = await renderEmail("shift_cancelled", "nl", samples.shift_cancelled);
    expect(cancelled.attachments[0]!.contentType).toContain("method=CANCEL");
    expect(cancelled.attachments[0]!.content).toContain("STATUS:CANCELLED");
    expect(cancelled.attachments[0]!.content).toContain("METHOD:CANCEL");
    for (const template of [
      "shift_reminder",
      "shift_release_requested",
      "shift_understaffed",
    ] as const) {
      expect((await renderEmail(template, "nl", samples[template])).attachments).toEqual([]);
    }
    const reserve = await renderEmail("shift_changed", "nl", {
      ...samples.shift_changed,
      onReserveList: true,
    });
    expect(reserve.attachments).toEqual([]);
    expect(reserve.text).toContain("reservelijst");
  });

  it("tells a volunteer taken off a shift why, and takes the shift out of their calendar", async () => {
    const granted = await renderEmail("shift_left", "nl", samples.shift_left);
    expect(granted.subject).toBe("Je staat niet meer op de dienst van dinsdag 1 december");
    expect(granted.text).toContain("De coördinator heeft je vrijgegeven voor deze dienst.");
    const removed = await renderEmail("shift_left", "fr", {
      ...samples.shift_left,
      reason: "removed",
    });
    expect(removed.text).toContain("Le coordinateur vous a retiré·e de cette permanence.");
    for (const email of [granted, removed]) {
      expect(email.attachments).toHaveLength(1);
      expect(email.attachments[0]!.contentType).toContain("method=CANCEL");
      const calendar = new ICAL.Component(ICAL.parse(email.attachments[0]!.content));
      expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.uid).toBe("shift-41@digihelpers");
      expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    }
  });

  it("attaches every session of a course to the enrolment and the move up, none while waiting", async () => {
    for (const template of ["course_enrolled", "course_promoted"] as const) {
      const email = await renderEmail(template, "fr", samples[template]);
      expect(email.attachments).toHaveLength(1);
      expect(email.attachments[0]!.contentType).toContain("method=REQUEST");
      const calendar = new ICAL.Component(ICAL.parse(email.attachments[0]!.content));
      const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
      expect(events.map((e) => e.uid)).toEqual([
        "course-session-70@digihelpers",
        "course-session-71@digihelpers",
      ]);
      for (const event of events) {
        expect(event.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe(
          "Europe/Brussels",
        );
      }
      expect(events[0]!.startDate.toString()).toBe("2026-12-03T14:00:00");
      expect(events[1]!.summary).toBe("Formation : Vorming itsme (2/2)");
    }
    const waiting = await renderEmail("course_waiting", "nl", samples.course_waiting);
    expect(waiting.attachments).toEqual([]);
    expect(waiting.text).toContain("Je staat op plaats 3 van de wachtlijst.");
    expect(waiting.subject).toBe("Je staat op de wachtlijst voor de vorming Vorming itsme");
  });

  it("escapes what the payload holds instead of injecting it as HTML", async () => {
    const email = await renderEmail("sign_in_link", "nl", { name: "<b>Jan</b>", url: URL });
    expect(email.html).not.toContain("<b>Jan</b>");
    expect(email.text).toContain("Dag <b>Jan</b>,");
  });
});

describe("splitLinks", () => {
  it("cuts text into text and http(s) links, leaving a sentence's full stop outside", () => {
    expect(splitLinks("Ga naar https://a.example/x?y=1. Of mailto:x@y.")).toEqual([
      { kind: "text", text: "Ga naar " },
      { kind: "link", href: "https://a.example/x?y=1" },
      { kind: "text", text: ". Of mailto:x@y." },
    ]);
  });

  it("never makes a link of a javascript: address", () => {
    expect(splitLinks("javascript:alert(1)")).toEqual([
      { kind: "text", text: "javascript:alert(1)" },
    ]);
  });
});

describe("numbers in words", () => {
  it("agrees the verb with the number of places taken", async () => {
    const one = await renderEmail("shift_understaffed", "nl", samples.shift_understaffed);
    expect(one.text).toContain("1 van de 3 plaatsen is ingevuld.");
    const two = await renderEmail("shift_understaffed", "nl", {
      ...samples.shift_understaffed,
      confirmedCount: 2,
    });
    expect(two.text).toContain("2 van de 3 plaatsen zijn ingevuld.");
    const french = await renderEmail("shift_understaffed", "fr", samples.shift_understaffed);
    expect(french.text).toContain("1 place sur 3 est prise.");
  });
});
