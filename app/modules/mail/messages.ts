// Every email the platform sends, with the data its template needs. The email pipeline
// (enqueueEmail in outbox.server.ts) accepts exactly these; a new message starts here.

/**
 * A shift as its emails (and their .ics attachments) tell about it, copied into the payload when
 * the message is queued: the email says what was true when it was sent.
 */
export interface ShiftSnapshot {
  shiftId: number;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  /** iCalendar SEQUENCE: shifts.sequence when the message was queued. */
  sequence: number;
  cancelled: boolean;
  digipuntName: string;
  digibankName: string;
  /** The digipunt's address, or where a mobile digipunt stands this time. */
  location: string | null;
  notes: string | null;
}

/** One session of a course as its emails tell about it. */
export interface CourseSessionSnapshot {
  sessionId: number;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  /** iCalendar SEQUENCE: course_sessions.sequence plus courses.sequence when queued. */
  sequence: number;
  cancelled: boolean;
  /** A digipunt's name and address, another address, or null when online. */
  location: string | null;
  onlineUrl: string | null;
}

/**
 * A course as its emails (and their .ics attachments) tell about it, copied into the payload when
 * the message is queued, as ShiftSnapshot does for shifts.
 */
export interface CourseSnapshot {
  courseId: number;
  title: string;
  cancelled: boolean;
  /** The digibank or region that organises it. */
  organiserName: string;
  sessions: CourseSessionSnapshot[];
}

/**
 * A gathering (an event) as its emails and .ics attachments tell about it, copied into the
 * payload when the message is queued.
 */
export interface EventSnapshot {
  eventId: number;
  title: string;
  description: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  answerDeadline: string;
  /** iCalendar SEQUENCE: events.sequence when queued. */
  sequence: number;
  cancelled: boolean;
  address: string | null;
  accessibilityNotes: string | null;
  onlineUrl: string | null;
  /** The digibank or region that organises it. */
  organiserName: string;
  contact: { name: string; email: string; phone: string | null };
  maxPlusOnes: number;
}

/** The links an event invitation carries: the answer page and one per answer, and unsubscribe. */
export interface EventInvitationLinks {
  /** The answer page (questions, plus-ones); each answer button opens it with that answer chosen. */
  answerUrl: string;
  yesUrl: string;
  noUrl: string;
  maybeUrl: string;
  /** RFC 8058 one-click unsubscribe from event invitations (also sent as List-Unsubscribe). */
  unsubscribeUrl: string;
}

