import type { Namespace } from "../types.ts";
import type nl from "../nl/courses.ts";

const courses: Namespace<typeof nl> = {
  title: "Formations",
  list: {
    intro:
      "Des formations pour les digihelpers et les coordinateurs : inscrivez-vous, ou mettez-vous sur la liste d’attente si une formation est complète.",
    filters: "Filtrer les formations",
    month: "Mois",
    anyMonth: "Tous les mois",
    theme: "Thème",
    anyTheme: "Tous les thèmes",
    place: "Lieu",
    anyPlace: "Tous les lieux",
    online: "En ligne",
    apply: "Afficher les formations",
    empty: "Aucune formation ne correspond à votre choix.",
    manageLink: "Planifier des formations",
    trainLink: "Les formations que vous donnez",
    sessions_one: "{{count}} séance",
    sessions_other: "{{count}} séances",
    from: "À partir du {{date}}",
    more: "En savoir plus sur {{title}}",
    myCalendar: "Vos séances figurent aussi dans votre agenda des permanences.",
    pages: "Pages de la liste",
    previousPage: "Formations précédentes",
    nextPage: "Formations suivantes",
  },
  theme: {
    digital_skills: "Compétences numériques",
    teaching_adults: "Accompagner des adultes",
    target_group: "Publics cibles",
    service: "Un service ou une application",
  },
  audience: {
    volunteers: "Pour les digihelpers",
    coordinators: "Pour les coordinateurs",
    everyone: "Pour les digihelpers et les coordinateurs",
  },
  places: {
    free_one: "Encore {{count}} place libre sur {{capacity}}",
    free_other: "Encore {{count}} places libres sur {{capacity}}",
    full: "Complet ({{capacity}} places)",
    waiting_one: "{{count}} personne sur la liste d’attente",
    waiting_other: "{{count}} personnes sur la liste d’attente",
  },
  window: {
    not_open_yet: "Inscriptions à partir du {{opens}}",
    open: "Inscriptions jusqu’au {{closes}}",
    closed: "Les inscriptions sont clôturées",
  },
  prerequisites: {
    met: "Vous remplissez les conditions",
    none: "Aucune condition",
    skill: "Il vous faut d’abord la compétence {{skill}}",
    course: "Vous devez d’abord avoir terminé la formation {{course}}",
    skillsLink: "Vos compétences",
  },
  my: {
    onWaitingList: "Vous êtes sur la liste d’attente",
    enrolled: "Vous êtes inscrit·e",
    waiting: "Vous êtes à la place {{position}} de la liste d’attente",
  },
  course: {
    back: "Toutes les formations",
    organiser: "Organisée par",
    theme: "Thème",
    audience: "Pour qui",
    places: "Places",
    window: "Inscriptions",
    prerequisites: "Conditions",
    description: "À propos de cette formation",
    sessionsTitle: "Séances",
    sessionCancelled: "Cette séance est annulée",
    online: "En ligne",
    onlineLink: "Lien vers la séance en ligne",
    trainersTitle: "Formateurs",
    noTrainers: "Les formateurs ne sont pas encore connus.",
    cancelled: "Cette formation est annulée.",
    cancelReason: "Raison : {{reason}}",
    draft: "Cette formation n’est pas encore publiée.",
    notInAudience: "Cette formation ne vous est pas destinée.",
    full: "Cette formation est complète. Mettez-vous sur la liste d’attente : si une place se libère, elle est pour vous et nous vous envoyons un courriel.",
    nextEnrolled:
      "Vous avez reçu un courriel avec toutes les séances pour votre agenda. Elles figurent aussi parmi vos permanences. Vous ne pouvez plus venir ? Désinscrivez-vous, pour que la première personne de la liste d’attente reçoive votre place.",
    nextWaiting:
      "Si une place se libère, elle vous est attribuée automatiquement et nous vous envoyons un courriel.",
    started:
      "La formation a commencé : vous ne pouvez plus vous désinscrire ici. Demandez-le à l’organisateur.",
    trainLink: "Présences et participants",
    notFound: "Cette formation n’existe pas, ou vous ne pouvez pas la voir.",
  },
  actions: {
    enrol: "M’inscrire",
    wait: "Me mettre sur la liste d’attente",
    cancel: "Me désinscrire",
    leaveWaiting: "Me retirer de la liste d’attente",
  },
  done: {
    enrolled:
      "Vous êtes inscrit·e. Vous recevez un courriel avec toutes les séances pour votre agenda.",
    waiting:
      "La formation est complète : vous êtes sur la liste d’attente. Si une place se libère, vous recevez un courriel.",
    cancelled:
      "Vous êtes désinscrit·e. Votre place va à la première personne de la liste d’attente.",
    left_waiting: "Vous n’êtes plus sur la liste d’attente.",
  },
  refusals: {
    not_published:
      "Cette formation n’est pas encore publiée : l’inscription n’est pas encore possible.",
    cancelled: "Cette formation est annulée : l’inscription n’est plus possible.",
    not_open_yet: "Les inscriptions à cette formation ne sont pas encore ouvertes.",
    closed: "Les inscriptions à cette formation sont clôturées.",
    prerequisite_missing: "Vous ne remplissez pas encore les conditions de cette formation.",
    already: "Vous êtes déjà inscrit·e ou sur la liste d’attente.",
    full: "Cette formation est complète.",
    not_enrolled: "Vous n’êtes pas inscrit·e à cette formation.",
    started: "La formation a déjà commencé : vous ne pouvez plus vous désinscrire ici.",
  },
  calendar: {
    kind: "Formation",
  },
};

export default courses;
