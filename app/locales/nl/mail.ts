// Emails and the mail pages. Dutch (nl-BE) is the source; plain language, B1 level. The keys of
// each email match its template name in app/modules/mail/messages.ts.
const mail = {
  layout: {
    greeting: "Dag {{name}},",
    linkFallback: "Werkt de knop niet? Kopieer dan dit adres en plak het in je browser:",
    footer: "Digihelpers is het platform van de digibanken in Vlaanderen en Brussel.",
  },
  sign_in_link: {
    subject: "Je link om aan te melden bij Digihelpers",
    heading: "Aanmelden bij Digihelpers",
    intro: "Je vroeg een link om aan te melden. Klik op de knop om verder te gaan.",
    button: "Meld je aan bij Digihelpers",
    expiry: "De link werkt 30 minuten en maar één keer.",
    notYou: "Vroeg je deze link niet? Dan mag je deze e-mail negeren.",
  },
  password_reset: {
    subject: "Kies een nieuw wachtwoord voor Digihelpers",
    heading: "Een nieuw wachtwoord kiezen",
    intro: "Je vroeg om een nieuw wachtwoord. Klik op de knop om er een te kiezen.",
    button: "Kies een nieuw wachtwoord",
    expiry: "De link werkt 30 minuten en maar één keer.",
    notYou: "Vroeg je dit niet? Dan blijft je wachtwoord zoals het was.",
  },
  invitation: {
    subject: "{{inviterName}} nodigt je uit voor Digihelpers",
    heading: "Welkom bij Digihelpers",
    intro: "{{inviterName}} nodigt je uit als {{role}} bij {{scopeName}}.",
    steps: "Kies een wachtwoord en lees de privacyverklaring. Daarna kan je meteen aan de slag.",
    button: "Aanvaard de uitnodiging",
  },
  email_change: {
    subject: "Bevestig je nieuwe e-mailadres voor Digihelpers",
    heading: "Je nieuwe e-mailadres bevestigen",
    intro:
      "Je wil voortaan e-mails van Digihelpers krijgen op dit adres. Bevestig dat met de knop.",
    button: "Bevestig mijn nieuwe e-mailadres",
    expiry: "De link werkt 30 minuten en maar één keer.",
    notYou: "Vroeg je dit niet? Dan verandert er niets.",
  },
  join_request: {
    subject: "{{requesterName}} wil meedoen bij {{digibankName}}",
    heading: "Een nieuwe aanvraag",
    intro: "{{requesterName}} wil graag digihelper worden bij {{digibankName}}.",
    action: "Bekijk de aanvraag en zeg of die persoon welkom is.",
    button: "Bekijk de aanvraag",
  },
  join_declined: {
    subject: "Je aanvraag bij {{digibankName}}",
    heading: "Over je aanvraag",
    text: "{{digibankName}} kan je aanvraag om mee te doen nu niet aanvaarden.",
    next: "Heb je vragen? Neem dan contact op met de digibank.",
  },
  inactive_account_warning: {
    subject: "Wil je je account bij Digihelpers houden?",
    heading: "Je account wordt binnenkort anoniem",
    unused: "Je hebt je sinds {{lastActive}} niet meer aangemeld bij Digihelpers.",
    when: "We bewaren gegevens niet langer dan nodig. Daarom maken we je account anoniem vanaf {{date}}: je naam, je e-mailadres en je telefoonnummer worden gewist. De cijfers van je diensten blijven, zonder je naam.",
    keep: "Wil je je account houden? Meld je dan gewoon aan vóór {{date}}. Meer hoef je niet te doen.",
    button: "Meld je aan bij Digihelpers",
    noPassword:
      "Weet je je wachtwoord niet meer? Op de aanmeldpagina kun je een link per e-mail vragen.",
  },
  shift: {
    when: "Wanneer",
    where: "Waar",
    notes: "Goed om te weten",
    timeRange: "{{date}}, van {{start}} tot {{end}}",
  },
  calendar: {
    shiftSummary: "Digihelper in {{digipuntName}}",
    shiftDescription: "Je dienst als digihelper bij {{digibankName}}.",
    courseSummary: "Vorming: {{title}}",
    courseSessionSummary: "Vorming: {{title}} ({{n}}/{{total}})",
    courseDescription: "Een vorming van {{organiserName}} voor digihelpers.",
    eventSummary: "Bijeenkomst: {{title}}",
    eventDescription: "Een bijeenkomst van {{organiserName}} voor digihelpers.",
    feedName: "Digihelpers",
  },
  event: {
    event: "Bijeenkomst",
    dateRange: "van {{start}} tot {{end}}",
    accessibility: "Toegankelijkheid",
    about: "Wat staat er op het programma",
    organiser: "Georganiseerd door",
    contact: "Vragen? Contacteer",
    deadline: "Antwoord graag voor",
    answer: {
      yes: "Ja, ik kom",
      maybe: "Misschien",
      no: "Nee, ik kan niet",
      fallback: "Werken de knoppen niet? Open dan deze pagina om te antwoorden:",
    },
    unsubscribe: "Wil je geen uitnodigingen voor bijeenkomsten meer krijgen?",
    unsubscribeLink: "Schrijf je uit",
  },
  course: {
    organiser: "Georganiseerd door",
    sessions_one: "De sessie",
    sessions_other: "De {{count}} sessies",
    online: "Online",
    cancelledSession: "Gaat niet door: {{when}}",
  },
  shift_confirmed: {
    subject: "Je dienst op {{date}} in {{shift.digipuntName}}",
    heading: "Je staat op de dienst",
    intro: "Bedankt! Je helpt mee in {{digipuntName}}.",
    calendar: "In de bijlage zit de dienst voor je agenda. Open de bijlage om hem toe te voegen.",
    button: "Bekijk de dienst",
  },
  shift_promoted: {
    subject: "Er is een plaats vrij: je dienst op {{date}}",
    heading: "Je staat nu op de dienst",
    intro:
      "Er kwam een plaats vrij in {{digipuntName}}. Je stond op de reservelijst, dus nu sta je op de dienst.",
    calendar:
      "Kan je toch niet? Laat de plaats dan vrij op de pagina van de dienst. In de bijlage zit de dienst voor je agenda.",
    button: "Bekijk de dienst",
  },
  shift_changed: {
    subject: "Je dienst in {{shift.digipuntName}} is gewijzigd",
    heading: "Er is iets veranderd aan je dienst",
    intro: "De coördinator heeft de dienst in {{digipuntName}} gewijzigd. Zo ziet hij er nu uit:",
    confirmed:
      "Je staat nog altijd op de dienst. Kan je niet meer? Laat het dan weten op de pagina van de dienst. In de bijlage zit de nieuwe versie voor je agenda.",
    reserve:
      "Je staat nog altijd op de reservelijst. Komt er een plaats vrij, dan krijg je een e-mail.",
    button: "Bekijk de dienst",
  },
  shift_cancelled: {
    subject: "Je dienst op {{date}} gaat niet door",
    heading: "Je dienst gaat niet door",
    intro: "De dienst in {{digipuntName}} is geschrapt. Je hoeft niet te komen.",
    reason: "Waarom: {{reason}}",
    calendar: "Open de bijlage om de dienst uit je agenda te halen.",
    button: "Zoek een andere dienst",
  },
  shift_left: {
    subject: "Je staat niet meer op de dienst van {{date}}",
    heading: "Je staat niet meer op de dienst",
    removed: "De coördinator heeft je van deze dienst gehaald. Je hoeft niet te komen.",
    release_granted:
      "De coördinator heeft je vrijgegeven voor deze dienst. Je hoeft niet te komen.",
    calendar: "Open de bijlage om de dienst uit je agenda te halen.",
    button: "Zoek een andere dienst",
  },
  shift_release_requested: {
    subject: "{{volunteerName}} vraagt om een dienst vrij te geven",
    heading: "Een vraag om vrij te geven",
    intro:
      "{{volunteerName}} kan niet komen naar de dienst in {{digipuntName}} en vraagt of je de plaats wil vrijgeven.",
    action: "Het is te laat om de plaats zelf vrij te geven. Bekijk de dienst en beslis.",
    button: "Bekijk de dienst",
  },
  shift_reminder: {
    subject: "Morgen: je dienst in {{shift.digipuntName}}",
    heading: "Tot morgen!",
    intro: "Een kleine herinnering: morgen help je mee in {{digipuntName}}.",
    release: "Kan je toch niet? Laat het dan zo snel mogelijk weten op de pagina van de dienst.",
    button: "Bekijk de dienst",
  },
  shift_report_request: {
    subject: "Hoe ging je dienst van gisteren?",
    heading: "Hoe ging je dienst?",
    intro_one:
      "Gisteren hielp je mee als digihelper. Dank je wel! Wil je kort vertellen hoe het ging?",
    intro_other:
      "Gisteren hielp je mee in {{count}} diensten. Dank je wel! Wil je kort vertellen hoe ze gingen?",
    shift: "{{digipuntName}}: {{when}}",
    privacy: "Schrijf in je verslag niets over de mensen die je hielp.",
    button: "Vul je verslag in",
    setting: "Wil je deze e-mail niet meer krijgen? Zet hem uit bij je instellingen:",
  },
  shift_understaffed: {
    subject: "Nog niet genoeg digihelpers op {{date}} in {{shift.digipuntName}}",
    heading: "Deze dienst heeft nog helpers nodig",
    intro:
      "De dienst in {{digipuntName}} begint binnen drie dagen en heeft nog niet genoeg digihelpers.",
    staffing_one: "{{count}} van de {{capacity}} plaatsen is ingevuld.",
    staffing_other: "{{count}} van de {{capacity}} plaatsen zijn ingevuld.",
    button: "Bekijk de dienst",
  },
  course_session: {
    course: "Vorming",
  },
  course_reminder: {
    subject: "Morgen: {{courseTitle}}",
    heading: "Tot morgen in de vorming!",
    intro:
      "Een kleine herinnering: morgen is er een sessie van de vorming {{courseTitle}} van {{organiserName}}.",
    cannot: "Kan je toch niet? Laat het dan zo snel mogelijk weten op de pagina van de vorming.",
    button: "Bekijk de vorming",
  },
  course_trainer_roster: {
    subject: "Morgen geef je {{courseTitle}}: wie komt er?",
    heading: "Wie komt er morgen naar je vorming?",
    intro_one: "Morgen geef je de vorming {{courseTitle}}. Er is {{count}} persoon ingeschreven.",
    intro_other:
      "Morgen geef je de vorming {{courseTitle}}. Er zijn {{count}} personen ingeschreven.",
    attendance: "Duid de aanwezigen aan op je telefoon, of druk het aanwezigheidsblad af.",
    button: "Aanwezigheden openen",
  },
  course_enrolled: {
    subject: "Je bent ingeschreven voor de vorming {{course.title}}",
    heading: "Je bent ingeschreven",
    intro: "Je hebt een plaats in de vorming {{title}}.",
    next: "In de bijlage zitten alle sessies voor je agenda. Kan je toch niet? Schrijf je dan uit op de pagina van de vorming, zodat iemand van de wachtlijst je plaats krijgt.",
    button: "Bekijk de vorming",
  },
  course_waiting: {
    subject: "Je staat op de wachtlijst voor de vorming {{course.title}}",
    heading: "Je staat op de wachtlijst",
    intro: "De vorming {{title}} is volzet. Je staat op plaats {{position}} van de wachtlijst.",
    next: "Komt er een plaats vrij, dan krijg je die automatisch en sturen we je een e-mail.",
    button: "Bekijk de vorming",
  },
  course_promoted: {
    subject: "Er is een plaats vrij: je bent ingeschreven voor {{course.title}}",
    heading: "Je hebt nu een plaats",
    intro:
      "Er kwam een plaats vrij in de vorming {{title}}. Je stond op de wachtlijst, dus nu ben je ingeschreven.",
    next: "In de bijlage zitten alle sessies voor je agenda. Kan je toch niet? Schrijf je dan uit op de pagina van de vorming.",
    button: "Bekijk de vorming",
  },
  mailbox: {
    title: "Lokale mailbox",
    intro:
      "Deze demo verstuurt geen echte e-mails. Elke e-mail komt hier terecht, zodat je de links kan gebruiken.",
    empty: "Er zijn nog geen e-mails.",
    listLabel: "E-mails, de nieuwste eerst",
    to: "Aan",
    subject: "Onderwerp",
    date: "Datum",
    from: "Van",
    textTitle: "Tekst van de e-mail",
    linksTitle: "Links in deze e-mail",
    noLinks: "Deze e-mail heeft geen links.",
    back: "Terug naar de mailbox",
    bound:
      "De mailbox bewaart de {{count}} nieuwste e-mails, en geen enkele langer dan {{days}} dagen.",
    raw: "Download als .eml-bestand, voor een mailprogramma",
  },
  admin: {
    title: "E-mails die niet vertrokken",
    intro:
      "Deze e-mails konden we ook na enkele pogingen niet versturen. Los eerst het probleem op en probeer dan opnieuw.",
    empty: "Alle e-mails zijn vertrokken.",
    tableCaption: "Mislukte e-mails",
    to: "Aan",
    template: "Soort e-mail",
    attempts: "Pogingen",
    error: "Laatste fout",
    created: "Aangemaakt",
    action: "Actie",
    retry: "Opnieuw versturen",
    retryLabel: "E-mail aan {{address}} opnieuw versturen",
    retried: "De e-mail staat opnieuw klaar om te vertrekken.",
  },

  course_changed: {
    subject: "De vorming {{course.title}} is gewijzigd",
    heading: "Er is iets veranderd aan je vorming",
    intro: "De organisator heeft de vorming {{title}} gewijzigd. Zo ziet ze er nu uit:",
    calendar: "In de bijlage zit de nieuwe versie voor je agenda.",
    button: "Bekijk de vorming",
  },
  course_cancelled: {
    subject: "De vorming {{course.title}} gaat niet door",
    heading: "Je vorming gaat niet door",
    intro: "De vorming {{title}} is geschrapt. Je hoeft niet te komen.",
    introWaiting: "De vorming {{title}} is geschrapt. Je stond op de wachtlijst; die vervalt.",
    reason: "Waarom: {{reason}}",
    calendar: "Open de bijlage om de sessies uit je agenda te halen.",
    button: "Zoek een andere vorming",
  },
  course_session_cancelled: {
    subject: "Een sessie van {{course.title}} gaat niet door",
    heading: "Een sessie gaat niet door",
    intro: "Een sessie van de vorming {{title}} is geschrapt. De andere gaan door:",
    calendar: "Open de bijlage om die sessie uit je agenda te halen.",
    button: "Bekijk de vorming",
  },
  course_message: {
    subject: "{{courseTitle}}: {{subject}}",
    heading: "Een bericht over je vorming",
    intro: "{{senderName}} stuurt dit bericht aan iedereen die ingeschreven is voor {{title}}:",
    button: "Bekijk de vorming",
  },
  event_invitation: {
    subject: "Uitnodiging: {{event.title}} op {{date}}",
    heading: "Je bent uitgenodigd",
    intro: "{{organiserName}} nodigt je uit voor {{title}}.",
    plusOnes_one: "Je mag één persoon meebrengen.",
    plusOnes_other: "Je mag tot {{count}} personen meebrengen.",
    answer:
      "Kom je? Kies hieronder. Je bevestigt je antwoord op de pagina die opent, en je kan het later nog wijzigen.",
    calendar: "In de bijlage zit de bijeenkomst voor je agenda.",
  },
  event_updated: {
    subject: "Gewijzigd: {{event.title}} op {{date}}",
    heading: "De bijeenkomst is gewijzigd",
    intro: "Er is iets veranderd aan {{title}}. Zo ziet het er nu uit:",
    calendar: "In de bijlage zit de nieuwe versie voor je agenda.",
    button: "Bekijk of wijzig je antwoord",
  },
  event_cancelled: {
    subject: "Gaat niet door: {{event.title}} op {{date}}",
    heading: "De bijeenkomst gaat niet door",
    intro: "{{title}} gaat niet door.",
    reason: "De reden: {{reason}}",
    calendar: "Met de bijlage haal je de bijeenkomst uit je agenda.",
  },
  event_reminder: {
    subject: "Herinnering: {{event.title}} op {{date}}",
    heading: "Binnenkort: je bijeenkomst",
    intro_one: "Morgen is het zover: {{title}}.",
    intro_other: "Over {{count}} dagen is het zover: {{title}}.",
    yes: "Je zei dat je komt. We kijken ernaar uit!",
    maybe: "Je zei misschien. Laat je nog weten of je komt?",
    button: "Bekijk of wijzig je antwoord",
  },
  event_nudge: {
    subject: "Kom je naar {{event.title}}? Laat het ons weten",
    heading: "We horen graag of je komt",
    intro:
      "Je hebt nog niet geantwoord op de uitnodiging voor {{title}}. Antwoord graag voor {{deadline}}.",
  },
  event_thanks: {
    subject: "Bedankt om te komen naar {{event.title}}",
    heading: "Bedankt!",
    intro: "Fijn dat je erbij was op {{title}}. Bedankt voor alles wat je als digihelper doet.",
    contact:
      "Heb je nog een idee of een vraag? Laat het weten aan {{contactName}} ({{contactEmail}}).",
    signature: "Tot de volgende keer, {{organiserName}}",
  },
  event_promoted: {
    subject: "Er is een plaats vrij: je bent erbij op {{event.title}}",
    heading: "Je hebt nu een plaats",
    intro:
      "Er kwam een plaats vrij voor {{title}}. Je stond op de wachtlijst, dus nu ben je erbij.",
    next: "In de bijlage zit de bijeenkomst voor je agenda. Kan je toch niet? Wijzig dan je antwoord, zodat iemand anders je plaats krijgt.",
    button: "Bekijk of wijzig je antwoord",
  },
  event_message: {
    subject: "{{event.title}}: {{subject}}",
    heading: "Een bericht over je bijeenkomst",
    intro: "{{senderName}} stuurt dit bericht aan iedereen die komt naar {{title}}:",
    button: "Bekijk of wijzig je antwoord",
  },
};

export default mail;
