// Gatherings as the invited see them: /events, the answer page from the mail link, unsubscribe.
const events = {
  unsubscribe: {
    title: "Geen uitnodigingen meer voor bijeenkomsten?",
    intro:
      "Je kreeg deze link met de uitnodiging voor “{{title}}”. Bevestig hieronder en je krijgt geen uitnodigingen meer voor bijeenkomsten, en ook geen herinneringen eraan.",
    stillGet:
      "Belangrijke e-mails blijf je krijgen: een aanmeldlink, je diensten, en een wijziging of afgelasting van een bijeenkomst waarvoor je uitgenodigd bent.",
    confirm: "Ja, geen uitnodigingen meer",
    doneTitle: "Je bent uitgeschreven",
    doneText:
      "Je krijgt geen uitnodigingen voor bijeenkomsten meer, en ook geen herinneringen eraan.",
    undoAccount:
      "Van gedacht veranderd? Vink “Uitnodigingen voor bijeenkomsten” weer aan bij je e-mailvoorkeuren.",
    undoGuest:
      "Van gedacht veranderd? Vraag de organisator van de bijeenkomst om je opnieuw uit te nodigen.",
    accountLink: "Naar mijn e-mailvoorkeuren",
    badBody: "Dit verzoek kunnen we niet lezen. Gebruik de knop op deze pagina.",
    notFound:
      "Deze link werkt niet (meer). Misschien is hij niet volledig gekopieerd, of werd de uitnodiging ingetrokken.",
    home: "Naar Digihelpers",
  },
  list: {
    title: "Bijeenkomsten",
    manageLink: "Bijeenkomsten die je organiseert",
    intro:
      "Je uitnodigingen voor bijeenkomsten: zeg ja, misschien of nee, tot de uiterste antwoorddatum.",
    upcoming: "Wat komt",
    past: "Voorbij",
    empty: "Je hebt nog geen uitnodigingen voor bijeenkomsten.",
    noPast: "Nog geen voorbije bijeenkomsten.",
    more: "Meer over {{title}}",
    myCalendar: "Bijeenkomsten waarop je ja zei staan ook in je agenda bij de diensten.",
  },
  detail: {
    back: "Alle bijeenkomsten",
    notFound: "Deze bijeenkomst bestaat niet, of je bent er niet voor uitgenodigd.",
    when: "Wanneer",
    where: "Waar",
    online: "Online",
    onlineLink: "Deelnemen online",
    accessibility: "Toegankelijkheid",
    organiser: "Organisator",
    contact: "Contact",
    deadline: "Antwoorden tot",
    description: "Over de bijeenkomst",
  },
  answer: {
    title: "Je antwoord op de uitnodiging",
    greeting: "Dag {{name}}, je bent uitgenodigd voor deze bijeenkomst.",
    yourAnswer: "Je antwoord",
    current: {
      none: "Je hebt nog niet geantwoord.",
      yes: "Je zei ja.",
      yes_plus_one: "Je zei ja, met {{count}} persoon extra.",
      yes_plus_other: "Je zei ja, met {{count}} personen extra.",
      maybe: "Je zei misschien.",
      no: "Je zei nee.",
      waiting: "Je staat op de wachtlijst, op plaats {{position}}.",
    },
    response: {
      yes: "Ja, ik kom",
      maybe: "Misschien",
      no: "Nee, ik kom niet",
    },
    short: {
      none: "Nog geen antwoord",
      yes: "Ja",
      maybe: "Misschien",
      no: "Nee",
      waiting: "Wachtlijst",
    },
    plusOnes: "Hoeveel personen breng je mee?",
    plusOnesHint: "Hoogstens {{max}}. Ook zij nemen een plaats in.",
    questions: "Vragen van de organisator",
    required: "(verplicht)",
    chooseOne: "Kies…",
    submit: "Antwoord versturen",
    change: "Antwoord wijzigen",
    deadline: "Je kunt je antwoord wijzigen tot {{date}}.",
    deadlinePassed: "De uiterste antwoorddatum is voorbij: je antwoord kan niet meer wijzigen.",
    waitingNote:
      "Is de bijeenkomst volzet, dan kom je op de wachtlijst. Komt er een plaats vrij, dan krijg je ze en een e-mail.",
    done: {
      yes: "Je antwoord is genoteerd: ja.",
      maybe: "Je antwoord is genoteerd: misschien.",
      no: "Je antwoord is genoteerd: nee.",
      waiting:
        "De bijeenkomst is volzet: je staat op de wachtlijst, op plaats {{position}}. Komt er een plaats vrij, dan krijg je een e-mail.",
    },
    refused: {
      deadline_passed: "De uiterste antwoorddatum is voorbij: je antwoord is niet gewijzigd.",
      no_room:
        "Er zijn niet genoeg plaatsen vrij voor zoveel personen extra: je vorige antwoord blijft staan.",
      cancelled: "Deze bijeenkomst is geannuleerd.",
      past: "Deze bijeenkomst is voorbij.",
      revoked: "Deze uitnodiging geldt niet meer.",
      not_found: "Deze uitnodiging bestaat niet.",
    },
    errors: {
      title: "Je antwoord is nog niet verstuurd: kijk de velden hieronder na.",
      plusOnes: "Kies een aantal tussen 0 en het toegelaten maximum.",
      required: "Beantwoord deze vraag.",
      choice: "Kies een van de mogelijkheden.",
      tooLong: "Je antwoord is te lang (hoogstens 1000 tekens).",
      controlCharacters: "Je antwoord bevat tekens die niet toegelaten zijn.",
      unknownQuestion: "Deze vraag hoort niet bij de bijeenkomst.",
      response: "Kies ja, misschien of nee.",
    },
  },
  token: {
    invalidTitle: "Deze link werkt niet",
    invalidText:
      "De link is niet volledig of klopt niet. Open hem opnieuw vanuit de e-mail, of vraag de organisator om een nieuwe uitnodiging.",
    revokedTitle: "Deze uitnodiging geldt niet meer",
    revokedText:
      "Er is intussen een nieuwere uitnodiging gestuurd, of de organisator heeft deze ingetrokken. Gebruik de link uit de laatste e-mail.",
    pastTitle: "Deze bijeenkomst is voorbij",
    pastText: "Je kunt niet meer antwoorden. Dit was je antwoord:",
    cancelledTitle: "Deze bijeenkomst is geannuleerd",
    cancelledText: "De organisator heeft de bijeenkomst geannuleerd. Je hoeft niets meer te doen.",
    signIn: "Naar Digihelpers",
  },
  card: {
    title: "Uitnodigingen",
    waiting_one: "{{count}} uitnodiging wacht op je antwoord.",
    waiting_other: "{{count}} uitnodigingen wachten op je antwoord.",
    answerBy: "{{title}}: antwoord tot {{date}}",
    next: "Volgende bijeenkomst: {{title}}, {{date}}",
    link: "Naar je uitnodigingen",
  },
  calendar: {
    kind: "Bijeenkomst",
    legend: "Bijeenkomst waarop je ja zei",
  },
};

export default events;
