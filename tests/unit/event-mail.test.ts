import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type {
  EmailPayloads,
  EventInvitationLinks,
  EventSnapshot,
} from "~/modules/mail/messages.ts";
import { renderEmail, unsubscribeHeaders } from "~/modules/mail/render.server.ts";

// The headers and calendar of a gathering's mails: one-click unsubscribe (RFC 8058) exactly on the
// invitation, the reminder and the nudge; the invitation's .ics asks for a reply from the event's
// contact (METHOD:REQUEST, ORGANIZER, ATTENDEE RSVP=TRUE, PARTSTAT=NEEDS-ACTION).

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
  accessibilityNotes: null,
  onlineUrl: null,
  organiserName: "Regio Limburg",
  contact: { name: "Lotte Janssens", email: "lotte@digibank.example", phone: null },
  maxPlusOnes: 1,
};
const TOKEN = "12.AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
const LINKS: EventInvitationLinks = {
  answerUrl: `https://digihelpers.example/events/answer/${TOKEN}`,
  yesUrl: `https://digihelpers.example/events/answer/${TOKEN}?response=yes`,
  noUrl: `https://digihelpers.example/events/answer/${TOKEN}?response=no`,
  maybeUrl: `https://digihelpers.example/events/answer/${TOKEN}?response=maybe`,
  unsubscribeUrl: `https://digihelpers.example/events/unsubscribe/${TOKEN}`,
};
const samples: { [K in keyof EmailPayloads]?: EmailPayloads[K] } = {
  event_invitation: { name: "Jan", event: EVENT, links: LINKS },
  event_updated: { name: "Jan", event: EVENT, links: LINKS },
  event_cancelled: { name: "Jan", event: EVENT, reason: null },
  event_reminder: { name: "Jan", event: EVENT, daysBefore: 7, response: "yes", links: LINKS },
  event_nudge: { name: "Jan", event: EVENT, links: LINKS },
  event_thanks: { name: "Jan", event: EVENT },
  event_promoted: { name: "Jan", event: EVENT, links: LINKS },
  event_message: {
    name: "Jan",
    event: EVENT,
    senderName: "Lotte",
    subject: "Parkeren",
    body: "Achter het provinciehuis.",
    links: LINKS,
  },
  sign_in_link: { name: "Jan", url: "https://digihelpers.example/login/link/x" },
};

describe("one-click unsubscribe headers", () => {
  for (const [template, payload] of Object.entries(samples)) {
    const expected = ["event_invitation", "event_reminder", "event_nudge"].includes(template);
    it(`${template}: ${expected ? "carries" : "does not carry"} List-Unsubscribe`, async () => {
      const email = await renderEmail(template as "event_invitation", "nl", payload as never, {
        from: "Digihelpers <noreply@digihelpers.example>",
        to: "jan@example.org",
      });
      if (expected)
        expect(email.headers).toEqual({
          "List-Unsubscribe": `<${LINKS.unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        });
      else expect(email.headers).toBeUndefined();
    });
  }

  it("never puts a link with a line break or angle bracket in a header", () => {
    for (const bad of ["https://x.example/a\r\nBcc: y@z", "https://x.example/<a>", "javascript:x"])
      expect(
        unsubscribeHeaders("event_invitation", { links: { ...LINKS, unsubscribeUrl: bad } }),
      ).toBeUndefined();
  });
});

describe("the invitation's calendar", () => {
  it("asks the recipient to answer the event's contact", async () => {
    const email = await renderEmail("event_invitation", "fr", samples.event_invitation!, {
      from: "Digihelpers <noreply@digihelpers.example>",
      to: "jan@example.org",
    });
    const [ics] = email.attachments;
    expect(ics!.contentType).toContain("method=REQUEST");
    const calendar = new ICAL.Component(ICAL.parse(ics!.content));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("uid")).toBe("event-90@digihelpers");
    const organizer = vevent.getFirstProperty("organizer")!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe("mailto:lotte@digibank.example");
    const attendee = vevent.getFirstProperty("attendee")!;
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe("mailto:jan@example.org");
    expect(attendee.getParameter("rsvp")).toBe("TRUE");
    expect(attendee.getParameter("partstat")).toBe("NEEDS-ACTION");
  });

  it("leaves an update's calendar as it was (no reply asked, the platform organizes)", async () => {
    const email = await renderEmail("event_updated", "nl", samples.event_updated!, {
      from: "Digihelpers <noreply@digihelpers.example>",
      to: "jan@example.org",
    });
    const vevent = new ICAL.Component(
      ICAL.parse(email.attachments[0]!.content),
    ).getFirstSubcomponent("vevent")!;
    expect(String(vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe(
      "mailto:noreply@digihelpers.example",
    );
    expect(vevent.getFirstProperty("attendee")!.getParameter("rsvp")).toBe("FALSE");
  });
});