export interface EmailPayloads {
  /** A one-time sign-in link (30 minutes). */
  sign_in_link: { name: string; url: string };
  /** A password-reset link (30 minutes). */
  password_reset: { name: string; url: string };
  /** An invitation to join Digihelpers: set a password and accept the privacy notice. */
  invitation: { name: string; url: string; inviterName: string; scopeName: string; role: string };
  /** Confirms a change of address; sent to the new address. */
  email_change: { name: string; url: string };
  /** Tells a coordinator a visitor asked to join their digibank. */
  join_request: { requesterName: string; digibankName: string; url: string };
  /** Tells a visitor their request to join was declined. */
  join_declined: { name: string; digibankName: string };
  /**
   * To a person who has not signed in for two years: the account is anonymised from `anonymiseOn`
   * unless they sign in before (dates YYYY-MM-DD, Brussels). `url` is the sign-in page.
   */
  inactive_account_warning: {
    name: string;
    url: string;
    lastActiveOn: string;
    anonymiseOn: string;
  };
  /** To a volunteer: you are on this shift (with an .ics). */
  shift_confirmed: { name: string; shift: ShiftSnapshot; url: string };
  /** To a volunteer: a spot opened and you moved from the reserve list onto the shift (with an .ics). */
  shift_promoted: { name: string; shift: ShiftSnapshot; url: string };
  /** To those on the shift or its reserve list: its time, place or details changed. */
  shift_changed: { name: string; shift: ShiftSnapshot; url: string; onReserveList: boolean };
  /** To those who were on the shift: it is cancelled (with a CANCEL .ics). */
  shift_cancelled: { name: string; shift: ShiftSnapshot; reason: string | null; url: string };
  /**
   * To a volunteer a coordinator took off a shift (or its reserve list): removed, or their request
   * to be released granted (with a CANCEL .ics).
   */
  shift_left: {
    name: string;
    shift: ShiftSnapshot;
    reason: "removed" | "release_granted";
    url: string;
  };
  /** To a digibank's coordinators: a volunteer asks to be released after the cut-off. */
  shift_release_requested: { volunteerName: string; shift: ShiftSnapshot; url: string };
  /** To a volunteer, a day before: your shift is tomorrow. */
  shift_reminder: { name: string; shift: ShiftSnapshot; url: string };
  /** To a volunteer, the morning after: the shifts they worked yesterday without a report. */
  shift_report_request: {
    name: string;
    shifts: Array<{ digipuntName: string; startsAt: string; endsAt: string; url: string }>;
    /** Where the setting that stops this email is (/account). */
    settingsUrl: string;
  };
  /** To a digibank's coordinators: a shift in the coming days still lacks helpers. */
  shift_understaffed: {
    shift: ShiftSnapshot;
    confirmedCount: number;
    capacity: number;
    url: string;
  };
  /** To everyone enrolled: a session's time or place changed (with the updated .ics). */
  course_changed: { name: string; course: CourseSnapshot; url: string };
  /**
   * To everyone enrolled or waiting: the course is cancelled (the enrolled with a CANCEL .ics of
   * every session, the waiting list without).
   */
  course_cancelled: {
    name: string;
    course: CourseSnapshot;
    reason: string | null;
    waiting: boolean;
    url: string;
  };
  /** To everyone enrolled or waiting: one session is cancelled (the enrolled with its CANCEL .ics). */
  course_session_cancelled: {
    name: string;
    course: CourseSnapshot;
    sessionId: number;
    waiting: boolean;
    url: string;
  };
  /** To everyone enrolled: a message from the course's planner (no attachment). */
  course_message: {
    name: string;
    courseTitle: string;
    senderName: string;
    subject: string;
    body: string;
    url: string;
  };
  /** To a person enrolled in a course, a day before: a session is tomorrow. */
  course_reminder: {
    name: string;
    courseTitle: string;
    organiserName: string;
    session: CourseSessionSnapshot;
    url: string;
  };
  /** To a course's trainers on the platform, a day before a session: who is enrolled. */
  course_trainer_roster: {
    name: string;
    courseTitle: string;
    session: CourseSessionSnapshot;
    /** The enrolled people's names, alphabetically (not the waiting list). */
    people: string[];
    url: string;
  };
  /** To a person: you have a place in the course (with an .ics holding every session). */
  course_enrolled: { name: string; course: CourseSnapshot; url: string };
  /** To a person: the course is full and you are on its waiting list, at this place. */
  course_waiting: { name: string; course: CourseSnapshot; position: number; url: string };
  /** To a person: a place freed up and you moved from the waiting list into the course (.ics). */
  course_promoted: { name: string; course: CourseSnapshot; url: string };
  /** To an invitee: you are invited (with a REQUEST .ics with RSVP, answer buttons, unsubscribe). */
  event_invitation: { name: string; event: EventSnapshot; links: EventInvitationLinks };
  /** To the invited who did not say no: the event changed (SEQUENCE raised). */
  event_updated: { name: string; event: EventSnapshot; links: EventInvitationLinks };
  /** To everyone invited: the event is cancelled (CANCEL .ics). */
  event_cancelled: { name: string; event: EventSnapshot; reason: string | null };
  /** To those who said yes or maybe: the event is in this many days. */
  event_reminder: {
    name: string;
    event: EventSnapshot;
    daysBefore: number;
    response: "yes" | "maybe";
    links: EventInvitationLinks;
  };
  /** To those who have not answered: the deadline comes soon. */
  event_nudge: { name: string; event: EventSnapshot; links: EventInvitationLinks };
  /** To those who came: thank you. */
  event_thanks: { name: string; event: EventSnapshot };
  /** To someone on the waiting list: a place freed up, you are coming (REQUEST .ics). */
  event_promoted: { name: string; event: EventSnapshot; links: EventInvitationLinks };
  /** From the organiser to everyone who said yes. */
  event_message: {
    name: string;
    event: EventSnapshot;
    /** Who wrote it: the organiser's name. */
    senderName: string;
    subject: string;
    body: string;
    links: EventInvitationLinks;
  };
}

export type EmailTemplate = keyof EmailPayloads;

export const EMAIL_TEMPLATES = [
  "sign_in_link",
  "password_reset",
  "invitation",
  "email_change",
  "join_request",
  "join_declined",
  "inactive_account_warning",
  "shift_confirmed",
  "shift_promoted",
  "shift_changed",
  "shift_cancelled",
  "shift_left",
  "shift_release_requested",
  "shift_reminder",
  "shift_report_request",
  "shift_understaffed",
  "course_changed",
  "course_cancelled",
  "course_session_cancelled",
  "course_message",
  "course_reminder",
  "course_trainer_roster",
  "course_enrolled",
  "course_waiting",
  "course_promoted",
  "event_invitation",
  "event_updated",
  "event_cancelled",
  "event_reminder",
  "event_nudge",
  "event_thanks",
  "event_promoted",
  "event_message",
] as const satisfies readonly EmailTemplate[];

/**
 * Mail a person is waiting for, often on the screen beside it: a sign-in or reset link (which
 * expires in 30 minutes), an address to confirm, an invitation to the platform (the coordinator is
 * often sitting with the newcomer) and the confirmation of a shift just claimed. It has its own
 * queue (queue.server.ts), so bulk mail (reminders, notices to everyone on a shift, invitations
 * to a gathering) never delays it. A course's enrolment confirmation is the same kind of answer.
 */
export const URGENT_EMAIL_TEMPLATES = [
  "sign_in_link",
  "password_reset",
  "invitation",
  "email_change",
  "shift_confirmed",
  "course_enrolled",
] as const satisfies readonly EmailTemplate[];
