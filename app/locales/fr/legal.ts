import type nl from "../nl/legal.ts";
import type { Namespace } from "../types.ts";

const legal: Namespace<typeof nl> = {
  units: {
    days_one: "{{count}} jour",
    days_other: "{{count}} jours",
    years_one: "{{count}} an",
    years_other: "{{count}} ans",
    hours_one: "{{count}} heure",
    hours_other: "{{count}} heures",
  },
  notFilled: "à compléter par {{organisation}}",
  privacy: {
    title: "Déclaration de confidentialité",
    intro:
      "Digihelpers est la plateforme sur laquelle les digihelpers, les coordinateurs et le personnel régional des digibanken planifient permanences, formations et rencontres. Vous lisez ici quelles données nous gardons sur vous, pourquoi, combien de temps, qui les traite et quels sont vos droits.",
    controller: {
      heading: "Qui est responsable ?",
      text: "Le responsable du traitement est {{organisation}}{{address}}. Posez vos questions sur vos données à [{{email}}](mailto:{{email}}).",
    },
    kept: {
      heading: "Quelles données, pourquoi et combien de temps",
      intro:
        "Nous ne gardons que ce qui est nécessaire pour organiser le bénévolat. Nous ne vendons rien et n’utilisons ni publicité ni cookies de suivi.",
      why: "Pourquoi",
      legalBasis: "Base juridique",
      howLong: "Durée",
      account: {
        what: "Votre compte : nom, adresse e-mail, numéro de téléphone (si vous le donnez), langue, vos rôles et digibanken, depuis quand vous aidez, vos préférences de courriel et la date à laquelle vous avez accepté cette déclaration.",
        why: "Pour vous connecter, vous joindre et planifier le travail de votre digibank.",
        basis: "L’intérêt légitime de la digibank à organiser son bénévolat (art. 6.1.f RGPD).",
        howLong:
          "Tant que votre compte existe. Si personne ne s’y connecte pendant {{inactive}}, vous recevez un courriel ; si rien ne bouge encore pendant {{grace}}, nous effaçons vos données personnelles comme lors de la suppression d’un compte.",
      },
      work: {
        what: "Votre travail : les permanences que vous prenez, les listes de réserve, les libérations et présences ; vos formations, présences et compétences ; vos invitations aux rencontres et vos réponses ; vos rapports après une permanence (nombres et sujets, jamais de données sur les personnes aidées).",
        why: "Pour planifier permanences, formations et rencontres, établir votre attestation et permettre à la digibank de rendre compte à qui la subventionne (uniquement en chiffres anonymes).",
        basis:
          "L’intérêt légitime de la digibank à organiser son bénévolat et à en rendre compte (art. 6.1.f RGPD).",
        howLong:
          "Tant que votre compte existe. Si vous supprimez votre compte, il ne reste que des chiffres anonymes.",
      },
      profile: {
        what: "Votre profil, si vous le remplissez : vos langues, quand et où vous pouvez aider, une courte présentation, et ce que vous partagez sur le tableau de votre région.",
        why: "Pour montrer aux collègues de votre région qui vous êtes, uniquement pour les parties que vous choisissez.",
        basis:
          "Votre consentement (art. 6.1.a RGPD). Vous le retirez en modifiant ou en vidant votre [profil](/account/profile).",
        howLong: "Jusqu’à ce que vous le modifiiez ou supprimiez votre compte.",
      },
      joinRequests: {
        what: "Une demande pour nous rejoindre : nom, adresse e-mail, langue et digibank.",
        why: "Pour répondre à votre demande.",
        basis:
          "Des mesures prises à votre demande avant que vous ne nous rejoigniez (art. 6.1.b RGPD).",
        howLong: "Jusqu’à la décision du coordinateur, puis encore {{decidedJoinRequest}}.",
      },
      guests: {
        what: "Les invités d’une rencontre sans compte : adresse e-mail, nom, langue et réponses ; et qui a demandé à ne plus recevoir d’invitations.",
        why: "Pour inviter et organiser la rencontre ; nous gardons la désinscription pour qu’aucune nouvelle invitation ne suive.",
        basis: "L’intérêt légitime de l’organisateur (art. 6.1.f RGPD).",
        howLong:
          "Jusqu’à {{guestAfterGathering}} après la rencontre (l’organisateur peut vous retirer plus tôt, ou vous pouvez nous le demander) ; ensuite votre nom, votre adresse et vos réponses disparaissent et seule reste, sans nom, votre présence. Une désinscription jusqu’à ce que vous demandiez de l’effacer.",
      },
      mail: {
        what: "Les courriels que nous vous envoyons : adresse, type, statut et contenu.",
        why: "Pour envoyer chaque courriel une seule fois et pouvoir vérifier qu’il est parti.",
        basis: "L’intérêt légitime (art. 6.1.f RGPD).",
        howLong: "Le contenu {{mailBody}} ; adresse, type et statut tant que votre compte existe.",
      },
      security: {
        what: "La sécurité : vos sessions (l’appareil sur lequel vous êtes connecté), les liens de connexion et de réinitialisation, les compteurs de tentatives par adresse IP, et un journal de qui a fait quoi (connexions, rôles, exports, suppressions) avec l’adresse IP.",
        why: "Pour protéger votre compte et les données de chacun, et pouvoir examiner un abus.",
        basis: "L’intérêt légitime à la sécurité (art. 6.1.f et art. 32 RGPD).",
        howLong:
          "Une session prend fin après {{sessionIdle}} sans utilisation et au plus tard après {{sessionAbsolute}}. Nous gardons les liens encore {{usedToken}} après leur utilisation ou leur expiration ; les compteurs de tentatives {{rateLimit}} ; le journal {{audit}}.",
      },
      cookies:
        "Cookies : uniquement ce dont le site a besoin (votre session, un jeton de sécurité pour les formulaires, votre langue et un message après une action). Aucun cookie d’analyse ou de publicité.",
    },
    recipients: {
      heading: "Qui voit vos données ?",
      items: [
        "Les coordinateurs de votre digibank voient vos coordonnées et vos permanences ; le personnel régional celles de sa région.",
        "Les autres digihelpers ne voient que votre prénom sur une permanence et, sur le tableau, ce que vous partagez vous-même.",
        "Qui subventionne les digibanken ne reçoit que des chiffres anonymes.",
      ],
    },
    processors: {
      heading: "Sous-traitants",
      text: "Ces parties traitent des données pour le compte de {{organisation}}, sous un contrat de sous-traitance :",
      hosting: "Hébergement du site et de la base de données : {{provider}}.",
      mail: "Envoi des courriels : {{provider}}.",
    },
    rights: {
      heading: "Vos droits et comment les exercer",
      items: [
        "Accès et portabilité : [Mes données](/account/data) montre tout ce que nous gardons sur vous ; vous pouvez aussi le télécharger en fichier JSON.",
        "Rectification : modifiez votre nom, téléphone, langue et adresse e-mail dans [Mon compte](/account), votre profil dans [Mon profil](/account/profile) et vos compétences dans [Mes compétences](/account/skills).",
        "Effacement : [supprimez votre compte](/account/delete). Vos données personnelles sont effacées ; seuls des chiffres anonymes restent.",
        "Limitation et opposition : écrivez à [{{email}}](mailto:{{email}}). Nous répondons dans un délai d’un mois.",
        "Plainte : si vous n’êtes pas satisfait, vous pouvez introduire une plainte auprès de l’Autorité de protection des données, rue de la Presse 35, 1000 Bruxelles, [www.autoriteprotectiondonnees.be](https://www.autoriteprotectiondonnees.be).",
      ],
      noAccount:
        "Vous n’avez pas de compte (un invité ou une demande pour nous rejoindre) ? Écrivez à [{{email}}](mailto:{{email}}).",
    },
  },
  accessibility: {
    title: "Déclaration d’accessibilité",
    intro:
      "{{organisation}} veut que chacun puisse utiliser Digihelpers, y compris avec un lecteur d’écran, uniquement le clavier, un agrandissement ou un petit téléphone. Cette déclaration s’applique à ce site web.",
    status: {
      heading: "État de conformité",
      text: "Notre objectif est le niveau AA des Règles pour l’accessibilité des contenus web (WCAG) 2.2. Ce site est partiellement conforme : les limites ci-dessous sont connues.",
    },
    tested: {
      heading: "Comment nous l’avons vérifié",
      intro: "Il s’agit d’une auto-évaluation, pas d’un audit externe.",
      items: [
        "Contrôle automatique avec axe-core (les règles WCAG 2.0, 2.1 et 2.2 de niveau A et AA) dans Chromium sur chaque page que visitent nos tests de navigateur, en néerlandais, français et anglais.",
        "HTML valide, vérifié avec le Nu HTML Checker.",
        "Les tâches principales avec le clavier seul, et sur un écran de 390 pixels de large.",
        "Les formulaires fonctionnent aussi sans JavaScript.",
        "L’arbre d’accessibilité (ce que lit un lecteur d’écran) de la page d’accueil, des permanences, de Mon compte, de Mon expérience, du planning et de cette page relu : les pictogrammes à côté d’un mot ne sont pas lus, et il n’y a pas de listes vides.",
        "Pas encore fait : un test avec un lecteur d’écran (NVDA, VoiceOver ou TalkBack) et un test avec des utilisateurs en situation de handicap.",
      ],
    },
    limitations: {
      heading: "Limites connues",
      items: [
        "Le calendrier des permanences (vue mois et semaine) est une grille difficile à suivre avec un lecteur d’écran. Utilisez la [liste des permanences](/shifts/list) : elle montre la même chose, semaine par semaine, et chaque permanence a sa propre page avec des boutons ordinaires.",
        "L’attestation en PDF a un titre et une langue, mais pas de structure balisée. Le même texte est disponible en page web sous Mon expérience.",
        "Les graphiques des rapports sont des images avec un titre ; sous chaque graphique, un tableau donne les mêmes chiffres.",
        "La liste de présence d’une formation est faite pour être imprimée, pas pour être lue à l’écran.",
      ],
    },
    report: {
      heading: "Signaler un problème",
      text: "Vous rencontrez quelque chose que vous ne pouvez pas utiliser ? Écrivez à [{{email}}](mailto:{{email}}) en indiquant la page et ce qui ne va pas. Vous recevez un accusé de réception dans les {{ackDays}} jours ouvrables et, dans les {{answerDays}} jours ouvrables, une réponse ou un autre moyen de faire ce que vous vouliez.",
    },
    enforcement: {
      heading: "Procédure de recours",
      text: "Si notre réponse ne vous satisfait pas, vous pouvez introduire une plainte auprès du Vlaamse Ombudsdienst (médiateur flamand), [www.vlaamseombudsdienst.be](https://www.vlaamseombudsdienst.be).",
    },
    date: {
      heading: "Date",
      text: "Cette déclaration a été établie le {{date}}.",
    },
  },
};

export default legal;
