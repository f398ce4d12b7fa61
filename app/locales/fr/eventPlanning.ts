import type { Namespace } from "../types.ts";
import type nl from "../nl/eventPlanning.ts";

// Gatherings as their organisers see them: /events/manage (the event, its audience, sending, the
// answers, the door list).
const eventPlanning: Namespace<typeof nl> = {
  send: {
    title: "Envoyer les invitations",
    checkFields: "Vérifiez les champs.",
    draft:
      "Cette rencontre est encore un brouillon. Publiez-la d’abord ; vous pourrez ensuite envoyer les invitations.",
    cancelled: "Cette rencontre est annulée : plus aucune invitation ne part.",
    past: "Cette rencontre a déjà commencé ou est passée : plus aucune invitation ne part.",
    previewTitle: "Qui reçoit une invitation ?",
    toInvite_one: "{{n}} personne reçoit maintenant une invitation.",
    toInvite_other: "{{n}} personnes reçoivent maintenant une invitation.",
    languages: "En néerlandais : {{nl}}, en français : {{fr}}, en anglais : {{en}}.",
    guests_one: "Dont {{n}} invité·e extérieur·e à Digihelpers.",
    guests_other: "Dont {{n}} invité·e·s extérieur·e·s à Digihelpers.",
    optedOut_one: "{{n}} personne ne souhaite pas d’invitations et n’en reçoit pas.",
    optedOut_other: "{{n}} personnes ne souhaitent pas d’invitations et n’en reçoivent pas.",
    alreadyInvited_one: "{{n}} personne est déjà invitée et ne reçoit pas de deuxième invitation.",
    alreadyInvited_other:
      "{{n}} personnes sont déjà invitées et ne reçoivent pas de deuxième invitation.",
    historyTitle: "Ce qui a déjà été envoyé",
    neverSent: "Aucune invitation n’a encore été envoyée.",
    lastSent: "Dernier envoi le {{when}}.",
    counts: "{{invited}} invité·e·s, {{delivered}} remis, {{failed}} échoués.",
    scheduledFor: "Planifié : les invitations partiront d’elles-mêmes le {{when}}.",
    nowHint:
      "Chaque personne ci-dessus reçoit un seul e-mail dans sa langue, avec une invitation d’agenda et des boutons pour répondre.",
    nowHintAgain:
      "Seules les personnes qui n’ont pas encore reçu d’invitation (nouveaux bénévoles, nouveaux invités) en reçoivent une maintenant. Les autres ne reçoivent rien de nouveau.",
    now_one: "Envoyer maintenant à {{n}} personne",
    now_other: "Envoyer maintenant à {{n}} personnes",
    scheduleTitle: "Envoyer plus tard",
    scheduleHint: "Choisissez un jour et une heure (heure belge), avant la date limite de réponse.",
    date: "Jour",
    time: "Heure",
    schedule: "Envoyer à ce moment",
    clear: "Annuler l’envoi planifié",
    sent_one: "Les invitations partent maintenant vers {{count}} personne.",
    sent_other: "Les invitations partent maintenant vers {{count}} personnes.",
    scheduled: "Les invitations partiront au moment choisi.",
    cleared: "Plus aucun moment n’est planifié.",
    refusal: {
      not_found: "Cette rencontre n’existe pas.",
      draft: "Publiez d’abord la rencontre.",
      cancelled: "Cette rencontre est annulée.",
      past: "Cette rencontre a déjà commencé ou est passée.",
      forbidden: "Vous n’y êtes pas autorisé·e.",
      in_past: "Ce moment est déjà passé. Choisissez un moment à venir.",
      after_deadline: "Choisissez un moment avant la date limite de réponse.",
    },
    back: "Retour à la rencontre",
    backToList: "Vers les rencontres",
    notFound: "Cette rencontre n’existe pas, ou vous ne pouvez pas la planifier.",
  },
};

export default eventPlanning;
