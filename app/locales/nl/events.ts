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
};

export default events;
