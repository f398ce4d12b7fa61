import type { Namespace } from "../types.ts";
import type nl from "../nl/shifts.ts";

const shifts: Namespace<typeof nl> = {
  calendar: {
    title: "Shifts",
    intro: "Pick a shift at a digipunt. Click a shift to see more and sign up.",
    listLink: "Prefer a list? See the shifts as a list",
    loading: "Loading the calendar…",
    noScript: "Without JavaScript, you find the shifts in the list.",
    noShifts: "No shifts in this period.",
  },
  list: {
    title: "Shifts as a list",
    intro: "All shifts of the week, day by day. Sign up or release a shift right here.",
    calendarLink: "See the calendar",
    week: "Week of {{from}} to {{to}}",
    previous: "Previous week",
    next: "Next week",
    thisWeek: "This week",
    empty: "No shifts this week match your choice.",
    more: "More about this shift",
    firstShift: "Also good for your first shift",
  },
  filters: {
    title: "Choose which shifts you see",
    digibank: "Digibank",
    digipunt: "Digipunt",
    municipality: "Municipality",
    all: "All",
    mine: "Only my shifts",
    open: "Only shifts that still need help",
    submit: "Show",
    reset: "Show everything",
  },
  state: {
    mine: "You are on it",
    reserve: "You are on the reserve list",
    full: "Full",
    open_one: "{{count}} place left",
    open_other: "{{count}} places left",
    cancelled: "Cancelled",
    past: "Over",
  },
  shift: {
    when: "When",
    where: "Where",
    address: "Address",
    noAddress: "The coordinator will give you the address.",
    mobile: "Mobile digipunt",
    accessibility: "Accessibility",
    digibank: "Digibank",
    notes: "Good to know",
    skill: "Needed for this shift",
    firstShift: "Suitable for your first shift: you help together with an experienced digihelper.",
    places: "{{confirmed}} of {{capacity}} places taken",
    whoTitle: "Who is helping",
    nobody: "Nobody yet.",
    you: "You",
    reserveCount_one: "{{count}} person on the reserve list",
    reserveCount_other: "{{count}} people on the reserve list",
    reservePosition: "You are number {{position}} on the reserve list.",
    cancelledNotice: "This shift will not take place.",
    cancelReason: "Reason: {{reason}}",
    pastNotice: "This shift has already started or ended.",
    notVolunteer: "You are not a digihelper of this digibank, so you cannot sign up here.",
    skillMissing:
      "This shift needs someone who can help with {{skill}}. That is not among your skills yet.",
    skillsLink: "Add to your skills",
    cutoff_one:
      "You can release this shift yourself until {{count}} hour before it starts. After that, ask the coordinator.",
    cutoff_other:
      "You can release this shift yourself until {{count}} hours before it starts. After that, ask the coordinator.",
    releaseRequested: "You asked the coordinator to release you. You will hear back.",
    back: "Back to the shifts",
    notFound:
      "This shift does not exist, or is not one of your digibank. You will find the shifts of your digibank in the list.",
    planningLink: "See this shift in the planning",
  },
  actions: {
    claim: "I will help",
    reserve: "Put me on the reserve list",
    release: "Release this shift",
    releaseReserve: "Take me off the reserve list",
    request_release: "Ask the coordinator to release me",
  },
  done: {
    claimed: "Done: you are on this shift. You will get a confirmation by email.",
    reserved: "Done: you are on the reserve list. If a place opens up, you will get an email.",
    released: "You released the shift.",
    requested: "We asked the coordinator to release you.",
  },
  refusals: {
    cancelled: "This shift is cancelled.",
    past: "This shift has already started or ended.",
    full: "This shift is full. You can join the reserve list.",
    overlap: "You already have a shift at that time.",
    already: "You are already on this shift or its reserve list.",
    skill_missing: "This shift needs a skill that is not among your skills yet.",
    not_on_shift: "You are not on this shift.",
    after_cutoff_one:
      "You can no longer release this shift yourself: that is possible until {{count}} hour before it starts. Ask the coordinator to release you.",
    after_cutoff_other:
      "You can no longer release this shift yourself: that is possible until {{count}} hours before it starts. Ask the coordinator to release you.",
    already_requested: "You already asked the coordinator to release you.",
  },
};

export default shifts;
