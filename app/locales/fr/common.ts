import type { Namespace } from "../types.ts";
import type nl from "../nl/common.ts";

const common: Namespace<typeof nl> = {
  app: {
    name: "Digihelpers",
    tagline: "Ensemble, rendons l'aide numérique facile",
  },
  shell: {
    skipToContent: "Aller au contenu",
    menu: "Menu",
    mainNavigation: "Menu principal",
    languageLabel: "Langue",
    languageSubmit: "Choisir la langue",
    footer: "Digihelpers est la plateforme des digibanken en Flandre et à Bruxelles.",
  },
  nav: {
    home: "Accueil",
    shifts: "Permanences",
    myShifts: "Mes permanences",
    courses: "Formations",
    events: "Rencontres",
    experience: "Mon expérience",
    people: "Personnes",
    planning: "Planning",
    digipunten: "Digipunten",
    reports: "Rapports",
    account: "Mon compte",
    regions: "Régions",
  },
  skill: {
    eid: "eID et lecteur de carte",
    itsme: "itsme",
    tax_on_web: "Tax-on-web et MyMinfin",
    mijn_gezondheid: "Ma Santé (Mijn Gezondheid)",
    mypension: "MyPension",
    e_banking: "Banque en ligne",
    smartphone: "Smartphone et tablette",
  },
  languages: {
    nl: "Nederlands",
    fr: "Français",
    en: "English",
  },
  home: {
    title: "Digihelpers : aidez chacun à suivre le numérique",
    intro:
      "Digihelpers est l'espace des bénévoles des digibanken en Flandre et à Bruxelles. Vous y choisissez quand vous aidez dans un digipunt, suivez des formations et restez informé des rencontres.",
    whoTitle: "Pour qui est Digihelpers ?",
    volunteersTitle: "Digihelpers (bénévoles)",
    volunteersText:
      "Choisissez sur votre smartphone une permanence qui vous convient, inscrivez-vous à une formation et notez combien de personnes vous avez aidées.",
    coordinatorsTitle: "Coordinateurs",
    coordinatorsText:
      "Publiez les permanences de vos digipunten, planifiez les formations de formateurs et voyez qui est où.",
    staffTitle: "Personnel régional",
    staffText:
      "Invitez les bénévoles à la Journée de la Digibank ou à un brunch régional et suivez les réponses.",
    worldTitle: "Les digibanken sur Digihelpers",
    worldSummary:
      "{{regions}} régions, {{digibanks}} digibanken, {{digipunten}} digipunten et {{volunteers}} digihelpers.",
    regionDigibanks: "Digibanken dans {{region}}",
    digipuntCount_one: "{{count}} digipunt",
    digipuntCount_other: "{{count}} digipunten",
  },
  errors: {
    notFoundTitle: "Cette page n'existe pas",
    notFoundText: "Le lien est peut-être ancien ou l'adresse contient une faute de frappe.",
    errorTitle: "Un problème est survenu",
    errorText: "C'est notre faute, pas la vôtre. Réessayez dans quelques minutes.",
    badRequestTitle: "Cette demande n'est pas valable",
    badRequestText: "Nous n'avons pas pu traiter cette demande. Revenez en arrière et réessayez.",
    forbiddenTitle: "Vous ne pouvez pas voir ceci",
    forbiddenText: "Vous n'avez pas accès à cette page.",
    backHome: "Retour à l'accueil",
    statusCode: "Code d'erreur {{status}}",
  },
};

export default common;
