const auth = {
  login: {
    title: "Aanmelden",
    intro: "Meld je aan met je e-mailadres en wachtwoord.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Aanmelden",
    invalid:
      "Dit e-mailadres en dit wachtwoord horen niet bij elkaar. Kijk ze na en probeer opnieuw.",
    rateLimited: "Te veel pogingen. Probeer het over {{minutes}} minuten opnieuw.",
    forgot: "Wachtwoord vergeten?",
    linkInstead: "Liever zonder wachtwoord? Vraag een aanmeldlink per e-mail.",
  },
  link: {
    title: "Aanmelden met een link",
    intro:
      "Geef je e-mailadres. We sturen je een link waarmee je je zonder wachtwoord aanmeldt. De link werkt 30 minuten en maar één keer.",
    submit: "Stuur mij een link",
    sent: "Als dit adres bij ons bekend is, krijg je binnen enkele minuten een e-mail met een link. Kijk ook in je map met ongewenste mail.",
    confirmTitle: "Aanmelden",
    confirmIntro: "Klik op de knop om je aan te melden.",
    confirmSubmit: "Meld mij aan",
    invalidTitle: "Deze link werkt niet meer",
    invalidText: "De link is al gebruikt of is verlopen. Vraag een nieuwe link aan.",
    askNew: "Vraag een nieuwe link",
  },
  reset: {
    title: "Wachtwoord vergeten",
    intro:
      "Geef je e-mailadres. We sturen je een link om een nieuw wachtwoord te kiezen. De link werkt 30 minuten.",
    submit: "Stuur mij een link",
    sent: "Als dit adres bij ons bekend is, krijg je binnen enkele minuten een e-mail met een link. Kijk ook in je map met ongewenste mail.",
    newTitle: "Kies een nieuw wachtwoord",
    newPassword: "Nieuw wachtwoord",
    newPasswordHint: "Minstens 10 tekens. Een zin van enkele woorden is makkelijk te onthouden.",
    confirmPassword: "Herhaal het nieuwe wachtwoord",
    newSubmit: "Bewaar mijn wachtwoord",
    mismatch: "De twee wachtwoorden zijn niet gelijk.",
    tooShort: "Kies een wachtwoord van minstens 10 tekens.",
    invalidTitle: "Deze link werkt niet meer",
    invalidText: "De link is al gebruikt of is verlopen. Vraag een nieuwe link aan.",
  },
  logout: {
    submit: "Afmelden",
    signedInAs: "Aangemeld als {{name}}",
  },
  fields: {
    required: "Vul dit in.",
    emailInvalid: "Dit is geen geldig e-mailadres.",
    controlCharacters:
      "Hier staan tekens in die niet mogen, zoals een regeleinde of een onzichtbaar teken.",
    number: "Vul een geldig getal in.",
    tooLong: "Dit is te lang.",
    notThisSite: "Dit adres hoort niet bij Digihelpers.",
  },
};

export default auth;
