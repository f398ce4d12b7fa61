import type { Namespace } from "../types.ts";
import type nl from "../nl/events.ts";

// Gatherings as the invited see them: /events, the answer page from the mail link, unsubscribe.
const events: Namespace<typeof nl> = {
  unsubscribe: {
    title: "No more invitations to gatherings?",
    intro:
      "You got this link with the invitation to “{{title}}”. Confirm below and you will get no more invitations to gatherings, nor their reminders.",
    stillGet:
      "You will still get important emails: a sign-in link, your shifts, and a change or cancellation of a gathering you are invited to.",
    confirm: "Yes, no more invitations",
    doneTitle: "You are unsubscribed",
    doneText: "You will get no more invitations to gatherings, nor their reminders.",
    undoAccount:
      "Changed your mind? Tick “Invitations to gatherings” again in your email preferences.",
    undoGuest: "Changed your mind? Ask the gathering’s organiser to invite you again.",
    accountLink: "To my email preferences",
    badBody: "We cannot read this request. Please use the button on this page.",
    notFound:
      "This link does not work (any more). Perhaps it was not copied in full, or the invitation was withdrawn.",
    home: "To Digihelpers",
  },
  list: {
    title: "Gatherings",
    manageLink: "Gatherings you organise",
    intro: "Your invitations to gatherings: say yes, maybe or no, until the answer deadline.",
    upcoming: "Coming up",
    past: "Past",
    empty: "You have no invitations to gatherings yet.",
    noPast: "No past gatherings yet.",
    more: "More about {{title}}",
    myCalendar: "Gatherings you said yes to are also in your calendar, beside your shifts.",
  },
  detail: {
    back: "All gatherings",
    notFound: "This gathering does not exist, or you are not invited to it.",
    when: "When",
    where: "Where",
    online: "Online",
    onlineLink: "Join online",
    accessibility: "Accessibility",
    organiser: "Organiser",
    contact: "Contact",
    deadline: "Answers until",
    description: "About the gathering",
  },
  answer: {
    title: "Your answer to the invitation",
    greeting: "Hello {{name}}, you are invited to this gathering.",
    yourAnswer: "Your answer",
    current: {
      none: "You have not answered yet.",
      yes: "You said yes.",
      yes_plus_one: "You said yes, with {{count}} more person.",
      yes_plus_other: "You said yes, with {{count}} more people.",
      maybe: "You said maybe.",
      no: "You said no.",
      waiting: "You are on the waiting list, in place {{position}}.",
    },
    response: {
      yes: "Yes, I will come",
      maybe: "Maybe",
      no: "No, I will not come",
    },
    short: { none: "No answer yet", yes: "Yes", maybe: "Maybe", no: "No", waiting: "Waiting list" },
    plusOnes: "How many people are you bringing?",
    plusOnesHint: "At most {{max}}. They take a place too.",
    questions: "Questions from the organiser",
    required: "(required)",
    chooseOne: "Choose…",
    submit: "Send answer",
    change: "Change answer",
    deadline: "You can change your answer until {{date}}.",
    deadlinePassed: "The answer deadline has passed: your answer can no longer change.",
    waitingNote:
      "If the gathering is full, you join the waiting list. When a place frees up, it is yours and you get an email.",
    done: {
      yes: "Your answer is recorded: yes.",
      maybe: "Your answer is recorded: maybe.",
      no: "Your answer is recorded: no.",
      waiting:
        "The gathering is full: you are on the waiting list, in place {{position}}. When a place frees up, you get an email.",
    },
    refused: {
      deadline_passed: "The answer deadline has passed: your answer did not change.",
      no_room:
        "There are not enough free places for that many more people: your earlier answer stands.",
      cancelled: "This gathering is cancelled.",
      past: "This gathering is over.",
      revoked: "This invitation is no longer valid.",
      not_found: "This invitation does not exist.",
    },
    errors: {
      title: "Your answer has not been sent yet: check the fields below.",
      plusOnes: "Choose a number between 0 and the maximum allowed.",
      required: "Answer this question.",
      choice: "Choose one of the options.",
      tooLong: "Your answer is too long (at most 1000 characters).",
      controlCharacters: "Your answer holds characters that are not allowed.",
      unknownQuestion: "This question is not part of the gathering.",
      response: "Choose yes, maybe or no.",
    },
  },
  token: {
    invalidTitle: "This link does not work",
    invalidText:
      "The link is incomplete or wrong. Open it again from the email, or ask the organiser for a new invitation.",
    revokedTitle: "This invitation is no longer valid",
    revokedText:
      "A newer invitation was sent since, or the organiser withdrew this one. Use the link in the latest email.",
    pastTitle: "This gathering is over",
    pastText: "You can no longer answer. This was your answer:",
    cancelledTitle: "This gathering is cancelled",
    cancelledText: "The organiser cancelled the gathering. There is nothing more you need to do.",
    signIn: "To Digihelpers",
  },
  card: {
    title: "Invitations",
    waiting_one: "{{count}} invitation is waiting for your answer.",
    waiting_other: "{{count}} invitations are waiting for your answer.",
    answerBy: "{{title}}: answer by {{date}}",
    next: "Next gathering: {{title}}, {{date}}",
    link: "To your invitations",
  },
  calendar: {
    kind: "Gathering",
    legend: "Gathering you said yes to",
  },
};

export default events;
