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
  languages: {
    nl: "Nederlands",
    fr: "Français",
    en: "English",
  },
  home: {
    title: "Digihelpers: help mensen mee met digitaal",
    intro:
      "Digihelpers is de plek voor de vrijwilligers van de digibanken in Vlaanderen en Brussel. Hier kies je wanneer je helpt in een digipunt, volg je vormingen en blijf je op de hoogte van bijeenkomsten.",
    whoTitle: "Voor wie is Digihelpers?",
    volunteersTitle: "Digihelpers (vrijwilligers)",
    volunteersText:
      "Kies op je gsm een dienst die bij je past, schrijf je in voor een vorming en hou bij hoeveel mensen je hielp.",
    coordinatorsTitle: "Coördinatoren",
    coordinatorsText:
      "Zet de diensten van je digipunten online, plan train-the-trainer-vormingen en zie wie waar staat.",
    staffTitle: "Regionale medewerkers",
    staffText:
      "Nodig vrijwilligers uit voor de Dag van de Digibank of een regionale brunch en volg de antwoorden op.",
    worldTitle: "De digibanken op Digihelpers",
    worldSummary:
      "{{regions}} regio's, {{digibanks}} digibanken, {{digipunten}} digipunten en {{volunteers}} digihelpers.",
    regionDigibanks: "Digibanken in {{region}}",
    digipuntCount_one: "{{count}} digipunt",
    digipuntCount_other: "{{count}} digipunten",
  },
  errors: {
    notFoundTitle: "Deze pagina bestaat niet",
    notFoundText: "Misschien is de link verouderd of zit er een tikfout in het adres.",
    errorTitle: "Er ging iets mis",
    errorText: "Dat is onze fout, niet de jouwe. Probeer het over enkele minuten opnieuw.",
    badRequestTitle: "Dit verzoek klopt niet",
    badRequestText: "We konden dit verzoek niet verwerken. Ga terug en probeer het opnieuw.",
    forbiddenTitle: "Dit mag je niet bekijken",
    forbiddenText: "Je hebt geen toegang tot deze pagina.",
    backHome: "Terug naar de startpagina",
    statusCode: "Foutcode {{status}}",
  },
};

export default common;
