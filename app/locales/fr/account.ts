import type { Namespace } from "../types.ts";
import type nl from "../nl/account.ts";

const account: Namespace<typeof nl> = {
  title: "Mon compte",
  intro: "Ici, vous modifiez vos données et choisissez les e-mails que vous recevez.",
  saved: {
    calendar: "Votre adresse d’agenda est prête. Ajoutez-la à votre application d’agenda.",
    calendarNew: "Vous avez une nouvelle adresse d’agenda. L’ancienne adresse ne fonctionne plus.",
    profile: "Vos données sont enregistrées.",
    password: "Votre mot de passe est modifié. Vous êtes déconnecté de vos autres appareils.",
    email: "Votre adresse e-mail est modifiée. Vous êtes déconnecté de vos autres appareils.",
  },
  skills: {
    title: "Mes compétences",
    intro:
      "Pour certaines permanences, le coordinateur demande une compétence, par exemple aider avec itsme. Cochez ce pour quoi vous pouvez aider.",
    legend: "Pour quoi pouvez-vous aider ?",
    submit: "Enregistrer mes compétences",
    saved: "Vos compétences sont enregistrées.",
    link: "Modifier mes compétences",
    back: "Retour à mon compte",
  },
  profile: {
    title: "Mes données",
    email: "Adresse e-mail",
    emailNote:
      "Vous voulez utiliser une autre adresse e-mail ? Nous envoyons d'abord un e-mail à la nouvelle adresse pour la confirmer.",
    name: "Nom",
    phone: "Numéro de téléphone (facultatif)",
    phoneHint: "Par exemple 0470 12 34 56 ou +32 470 12 34 56.",
    language: "Dans quelle langue voulez-vous Digihelpers et nos e-mails ?",
    submit: "Enregistrer mes données",
  },
  notifications: {
    legend: "Quels e-mails voulez-vous recevoir ?",
    essential:
      "Vous recevez toujours les e-mails importants sur votre compte, par exemple un lien de connexion ou un nouveau mot de passe.",
    reminders: "Rappels de mes permanences et formations",
    invitations: "Invitations aux rencontres",
    newsletters: "Lettres d'information de ma digibank",
  },
  password: {
    title: "Modifier le mot de passe",
    intro: "Ensuite, vous êtes déconnecté de tous vos autres appareils.",
    current: "Mot de passe actuel",
    new: "Nouveau mot de passe",
    newHint: "Au moins {{min}} caractères.",
    confirm: "Nouveau mot de passe, encore une fois",
    submit: "Modifier le mot de passe",
    wrong: "Votre mot de passe actuel n'est pas correct. Rien n'a été modifié.",
    rateLimited: "Trop de tentatives. Réessayez dans {{minutes}} minutes.",
    none: "Vous n'avez pas encore de mot de passe. Choisissez-en un via « Mot de passe oublié ? » sur la page de connexion.",
  },
  email: {
    title: "Changer mon adresse e-mail",
    intro:
      "Nous envoyons un lien à la nouvelle adresse. Votre adresse ne change que lorsque vous ouvrez ce lien.",
    new: "Nouvelle adresse e-mail",
    password: "Mot de passe actuel",
    submit: "Envoyer le lien",
    sent: "Nous avons envoyé un lien à la nouvelle adresse. Votre adresse change dès que vous ouvrez ce lien.",
    wrong: "Votre mot de passe n'est pas correct. Rien n'a été modifié.",
    rateLimited: "Trop de tentatives. Réessayez dans {{minutes}} minutes.",
    none: "Pour changer votre adresse e-mail, il vous faut un mot de passe. Choisissez-en un via « Mot de passe oublié ? » sur la page de connexion.",
  },
  confirmEmail: {
    title: "Confirmer la nouvelle adresse e-mail",
    text: "Voulez-vous désormais utiliser {{email}} pour vous connecter et recevoir nos e-mails ?",
    submit: "Oui, utiliser cette adresse",
    invalidTitle: "Ce lien ne fonctionne plus",
    invalidText:
      "Le lien a déjà été utilisé, ou il est trop ancien. Demandez-en un nouveau via Mon compte.",
    taken:
      "Cette adresse est entre-temps utilisée par un autre compte. Votre adresse e-mail n'a pas été modifiée.",
    doneTitle: "Votre adresse e-mail a été modifiée",
    doneText: "Connectez-vous désormais avec {{email}}.",
    signIn: "Se connecter",
  },
  calendar: {
    title: "Mes permanences dans mon agenda",
    intro:
      "Voyez vos permanences dans l’agenda de votre téléphone ou ordinateur, comme Google Agenda, Outlook ou Apple Calendrier. Vous recevez pour cela une adresse personnelle. Votre agenda se met ensuite à jour tout seul.",
    create: "Créer mon adresse d’agenda",
    url: "Votre adresse d’agenda",
    private:
      "Cette adresse est secrète. Qui la connaît voit vos permanences. Ne la partagez avec personne.",
    copy: "Copier l’adresse",
    copied: "Copiée.",
    howTitle: "Comment l’ajouter",
    googleTitle: "Google Agenda",
    google:
      "Ouvrez Google Agenda sur un ordinateur. À côté de « Autres agendas », cliquez sur le signe plus et choisissez « À partir de l’URL ». Collez l’adresse et cliquez sur « Ajouter un agenda ». Vous verrez ensuite vos permanences aussi sur votre téléphone.",
    outlookTitle: "Outlook",
    outlook:
      "Ouvrez votre agenda dans Outlook. Choisissez « Ajouter un calendrier », puis « S’abonner à partir du web ». Collez l’adresse, donnez un nom à l’agenda et cliquez sur « Importer ».",
    appleTitle: "Apple Calendrier (iPhone, iPad ou Mac)",
    apple:
      "Sur un iPhone ou un iPad : ouvrez Réglages, puis Calendrier, Comptes, « Ajouter un compte », Autre, « Ajouter un calendrier avec abonnement ». Collez l’adresse. Sur un Mac : ouvrez Calendrier et choisissez Fichier, « Nouvel abonnement à un calendrier ».",
    delay:
      "Votre agenda va chercher les changements lui-même. Cela peut prendre quelques heures. Digihelpers montre toujours la bonne version.",
    regenerateTitle: "Créer une nouvelle adresse",
    regenerateIntro:
      "Vous avez donné l’adresse à quelqu’un qui ne devrait pas l’avoir ? Créez alors une nouvelle adresse. L’ancienne ne fonctionnera plus. Ajoutez ensuite la nouvelle adresse à votre agenda.",
    regenerateConfirm: "Je comprends que l’ancienne adresse ne fonctionnera plus",
    regenerate: "Créer une nouvelle adresse",
  },
  devices: {
    title: "Se déconnecter de tous les appareils",
    intro:
      "Vous avez perdu votre téléphone, ou vous vous êtes connecté sur l'ordinateur de quelqu'un d'autre ? Déconnectez-vous partout. Ensuite, reconnectez-vous.",
    submit: "Se déconnecter de tous les appareils",
  },
  export: {
    title: "Télécharger mes données",
    intro: "Vous recevez un seul fichier avec tout ce que Digihelpers conserve sur vous.",
    submit: "Télécharger mes données",
  },
  delete: {
    title: "Supprimer mon compte",
    intro: "Vous ne voulez plus participer ? Vous pouvez supprimer votre compte vous-même.",
    link: "Supprimer mon compte",
    pageTitle: "Supprimer mon compte",
    gone: "Nous effaçons votre nom, votre adresse e-mail, votre numéro de téléphone et votre mot de passe. Vous êtes déconnecté partout et vous ne pouvez plus vous connecter.",
    kept: "Ce qui reste : les permanences et les heures que vous avez faites, sans votre nom. Ainsi, les chiffres de votre digibank restent justes.",
    final: "Vous ne pouvez pas annuler cette action.",
    confirmPassword: "Tapez votre mot de passe pour confirmer",
    confirmWord: "Tapez le mot {{word}} pour confirmer",
    word: "SUPPRIMER",
    wrong: "Ce n'est pas correct. Votre compte n'a pas été supprimé.",
    submit: "Supprimer définitivement mon compte",
    cancel: "Ne pas supprimer, retour à mon compte",
  },
  fields: {
    confirmRegenerate: "Cochez cette case pour créer une nouvelle adresse.",
    phoneInvalid: "Un numéro de téléphone a de 6 à 20 caractères : chiffres, espaces, +, / ou -.",
    passwordTooShort: "Choisissez un mot de passe d'au moins 10 caractères.",
    passwordsDiffer: "Les deux nouveaux mots de passe ne sont pas identiques.",
  },
};

export default account;
