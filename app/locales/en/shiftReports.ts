import type { Namespace } from "../types.ts";
import type nl from "../nl/shiftReports.ts";

// Shift reports: filing one after a shift, correcting it, and coordinators recording one for a volunteer.
const shiftReports: Namespace<typeof nl> = {
  title: "Shift report",
  back: "Back to the shift",
  intro:
    "Tell us briefly how your shift went. You see what your work adds up to, and your digibank can report on it.",
  privacy:
    "Write nothing about the people you helped: no names, national register numbers, phone numbers, email addresses or account numbers.",
  notStarted: "This shift has not started yet. Once it has, you can fill in your report here.",
  cancelled: "This shift was cancelled. No report is needed.",
  filedOn: "You filled in this report on {{date}}.",
  recordedBy: "A coordinator filled in this report for you.",
  editUntil: "You can still change it until {{date}}.",
  locked: "You can no longer change this report: that is possible for 14 days after filing it.",
  form: {
    checkFields: "Please check the fields below.",
    peopleHelped: "How many people did you help?",
    peopleHint: "A number from 0 to 200.",
    topics: "What did you help with?",
    topicsHint: "Tick everything that applies.",
    otherTopic: "What else?",
    otherHint: "A few words, for example ‘buying a train ticket’.",
    worked: "How long did you work?",
    workedHint: "Filled in with the shift's length. Change it if you stayed shorter or longer.",
    hours: "Hours",
    minutes: "Minutes",
    referrals: "How many people did you refer to another service?",
    referralsHint:
      "For example the social welfare office, the library or the bank. A number from 0 to 200.",
    reflection: "Anything else to say? (optional)",
    reflectionHint: "What went well, what was hard, a tip for others. Up to 4000 characters.",
    save: "Save report",
    saveChanges: "Save changes",
  },
  sensitive: {
    title: "This seems to be about someone",
    national_number: "Your text seems to hold a national register number. Please remove it.",
    phone: "Your text seems to hold a phone number. Please remove it.",
    email: "Your text seems to hold an email address. Please remove it.",
    iban: "Your text seems to hold an account number (IBAN). Please remove it.",
  },
  errors: {
    people: "Enter a number from 0 to 200.",
    referrals: "Enter a number from 0 to 200.",
    hours: "Enter a time from 1 minute to 24 hours.",
    minutes: "Enter a number from 0 to 59.",
    topic: "Choose a topic from the list.",
    otherTopic: "You chose ‘Something else’: say briefly what.",
    volunteer: "Choose the volunteer.",
    volunteerName: "Enter the volunteer's name.",
    sensitive: {
      national_number:
        "This looks like a national register number. Please remove it: we keep no data of the people you helped.",
      phone:
        "This looks like a phone number. Please remove it: we keep no data of the people you helped.",
      email:
        "This looks like an email address. Please remove it: we keep no data of the people you helped.",
      iban: "This looks like an account number (IBAN). Please remove it: we keep no data of the people you helped.",
    },
  },
  refusal: {
    not_started: "This shift has not started yet. A report is possible only once it has.",
    cancelled: "This shift was cancelled. No report is needed.",
    already_filed:
      "There already is a report for this shift. You see it below; nothing was saved twice.",
    locked: "This report is older than 14 days and can no longer change.",
    sensitive: "Your text seems to hold someone's data. Remove it and save again.",
    not_on_roster: "This volunteer was not on the shift.",
  },
  notice: {
    filed: "Thank you! Your report is saved.",
    corrected: "Your report was changed.",
    recorded: "The report is saved.",
  },
  share: "Share this on the board",
  notFound: "This shift does not exist, or you cannot fill in a report for it.",
  notOnShift: "You were not on this shift. Only those who helped fill in a report for it.",
  planning: {
    title: "Reports of the shift",
    link: "Reports of this shift",
    back: "Back to the shift",
    intro:
      "All reports of this shift. Someone does not use Digihelpers? Fill in a report for them here.",
    empty: "There are no reports yet.",
    caption: "Reports",
    name: "Volunteer",
    people: "People helped",
    hours: "Time worked",
    referralsColumn: "Referred",
    topicsColumn: "Topics",
    by: "Filled in by",
    self: "themselves",
    recordTitle: "Fill in a report for a volunteer",
    volunteer: "For whom?",
    outside: "Someone who does not use Digihelpers",
    volunteerName: "That volunteer's name",
    save: "Save report",
    notStarted: "This shift has not started yet. Once it has, you can fill in reports here.",
    cancelled: "This shift was cancelled.",
    notFound: "This shift does not exist, or you do not plan it.",
    duration: "{{hours}} h {{minutes}} min",
  },
  card: {
    title: "How did your shift go?",
    intro: "Fill in a short report for these shifts.",
    link: "{{digipunt}}, {{when}}",
  },
};

export default shiftReports;
