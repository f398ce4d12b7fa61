import type { Namespace } from "../types.ts";
import type nl from "../nl/experience.ts";

// What a volunteer's work adds up to: /account/experience and the attestation of volunteer work.
const experience: Namespace<typeof nl> = {
  title: "Mon expérience",
  intro:
    "Ce que vous avez déjà fait comme digihelper : vos heures, vos permanences, les personnes aidées et vos formations.",
  period: {
    legend: "Période",
    label: "Afficher",
    all: "Depuis le début",
    year: "Année {{year}}",
    submit: "Afficher",
    showing: "Vous voyez : {{period}}",
  },
  figures: {
    title: "Vos chiffres",
    hours: "Heures",
    hoursNote_one:
      "Dont {{hours}} heures tirées de votre {{count}} rapport ; le reste est la durée prévue de vos permanences.",
    hoursNote_other:
      "Dont {{hours}} heures tirées de vos {{count}} rapports ; le reste est la durée prévue de vos permanences.",
    hoursNoReports:
      "Vous n’avez pas encore écrit de rapport : les heures sont la durée prévue de vos permanences.",
    shifts: "Permanences effectuées",
    people: "Personnes aidées",
    referrals: "Orientées ailleurs",
    peopleNote: "Les personnes aidées ne comptent que d’après vos rapports.",
  },
  topics: {
    title: "Pour quoi vous avez aidé",
    caption: "Sujets de vos rapports",
    topic: "Sujet",
    reports: "Nombre de rapports",
    none: "Pas encore de rapport pour cette période.",
  },
  courses: {
    title: "Formations suivies",
    none: "Aucune formation terminée pour cette période.",
    item: "{{title}}, {{date}}",
  },
  skills: {
    title: "Compétences acquises en formation",
    none: "Aucune compétence acquise pour cette période.",
    item: "{{skill}}, {{date}}",
    itemCourse: "{{skill}}, {{date}} ({{course}})",
    declared: "Vous modifiez vos propres compétences sur la page",
    declaredLink: "Mes compétences",
  },
  milestones: {
    title: "Étapes",
    first_shift: "Votre première permanence",
    ten_shifts: "10 permanences",
    fifty_hours: "50 heures",
    one_year: "Un an comme digihelper",
    reached: "Atteinte le {{date}}",
    toGo: {
      first_shift: "Encore 1 permanence",
      ten_shifts_one: "Encore {{count}} permanence",
      ten_shifts_other: "Encore {{count}} permanences",
      fifty_hours_one: "Encore {{count}} heure",
      fifty_hours_other: "Encore {{count}} heures",
      one_year_one: "Encore {{count}} jour",
      one_year_other: "Encore {{count}} jours",
      one_year_unknown: "Compte à partir de votre première permanence",
    },
  },
  attestationLink: {
    title: "Attestation de bénévolat",
    intro:
      "Une attestation de votre travail bénévole, à imprimer ou en PDF. Utile pour une candidature ou Actiris.",
    open: "Établir une attestation",
  },
  attestation: {
    title: "Attestation de bénévolat",
    intro: "Choisissez la période. Imprimez l’attestation ou téléchargez-la en PDF.",
    from: "Du",
    to: "Au",
    submit: "Afficher l’attestation",
    print: "Imprimer",
    pdf: "Télécharger en PDF",
    back: "Retour à Mon expérience",
    heading: "Attestation de bénévolat",
    statement:
      "Nous certifions que {{name}} a effectué du travail bénévole comme digihelper du {{from}} au {{to}}.",
    statementNone:
      "{{name}} est digihelper. Du {{from}} au {{to}}, {{name}} n’a pas encore effectué de permanence.",
    work: "Travail effectué",
    hours: "Heures",
    shifts: "Permanences",
    people: "Personnes aidées",
    digibanks: "Digibanques",
    digibank: "Digibanque",
    coordinator: "Coordinateur ou coordinatrice",
    noCoordinator: "(pas de coordinateur connu)",
    courses: "Formations suivies",
    skills: "Compétences acquises",
    none: "Aucune",
    issued: "Établie le {{date}}.",
    platform: "Établie avec Digihelpers, la plateforme des digibanques.",
    filename: "attestation-benevolat",
    subject: "Attestation de bénévolat de {{name}}, du {{from}} au {{to}}",
  },
  card: {
    title: "Mon expérience",
    helped_one: "Vous avez déjà aidé {{count}} personne en {{hours}} heures.",
    helped_other: "Vous avez déjà aidé {{count}} personnes en {{hours}} heures.",
    next: "Prochaine étape : {{milestone}}. {{toGo}}.",
    allReached: "Vous avez atteint toutes les étapes. Merci !",
    link: "Voir votre expérience",
  },
  account: {
    title: "Mon expérience",
    intro: "Vos heures, permanences, formations et étapes, et une attestation de votre bénévolat.",
    link: "Voir votre expérience",
  },
  errors: {
    year: "Nous ne connaissons pas cette année. Choisissez une année dans la liste.",
    date: "Cette date n’existe pas. Écrivez une date comme 2026-03-31.",
    order: "La date de début tombe après la date de fin. Choisissez un début avant la fin.",
    title: "Cette période n’est pas possible",
  },
};

export default experience;
