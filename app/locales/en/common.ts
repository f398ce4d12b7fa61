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
    footerLinks: "About this site",
    privacy: "Privacy notice",
    accessibility: "Accessibility",
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
    community: "Community",
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
  /** What a shift report says people were helped with (app/modules/shift-reports/topics.ts). */
  topic: {
    eid: "eID and card reader",
    itsme: "itsme",
    tax_on_web: "Tax-on-web and MyMinfin",
    mijn_gezondheid: "Mijn Gezondheid (My Health)",
    mypension: "MyPension",
    e_banking: "Online banking",
    smartphone: "Smartphone or tablet basics",
    email: "Email",
    safety: "Staying safe online and phishing",
    job_search: "Looking for work",
    other: "Something else",
  },
  languages: {
    nl: "Nederlands",
    fr: "Français",
    en: "English",
  },
  home: {
    title: "Digihelpers: helping everyone keep up with digital life",
    intro:
      "Digihelpers is the place for the volunteers of the digibanken in Flanders and Brussels. Here you choose when you help at a digipunt.",
    greeting: "Hello {{name}}",
    nextSteps: "This is what you can do now.",
    noCards: "There is nothing here for you yet. Your details are under",
    worldSummary:
      "{{regions}} regions, {{digibanks}} digibanken, {{digipunten}} digipunten and {{volunteers}} digihelpers.",
    welcome: {
      title: "Become a digihelper",
      text: "Do you like helping people with their smartphone, itsme or Tax-on-web? Ask to join a digibank. The coordinator will contact you.",
      join: "I want to join",
      signIn: "Already a digihelper? Sign in",
    },
    nextShifts: {
      title: "Your next shifts",
      empty: "You are on no shift in the coming two weeks.",
      all: "See all your shifts",
    },
    openShifts: {
      title: "Shifts that still need help",
      empty: "Every shift in the coming two weeks has enough digihelpers.",
      all: "See all shifts with a free place",
    },
    understaffed: {
      title: "This week, digihelpers still needed",
      empty: "Every shift in the coming seven days has enough digihelpers.",
      all: "Go to planning",
    },
    releaseRequests: {
      title: "Requests to be released",
      empty: "Nobody is asking to be released.",
    },
    joinRequests: {
      title: "Requests to join",
      text_one: "{{count}} person wants to join {{digibanks}}.",
      text_other: "{{count}} people want to join {{digibanks}}.",
      empty: "There are no open requests.",
      link: "See the requests",
    },
    regionFigures: {
      title: "Your region's figures",
      summary:
        "{{digibanks}} digibanken, {{digipunten}} digipunten and {{volunteers}} digihelpers.",
      caption: "How full the shifts in {{region}} are in the coming four weeks",
      week: "Week",
      rate: "Filled",
      weekLabel: "Week {{number}}, {{days}}",
      noShifts: "No shifts are planned in the coming four weeks.",
      link: "Go to your region's settings",
    },
  },
  errors: {
    notFoundTitle: "This page does not exist",
    notFoundText: "The link may be out of date, or the address may have a typo.",
    errorTitle: "Something went wrong",
    errorText: "That is our fault, not yours. Please try again in a few minutes.",
    badRequestTitle: "This request is not valid",
    badRequestText: "We could not handle this request. Go back and try again.",
    tooLargeTitle: "That is too much at once",
    tooLargeText:
      "What you sent is too large or has too many fields. Make it shorter and try again.",
    unsupportedTitle: "This form is not valid",
    unsupportedText: "We expect a form from this website. Go back, reload the page and try again.",
    unavailableTitle: "Temporarily unavailable",
    unavailableText:
      "Digihelpers cannot reach its data right now. Please try again in a few minutes.",
    forbiddenTitle: "You may not see this",
    forbiddenText: "You do not have access to this page.",
    backHome: "Back to the home page",
    statusCode: "Error code {{status}}",
  },
};

export default common;
