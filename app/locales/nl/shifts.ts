// The shift pages for digihelpers: the calendar, the list and one shift. Plain language, B1 level.
const shifts = {
  calendar: {
    title: "Diensten",
    intro:
      "Kies een dienst in een digipunt. Klik op een dienst om meer te zien en je in te schrijven.",
    listLink: "Liever een lijst? Bekijk de diensten als lijst",
    loading: "De kalender wordt geladen…",
    noScript: "Zonder JavaScript zie je de diensten in de lijst.",
    noShifts: "Geen diensten in deze periode.",
    today: "Vandaag",
  },
  list: {
    title: "Diensten als lijst",
    intro: "Alle diensten van de week, per dag. Schrijf je meteen in of geef een dienst vrij.",
    calendarLink: "Bekijk de kalender",
    week: "Week van {{from}} tot {{to}}",
    previous: "Vorige week",
    next: "Volgende week",
    thisWeek: "Deze week",
    empty: "Deze week zijn er geen diensten die passen bij je keuze.",
    more: "Meer over deze dienst",
    firstShift: "Ook goed voor je eerste dienst",
    skill: "Nodig voor deze dienst: {{skill}}",
    /** A button's name on the list: what it does, and to which shift. */
    actionLabel: "{{action}}: {{shift}}",
  },
  filters: {
    title: "Kies welke diensten je ziet",
    active_one: "{{count}} keuze actief",
    active_other: "{{count}} keuzes actief",
    digibank: "Digibank",
    digipunt: "Digipunt",
    municipality: "Gemeente",
    all: "Alle",
    mine: "Alleen mijn diensten",
    open: "Alleen diensten die nog hulp nodig hebben",
    submit: "Toon",
    reset: "Alles tonen",
  },
  /** On the calendar and the list, before anyone tries: why this shift is not for them yet. */
  skillNote: "Vraagt de vaardigheid {{skill}}, die je nog niet hebt",
  state: {
    mine: "Jij staat erop",
    reserve: "Jij staat op de reservelijst",
    full: "Volzet",
    open_one: "Nog {{count}} plaats",
    open_other: "Nog {{count}} plaatsen",
    cancelled: "Geannuleerd",
    past: "Voorbij",
  },
  shift: {
    when: "Wanneer",
    where: "Waar",
    address: "Adres",
    noAddress: "Het adres krijg je van de coördinator.",
    mobile: "Mobiel digipunt",
    accessibility: "Toegankelijkheid",
    digibank: "Digibank",
    notes: "Goed om te weten",
    skill: "Nodig voor deze dienst",
    firstShift: "Geschikt voor je eerste dienst: je helpt samen met een ervaren digihelper.",
    places: "{{confirmed}} van {{capacity}} plaatsen ingenomen",
    whoTitle: "Wie helpt er",
    nobody: "Nog niemand.",
    you: "Jij",
    reserveCount_one: "{{count}} persoon op de reservelijst",
    reserveCount_other: "{{count}} mensen op de reservelijst",
    reservePosition: "Jij bent nummer {{position}} op de reservelijst.",
    cancelledNotice: "Deze dienst gaat niet door.",
    cancelReason: "Reden: {{reason}}",
    pastNotice: "Deze dienst is al begonnen of voorbij.",
    notVolunteer:
      "Je bent geen digihelper bij deze digibank. Daarom kan je je hier niet inschrijven.",
    skillMissing:
      "Voor deze dienst moet je kunnen helpen met {{skill}}. Dat staat nog niet bij jouw vaardigheden.",
    skillsLink: "Vul je vaardigheden aan",
    cutoff_one:
      "Je kan deze dienst zelf vrijgeven tot {{count}} uur voor de start. Daarna vraag je het aan de coördinator.",
    cutoff_other:
      "Je kan deze dienst zelf vrijgeven tot {{count}} uur voor de start. Daarna vraag je het aan de coördinator.",
    releaseRequested: "Je vroeg de coördinator om je vrij te geven. Je krijgt bericht.",
    back: "Terug naar de diensten",
    notFound:
      "Deze dienst bestaat niet, of hoort niet bij jouw digibank. Je vindt de diensten van jouw digibank in de lijst.",
    planningLink: "Bekijk deze dienst in de planning",
  },
  actions: {
    claim: "Ik help mee",
    reserve: "Zet mij op de reservelijst",
    release: "Geef deze dienst vrij",
    releaseReserve: "Haal mij van de reservelijst",
    request_release: "Vraag de coördinator om mij vrij te geven",
  },
  done: {
    claimed: "Gelukt: je staat op deze dienst. Je krijgt een bevestiging per e-mail.",
    reserved:
      "Gelukt: je staat op de reservelijst. Komt er een plaats vrij, dan krijg je een e-mail.",
    released: "Je hebt de dienst vrijgegeven.",
    requested: "We vroegen de coördinator om je vrij te geven.",
  },
  refusals: {
    cancelled: "Deze dienst is geannuleerd.",
    past: "Deze dienst is al begonnen of voorbij.",
    full: "Deze dienst is volzet. Je kan op de reservelijst.",
    overlap: "Je hebt op dat moment al een dienst.",
    already: "Je staat al op deze dienst of op de reservelijst.",
    skill_missing:
      "Voor deze dienst is een vaardigheid nodig die nog niet bij jouw vaardigheden staat.",
    not_on_shift: "Je staat niet op deze dienst.",
    after_cutoff_one:
      "Je kan deze dienst niet meer zelf vrijgeven: dat kan tot {{count}} uur voor de start. Vraag de coördinator om je vrij te geven.",
    after_cutoff_other:
      "Je kan deze dienst niet meer zelf vrijgeven: dat kan tot {{count}} uur voor de start. Vraag de coördinator om je vrij te geven.",
    already_requested: "Je vroeg de coördinator al om je vrij te geven.",
  },
};

export default shifts;
