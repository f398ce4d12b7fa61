import type { Namespace } from "../types.ts";
import type nl from "../nl/auth.ts";

const auth: Namespace<typeof nl> = {
  login: {
    title: "Se connecter",
    intro: "Connectez-vous avec votre adresse e-mail et votre mot de passe.",
    email: "Adresse e-mail",
    password: "Mot de passe",
    submit: "Se connecter",
    invalid:
      "Cette adresse e-mail et ce mot de passe ne correspondent pas. Vérifiez-les et réessayez.",
    rateLimited: "Trop de tentatives. Réessayez dans {{minutes}} minutes.",
    forgot: "Mot de passe oublié ?",
    linkInstead: "Plutôt sans mot de passe ? Demandez un lien de connexion par e-mail.",
  },
  link: {
    title: "Se connecter avec un lien",
    intro:
      "Indiquez votre adresse e-mail. Nous vous envoyons un lien pour vous connecter sans mot de passe. Le lien est valable 30 minutes et une seule fois.",
    submit: "Envoyez-moi un lien",
    sent: "Si cette adresse est connue chez nous, vous recevrez un e-mail avec un lien dans quelques minutes. Regardez aussi dans vos courriers indésirables.",
    confirmTitle: "Se connecter",
    confirmIntro: "Cliquez sur le bouton pour vous connecter.",
    confirmSubmit: "Me connecter",
    invalidTitle: "Ce lien ne fonctionne plus",
    invalidText: "Le lien a déjà été utilisé ou a expiré. Demandez un nouveau lien.",
    askNew: "Demander un nouveau lien",
  },
  reset: {
    title: "Mot de passe oublié",
    intro:
      "Indiquez votre adresse e-mail. Nous vous envoyons un lien pour choisir un nouveau mot de passe. Le lien est valable 30 minutes.",
    submit: "Envoyez-moi un lien",
    sent: "Si cette adresse est connue chez nous, vous recevrez un e-mail avec un lien dans quelques minutes. Regardez aussi dans vos courriers indésirables.",
    newTitle: "Choisissez un nouveau mot de passe",
    newPassword: "Nouveau mot de passe",
    newPasswordHint: "Au moins 10 caractères. Une phrase de quelques mots est facile à retenir.",
    confirmPassword: "Répétez le nouveau mot de passe",
    newSubmit: "Enregistrer mon mot de passe",
    mismatch: "Les deux mots de passe ne sont pas identiques.",
    tooShort: "Choisissez un mot de passe d'au moins 10 caractères.",
    invalidTitle: "Ce lien ne fonctionne plus",
    invalidText: "Le lien a déjà été utilisé ou a expiré. Demandez un nouveau lien.",
  },
  logout: {
    submit: "Se déconnecter",
    signedInAs: "Connecté en tant que {{name}}",
  },
  fields: {
    required: "Veuillez remplir ce champ.",
    emailInvalid: "Ce n'est pas une adresse e-mail valide.",
    controlCharacters:
      "Ce texte contient des caractères non autorisés, comme un saut de ligne ou un caractère invisible.",
    number: "Indiquez un nombre valable.",
    tooLong: "C'est trop long.",
    notThisSite: "Cette adresse n'appartient pas à Digihelpers.",
  },
};

export default auth;
