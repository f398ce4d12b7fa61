import type { Namespace } from "../types.ts";
import type nl from "../nl/events.ts";

// Gatherings as the invited see them: /events, the answer page from the mail link, unsubscribe.
const events: Namespace<typeof nl> = {
  unsubscribe: {
    title: "Ne plus recevoir d’invitations aux rencontres ?",
    intro:
      "Vous avez reçu ce lien avec l’invitation à « {{title}} ». Confirmez ci-dessous et vous ne recevrez plus d’invitations aux rencontres, ni leurs rappels.",
    stillGet:
      "Vous continuerez à recevoir les e-mails importants : un lien de connexion, vos permanences, et la modification ou l’annulation d’une rencontre à laquelle vous êtes invité·e.",
    confirm: "Oui, plus d’invitations",
    doneTitle: "Vous êtes désinscrit·e",
    doneText: "Vous ne recevrez plus d’invitations aux rencontres, ni leurs rappels.",
    undoAccount:
      "Vous changez d’avis ? Cochez à nouveau « Invitations aux rencontres » dans vos préférences d’e-mail.",
    undoGuest: "Vous changez d’avis ? Demandez à l’organisateur de la rencontre de vous réinviter.",
    accountLink: "Vers mes préférences d’e-mail",
    badBody: "Nous ne pouvons pas lire cette demande. Utilisez le bouton de cette page.",
    notFound:
      "Ce lien ne fonctionne pas (ou plus). Il n’a peut-être pas été copié en entier, ou l’invitation a été retirée.",
    home: "Vers Digihelpers",
  },
  list: {
    title: "Rencontres",
    manageLink: "Les rencontres que vous organisez",
    intro:
      "Vos invitations à des rencontres : répondez oui, peut-être ou non, jusqu'à la date limite de réponse.",
    upcoming: "À venir",
    past: "Passées",
    empty: "Vous n'avez pas encore d'invitation à une rencontre.",
    noPast: "Pas encore de rencontre passée.",
    more: "En savoir plus sur {{title}}",
    myCalendar:
      "Les rencontres auxquelles vous avez répondu oui figurent aussi dans votre agenda, avec les permanences.",
  },
  detail: {
    back: "Toutes les rencontres",
    notFound: "Cette rencontre n'existe pas, ou vous n'y êtes pas invité·e.",
    when: "Quand",
    where: "Où",
    online: "En ligne",
    onlineLink: "Participer en ligne",
    accessibility: "Accessibilité",
    organiser: "Organisateur",
    contact: "Contact",
    deadline: "Réponses jusqu'au",
    description: "À propos de la rencontre",
  },
  answer: {
    title: "Votre réponse à l'invitation",
    greeting: "Bonjour {{name}}, vous êtes invité·e à cette rencontre.",
    yourAnswer: "Votre réponse",
    current: {
      none: "Vous n'avez pas encore répondu.",
      yes: "Vous avez répondu oui.",
      yes_plus_one: "Vous avez répondu oui, avec {{count}} personne en plus.",
      yes_plus_other: "Vous avez répondu oui, avec {{count}} personnes en plus.",
      maybe: "Vous avez répondu peut-être.",
      no: "Vous avez répondu non.",
      waiting: "Vous êtes sur la liste d'attente, à la place {{position}}.",
    },
    response: {
      yes: "Oui, je viens",
      maybe: "Peut-être",
      no: "Non, je ne viens pas",
    },
    short: {
      none: "Pas encore de réponse",
      yes: "Oui",
      maybe: "Peut-être",
      no: "Non",
      waiting: "Liste d'attente",
    },
    plusOnes: "Combien de personnes amenez-vous ?",
    plusOnesHint: "{{max}} au maximum. Elles occupent aussi une place.",
    questions: "Questions de l'organisateur",
    required: "(obligatoire)",
    chooseOne: "Choisissez…",
    submit: "Envoyer la réponse",
    change: "Modifier la réponse",
    deadline: "Vous pouvez modifier votre réponse jusqu'au {{date}}.",
    deadlinePassed: "La date limite de réponse est passée : votre réponse ne peut plus changer.",
    waitingNote:
      "Si la rencontre est complète, vous passez sur la liste d'attente. Si une place se libère, elle est pour vous et vous recevez un e-mail.",
    done: {
      yes: "Votre réponse est enregistrée : oui.",
      maybe: "Votre réponse est enregistrée : peut-être.",
      no: "Votre réponse est enregistrée : non.",
      waiting:
        "La rencontre est complète : vous êtes sur la liste d'attente, à la place {{position}}. Si une place se libère, vous recevez un e-mail.",
    },
    refused: {
      deadline_passed: "La date limite de réponse est passée : votre réponse n'a pas changé.",
      no_room:
        "Il n'y a pas assez de places libres pour autant de personnes en plus : votre réponse précédente reste valable.",
      cancelled: "Cette rencontre est annulée.",
      past: "Cette rencontre est passée.",
      revoked: "Cette invitation n'est plus valable.",
      not_found: "Cette invitation n'existe pas.",
    },
    errors: {
      title: "Votre réponse n'est pas encore envoyée : vérifiez les champs ci-dessous.",
      plusOnes: "Choisissez un nombre entre 0 et le maximum autorisé.",
      required: "Répondez à cette question.",
      choice: "Choisissez une des possibilités.",
      tooLong: "Votre réponse est trop longue (1000 caractères au maximum).",
      controlCharacters: "Votre réponse contient des caractères non autorisés.",
      unknownQuestion: "Cette question ne fait pas partie de la rencontre.",
      response: "Choisissez oui, peut-être ou non.",
    },
  },
  token: {
    invalidTitle: "Ce lien ne fonctionne pas",
    invalidText:
      "Le lien est incomplet ou incorrect. Ouvrez-le à nouveau depuis l'e-mail, ou demandez une nouvelle invitation à l'organisateur.",
    revokedTitle: "Cette invitation n'est plus valable",
    revokedText:
      "Une invitation plus récente a été envoyée entre-temps, ou l'organisateur a retiré celle-ci. Utilisez le lien du dernier e-mail.",
    pastTitle: "Cette rencontre est passée",
    pastText: "Vous ne pouvez plus répondre. Voici votre réponse :",
    cancelledTitle: "Cette rencontre est annulée",
    cancelledText: "L'organisateur a annulé la rencontre. Vous n'avez plus rien à faire.",
    signIn: "Vers Digihelpers",
  },
  card: {
    title: "Invitations",
    waiting_one: "{{count}} invitation attend votre réponse.",
    waiting_other: "{{count}} invitations attendent votre réponse.",
    answerBy: "{{title}} : répondre avant le {{date}}",
    next: "Prochaine rencontre : {{title}}, {{date}}",
    link: "Vers vos invitations",
  },
  calendar: {
    kind: "Rencontre",
    legend: "Rencontre à laquelle vous avez répondu oui",
  },
};

export default events;
