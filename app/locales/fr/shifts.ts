import type { Namespace } from "../types.ts";
import type nl from "../nl/shifts.ts";

const shifts: Namespace<typeof nl> = {
  calendar: {
    title: "Permanences",
    intro:
      "Choisissez une permanence dans un digipunt. Cliquez sur une permanence pour en savoir plus et vous inscrire.",
    listLink: "Vous préférez une liste ? Voir les permanences en liste",
    loading: "Chargement du calendrier…",
    noScript: "Sans JavaScript, vous trouvez les permanences dans la liste.",
    noShifts: "Aucune permanence pendant cette période.",
    today: "Aujourd’hui",
  },
  list: {
    title: "Permanences en liste",
    intro:
      "Toutes les permanences de la semaine, jour par jour. Inscrivez-vous ou libérez une permanence.",
    calendarLink: "Voir le calendrier",
    week: "Semaine du {{from}} au {{to}}",
    previous: "Semaine précédente",
    next: "Semaine suivante",
    thisWeek: "Cette semaine",
    empty: "Aucune permanence cette semaine ne correspond à votre choix.",
    more: "Plus sur cette permanence",
    firstShift: "Convient aussi pour une première permanence",
    skill: "Nécessaire pour cette permanence : {{skill}}",
    actionLabel: "{{action}} : {{shift}}",
  },
  filters: {
    title: "Choisissez les permanences à afficher",
    active_one: "{{count}} choix actif",
    active_other: "{{count}} choix actifs",
    digibank: "Digibank",
    digipunt: "Digipunt",
    municipality: "Commune",
    all: "Toutes",
    mine: "Seulement mes permanences",
    open: "Seulement les permanences qui ont encore besoin d'aide",
    submit: "Afficher",
    reset: "Tout afficher",
  },
  /** On the calendar and the list, before anyone tries: why this shift is not for them yet. */
  skillNote: "Demande la compétence {{skill}}, que vous n’avez pas encore",
  state: {
    mine: "Vous y êtes inscrit·e",
    reserve: "Vous êtes sur la liste de réserve",
    full: "Complet",
    open_one: "Encore {{count}} place",
    open_other: "Encore {{count}} places",
    cancelled: "Annulée",
    past: "Passée",
  },
  shift: {
    when: "Quand",
    where: "Où",
    address: "Adresse",
    noAddress: "Le coordinateur vous donnera l'adresse.",
    mobile: "Digipunt mobile",
    accessibility: "Accessibilité",
    digibank: "Digibank",
    notes: "Bon à savoir",
    skill: "Nécessaire pour cette permanence",
    firstShift:
      "Convient pour votre première permanence : vous aidez avec un digihelper expérimenté.",
    places: "{{confirmed}} places prises sur {{capacity}}",
    whoTitle: "Qui aide",
    nobody: "Personne pour l'instant.",
    you: "Vous",
    reserveCount_one: "{{count}} personne sur la liste de réserve",
    reserveCount_other: "{{count}} personnes sur la liste de réserve",
    reservePosition: "Vous êtes numéro {{position}} sur la liste de réserve.",
    cancelledNotice: "Cette permanence n'a pas lieu.",
    cancelReason: "Raison : {{reason}}",
    pastNotice: "Cette permanence a déjà commencé ou est terminée.",
    notVolunteer:
      "Vous n'êtes pas digihelper dans cette digibank. Vous ne pouvez donc pas vous inscrire ici.",
    skillMissing:
      "Pour cette permanence, il faut pouvoir aider avec {{skill}}. Ce n'est pas encore dans vos compétences.",
    skillsLink: "Compléter mes compétences",
    cutoff_one:
      "Vous pouvez libérer cette permanence vous-même jusqu'à {{count}} heure avant le début. Ensuite, demandez-le au coordinateur.",
    cutoff_other:
      "Vous pouvez libérer cette permanence vous-même jusqu'à {{count}} heures avant le début. Ensuite, demandez-le au coordinateur.",
    releaseRequested:
      "Vous avez demandé au coordinateur de vous libérer. Vous recevrez un message.",
    back: "Retour aux permanences",
    notFound:
      "Cette permanence n'existe pas, ou n'appartient pas à votre digibank. Vous trouverez les permanences de votre digibank dans la liste.",
    planningLink: "Voir cette permanence dans le planning",
  },
  actions: {
    claim: "Je viens aider",
    reserve: "Mettez-moi sur la liste de réserve",
    release: "Libérer cette permanence",
    releaseReserve: "Me retirer de la liste de réserve",
    request_release: "Demander au coordinateur de me libérer",
  },
  done: {
    claimed: "C'est fait : vous êtes inscrit·e. Vous recevrez une confirmation par e-mail.",
    reserved:
      "C'est fait : vous êtes sur la liste de réserve. Si une place se libère, vous recevrez un e-mail.",
    released: "Vous avez libéré la permanence.",
    requested: "Nous avons demandé au coordinateur de vous libérer.",
  },
  refusals: {
    cancelled: "Cette permanence est annulée.",
    past: "Cette permanence a déjà commencé ou est terminée.",
    full: "Cette permanence est complète. Vous pouvez vous mettre sur la liste de réserve.",
    overlap: "Vous avez déjà une permanence à ce moment-là.",
    already: "Vous êtes déjà inscrit·e à cette permanence ou sur sa liste de réserve.",
    skill_missing:
      "Cette permanence demande une compétence qui n'est pas encore dans vos compétences.",
    not_on_shift: "Vous n'êtes pas inscrit·e à cette permanence.",
    after_cutoff_one:
      "Vous ne pouvez plus libérer cette permanence vous-même : c'est possible jusqu'à {{count}} heure avant le début. Demandez au coordinateur de vous libérer.",
    after_cutoff_other:
      "Vous ne pouvez plus libérer cette permanence vous-même : c'est possible jusqu'à {{count}} heures avant le début. Demandez au coordinateur de vous libérer.",
    already_requested: "Vous avez déjà demandé au coordinateur de vous libérer.",
  },
};

export default shifts;
