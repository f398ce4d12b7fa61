import type { Namespace } from "../types.ts";
import type nl from "../nl/profile.ts";

// The volunteer's profile: /account/profile, and as their coordinators see it.
const profile: Namespace<typeof nl> = {
  title: "Mon profil",
  intro:
    "Dites qui vous êtes et quand vous pouvez aider. Vos coordinateurs voient votre profil. Le tableau de la communauté ne montre que ce que vous choisissez.",
  personTitle: "Profil de {{name}}",
  personIntro: "Voici comment {{name}} se présente. Vous pouvez seulement lire ce profil.",
  link: "Voir et modifier mon profil",
  linkPerson: "Profil",
  linkPersonOf: "Profil de {{name}}",
  saved: "Votre profil est enregistré.",
  submit: "Enregistrer le profil",
  back: "Retour à mon compte",
  backPeople: "Retour aux personnes",
  notSet: "Non renseigné",
  none: "Aucun",
  since: {
    label: "Digihelper depuis",
    hint: "Le jour où vous avez commencé à aider. Pas dans le futur.",
  },
  digibanks: {
    title: "Mes digibanques",
    hint: "Cela découle de votre rôle. Votre coordinateur le modifie.",
  },
  municipalities: {
    legend: "Dans quelles communes aidez-vous ou pouvez-vous aider ?",
    none: "Vos digibanques n’ont pas encore de communes.",
  },
  languages: {
    legend: "Quelles langues parlez-vous ?",
  },
  language: {
    nl: "Néerlandais",
    fr: "Français",
    en: "Anglais",
    de: "Allemand",
    ar: "Arabe",
    tr: "Turc",
    es: "Espagnol",
    it: "Italien",
    pl: "Polonais",
    ro: "Roumain",
    ru: "Russe",
    uk: "Ukrainien",
  },
  skills: {
    title: "Ce que je sais faire",
    declared: "indiqué par moi",
    earned: "obtenu lors d’une formation",
    change: "Modifier mes compétences",
  },
  availability: {
    legend: "Quand pouvez-vous aider ?",
    hint: "Cochez les moments où vous êtes le plus souvent disponible.",
    day: "Jour",
  },
  day: {
    mon: "lundi",
    tue: "mardi",
    wed: "mercredi",
    thu: "jeudi",
    fri: "vendredi",
    sat: "samedi",
    sun: "dimanche",
  },
  part: {
    morning: "matin",
    afternoon: "après-midi",
    evening: "soir",
  },
  introduction: {
    label: "À propos de moi",
    hint: "Une courte présentation, 1000 caractères au plus.",
  },
  shows: {
    legend: "Que montre le tableau de la communauté à côté de votre prénom ?",
    since: "Depuis quand j’aide",
    digibanks: "Mes digibanques",
    municipalities: "Mes communes",
    languages: "Mes langues",
    skills: "Ce que je sais faire",
    availability: "Quand je peux aider",
    introduction: "À propos de moi",
  },
  errors: {
    since: "Indiquez une date qui existe, par exemple 2021-09-01.",
    sinceFuture: "Cette date est dans le futur. Choisissez aujourd’hui ou un jour avant.",
    municipality: "Choisissez uniquement des communes de la région de votre digibanque.",
    language: "Choisissez uniquement des langues de la liste.",
    availability: "Choisissez uniquement des moments de la grille.",
    shows: "Choisissez uniquement des éléments de la liste.",
    form: "Rien n’a été enregistré. Vérifiez les champs en erreur.",
    notFound: "Ce profil n’existe pas, ou vous ne pouvez pas le voir.",
  },
};

export default profile;
