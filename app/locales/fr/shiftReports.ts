import type { Namespace } from "../types.ts";
import type nl from "../nl/shiftReports.ts";

// Shift reports: filing one after a shift, correcting it, and coordinators recording one for a volunteer.
const shiftReports: Namespace<typeof nl> = {
  title: "Rapport de permanence",
  back: "Retour à la permanence",
  intro:
    "Dites en quelques mots comment s’est passée votre permanence. Vous voyez ainsi ce que votre travail apporte, et votre digibank peut en rendre compte.",
  privacy:
    "N’écrivez rien sur les personnes aidées : pas de noms, de numéros de registre national, de numéros de téléphone, d’adresses e-mail ni de numéros de compte.",
  notStarted:
    "Cette permanence n’a pas encore commencé. Vous pourrez remplir votre rapport ici dès son début.",
  cancelled: "Cette permanence a été annulée. Aucun rapport n’est nécessaire.",
  filedOn: "Vous avez rempli ce rapport le {{date}}.",
  recordedBy: "Un coordinateur a rempli ce rapport pour vous.",
  editUntil: "Vous pouvez encore le modifier jusqu’au {{date}}.",
  locked:
    "Vous ne pouvez plus modifier ce rapport : c’est possible pendant 14 jours après l’avoir rempli.",
  form: {
    checkFields: "Vérifiez les champs ci-dessous.",
    peopleHelped: "Combien de personnes avez-vous aidées ?",
    peopleHint: "Un nombre de 0 à 200.",
    topics: "Pour quoi les avez-vous aidées ?",
    topicsHint: "Cochez tout ce qui convient.",
    otherTopic: "Pour quoi d’autre ?",
    otherHint: "Quelques mots, par exemple « acheter un billet de train ».",
    worked: "Combien de temps avez-vous travaillé ?",
    workedHint:
      "Rempli d’avance avec la durée de la permanence. Modifiez-le si vous êtes resté moins ou plus longtemps.",
    hours: "Heures",
    minutes: "Minutes",
    referrals: "Combien de personnes avez-vous orientées vers un autre service ?",
    referralsHint: "Par exemple le CPAS, la bibliothèque ou la banque. Un nombre de 0 à 200.",
    reflection: "Autre chose à dire ? (facultatif)",
    reflectionHint:
      "Ce qui s’est bien passé, ce qui était difficile, un conseil pour les autres. Jusqu’à 4000 caractères.",
    save: "Enregistrer le rapport",
    saveChanges: "Enregistrer les modifications",
  },
  sensitive: {
    title: "Ceci semble concerner quelqu’un",
    national_number: "Votre texte semble contenir un numéro de registre national. Retirez-le.",
    phone: "Votre texte semble contenir un numéro de téléphone. Retirez-le.",
    email: "Votre texte semble contenir une adresse e-mail. Retirez-la.",
    iban: "Votre texte semble contenir un numéro de compte (IBAN). Retirez-le.",
  },
  errors: {
    people: "Indiquez un nombre de 0 à 200.",
    referrals: "Indiquez un nombre de 0 à 200.",
    hours: "Indiquez une durée d’une minute à 24 heures.",
    minutes: "Indiquez un nombre de 0 à 59.",
    topic: "Choisissez un sujet de la liste.",
    otherTopic: "Vous avez choisi « Autre chose » : précisez en quelques mots.",
    volunteer: "Choisissez le bénévole.",
    volunteerName: "Indiquez le nom du bénévole.",
    sensitive: {
      national_number:
        "Ceci ressemble à un numéro de registre national. Retirez-le : nous ne gardons aucune donnée des personnes aidées.",
      phone:
        "Ceci ressemble à un numéro de téléphone. Retirez-le : nous ne gardons aucune donnée des personnes aidées.",
      email:
        "Ceci ressemble à une adresse e-mail. Retirez-la : nous ne gardons aucune donnée des personnes aidées.",
      iban: "Ceci ressemble à un numéro de compte (IBAN). Retirez-le : nous ne gardons aucune donnée des personnes aidées.",
    },
  },
  refusal: {
    not_started:
      "Cette permanence n’a pas encore commencé. Le rapport n’est possible qu’après son début.",
    cancelled: "Cette permanence a été annulée. Aucun rapport n’est nécessaire.",
    already_filed:
      "Il y a déjà un rapport pour cette permanence. Vous le voyez ci-dessous ; rien n’a été enregistré en double.",
    locked: "Ce rapport date de plus de 14 jours et ne peut plus être modifié.",
    sensitive:
      "Votre texte semble contenir des données d’une personne. Retirez-les et enregistrez à nouveau.",
    not_on_roster: "Ce bénévole n’était pas inscrit à la permanence.",
  },
  notice: {
    filed: "Merci ! Votre rapport est enregistré.",
    corrected: "Votre rapport a été modifié.",
    recorded: "Le rapport est enregistré.",
  },
  share: "Partager ceci sur le tableau d’affichage",
  notFound: "Cette permanence n’existe pas, ou vous ne pouvez pas remplir de rapport pour elle.",
  notOnShift:
    "Vous n’étiez pas inscrit à cette permanence. Seules les personnes qui y ont aidé remplissent un rapport.",
  planning: {
    title: "Rapports de la permanence",
    link: "Rapports de cette permanence",
    back: "Retour à la permanence",
    intro:
      "Tous les rapports de cette permanence. Quelqu’un n’utilise pas Digihelpers ? Remplissez ici un rapport pour cette personne.",
    empty: "Il n’y a pas encore de rapport.",
    caption: "Rapports",
    name: "Bénévole",
    people: "Personnes aidées",
    hours: "Temps de travail",
    referralsColumn: "Orientées",
    topicsColumn: "Sujets",
    by: "Rempli par",
    self: "lui-même",
    recordTitle: "Remplir un rapport pour un bénévole",
    volunteer: "Pour qui ?",
    outside: "Quelqu’un qui n’utilise pas Digihelpers",
    volunteerName: "Nom de ce bénévole",
    save: "Enregistrer le rapport",
    notStarted:
      "Cette permanence n’a pas encore commencé. Vous pourrez remplir des rapports ici dès son début.",
    cancelled: "Cette permanence a été annulée.",
    notFound: "Cette permanence n’existe pas, ou vous ne la planifiez pas.",
    duration: "{{hours}} h {{minutes}} min",
  },
  card: {
    title: "Comment s’est passée votre permanence ?",
    intro: "Remplissez un court rapport pour ces permanences.",
    link: "{{digipunt}}, {{when}}",
  },
};

export default shiftReports;
