const account = {
  title: "Mijn account",
  intro: "Hier pas je je gegevens aan en kies je welke e-mails je krijgt.",
  saved: {
    profile: "Je gegevens zijn bewaard.",
    password: "Je wachtwoord is gewijzigd. Op je andere toestellen ben je nu afgemeld.",
    email: "Je e-mailadres is gewijzigd. Op je andere toestellen ben je nu afgemeld.",
  },
  skills: {
    title: "Mijn vaardigheden",
    intro:
      "Voor sommige diensten vraagt de coördinator een vaardigheid, bijvoorbeeld helpen met itsme. Duid aan waarmee jij mensen kan helpen.",
    legend: "Waarmee kan je helpen?",
    submit: "Vaardigheden bewaren",
    saved: "Je vaardigheden zijn bewaard.",
    link: "Mijn vaardigheden aanpassen",
    back: "Terug naar mijn account",
  },
  profile: {
    title: "Mijn gegevens",
    email: "E-mailadres",
    emailNote:
      "Wil je een ander e-mailadres gebruiken? Dan sturen we eerst een e-mail naar het nieuwe adres om het te bevestigen.",
    name: "Naam",
    phone: "Telefoonnummer (niet verplicht)",
    phoneHint: "Bijvoorbeeld 0470 12 34 56 of +32 470 12 34 56.",
    language: "In welke taal wil je Digihelpers en onze e-mails?",
    submit: "Gegevens bewaren",
  },
  notifications: {
    legend: "Welke e-mails wil je krijgen?",
    essential:
      "Belangrijke e-mails over je account krijg je altijd, bijvoorbeeld een aanmeldlink of een nieuw wachtwoord.",
    reminders: "Herinneringen aan mijn diensten en vormingen",
    invitations: "Uitnodigingen voor bijeenkomsten",
    newsletters: "Nieuwsbrieven van mijn digibank",
  },
  password: {
    title: "Wachtwoord wijzigen",
    intro: "Daarna word je op al je andere toestellen afgemeld.",
    current: "Huidig wachtwoord",
    new: "Nieuw wachtwoord",
    newHint: "Minstens {{min}} tekens.",
    confirm: "Nieuw wachtwoord nog een keer",
    submit: "Wachtwoord wijzigen",
    wrong: "Je huidige wachtwoord klopt niet. Er is niets gewijzigd.",
    rateLimited: "Te veel pogingen. Probeer het over {{minutes}} minuten opnieuw.",
    none: "Je hebt nog geen wachtwoord. Kies er een via 'Wachtwoord vergeten?' op de aanmeldpagina.",
  },
  email: {
    title: "Mijn e-mailadres wijzigen",
    intro:
      "We sturen een link naar het nieuwe adres. Je adres verandert pas als je die link opent.",
    new: "Nieuw e-mailadres",
    password: "Huidig wachtwoord",
    submit: "Stuur de link",
    sent: "We hebben een link gestuurd naar het nieuwe adres. Je adres verandert zodra je die link opent.",
    wrong: "Je wachtwoord klopt niet. Er is niets gewijzigd.",
    rateLimited: "Te veel pogingen. Probeer het over {{minutes}} minuten opnieuw.",
    none: "Om je e-mailadres te wijzigen heb je een wachtwoord nodig. Kies er een via 'Wachtwoord vergeten?' op de aanmeldpagina.",
  },
  confirmEmail: {
    title: "Nieuw e-mailadres bevestigen",
    text: "Wil je voortaan {{email}} gebruiken om je aan te melden en onze e-mails te krijgen?",
    submit: "Ja, gebruik dit adres",
    invalidTitle: "Deze link werkt niet meer",
    invalidText: "De link is al gebruikt, of hij is te oud. Vraag een nieuwe aan via Mijn account.",
    taken:
      "Dit adres is intussen in gebruik voor een ander account. Je e-mailadres is niet gewijzigd.",
    doneTitle: "Je e-mailadres is gewijzigd",
    doneText: "Meld je voortaan aan met {{email}}.",
    signIn: "Aanmelden",
  },
  devices: {
    title: "Afmelden op alle toestellen",
    intro:
      "Ben je je gsm kwijt, of meldde je je aan op de computer van iemand anders? Meld je dan overal af. Daarna meld je je opnieuw aan.",
    submit: "Afmelden op alle toestellen",
  },
  export: {
    title: "Mijn gegevens downloaden",
    intro: "Je krijgt één bestand met alles wat Digihelpers over jou bewaart.",
    submit: "Mijn gegevens downloaden",
  },
  delete: {
    title: "Mijn account verwijderen",
    intro: "Wil je niet meer meedoen? Dan kan je je account zelf verwijderen.",
    link: "Mijn account verwijderen",
    pageTitle: "Mijn account verwijderen",
    gone: "We wissen je naam, je e-mailadres, je telefoonnummer en je wachtwoord. Je wordt overal afgemeld en je kan je niet meer aanmelden.",
    kept: "Wat blijft: de diensten en uren die je deed, zonder je naam. Zo kloppen de cijfers van je digibank.",
    final: "Dit kan je niet ongedaan maken.",
    confirmPassword: "Typ je wachtwoord om te bevestigen",
    confirmWord: "Typ het woord {{word}} om te bevestigen",
    word: "VERWIJDER",
    wrong: "Dat klopt niet. Je account is niet verwijderd.",
    submit: "Mijn account definitief verwijderen",
    cancel: "Niet verwijderen, terug naar mijn account",
  },
  fields: {
    phoneInvalid: "Een telefoonnummer heeft 6 tot 20 tekens: cijfers, spaties, +, / of -.",
    passwordTooShort: "Kies een wachtwoord van minstens 10 tekens.",
    passwordsDiffer: "De twee nieuwe wachtwoorden zijn niet gelijk.",
  },
};

export default account;
