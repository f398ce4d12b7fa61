// Dutch (nl-BE) is the source: every other language must have each of its keys
// (tests/unit/i18n-catalogs.test.ts). Plain language, B1 level.
const common = {
  app: {
    name: "Digihelpers",
    tagline: "Samen maken we digitaal helpen makkelijk",
  },
  shell: {
    skipToContent: "Ga naar de inhoud",
    menu: "Menu",
    mainNavigation: "Hoofdmenu",
    languageLabel: "Taal",
    languageSubmit: "Kies taal",
    footer: "Digihelpers is het platform van de digibanken in Vlaanderen en Brussel.",
    footerLinks: "Over deze site",
    privacy: "Privacyverklaring",
    accessibility: "Toegankelijkheid",
  },
  nav: {
    home: "Start",
    shifts: "Diensten",
    myShifts: "Mijn diensten",
    courses: "Vormingen",
    events: "Bijeenkomsten",
    experience: "Mijn ervaring",
    people: "Mensen",
    planning: "Planning",
    digipunten: "Digipunten",
    community: "Gemeenschap",
    reports: "Rapporten",
    account: "Mijn account",
    regions: "Regio's",
  },
  skill: {
    eid: "eID en kaartlezer",
    itsme: "itsme",
    tax_on_web: "Tax-on-web en MyMinfin",
    mijn_gezondheid: "Mijn Gezondheid",
    mypension: "MyPension",
    e_banking: "Online bankieren",
    smartphone: "Smartphone en tablet",
  },
  /** What a shift report says people were helped with (app/modules/shift-reports/topics.ts). */
  topic: {
    eid: "eID en kaartlezer",
    itsme: "itsme",
    tax_on_web: "Tax-on-web en MyMinfin",
    mijn_gezondheid: "Mijn Gezondheid",
    mypension: "MyPension",
    e_banking: "Online bankieren",
    smartphone: "Smartphone of tablet: de basis",
    email: "E-mail",
    safety: "Veilig online en phishing",
    job_search: "Werk zoeken",
    other: "Iets anders",
  },
  languages: {
    nl: "Nederlands",
    fr: "Français",
    en: "English",
  },
  home: {
    title: "Digihelpers: help mensen mee met digitaal",
    intro:
      "Digihelpers is de plek voor de vrijwilligers van de digibanken in Vlaanderen en Brussel. Hier kies je wanneer je helpt in een digipunt.",
    greeting: "Dag {{name}}",
    nextSteps: "Dit kan je nu doen.",
    noCards: "Er is hier nog niets voor jou. Je gegevens vind je bij",
    worldSummary:
      "{{regions}} regio's, {{digibanks}} digibanken, {{digipunten}} digipunten en {{volunteers}} digihelpers.",
    welcome: {
      title: "Word digihelper",
      text: "Help je graag mensen met hun gsm, itsme of Tax-on-web? Vraag om mee te doen bij een digibank. De coördinator neemt contact met je op.",
      join: "Ik wil meedoen",
      signIn: "Ben je al digihelper? Meld je aan",
    },
    nextShifts: {
      title: "Jouw volgende diensten",
      empty: "Je staat de komende twee weken op geen enkele dienst.",
      all: "Bekijk al je diensten",
    },
    openShifts: {
      title: "Diensten die nog hulp nodig hebben",
      empty: "Alle diensten van de komende twee weken hebben genoeg digihelpers.",
      all: "Bekijk alle diensten met een vrije plaats",
    },
    understaffed: {
      title: "Deze week nog digihelpers nodig",
      empty: "Alle diensten van de komende zeven dagen hebben genoeg digihelpers.",
      all: "Naar de planning",
    },
    releaseRequests: {
      title: "Vragen om vrij te geven",
      empty: "Niemand vraagt om vrijgegeven te worden.",
    },
    joinRequests: {
      title: "Aanvragen om mee te doen",
      text_one: "{{count}} persoon wil meedoen bij {{digibanks}}.",
      text_other: "{{count}} mensen willen meedoen bij {{digibanks}}.",
      empty: "Er zijn geen open aanvragen.",
      link: "Bekijk de aanvragen",
    },
    regionFigures: {
      title: "Cijfers van je regio",
      summary: "{{digibanks}} digibanken, {{digipunten}} digipunten en {{volunteers}} digihelpers.",
      caption: "Hoe vol zijn de diensten in {{region}} de komende vier weken?",
      week: "Week",
      rate: "Bezet",
      weekLabel: "Week {{number}}, {{days}}",
      noShifts: "Er zijn de komende vier weken geen diensten gepland.",
      link: "Naar de instellingen van je regio",
    },
  },
  errors: {
    notFoundTitle: "Deze pagina bestaat niet",
    notFoundText: "Misschien is de link verouderd of zit er een tikfout in het adres.",
    errorTitle: "Er ging iets mis",
    errorText: "Dat is onze fout, niet de jouwe. Probeer het over enkele minuten opnieuw.",
    badRequestTitle: "Dit verzoek klopt niet",
    badRequestText: "We konden dit verzoek niet verwerken. Ga terug en probeer het opnieuw.",
    tooLargeTitle: "Dit is te veel in één keer",
    tooLargeText:
      "Wat je stuurde is te groot of heeft te veel velden. Maak het korter en probeer opnieuw.",
    unsupportedTitle: "Dit formulier klopt niet",
    unsupportedText:
      "We verwachten een formulier van deze website. Ga terug, laad de pagina opnieuw en probeer nog eens.",
    unavailableTitle: "Even niet bereikbaar",
    unavailableText:
      "Digihelpers kan zijn gegevens nu niet bereiken. Probeer het over een paar minuten opnieuw.",
    forbiddenTitle: "Dit mag je niet bekijken",
    forbiddenText: "Je hebt geen toegang tot deze pagina.",
    backHome: "Terug naar de startpagina",
    statusCode: "Foutcode {{status}}",
  },
};

export default common;
