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
};

export default events;
