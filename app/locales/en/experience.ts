import type { Namespace } from "../types.ts";
import type nl from "../nl/experience.ts";

// What a volunteer's work adds up to: /account/experience and the attestation of volunteer work.
const experience: Namespace<typeof nl> = {
  title: "My experience",
  intro:
    "What you have done as a digihelper: your hours, your shifts, the people you helped and your courses.",
  period: {
    legend: "Period",
    label: "Show",
    all: "All time",
    year: "Year {{year}}",
    submit: "Show",
    showing: "You are looking at: {{period}}",
  },
  figures: {
    title: "Your figures",
    hours: "Hours",
    hoursNote_one:
      "Of these, {{hours}} hours come from your {{count}} report; the rest is the scheduled length of your shifts.",
    hoursNote_other:
      "Of these, {{hours}} hours come from your {{count}} reports; the rest is the scheduled length of your shifts.",
    hoursNoReports:
      "You have not written a report yet: the hours are the scheduled length of your shifts.",
    shifts: "Shifts worked",
    people: "People helped",
    referrals: "Referred elsewhere",
    peopleNote: "People helped count only from your reports.",
  },
  topics: {
    title: "What you helped with",
    caption: "Topics in your reports",
    topic: "Topic",
    reports: "Number of reports",
    none: "No reports in this period yet.",
  },
  courses: {
    title: "Courses completed",
    none: "No courses completed in this period.",
    item: "{{title}}, {{date}}",
  },
  skills: {
    title: "Skills earned in a course",
    none: "No skills earned in this period.",
    item: "{{skill}}, {{date}}",
    itemCourse: "{{skill}}, {{date}} ({{course}})",
    declared: "You change the skills you declare yourself on",
    declaredLink: "My skills",
  },
  milestones: {
    title: "Milestones",
    first_shift: "Your first shift",
    ten_shifts: "10 shifts",
    fifty_hours: "50 hours",
    one_year: "A year as a digihelper",
    reached: "Reached on {{date}}",
    toGo: {
      first_shift: "1 shift to go",
      ten_shifts_one: "{{count}} shift to go",
      ten_shifts_other: "{{count}} shifts to go",
      fifty_hours_one: "{{count}} hour to go",
      fifty_hours_other: "{{count}} hours to go",
      one_year_one: "{{count}} day to go",
      one_year_other: "{{count}} days to go",
      one_year_unknown: "Counts from your first shift",
    },
  },
  attestationLink: {
    title: "Attestation of volunteer work",
    intro:
      "An attestation of your volunteer work, to print or as a PDF. Useful when applying for a job.",
    open: "Make an attestation",
  },
  attestation: {
    title: "Attestation of volunteer work",
    intro: "Choose the period. Print the attestation or download it as a PDF.",
    from: "From",
    to: "To",
    submit: "Show attestation",
    print: "Print",
    pdf: "Download as PDF",
    back: "Back to My experience",
    heading: "Attestation of volunteer work",
    statement:
      "We confirm that {{name}} did volunteer work as a digihelper from {{from}} to {{to}}.",
    statementNone:
      "{{name}} is a digihelper. From {{from}} to {{to}}, {{name}} did not work a shift yet.",
    work: "Work done",
    hours: "Hours",
    shifts: "Shifts",
    people: "People helped",
    digibanks: "Digibanks",
    digibank: "Digibank",
    coordinator: "Coordinator",
    noCoordinator: "(no coordinator known)",
    courses: "Courses completed",
    skills: "Skills earned",
    none: "None",
    issued: "Issued on {{date}}.",
    platform: "Issued with Digihelpers, the platform of the digibanks.",
    filename: "attestation-volunteer-work",
    subject: "Attestation of volunteer work of {{name}}, {{from}} to {{to}}",
  },
  card: {
    title: "My experience",
    helped_one: "You have helped {{count}} person in {{hours}} hours.",
    helped_other: "You have helped {{count}} people in {{hours}} hours.",
    next: "Next milestone: {{milestone}}. {{toGo}}.",
    allReached: "You have reached every milestone. Thank you!",
    link: "See your experience",
  },
  account: {
    title: "My experience",
    intro: "Your hours, shifts, courses and milestones, and an attestation of your volunteer work.",
    link: "See your experience",
  },
  errors: {
    year: "We do not know that year. Choose a year from the list.",
    date: "That date does not exist. Write a date like 2026-03-31.",
    order: "The start date comes after the end date. Choose a start before the end.",
    title: "This period is not possible",
  },
};

export default experience;
