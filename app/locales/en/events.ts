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
};

export default events;
