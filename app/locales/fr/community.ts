import type { Namespace } from "../types.ts";
import type nl from "../nl/community.ts";

// The community board of a region: /community.
const community: Namespace<typeof nl> = {
  title: "Communauté",
  intro:
    "Partagez une astuce ou une histoire avec les digihelpers de votre région, et remerciez-vous les uns les autres. N’écrivez pas les noms ni les données des personnes que vous aidez.",
  regionTitle: "Tableau de la communauté {{region}}",
  regionSwitch: "Choisissez une région",
  regionShow: "Afficher",
  noRegion:
    "Vous ne faites encore partie d’aucune région. Dès que vous rejoignez une digibanque, vous trouverez ici le tableau de votre région.",
  share: {
    title: "Partagez une astuce ou une histoire",
    label: "Votre message",
    hint: "Du texte simple, 2000 caractères au plus. Les adresses web deviennent cliquables.",
    fromReport:
      "Ce texte reprend ce que vous avez écrit dans votre rapport. Modifiez-le comme vous voulez.",
    submit: "Partager",
    shared: "Votre message est sur le tableau.",
    sensitive: "Pas partagé : votre message semble contenir {{kinds}}. Retirez-le et réessayez.",
  },
  kind: {
    national_number: "un numéro de registre national",
    phone: "un numéro de téléphone",
    email: "une adresse e-mail",
    iban: "un numéro de compte (IBAN)",
  },
  posts: {
    title: "Messages",
    empty: "Pas encore de messages. Partagez-vous la première astuce ?",
    older: "Messages plus anciens",
    newest: "Vers les messages les plus récents",
    by: "{{name}}, {{when}}",
    mine: "Votre message",
    thanks_one: "Remercié {{count}} fois",
    thanks_other: "Remercié {{count}} fois",
    thank: "Merci !",
    thankFor: "Remercier {{name}} pour ce message",
    unthank: "Retirer mon merci",
    thanked: "Vous avez remercié {{name}}.",
    unthanked: "Votre merci est retiré.",
    hiddenByCoordinator: "Masqué par un coordinateur : {{reason}}",
    hiddenForOthers: "Masqué pour les autres. Raison : {{reason}}",
    since: "digihelper depuis le {{date}}",
    languages: "parle {{list}}",
    availability: "peut aider le {{list}}",
  },
  moderate: {
    reasonLabel: "Pourquoi masquez-vous ce message ?",
    reasonHint: "L’auteur voit cette raison. 500 caractères au plus.",
    hide: "Masquer",
    hidden: "Le message est masqué. Seul son auteur le voit encore, avec votre raison.",
    show: "Afficher à nouveau",
    shown: "Le message est de nouveau visible pour tous.",
  },
  errors: {
    notFound: "Ce tableau ou ce message n’existe pas, ou vous ne pouvez pas le voir.",
    forbidden: "Vous ne pouvez pas faire cela sur ce tableau.",
  },
  card: {
    title: "Communauté",
    intro: "Nouveau sur le tableau de votre région :",
    link: "Vers le tableau de la communauté",
  },
};

export default community;
