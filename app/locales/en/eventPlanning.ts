import type { Namespace } from "../types.ts";
import type nl from "../nl/eventPlanning.ts";

// Gatherings as their organisers see them: /events/manage (the event, its audience, sending, the
// answers, the door list).
const eventPlanning: Namespace<typeof nl> = {
  send: {
    title: "Send invitations",
    checkFields: "Please check the fields.",
    draft: "This gathering is still a draft. Publish it first; then you can send the invitations.",
    cancelled: "This gathering is cancelled: no more invitations go out.",
    past: "This gathering has started or is over: no more invitations go out.",
    previewTitle: "Who gets an invitation?",
    toInvite_one: "{{n}} person gets an invitation now.",
    toInvite_other: "{{n}} people get an invitation now.",
    languages: "In Dutch: {{nl}}, in French: {{fr}}, in English: {{en}}.",
    guests_one: "Of whom {{n}} guest from outside Digihelpers.",
    guests_other: "Of whom {{n}} guests from outside Digihelpers.",
    optedOut_one: "{{n}} person wants no invitations and gets none.",
    optedOut_other: "{{n}} people want no invitations and get none.",
    alreadyInvited_one: "{{n}} person is invited already and gets no second invitation.",
    alreadyInvited_other: "{{n}} people are invited already and get no second invitation.",
    historyTitle: "What was sent",
    neverSent: "No invitations have been sent yet.",
    lastSent: "Last sent on {{when}}.",
    counts: "{{invited}} invited, {{delivered}} delivered, {{failed}} failed.",
    scheduledFor: "Scheduled: the invitations go out by themselves on {{when}}.",
    nowHint:
      "Everyone above gets one email in their language, with a calendar invitation and buttons to answer.",
    nowHintAgain:
      "Only those who have no invitation yet (new volunteers, new guests) get one now. The others get nothing again.",
    now_one: "Send now to {{n}} person",
    now_other: "Send now to {{n}} people",
    scheduleTitle: "Send later",
    scheduleHint: "Choose a day and time (Belgian time), before the answer deadline.",
    date: "Day",
    time: "Time",
    schedule: "Send at this moment",
    clear: "Cancel the scheduled send",
    sent_one: "The invitations are going out to {{count}} person.",
    sent_other: "The invitations are going out to {{count}} people.",
    scheduled: "The invitations will go out at the chosen moment.",
    cleared: "No moment is scheduled any more.",
    refusal: {
      not_found: "This gathering does not exist.",
      draft: "Publish the gathering first.",
      cancelled: "This gathering is cancelled.",
      past: "This gathering has started or is over.",
      forbidden: "You may not do this.",
      in_past: "That moment has passed. Choose a moment to come.",
      after_deadline: "Choose a moment before the answer deadline.",
    },
    back: "Back to the gathering",
    backToList: "To the gatherings",
    notFound: "This gathering does not exist, or you may not plan it.",
  },
};

export default eventPlanning;
