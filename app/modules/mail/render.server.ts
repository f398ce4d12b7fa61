import { render, toPlainText } from "@react-email/render";
import type { TFunction } from "i18next";
import { type Attributes, type ComponentType, createElement } from "react";
import CourseCancelledEmail from "../../../emails/course-cancelled.tsx";
import CourseChangedEmail from "../../../emails/course-changed.tsx";
import CourseMessageEmail from "../../../emails/course-message.tsx";
import CourseSessionCancelledEmail from "../../../emails/course-session-cancelled.tsx";
import CourseReminderEmail from "../../../emails/course-reminder.tsx";
import CourseTrainerRosterEmail from "../../../emails/course-trainer-roster.tsx";
import CourseEnrolledEmail from "../../../emails/course-enrolled.tsx";
import CoursePromotedEmail from "../../../emails/course-promoted.tsx";
import CourseWaitingEmail from "../../../emails/course-waiting.tsx";
import EventInvitationEmail from "../../../emails/event-invitation.tsx";
import EventUpdatedEmail from "../../../emails/event-updated.tsx";
import EventCancelledEmail from "../../../emails/event-cancelled.tsx";
import EventReminderEmail from "../../../emails/event-reminder.tsx";
import EventNudgeEmail from "../../../emails/event-nudge.tsx";
import EventThanksEmail from "../../../emails/event-thanks.tsx";
import EventPromotedEmail from "../../../emails/event-promoted.tsx";
import EventMessageEmail from "../../../emails/event-message.tsx";
import EmailChangeEmail from "../../../emails/email-change.tsx";
import InvitationEmail from "../../../emails/invitation.tsx";
import InactiveAccountWarningEmail from "../../../emails/inactive-account-warning.tsx";
import JoinDeclinedEmail from "../../../emails/join-declined.tsx";
import JoinRequestEmail from "../../../emails/join-request.tsx";
import PasswordResetEmail from "../../../emails/password-reset.tsx";
import ShiftCancelledEmail from "../../../emails/shift-cancelled.tsx";
import ShiftChangedEmail from "../../../emails/shift-changed.tsx";
import ShiftConfirmedEmail from "../../../emails/shift-confirmed.tsx";
import ShiftLeftEmail from "../../../emails/shift-left.tsx";
import ShiftPromotedEmail from "../../../emails/shift-promoted.tsx";
import ShiftReleaseRequestedEmail from "../../../emails/shift-release-requested.tsx";
import ShiftReminderEmail from "../../../emails/shift-reminder.tsx";
import ShiftReportRequestEmail from "../../../emails/shift-report-request.tsx";
import ShiftUnderstaffedEmail from "../../../emails/shift-understaffed.tsx";
import SignInLinkEmail from "../../../emails/sign-in-link.tsx";
import type { EmailProps } from "../../../emails/types.ts";
import { renderCalendar, type CalendarEntry } from "~/modules/calendar/ical.server.ts";
import { courseCalendarEntries } from "~/modules/courses/calendar.server.ts";
import { eventCalendarEntry } from "~/modules/events/calendar.server.ts";
import { shiftCalendarEntry } from "~/modules/shifts/calendar.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import type {
  CourseSessionSnapshot,
  CourseSnapshot,
  EmailPayloads,
  EmailTemplate,
  EventSnapshot,
  ShiftSnapshot,
} from "./messages.ts";

const components: { [K in EmailTemplate]: ComponentType<EmailProps<K>> } = {
  sign_in_link: SignInLinkEmail,
  password_reset: PasswordResetEmail,
  invitation: InvitationEmail,
  email_change: EmailChangeEmail,
  join_request: JoinRequestEmail,
  join_declined: JoinDeclinedEmail,
  inactive_account_warning: InactiveAccountWarningEmail,
  shift_confirmed: ShiftConfirmedEmail,
  shift_promoted: ShiftPromotedEmail,
  shift_changed: ShiftChangedEmail,
  shift_cancelled: ShiftCancelledEmail,
  shift_left: ShiftLeftEmail,
  shift_release_requested: ShiftReleaseRequestedEmail,
  shift_reminder: ShiftReminderEmail,
  shift_report_request: ShiftReportRequestEmail,
  shift_understaffed: ShiftUnderstaffedEmail,
  course_changed: CourseChangedEmail,
  course_cancelled: CourseCancelledEmail,
  course_session_cancelled: CourseSessionCancelledEmail,
  course_message: CourseMessageEmail,
  course_reminder: CourseReminderEmail,
  course_trainer_roster: CourseTrainerRosterEmail,
  course_enrolled: CourseEnrolledEmail,
  course_waiting: CourseWaitingEmail,
  course_promoted: CoursePromotedEmail,
  event_invitation: EventInvitationEmail,
  event_updated: EventUpdatedEmail,
  event_cancelled: EventCancelledEmail,
  event_reminder: EventReminderEmail,
  event_nudge: EventNudgeEmail,
  event_thanks: EventThanksEmail,
  event_promoted: EventPromotedEmail,
  event_message: EventMessageEmail,
};

