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
  logout: {
    submit: "Se déconnecter",
    signedInAs: "Connecté en tant que {{name}}",
  },
  fields: {
    required: "Veuillez remplir ce champ.",
    emailInvalid: "Ce n'est pas une adresse e-mail valide.",
    tooLong: "C'est trop long.",
  },
};

export default auth;
