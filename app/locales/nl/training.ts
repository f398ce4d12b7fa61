// Attendance, sign-in sheets, completion and earned skills, for trainers and coordinators. Dutch is the source.
const training = {
  title: "Aanwezigheden",
  index: {
    title: "Vormingen die ik geef",
    intro:
      "Duid per sessie aan wie er is. Wie genoeg sessies volgde, krijgt de vaardigheden van de vorming.",
    empty: "Je geeft of plant nog geen vormingen.",
    next: "Volgende sessie: {{when}}",
    over: "Alle sessies zijn voorbij.",
    trainer: "Jij geeft deze vorming.",
    planner: "Jij plant deze vorming.",
    enrolled_one: "{{count}} ingeschreven",
    enrolled_other: "{{count}} ingeschreven",
  },
  roster: {
    sessions: "Sessies",
    session: "Sessie {{n}}: {{when}}",
    cancelled: "geschrapt",
    current: "(getoond)",
    place: "Waar: {{place}}",
    people: "Wie is er?",
    hint: "Tik op een naam om die persoon aanwezig te zetten. Tik nog eens om dat ongedaan te maken.",
    present: "aanwezig",
    absent: "nog niet aangeduid",
    rule_all: "Voltooid wie alle {{count}} sessies volgt.",
    rule_min: "Voltooid wie minstens {{count}} sessies volgt.",
    attended: "{{attended}} van {{required}} sessies gevolgd",
    completed: "vorming voltooid",
    nobody: "Er is nog niemand ingeschreven.",
    noSessions: "Deze vorming heeft geen sessies.",
    closed: "Je kan de aanwezigheden aanduiden vanaf een uur voor de sessie begint.",
    closedCancelled: "Deze sessie is geschrapt: er zijn geen aanwezigheden.",
    sheet: "Aanwezigheidsblad afdrukken",
    back: "Terug naar mijn vormingen",
    notFound: "Deze vorming of sessie bestaat niet, of jij geeft ze niet.",
  },
  sheet: {
    title: "Aanwezigheidsblad",
    printHint: "Gebruik de afdrukknop van je browser (Ctrl+P of Cmd+P) om dit blad af te drukken.",
    name: "Naam",
    signature: "Handtekening",
    number: "Nr.",
    back: "Terug naar de aanwezigheden",
  },
  notice: {
    present: "{{name}} is aanwezig.",
    absent: "{{name}} is niet meer aangeduid.",
    completed:
      "{{name}} is aanwezig en heeft de vorming voltooid. De vaardigheden staan op het profiel.",
    withdrawn:
      "{{name}} is niet meer aangeduid. De vorming is niet meer voltooid; de vaardigheden zijn weer weggehaald.",
  },
  refusal: {
    not_found: "Deze sessie hoort niet bij deze vorming.",
    not_enrolled: "Deze persoon is niet ingeschreven in deze vorming.",
    session_cancelled: "Deze sessie is geschrapt: je kan er geen aanwezigheden voor aanduiden.",
    course_cancelled: "Deze vorming is geschrapt.",
    too_early: "Je kan de aanwezigheden aanduiden vanaf een uur voor de sessie begint.",
  },
  skills: {
    title: "Vaardigheden die alleen een vorming geeft",
    intro:
      "Duid aan welke vaardigheden alleen een vorming kan geven. Niemand kan die dan zelf aanvinken.",
    consequence:
      "Wie zo'n vaardigheid zelf had aangevinkt, verliest ze. Wie ze in een vorming verdiende, houdt ze.",
    courseOnly: "alleen via een vorming",
    declarable: "zelf aan te vinken",
    marked_one:
      "{{skill}} kan nu alleen via een vorming. {{count}} persoon had ze zelf aangevinkt en verliest ze.",
    marked_other:
      "{{skill}} kan nu alleen via een vorming. {{count}} personen hadden ze zelf aangevinkt en verliezen ze.",
    unmarked: "{{skill}} kan nu weer zelf aangevinkt worden.",
    notFound: "Deze vaardigheid bestaat niet.",
  },
  earned: {
    title: "Verdiend in een vorming",
    item: "Verdiend op {{date}} in de vorming {{course}}",
    itemNoCourse: "Verdiend op {{date}} in een vorming",
    courseOnly: "Alleen via een vorming",
    courseOnlyIntro: "Deze vaardigheden krijg je door een vorming te volgen:",
    refused_one:
      "{{skills}} kan je niet zelf aanvinken: je krijgt die vaardigheid door een vorming te volgen. Er is niets bewaard.",
    refused_other:
      "{{skills}} kan je niet zelf aanvinken: je krijgt die vaardigheden door een vorming te volgen. Er is niets bewaard.",
  },
  card: {
    title: "Aanwezigheden aanduiden",
    intro: "De volgende sessie van een vorming die je geeft:",
    all: "Al mijn vormingen",
  },
};

export default training;