// The files a message carries are derived from its template and payload, like its text, so the
// outbox row stays the one record of what was sent. A shift the volunteer is on comes as a
// calendar invitation; a cancelled one, or one they were taken off, as its cancellation (same UID,
// so the calendar updates). A course comes as one invitation holding every session.
interface MailCalendar {
  method: "REQUEST" | "CANCEL";
  /** The attachment's name, e.g. digihelpers-shift-12.ics. */
  filename: string;
  entries(language: Language, url: string | null): CalendarEntry[];
  /** The ORGANIZER when it is not the platform's sender: a person who reads calendar replies. */
  organizer?: { name: string; email: string };
  /** Ask the recipient to answer (RSVP=TRUE, NEEDS-ACTION). */
  askReply?: boolean;
}

const shiftCalendar = (shift: ShiftSnapshot, method: MailCalendar["method"]): MailCalendar => ({
  method,
  filename: `digihelpers-shift-${shift.shiftId}.ics`,
  entries: (language, url) => [
    shiftCalendarEntry(method === "CANCEL" ? { ...shift, cancelled: true } : shift, language, url),
  ],
});

/** A course's sessions; CANCEL marks every one of them cancelled. */
export const courseCalendar = (
  course: CourseSnapshot,
  method: MailCalendar["method"],
): MailCalendar => ({
  method,
  filename: `digihelpers-course-${course.courseId}.ics`,
  entries: (language, url) =>
    courseCalendarEntries(
      method === "CANCEL" ? { ...course, cancelled: true } : course,
      language,
      url,
    ),
});

/** An event; CANCEL marks it cancelled. */
const eventCalendar = (event: EventSnapshot, method: MailCalendar["method"]): MailCalendar => ({
  method,
  filename: `digihelpers-event-${event.eventId}.ics`,
  entries: (language, url) => [
    eventCalendarEntry(method === "CANCEL" ? { ...event, cancelled: true } : event, language, url),
  ],
});

const calendars: {
  [K in EmailTemplate]?: (payload: EmailPayloads[K]) => MailCalendar | null;
} = {
  shift_confirmed: ({ shift }) => shiftCalendar(shift, "REQUEST"),
  shift_promoted: ({ shift }) => shiftCalendar(shift, "REQUEST"),
  // Someone on the reserve list is not on the shift: nothing for their calendar yet.
  shift_changed: ({ shift, onReserveList }) =>
    onReserveList ? null : shiftCalendar(shift, "REQUEST"),
  shift_cancelled: ({ shift }) => shiftCalendar(shift, "CANCEL"),
  // The shift goes on, without this person: it leaves their calendar all the same.
  shift_left: ({ shift }) => shiftCalendar(shift, "CANCEL"),
  course_changed: ({ course }) => courseCalendar(course, "REQUEST"),
  // The waiting list never had the course in their calendar: nothing to take out.
  course_cancelled: ({ course, waiting }) => (waiting ? null : courseCalendar(course, "CANCEL")),
  // Only the cancelled session leaves the calendar; the others stay as they were.
  course_session_cancelled: ({ course, sessionId, waiting }) =>
    waiting
      ? null
      : courseCalendar(
          { ...course, sessions: course.sessions.filter((s) => s.sessionId === sessionId) },
          "CANCEL",
        ),
  course_enrolled: ({ course }) => courseCalendar(course, "REQUEST"),
  // Waiting is not a place: nothing for the calendar until they move up.
  course_promoted: ({ course }) => courseCalendar(course, "REQUEST"),
  // The invitation asks for an answer; the event's contact is the organizer, so a reply from the
  // calendar reaches a person (the answer page remains the way that counts).
  event_invitation: ({ event }) => ({
    ...eventCalendar(event, "REQUEST"),
    organizer: { name: event.contact.name, email: event.contact.email },
    askReply: true,
  }),
  event_updated: ({ event }) => eventCalendar(event, "REQUEST"),
  event_cancelled: ({ event }) => eventCalendar(event, "CANCEL"),
  event_promoted: ({ event }) => eventCalendar(event, "REQUEST"),
};

