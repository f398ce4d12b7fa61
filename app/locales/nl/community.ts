// The community board of a region: /community.
const community = {
  title: "Gemeenschap",
  intro:
    "Deel een tip of een verhaal met de digihelpers van je regio, en bedank elkaar. Schrijf geen namen of gegevens van de mensen die je helpt.",
  regionTitle: "Gemeenschapsbord {{region}}",
  regionSwitch: "Kies een regio",
  regionShow: "Toon",
  noRegion:
    "Je hoort nog bij geen regio. Zodra je bij een digibank hoort, vind je hier het bord van je regio.",
  share: {
    title: "Deel een tip of verhaal",
    label: "Je bericht",
    hint: "Gewone tekst, hoogstens 2000 tekens. Webadressen worden klikbaar.",
    fromReport: "Dit begint met wat je schreef in je verslag. Pas het aan zoals je wil.",
    submit: "Delen",
    shared: "Je bericht staat op het bord.",
    sensitive:
      "Niet gedeeld: je bericht lijkt {{kinds}} te bevatten. Haal dat weg en probeer opnieuw.",
  },
  kind: {
    national_number: "een rijksregisternummer",
    phone: "een telefoonnummer",
    email: "een e-mailadres",
    iban: "een rekeningnummer (IBAN)",
  },
  posts: {
    title: "Berichten",
    empty: "Nog geen berichten. Deel jij de eerste tip?",
    older: "Oudere berichten",
    newest: "Naar de nieuwste berichten",
    by: "{{name}}, {{when}}",
    mine: "Jouw bericht",
    thanks_one: "{{count}} keer bedankt",
    thanks_other: "{{count}} keer bedankt",
    thank: "Bedankt!",
    thankFor: "Bedank {{name}} voor dit bericht",
    unthank: "Bedankje terugnemen",
    thanked: "Je bedankte {{name}}.",
    unthanked: "Je bedankje is teruggenomen.",
    hiddenByCoordinator: "Verborgen door een coördinator: {{reason}}",
    hiddenForOthers: "Verborgen voor anderen. Reden: {{reason}}",
    since: "digihelper sinds {{date}}",
    languages: "spreekt {{list}}",
    availability: "kan helpen op {{list}}",
  },
  moderate: {
    reasonLabel: "Waarom verberg je dit bericht?",
    reasonHint: "De schrijver ziet deze reden. Hoogstens 500 tekens.",
    hide: "Verbergen",
    hidden: "Het bericht is verborgen. Alleen de schrijver ziet het nog, met je reden.",
    show: "Opnieuw tonen",
    shown: "Het bericht is opnieuw zichtbaar voor iedereen.",
  },
  errors: {
    notFound: "Dit bord of bericht bestaat niet, of je mag het niet zien.",
    forbidden: "Dat mag je niet doen op dit bord.",
  },
  card: {
    title: "Gemeenschap",
    intro: "Nieuw op het bord van je regio:",
    link: "Naar het gemeenschapsbord",
  },
};

export default community;
