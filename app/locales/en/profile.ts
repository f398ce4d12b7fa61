import type { Namespace } from "../types.ts";
import type nl from "../nl/profile.ts";

// The volunteer's profile: /account/profile, and as their coordinators see it.
const profile: Namespace<typeof nl> = {
  title: "My profile",
  intro:
    "Tell who you are and when you can help. Your coordinators see your profile. The community board shows only what you choose.",
  personTitle: "Profile of {{name}}",
  personIntro: "This is how {{name}} describes themselves. You can only read this profile.",
  link: "See and change my profile",
  linkPerson: "Profile",
  linkPersonOf: "Profile of {{name}}",
  saved: "Your profile is saved.",
  submit: "Save profile",
  back: "Back to my account",
  backPeople: "Back to the people",
  notSet: "Not filled in",
  none: "None",
  since: {
    label: "Digihelper since",
    hint: "The day you started helping. Not in the future.",
  },
  digibanks: {
    title: "My digibanks",
    hint: "This follows from your role. Your coordinator changes it.",
  },
  municipalities: {
    legend: "In which municipalities do you help, or can you help?",
    none: "Your digibanks have no municipalities yet.",
  },
  languages: {
    legend: "Which languages do you speak?",
  },
  language: {
    nl: "Dutch",
    fr: "French",
    en: "English",
    de: "German",
    ar: "Arabic",
    tr: "Turkish",
    es: "Spanish",
    it: "Italian",
    pl: "Polish",
    ro: "Romanian",
    ru: "Russian",
    uk: "Ukrainian",
  },
  skills: {
    title: "What I can do",
    declared: "declared by me",
    earned: "earned in a course",
    change: "Change my skills",
  },
  availability: {
    legend: "When can you help?",
    hint: "Tick the parts of the day when you are usually free.",
    day: "Day",
  },
  day: {
    mon: "Monday",
    tue: "Tuesday",
    wed: "Wednesday",
    thu: "Thursday",
    fri: "Friday",
    sat: "Saturday",
    sun: "Sunday",
  },
  part: {
    morning: "morning",
    afternoon: "afternoon",
    evening: "evening",
  },
  introduction: {
    label: "About me",
    hint: "A short introduction, at most 1000 characters.",
  },
  shows: {
    legend: "What does the community board show beside your first name?",
    since: "Since when I help",
    digibanks: "My digibanks",
    municipalities: "My municipalities",
    languages: "My languages",
    skills: "What I can do",
    availability: "When I can help",
    introduction: "About me",
  },
  errors: {
    since: "Enter a date that exists, for example 2021-09-01.",
    sinceFuture: "That date is in the future. Choose today or a day before.",
    municipality: "Choose only municipalities in the region of your digibank.",
    language: "Choose only languages from the list.",
    availability: "Choose only parts of the day from the grid.",
    shows: "Choose only items from the list.",
    form: "Nothing was saved. Check the fields with an error.",
    notFound: "This profile does not exist, or you may not see it.",
  },
};

export default profile;
