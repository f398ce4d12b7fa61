import type { Namespace } from "../types.ts";
import type nl from "../nl/mail.ts";

const mail: Namespace<typeof nl> = {
  layout: {
    greeting: "Bonjour {{name}},",
    linkFallback:
      "Le bouton ne fonctionne pas ? Copiez alors cette adresse et collez-la dans votre navigateur :",
    footer: "Digihelpers est la plateforme des digibanken en Flandre et à Bruxelles.",
  },
  sign_in_link: {
    subject: "Votre lien pour vous connecter à Digihelpers",
    heading: "Se connecter à Digihelpers",
    intro: "Vous avez demandé un lien pour vous connecter. Cliquez sur le bouton pour continuer.",
    button: "Me connecter à Digihelpers",
    expiry: "Le lien est valable 30 minutes et une seule fois.",
    notYou: "Vous n’avez pas demandé ce lien ? Vous pouvez ignorer ce courriel.",
  },
  password_reset: {
    subject: "Choisissez un nouveau mot de passe pour Digihelpers",
    heading: "Choisir un nouveau mot de passe",
    intro: "Vous avez demandé un nouveau mot de passe. Cliquez sur le bouton pour en choisir un.",
    button: "Choisir un nouveau mot de passe",
    expiry: "Le lien est valable 30 minutes et une seule fois.",
    notYou: "Vous n’avez rien demandé ? Votre mot de passe reste inchangé.",
  },
  invitation: {
    subject: "{{inviterName}} vous invite sur Digihelpers",
    heading: "Bienvenue sur Digihelpers",
    intro: "{{inviterName}} vous invite comme {{role}} chez {{scopeName}}.",
    steps:
      "Choisissez un mot de passe et lisez la déclaration de confidentialité. Ensuite, vous pouvez commencer.",
    button: "Accepter l’invitation",
  },
  email_change: {
    subject: "Confirmez votre nouvelle adresse e-mail pour Digihelpers",
    heading: "Confirmer votre nouvelle adresse e-mail",
    intro:
      "Vous souhaitez désormais recevoir les courriels de Digihelpers à cette adresse. Confirmez-le avec le bouton.",
    button: "Confirmer ma nouvelle adresse e-mail",
    expiry: "Le lien est valable 30 minutes et une seule fois.",
    notYou: "Vous n’avez rien demandé ? Alors rien ne change.",
  },
  join_request: {
    subject: "{{requesterName}} souhaite rejoindre {{digibankName}}",
    heading: "Une nouvelle demande",
    intro: "{{requesterName}} souhaite devenir digihelper chez {{digibankName}}.",
    action: "Consultez la demande et dites si cette personne est la bienvenue.",
    button: "Voir la demande",
  },
  join_declined: {
    subject: "Votre demande auprès de {{digibankName}}",
    heading: "À propos de votre demande",
    text: "{{digibankName}} ne peut pas accepter votre demande pour le moment.",
    next: "Vous avez des questions ? Contactez alors la digibank.",
  },
  inactive_account_warning: {
    subject: "Souhaitez-vous garder votre compte Digihelpers ?",
    heading: "Votre compte sera bientôt anonymisé",
    unused: "Vous ne vous êtes plus connecté à Digihelpers depuis le {{lastActive}}.",
    when: "Nous ne gardons pas les données plus longtemps que nécessaire. Votre compte sera donc anonymisé à partir du {{date}} : votre nom, votre adresse e-mail et votre numéro de téléphone seront effacés. Les chiffres de vos permanences restent, sans votre nom.",
    keep: "Vous souhaitez garder votre compte ? Connectez-vous simplement avant le {{date}}. Vous n’avez rien d’autre à faire.",
    button: "Me connecter à Digihelpers",
    noPassword:
      "Vous avez oublié votre mot de passe ? Sur la page de connexion, vous pouvez demander un lien par courriel.",
  },
  shift: {
    when: "Quand",
    where: "Où",
    notes: "Bon à savoir",
    timeRange: "{{date}}, de {{start}} à {{end}}",
  },
  calendar: {
    shiftSummary: "Digihelper à {{digipuntName}}",
    shiftDescription: "Votre permanence de digihelper pour {{digibankName}}.",
    courseSummary: "Formation : {{title}}",
    courseSessionSummary: "Formation : {{title}} ({{n}}/{{total}})",
    courseDescription: "Une formation de {{organiserName}} pour les digihelpers.",
    eventSummary: "Rencontre : {{title}}",
    eventDescription: "Une rencontre de {{organiserName}} pour les digihelpers.",
    feedName: "Digihelpers",
  },
  event: {
    event: "Rencontre",
    dateRange: "du {{start}} au {{end}}",
    accessibility: "Accessibilité",
    about: "Au programme",
    organiser: "Organisé par",
    contact: "Des questions ? Contactez",
    deadline: "Merci de répondre avant le",
    answer: {
      yes: "Oui, je viens",
      maybe: "Peut-être",
      no: "Non, je ne peux pas",
      fallback: "Les boutons ne marchent pas ? Ouvrez cette page pour répondre :",
    },
    unsubscribe: "Vous ne souhaitez plus recevoir d’invitations aux rencontres ?",
    unsubscribeLink: "Se désinscrire",
  },
  course: {
    organiser: "Organisée par",
    sessions_one: "La séance",
    sessions_other: "Les {{count}} séances",
    online: "En ligne",
    cancelledSession: "Annulée : {{when}}",
  },
  shift_confirmed: {
    subject: "Votre permanence du {{date}} à {{shift.digipuntName}}",
    heading: "Vous êtes inscrit·e à la permanence",
    intro: "Merci ! Vous aidez à {{digipuntName}}.",
    calendar:
      "La permanence est en pièce jointe pour votre agenda. Ouvrez la pièce jointe pour l’ajouter.",
    button: "Voir la permanence",
  },
  shift_promoted: {
    subject: "Une place s’est libérée : votre permanence du {{date}}",
    heading: "Vous êtes maintenant inscrit·e à la permanence",
    intro:
      "Une place s’est libérée à {{digipuntName}}. Vous étiez sur la liste de réserve : vous êtes maintenant inscrit·e.",
    calendar:
      "Vous ne pouvez pas venir ? Libérez alors la place sur la page de la permanence. La permanence est en pièce jointe pour votre agenda.",
    button: "Voir la permanence",
  },
  shift_changed: {
    subject: "Votre permanence à {{shift.digipuntName}} a changé",
    heading: "Votre permanence a changé",
    intro:
      "Le coordinateur a modifié la permanence à {{digipuntName}}. Voici la nouvelle version :",
    confirmed:
      "Vous êtes toujours inscrit·e. Vous ne pouvez plus venir ? Dites-le sur la page de la permanence. La nouvelle version est en pièce jointe pour votre agenda.",
    reserve:
      "Vous êtes toujours sur la liste de réserve. Si une place se libère, vous recevrez un courriel.",
    button: "Voir la permanence",
  },
  shift_cancelled: {
    subject: "Votre permanence du {{date}} est annulée",
    heading: "Votre permanence est annulée",
    intro: "La permanence à {{digipuntName}} est annulée. Vous ne devez pas venir.",
    reason: "Pourquoi : {{reason}}",
    calendar: "Ouvrez la pièce jointe pour retirer la permanence de votre agenda.",
    button: "Chercher une autre permanence",
  },
  shift_left: {
    subject: "Vous n’êtes plus inscrit·e à la permanence du {{date}}",
    heading: "Vous n’êtes plus inscrit·e à la permanence",
    removed: "Le coordinateur vous a retiré·e de cette permanence. Vous ne devez pas venir.",
    release_granted:
      "Le coordinateur vous a libéré·e de cette permanence. Vous ne devez pas venir.",
    calendar: "Ouvrez la pièce jointe pour retirer la permanence de votre agenda.",
    button: "Chercher une autre permanence",
  },
  shift_release_requested: {
    subject: "{{volunteerName}} demande à être libéré·e d’une permanence",
    heading: "Une demande de libération",
    intro:
      "{{volunteerName}} ne peut pas venir à la permanence à {{digipuntName}} et vous demande de libérer sa place.",
    action: "Il est trop tard pour libérer la place soi-même. Consultez la permanence et décidez.",
    button: "Voir la permanence",
  },
  shift_reminder: {
    subject: "Demain : votre permanence à {{shift.digipuntName}}",
    heading: "À demain !",
    intro: "Petit rappel : demain, vous aidez à {{digipuntName}}.",
    release: "Vous ne pouvez pas venir ? Dites-le au plus vite sur la page de la permanence.",
    button: "Voir la permanence",
  },
  shift_report_request: {
    subject: "Comment s’est passée votre permanence d’hier ?",
    heading: "Comment s’est passée votre permanence ?",
    intro_one:
      "Hier, vous avez aidé comme digihelper. Merci ! Voulez-vous dire en quelques mots comment cela s’est passé ?",
    intro_other:
      "Hier, vous avez aidé lors de {{count}} permanences. Merci ! Voulez-vous dire en quelques mots comment elles se sont passées ?",
    shift: "{{digipuntName}} : {{when}}",
    privacy: "N’écrivez rien dans votre rapport sur les personnes aidées.",
    button: "Remplir votre rapport",
    setting: "Vous ne voulez plus recevoir cet e-mail ? Désactivez-le dans vos paramètres :",
  },
  shift_understaffed: {
    subject: "Pas encore assez de digihelpers le {{date}} à {{shift.digipuntName}}",
    heading: "Cette permanence a encore besoin d’aide",
    intro:
      "La permanence à {{digipuntName}} commence dans moins de trois jours et n’a pas encore assez de digihelpers.",
    staffing_one: "{{count}} place sur {{capacity}} est prise.",
    staffing_other: "{{count}} places sur {{capacity}} sont prises.",
    button: "Voir la permanence",
  },
  course_session: {
    course: "Formation",
  },
  course_reminder: {
    subject: "Demain : {{courseTitle}}",
    heading: "À demain à la formation !",
    intro:
      "Petit rappel : demain a lieu une séance de la formation {{courseTitle}} de {{organiserName}}.",
    cannot:
      "Vous ne pouvez finalement pas venir ? Dites-le au plus vite sur la page de la formation.",
    button: "Voir la formation",
  },
  course_trainer_roster: {
    subject: "Demain, vous donnez {{courseTitle}} : qui vient ?",
    heading: "Qui vient demain à votre formation ?",
    intro_one: "Demain, vous donnez la formation {{courseTitle}}. {{count}} personne est inscrite.",
    intro_other:
      "Demain, vous donnez la formation {{courseTitle}}. {{count}} personnes sont inscrites.",
    attendance: "Cochez les présences sur votre téléphone, ou imprimez la feuille de présence.",
    button: "Ouvrir les présences",
  },
  course_enrolled: {
    subject: "Vous êtes inscrit·e à la formation {{course.title}}",
    heading: "Vous êtes inscrit·e",
    intro: "Vous avez une place dans la formation {{title}}.",
    next: "Toutes les séances sont en pièce jointe pour votre agenda. Vous ne pouvez plus venir ? Désinscrivez-vous sur la page de la formation, pour que la première personne de la liste d’attente reçoive votre place.",
    button: "Voir la formation",
  },
  course_waiting: {
    subject: "Vous êtes sur la liste d’attente de la formation {{course.title}}",
    heading: "Vous êtes sur la liste d’attente",
    intro:
      "La formation {{title}} est complète. Vous êtes à la place {{position}} de la liste d’attente.",
    next: "Si une place se libère, elle vous est attribuée automatiquement et nous vous envoyons un courriel.",
    button: "Voir la formation",
  },
  course_promoted: {
    subject: "Une place s’est libérée : vous êtes inscrit·e à {{course.title}}",
    heading: "Vous avez maintenant une place",
    intro:
      "Une place s’est libérée dans la formation {{title}}. Vous étiez sur la liste d’attente : vous êtes maintenant inscrit·e.",
    next: "Toutes les séances sont en pièce jointe pour votre agenda. Vous ne pouvez plus venir ? Désinscrivez-vous sur la page de la formation.",
    button: "Voir la formation",
  },
  mailbox: {
    title: "Boîte aux lettres locale",
    intro:
      "Cette démo n’envoie pas de vrais courriels. Chaque courriel arrive ici, pour que vous puissiez utiliser les liens.",
    empty: "Il n’y a pas encore de courriels.",
    listLabel: "Courriels, les plus récents d’abord",
    to: "À",
    subject: "Objet",
    date: "Date",
    from: "De",
    textTitle: "Texte du courriel",
    linksTitle: "Liens dans ce courriel",
    noLinks: "Ce courriel ne contient pas de liens.",
    back: "Retour à la boîte aux lettres",
    bound:
      "La boîte aux lettres garde les {{count}} courriels les plus récents, et aucun plus de {{days}} jours.",
    raw: "Télécharger en fichier .eml, pour un logiciel de courrier",
  },
  admin: {
    title: "Courriels non envoyés",
    intro:
      "Ces courriels n’ont pas pu partir, même après plusieurs essais. Réglez d’abord le problème, puis réessayez.",
    empty: "Tous les courriels sont partis.",
    tableCaption: "Courriels en échec",
    to: "À",
    template: "Type de courriel",
    attempts: "Essais",
    error: "Dernière erreur",
    created: "Créé le",
    action: "Action",
    retry: "Renvoyer",
    retryLabel: "Renvoyer le courriel à {{address}}",
    retried: "Le courriel est de nouveau prêt à partir.",
  },

  course_changed: {
    subject: "La formation {{course.title}} a changé",
    heading: "Votre formation a changé",
    intro: "L'organisateur a modifié la formation {{title}}. Voici ce qu'elle devient :",
    calendar: "La nouvelle version pour votre agenda est en pièce jointe.",
    button: "Voir la formation",
  },
  course_cancelled: {
    subject: "La formation {{course.title}} est annulée",
    heading: "Votre formation est annulée",
    intro: "La formation {{title}} est annulée. Vous ne devez pas venir.",
    introWaiting:
      "La formation {{title}} est annulée. Vous étiez sur la liste d'attente ; elle disparaît.",
    reason: "Pourquoi : {{reason}}",
    calendar: "Ouvrez la pièce jointe pour retirer les séances de votre agenda.",
    button: "Chercher une autre formation",
  },
  course_session_cancelled: {
    subject: "Une séance de {{course.title}} est annulée",
    heading: "Une séance est annulée",
    intro: "Une séance de la formation {{title}} est annulée. Les autres ont lieu :",
    calendar: "Ouvrez la pièce jointe pour retirer cette séance de votre agenda.",
    button: "Voir la formation",
  },
  course_message: {
    subject: "{{courseTitle}} : {{subject}}",
    heading: "Un message sur votre formation",
    intro: "{{senderName}} envoie ce message à toutes les personnes inscrites à {{title}} :",
    button: "Voir la formation",
  },
  event_invitation: {
    subject: "Invitation : {{event.title}} le {{date}}",
    heading: "Vous êtes invité·e",
    intro: "{{organiserName}} vous invite à {{title}}.",
    plusOnes_one: "Vous pouvez venir accompagné·e d’une personne.",
    plusOnes_other: "Vous pouvez venir avec {{count}} personnes au plus.",
    answer:
      "Vous venez ? Choisissez ci-dessous. Vous confirmez votre réponse sur la page qui s’ouvre, et vous pourrez encore la modifier.",
    calendar: "La rencontre est en pièce jointe pour votre agenda.",
  },
  event_updated: {
    subject: "Modifiée : {{event.title}} le {{date}}",
    heading: "La rencontre a changé",
    intro: "{{title}} a changé. Voici ce qui est prévu maintenant :",
    calendar: "La nouvelle version est en pièce jointe pour votre agenda.",
    button: "Voir ou modifier votre réponse",
  },
  event_cancelled: {
    subject: "Annulée : {{event.title}} le {{date}}",
    heading: "La rencontre est annulée",
    intro: "{{title}} n’aura pas lieu.",
    reason: "La raison : {{reason}}",
    calendar: "La pièce jointe retire la rencontre de votre agenda.",
  },
  event_reminder: {
    subject: "Rappel : {{event.title}} le {{date}}",
    heading: "Bientôt : votre rencontre",
    intro_one: "C’est demain : {{title}}.",
    intro_other: "C’est dans {{count}} jours : {{title}}.",
    yes: "Vous avez dit que vous venez. Nous nous réjouissons de vous voir !",
    maybe: "Vous avez répondu peut-être. Pouvez-vous nous dire si vous venez ?",
    button: "Voir ou modifier votre réponse",
  },
  event_nudge: {
    subject: "Venez-vous à {{event.title}} ? Dites-le-nous",
    heading: "Dites-nous si vous venez",
    intro:
      "Vous n’avez pas encore répondu à l’invitation à {{title}}. Merci de répondre avant le {{deadline}}.",
  },
  event_thanks: {
    subject: "Merci d’être venu·e à {{event.title}}",
    heading: "Merci !",
    intro:
      "Merci d’avoir été là à {{title}}, et merci pour tout ce que vous faites comme digihelper.",
    contact: "Une idée ou une question ? Écrivez à {{contactName}} ({{contactEmail}}).",
    signature: "À la prochaine, {{organiserName}}",
  },
  event_promoted: {
    subject: "Une place s’est libérée : vous participez à {{event.title}}",
    heading: "Vous avez une place",
    intro:
      "Une place s’est libérée pour {{title}}. Vous étiez sur la liste d’attente : vous participez maintenant.",
    next: "La rencontre est en pièce jointe pour votre agenda. Vous ne pouvez finalement pas ? Modifiez votre réponse pour que quelqu’un d’autre ait votre place.",
    button: "Voir ou modifier votre réponse",
  },
  event_message: {
    subject: "{{event.title}} : {{subject}}",
    heading: "Un message sur votre rencontre",
    intro: "{{senderName}} envoie ce message à toutes les personnes qui viennent à {{title}} :",
    button: "Voir ou modifier votre réponse",
  },
};

export default mail;
