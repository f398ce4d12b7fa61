import type { Namespace } from "../types.ts";
import type nl from "../nl/common.ts";

const common: Namespace<typeof nl> = {
  app: {
    name: "Digihelpers",
    tagline: "Together we make digital help easy",
  },
  shell: {
    skipToContent: "Skip to content",
    menu: "Menu",
    mainNavigation: "Main menu",
    languageLabel: "Language",
    languageSubmit: "Choose language",
    footer: "Digihelpers is the platform of the digibanken in Flanders and Brussels.",
  },
  nav: {
    home: "Home",
    shifts: "Shifts",
    myShifts: "My shifts",
    courses: "Courses",
    events: "Gatherings",
    experience: "My experience",
    people: "People",
    planning: "Planning",
    digipunten: "Digipunten",
    reports: "Reports",
    account: "My account",
    regions: "Regions",
  },
  skill: {
    eid: "eID and card reader",
    itsme: "itsme",
    tax_on_web: "Tax-on-web and MyMinfin",
    mijn_gezondheid: "Mijn Gezondheid (My Health)",
    mypension: "MyPension",
    e_banking: "Online banking",
    smartphone: "Smartphone and tablet",
  },
  languages: {
    nl: "Nederlands",
    fr: "Français",
    en: "English",
  },
  home: {
    title: "Digihelpers: helping everyone keep up with digital life",
    intro:
      "Digihelpers is the place for the volunteers of the digibanken in Flanders and Brussels. Choose when you help at a digipunt, follow courses and stay up to date on gatherings.",
    whoTitle: "Who is Digihelpers for?",
    volunteersTitle: "Digihelpers (volunteers)",
    volunteersText:
      "Pick a shift that suits you on your phone, sign up for a course and keep track of how many people you helped.",
    coordinatorsTitle: "Coordinators",
    coordinatorsText:
      "Publish the shifts of your digipunten, plan train-the-trainer courses and see who is where.",
    staffTitle: "Regional staff",
    staffText:
      "Invite volunteers to the Dag van de Digibank or a regional brunch and follow the replies.",
    worldTitle: "The digibanken on Digihelpers",
    worldSummary:
      "{{regions}} regions, {{digibanks}} digibanken, {{digipunten}} digipunten and {{volunteers}} digihelpers.",
    regionDigibanks: "Digibanken in {{region}}",
    digipuntCount_one: "{{count}} digipunt",
    digipuntCount_other: "{{count}} digipunten",
  },
  errors: {
    notFoundTitle: "This page does not exist",
    notFoundText: "The link may be out of date, or the address may have a typo.",
    errorTitle: "Something went wrong",
    errorText: "That is our fault, not yours. Please try again in a few minutes.",
    badRequestTitle: "This request is not valid",
    badRequestText: "We could not handle this request. Go back and try again.",
    forbiddenTitle: "You may not see this",
    forbiddenText: "You do not have access to this page.",
    backHome: "Back to the home page",
    statusCode: "Error code {{status}}",
  },
};

export default common;
