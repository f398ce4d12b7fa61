const account = {
  title: "Mijn account",
  intro: "Hier pas je je gegevens aan en kies je welke e-mails je krijgt.",
  saved: {
    calendar: "Je agenda-adres is klaar. Voeg het toe aan je agenda-app.",
    calendarNew: "Je hebt een nieuw agenda-adres. Het oude adres werkt niet meer.",
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
  calendar: {
    title: "Mijn diensten in mijn agenda",
    intro:
      "Zie je diensten in de agenda van je gsm of computer, zoals Google Agenda, Outlook of Apple Agenda. Je krijgt daarvoor een eigen adres. Je agenda houdt zich dan zelf bij.",
    create: "Maak mijn agenda-adres",
    url: "Jouw agenda-adres",
    private: "Dit adres is geheim. Wie het kent, ziet je diensten. Deel het dus met niemand.",
    copy: "Kopieer het adres",
    copied: "Gekopieerd.",
    howTitle: "Zo voeg je het toe",
    googleTitle: "Google Agenda",
    google:
      "Open Google Agenda op een computer. Klik bij 'Andere agenda's' op het plusteken en kies 'Via URL'. Plak het adres en klik op 'Agenda toevoegen'. Daarna zie je je diensten ook op je gsm.",
    outlookTitle: "Outlook",
    outlook:
      "Open je agenda in Outlook. Kies 'Agenda toevoegen' en dan 'Abonneren via internet'. Plak het adres, geef de agenda een naam en klik op 'Importeren'.",
    appleTitle: "Apple Agenda (iPhone, iPad of Mac)",
    apple:
      "Op een iPhone of iPad: open Instellingen, dan Agenda, Accounts, 'Voeg account toe', Andere, 'Voeg agenda-abonnement toe'. Plak het adres. Op een Mac: open Agenda en kies Archief, 'Nieuw agenda-abonnement'.",
    delay:
      "Je agenda haalt de wijzigingen zelf op. Dat kan enkele uren duren. In Digihelpers zie je altijd de juiste versie.",
    regenerateTitle: "Een nieuw adres maken",
    regenerateIntro:
      "Heb je het adres aan iemand gegeven die het niet mag hebben? Maak dan een nieuw adres. Het oude adres werkt daarna niet meer. Voeg het nieuwe adres opnieuw toe aan je agenda.",
    regenerateConfirm: "Ik begrijp dat het oude adres niet meer werkt",
    regenerate: "Maak een nieuw adres",
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
    confirmRegenerate: "Vink dit aan om een nieuw adres te maken.",
    phoneInvalid: "Een telefoonnummer heeft 6 tot 20 tekens: cijfers, spaties, +, / of -.",
    passwordTooShort: "Kies een wachtwoord van minstens 10 tekens.",
    passwordsDiffer: "De twee nieuwe wachtwoorden zijn niet gelijk.",
  },
};

export default account;
