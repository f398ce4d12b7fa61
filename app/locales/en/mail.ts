import type { Namespace } from "../types.ts";
import type nl from "../nl/mail.ts";

const mail: Namespace<typeof nl> = {
  layout: {
    greeting: "Hello {{name}},",
    linkFallback: "Button not working? Copy this address and paste it into your browser:",
    footer: "Digihelpers is the platform of the digibanken in Flanders and Brussels.",
  },
  sign_in_link: {
    subject: "Your link to sign in to Digihelpers",
    heading: "Sign in to Digihelpers",
    intro: "You asked for a link to sign in. Click the button to continue.",
    button: "Sign in to Digihelpers",
    expiry: "The link works for 30 minutes and only once.",
    notYou: "Did not ask for this link? Then you can ignore this email.",
  },
  password_reset: {
    subject: "Choose a new password for Digihelpers",
    heading: "Choose a new password",
    intro: "You asked for a new password. Click the button to choose one.",
    button: "Choose a new password",
    expiry: "The link works for 30 minutes and only once.",
    notYou: "Did not ask for this? Then your password stays as it was.",
  },
  invitation: {
    subject: "{{inviterName}} invites you to Digihelpers",
    heading: "Welcome to Digihelpers",
    intro: "{{inviterName}} invites you to join {{scopeName}} as {{role}}.",
    steps: "Choose a password and read the privacy notice. Then you can get started straight away.",
    button: "Accept the invitation",
  },
  email_change: {
    subject: "Confirm your new email address for Digihelpers",
    heading: "Confirm your new email address",
    intro:
      "You want to receive emails from Digihelpers at this address from now on. Confirm this with the button.",
    button: "Confirm my new email address",
    expiry: "The link works for 30 minutes and only once.",
    notYou: "Did not ask for this? Then nothing changes.",
  },
  join_request: {
    subject: "{{requesterName}} would like to join {{digibankName}}",
    heading: "A new request",
    intro: "{{requesterName}} would like to become a digihelper at {{digibankName}}.",
    action: "Look at the request and say whether this person is welcome.",
    button: "View the request",
  },
  join_declined: {
    subject: "Your request to {{digibankName}}",
    heading: "About your request",
    text: "{{digibankName}} cannot accept your request to join at the moment.",
    next: "Any questions? Then please contact the digibank.",
  },
  shift: {
    when: "When",
    where: "Where",
    notes: "Good to know",
    timeRange: "{{date}}, from {{start}} to {{end}}",
  },
  calendar: {
    shiftSummary: "Digihelper at {{digipuntName}}",
    shiftDescription: "Your shift as a digihelper for {{digibankName}}.",
    courseSummary: "Course: {{title}}",
    courseSessionSummary: "Course: {{title}} ({{n}}/{{total}})",
    courseDescription: "A course by {{organiserName}} for digihelpers.",
    feedName: "Digihelpers",
  },
  shift_confirmed: {
    subject: "Your shift on {{date}} at {{shift.digipuntName}}",
    heading: "You are on the shift",
    intro: "Thank you! You are helping at {{digipuntName}}.",
    calendar: "The shift is attached for your calendar. Open the attachment to add it.",
    button: "See the shift",
  },
  shift_promoted: {
    subject: "A place opened up: your shift on {{date}}",
    heading: "You are now on the shift",
    intro:
      "A place opened up at {{digipuntName}}. You were on the reserve list, so now you are on the shift.",
    calendar:
      "Can't make it after all? Then release the place on the shift’s page. The shift is attached for your calendar.",
    button: "See the shift",
  },
  shift_changed: {
    subject: "Your shift at {{shift.digipuntName}} has changed",
    heading: "Your shift has changed",
    intro: "The coordinator changed the shift at {{digipuntName}}. This is how it looks now:",
    confirmed:
      "You are still on the shift. Can't make it any more? Let us know on the shift’s page. The new version is attached for your calendar.",
    reserve: "You are still on the reserve list. If a place opens up, you will get an email.",
    button: "See the shift",
  },
  shift_cancelled: {
    subject: "Your shift on {{date}} is cancelled",
    heading: "Your shift is cancelled",
    intro: "The shift at {{digipuntName}} is cancelled. You do not need to come.",
    reason: "Why: {{reason}}",
    calendar: "Open the attachment to remove the shift from your calendar.",
    button: "Find another shift",
  },
  shift_left: {
    subject: "You are no longer on the shift on {{date}}",
    heading: "You are no longer on the shift",
    removed: "The coordinator took you off this shift. You do not need to come.",
    release_granted: "The coordinator released you from this shift. You do not need to come.",
    calendar: "Open the attachment to remove the shift from your calendar.",
    button: "Find another shift",
  },
  shift_release_requested: {
    subject: "{{volunteerName}} asks to be released from a shift",
    heading: "A request to be released",
    intro:
      "{{volunteerName}} cannot come to the shift at {{digipuntName}} and asks you to release their place.",
    action: "It is too late to release the place themselves. Look at the shift and decide.",
    button: "See the shift",
  },
  shift_reminder: {
    subject: "Tomorrow: your shift at {{shift.digipuntName}}",
    heading: "See you tomorrow!",
    intro: "A small reminder: tomorrow you are helping at {{digipuntName}}.",
    release: "Can't make it after all? Let us know as soon as possible on the shift’s page.",
    button: "See the shift",
  },
  shift_understaffed: {
    subject: "Not enough digihelpers yet on {{date}} at {{shift.digipuntName}}",
    heading: "This shift still needs helpers",
    intro:
      "The shift at {{digipuntName}} starts within three days and does not have enough digihelpers yet.",
    staffing_one: "{{count}} of {{capacity}} places is taken.",
    staffing_other: "{{count}} of {{capacity}} places are taken.",
    button: "See the shift",
  },
  course: {
    organiser: "Organised by",
    sessions_one: "The session",
    sessions_other: "The {{count}} sessions",
    online: "Online",
  },
  course_enrolled: {
    subject: "You are enrolled in the course {{course.title}}",
    heading: "You are enrolled",
    intro: "You have a place in the course {{title}}.",
    next: "Every session is attached for your calendar. Can't make it after all? Cancel on the course's page, so the first person on the waiting list gets your place.",
    button: "See the course",
  },
  course_waiting: {
    subject: "You are on the waiting list for the course {{course.title}}",
    heading: "You are on the waiting list",
    intro: "The course {{title}} is full. You are number {{position}} on the waiting list.",
    next: "If a place frees up, it is yours automatically and we send you an email.",
    button: "See the course",
  },
  course_promoted: {
    subject: "A place freed up: you are enrolled in {{course.title}}",
    heading: "You have a place now",
    intro:
      "A place freed up in the course {{title}}. You were on the waiting list, so now you are enrolled.",
    next: "Every session is attached for your calendar. Can't make it after all? Cancel on the course's page.",
    button: "See the course",
  },
  mailbox: {
    title: "Local mailbox",
    intro:
      "This demo does not send real emails. Every email ends up here, so you can use the links in it.",
    empty: "There are no emails yet.",
    listLabel: "Emails, newest first",
    to: "To",
    subject: "Subject",
    date: "Date",
    from: "From",
    textTitle: "Text of the email",
    linksTitle: "Links in this email",
    noLinks: "This email has no links.",
    back: "Back to the mailbox",
  },
  admin: {
    title: "Emails that did not go out",
    intro:
      "We could not send these emails, even after several attempts. Fix the problem first, then try again.",
    empty: "All emails have gone out.",
    tableCaption: "Failed emails",
    to: "To",
    template: "Kind of email",
    attempts: "Attempts",
    error: "Last error",
    created: "Created",
    action: "Action",
    retry: "Send again",
    retryLabel: "Send the email to {{address}} again",
    retried: "The email is ready to go out again.",
  },
};

export default mail;
