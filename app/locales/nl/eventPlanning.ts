// Gatherings as their organisers see them: /events/manage (the event, its audience, sending, the
// answers, the door list).
const eventPlanning = {
  send: {
    title: "Uitnodigingen versturen",
    checkFields: "Kijk de velden na.",
    draft:
      "Deze bijeenkomst is nog een ontwerp. Publiceer ze eerst; daarna kun je de uitnodigingen versturen.",
    cancelled: "Deze bijeenkomst is afgelast: er gaan geen uitnodigingen meer uit.",
    past: "Deze bijeenkomst is al begonnen of voorbij: er gaan geen uitnodigingen meer uit.",
    previewTitle: "Wie krijgt een uitnodiging?",
    toInvite_one: "{{n}} persoon krijgt nu een uitnodiging.",
    toInvite_other: "{{n}} personen krijgen nu een uitnodiging.",
    languages: "In het Nederlands: {{nl}}, in het Frans: {{fr}}, in het Engels: {{en}}.",
    guests_one: "Daarvan {{n}} gast van buiten Digihelpers.",
    guests_other: "Daarvan {{n}} gasten van buiten Digihelpers.",
    optedOut_one: "{{n}} persoon wil geen uitnodigingen en krijgt er geen.",
    optedOut_other: "{{n}} personen willen geen uitnodigingen en krijgen er geen.",
    alreadyInvited_one: "{{n}} persoon is al uitgenodigd en krijgt geen tweede uitnodiging.",
    alreadyInvited_other: "{{n}} personen zijn al uitgenodigd en krijgen geen tweede uitnodiging.",
    historyTitle: "Wat al verstuurd werd",
    neverSent: "Er zijn nog geen uitnodigingen verstuurd.",
    lastSent: "Laatst verstuurd op {{when}}.",
    counts: "{{invited}} uitgenodigd, {{delivered}} afgeleverd, {{failed}} mislukt.",
    scheduledFor: "Gepland: de uitnodigingen gaan vanzelf uit op {{when}}.",
    nowHint:
      "Iedereen hierboven krijgt één e-mail in zijn of haar taal, met een agenda-uitnodiging en knoppen om te antwoorden.",
    nowHintAgain:
      "Alleen wie nog geen uitnodiging kreeg (nieuwe vrijwilligers, nieuwe gasten), krijgt er nu een. De anderen krijgen niets opnieuw.",
    now_one: "Nu versturen naar {{n}} persoon",
    now_other: "Nu versturen naar {{n}} personen",
    scheduleTitle: "Later versturen",
    scheduleHint: "Kies een dag en uur (Belgische tijd), vóór de antwoorddatum.",
    date: "Dag",
    time: "Uur",
    schedule: "Versturen op dit moment",
    clear: "Gepland versturen annuleren",
    sent_one: "De uitnodigingen gaan nu uit naar {{count}} persoon.",
    sent_other: "De uitnodigingen gaan nu uit naar {{count}} personen.",
    scheduled: "De uitnodigingen gaan uit op het gekozen moment.",
    cleared: "Er is geen moment meer gepland.",
    refusal: {
      not_found: "Deze bijeenkomst bestaat niet.",
      draft: "Publiceer de bijeenkomst eerst.",
      cancelled: "Deze bijeenkomst is afgelast.",
      past: "Deze bijeenkomst is al begonnen of voorbij.",
      forbidden: "Dit mag je niet.",
      in_past: "Dat moment is al voorbij. Kies een moment in de toekomst.",
      after_deadline: "Kies een moment vóór de antwoorddatum.",
    },
    back: "Terug naar de bijeenkomst",
    backToList: "Naar de bijeenkomsten",
    notFound: "Deze bijeenkomst bestaat niet, of je mag ze niet plannen.",
  },
};

export default eventPlanning;