export interface EmailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

/** Who sends and who receives: the .ics of an invitation names them (ORGANIZER, ATTENDEE). */
export interface EmailEnvelope {
  from?: string;
  to?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  /** Extra header fields (List-Unsubscribe), derived from the template and payload. */
  headers?: Record<string, string>;
}

/**
 * Mail that a person can stop with one click (RFC 8058): a gathering's invitation and what follows
 * from it unasked (the reminder, the nudge). The link is the payload's own unsubscribe link.
 */
const ONE_CLICK_UNSUBSCRIBE: ReadonlySet<EmailTemplate> = new Set([
  "event_invitation",
  "event_reminder",
  "event_nudge",
]);

export function unsubscribeHeaders(
  template: EmailTemplate,
  payload: unknown,
): Record<string, string> | undefined {
  if (!ONE_CLICK_UNSUBSCRIBE.has(template)) return undefined;
  const url = (payload as { links?: { unsubscribeUrl?: unknown } }).links?.unsubscribeUrl;
  // Only a plain http(s) URL without angle brackets or line breaks goes into a header.
  if (typeof url !== "string" || !/^https?:\/\/[^\s<>]+$/.test(url)) return undefined;
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** One message in the recipient's language: its subject, HTML and plain-text parts, and its files. */
export async function renderEmail<K extends EmailTemplate>(
  template: K,
  language: Language,
  payload: EmailPayloads[K],
  envelope: EmailEnvelope = {},
): Promise<RenderedEmail> {
  const t: TFunction<"mail"> = getFixedT(language, "mail");
  // The map above ties each template to its props; TypeScript cannot follow that through K.
  const Component = components[template] as ComponentType<EmailProps<K>>;
  const props = { ...payload, t, lang: language } as EmailProps<K> & Attributes;
  const element = createElement(Component, props);
  // Every catalog entry of a template has a subject that may use any field of its payload.
  // A shift's (or a course session's) subject may name its day, written for the reader.
  const dated =
    (payload as { shift?: ShiftSnapshot }).shift ??
    (payload as { session?: CourseSessionSnapshot }).session ??
    (payload as { event?: EventSnapshot }).event;
  const date = dated
    ? formatDateTime(new Date(dated.startsAt), language, {
        weekday: "long",
        day: "numeric",
        month: "long",
      })
    : undefined;
  const subject = (t as (key: string, options: object) => string)(`${template}.subject`, {
    ...payload,
    date,
  });
  // One React render: the plain text is made from the HTML, as render's plainText option would do
  // with a second render of its own.
  const html = await render(element);
  const text = toPlainText(html);
  const headers = unsubscribeHeaders(template, payload);
  return {
    subject,
    html,
    text,
    attachments: attachmentsOf(template, language, payload, envelope),
    ...(headers ? { headers } : {}),
  };
}

function attachmentsOf<K extends EmailTemplate>(
  template: K,
  language: Language,
  payload: EmailPayloads[K],
  envelope: EmailEnvelope,
): EmailAttachment[] {
  const describe = calendars[template] as
    ((payload: EmailPayloads[K]) => MailCalendar | null) | undefined;
  const calendar = describe?.(payload);
  if (!calendar) return [];
  const sender = envelope.from ? mailbox(envelope.from) : undefined;
  const organizer =
    calendar.organizer ?? (sender && { name: sender.name ?? "Digihelpers", email: sender.email });
  const content = renderCalendar(
    calendar.entries(
      language,
      (payload as { url?: string }).url ??
        (payload as { links?: { answerUrl: string } }).links?.answerUrl ??
        null,
    ),
    {
      method: calendar.method,
      organizer,
      attendee: envelope.to
        ? { email: envelope.to, ...(calendar.askReply ? { name: nameOf(payload) } : {}) }
        : undefined,
      askReply: calendar.askReply,
    },
  );
  return [
    {
      filename: calendar.filename,
      content,
      contentType: `text/calendar; charset=utf-8; method=${calendar.method}`,
    },
  ];
}

function nameOf(payload: unknown): string | undefined {
  const name = (payload as { name?: unknown }).name;
  return typeof name === "string" && name ? name : undefined;
}

/** "Digihelpers <noreply@x.be>" → its display name and address. */
function mailbox(address: string): { name: string | null; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(address);
  return match
    ? { name: match[1] || null, email: match[2]! }
    : { name: null, email: address.trim() };
}
