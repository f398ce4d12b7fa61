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
  logout: {
    submit: "Afmelden",
    signedInAs: "Aangemeld als {{name}}",
  },
  fields: {
    required: "Vul dit in.",
    emailInvalid: "Dit is geen geldig e-mailadres.",
    tooLong: "Dit is te lang.",
  },
};

export default auth;
