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
    footerLinks: "À propos de ce site",
    privacy: "Confidentialité",
    accessibility: "Accessibilité",
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
    community: "Communauté",
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
  /** What a shift report says people were helped with (app/modules/shift-reports/topics.ts). */
  topic: {
    eid: "eID et lecteur de carte",
    itsme: "itsme",
    tax_on_web: "Tax-on-web et MyMinfin",
    mijn_gezondheid: "Ma Santé (Mijn Gezondheid)",
    mypension: "MyPension",
    e_banking: "Banque en ligne",
    smartphone: "Smartphone ou tablette : les bases",
    email: "E-mail",
    safety: "Sécurité en ligne et hameçonnage",
    job_search: "Recherche d’emploi",
    other: "Autre chose",
  },
  languages: {
    nl: "Nederlands",
    fr: "Français",
    en: "English",
  },
  home: {
    title: "Digihelpers : aidez chacun à suivre le numérique",
    intro:
      "Digihelpers est l’espace des bénévoles des digibanken en Flandre et à Bruxelles. Vous y choisissez quand vous aidez dans un digipunt.",
    greeting: "Bonjour {{name}}",
    nextSteps: "Voici ce que vous pouvez faire maintenant.",
    noCards: "Il n’y a encore rien pour vous ici. Vos données se trouvent dans",
    worldSummary:
      "{{regions}} régions, {{digibanks}} digibanken, {{digipunten}} digipunten et {{volunteers}} digihelpers.",
    welcome: {
      title: "Devenez digihelper",
      text: "Vous aimez aider les gens avec leur smartphone, itsme ou Tax-on-web ? Demandez à rejoindre une digibank. Le coordinateur vous contactera.",
      join: "Je veux participer",
      signIn: "Déjà digihelper ? Connectez-vous",
    },
    nextShifts: {
      title: "Vos prochaines permanences",
      empty: "Vous n’êtes inscrit·e à aucune permanence dans les deux semaines à venir.",
      all: "Voir toutes vos permanences",
    },
    openShifts: {
      title: "Permanences qui ont encore besoin d’aide",
      empty: "Toutes les permanences des deux semaines à venir ont assez de digihelpers.",
      all: "Voir toutes les permanences avec une place libre",
    },
    understaffed: {
      title: "Cette semaine, il manque des digihelpers",
      empty: "Toutes les permanences des sept jours à venir ont assez de digihelpers.",
      all: "Vers le planning",
    },
    releaseRequests: {
      title: "Demandes de désinscription",
      empty: "Personne ne demande à être désinscrit·e.",
    },
    joinRequests: {
      title: "Demandes pour participer",
      text_one: "{{count}} personne veut participer à {{digibanks}}.",
      text_other: "{{count}} personnes veulent participer à {{digibanks}}.",
      empty: "Il n’y a pas de demande en attente.",
      link: "Voir les demandes",
    },
    regionFigures: {
      title: "Les chiffres de votre région",
      summary: "{{digibanks}} digibanken, {{digipunten}} digipunten et {{volunteers}} digihelpers.",
      caption: "Taux de remplissage des permanences à {{region}} dans les quatre semaines à venir",
      week: "Semaine",
      rate: "Rempli",
      weekLabel: "Semaine {{number}}, {{days}}",
      noShifts: "Aucune permanence n’est prévue dans les quatre semaines à venir.",
      link: "Vers les paramètres de votre région",
    },
  },
  errors: {
    notFoundTitle: "Cette page n'existe pas",
    notFoundText: "Le lien est peut-être ancien ou l'adresse contient une faute de frappe.",
    errorTitle: "Un problème est survenu",
    errorText: "C'est notre faute, pas la vôtre. Réessayez dans quelques minutes.",
    badRequestTitle: "Cette demande n'est pas valable",
    badRequestText: "Nous n'avons pas pu traiter cette demande. Revenez en arrière et réessayez.",
    tooLargeTitle: "C'est trop en une fois",
    tooLargeText:
      "Ce que vous avez envoyé est trop grand ou contient trop de champs. Raccourcissez-le et réessayez.",
    unsupportedTitle: "Ce formulaire n'est pas valable",
    unsupportedText:
      "Nous attendons un formulaire de ce site. Revenez en arrière, rechargez la page et réessayez.",
    unavailableTitle: "Momentanément indisponible",
    unavailableText:
      "Digihelpers ne peut pas accéder à ses données pour le moment. Réessayez dans quelques minutes.",
    forbiddenTitle: "Vous ne pouvez pas voir ceci",
    forbiddenText: "Vous n'avez pas accès à cette page.",
    backHome: "Retour à l'accueil",
    statusCode: "Code d'erreur {{status}}",
  },
};

export default common;
