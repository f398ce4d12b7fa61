import type { Namespace } from "../types.ts";
import type nl from "../nl/training.ts";

const training: Namespace<typeof nl> = {
  title: "Présences",
  index: {
    title: "Les formations que je donne",
    intro:
      "Cochez par séance qui est présent. Qui a suivi assez de séances reçoit les compétences de la formation.",
    empty: "Vous ne donnez ni ne planifiez encore aucune formation.",
    next: "Prochaine séance : {{when}}",
    over: "Toutes les séances sont passées.",
    trainer: "Vous donnez cette formation.",
    planner: "Vous planifiez cette formation.",
    enrolled_one: "{{count}} inscrit",
    enrolled_other: "{{count}} inscrits",
  },
  roster: {
    sessions: "Séances",
    session: "Séance {{n}} : {{when}}",
    cancelled: "annulée",
    current: "(affichée)",
    place: "Où : {{place}}",
    people: "Qui est là ?",
    hint: "Touchez un nom pour marquer la personne présente. Touchez encore pour annuler.",
    present: "présent·e",
    absent: "pas encore cochée",
    rule_all: "Formation réussie après les {{count}} séances.",
    rule_min: "Formation réussie après au moins {{count}} séances.",
    attended: "{{attended}} séances suivies sur {{required}}",
    completed: "formation réussie",
    nobody: "Personne n'est encore inscrit.",
    noSessions: "Cette formation n'a pas de séances.",
    closed: "Vous pouvez cocher les présences à partir d'une heure avant le début de la séance.",
    closedCancelled: "Cette séance est annulée : pas de présences.",
    sheet: "Imprimer la feuille de présence",
    back: "Retour à mes formations",
    notFound: "Cette formation ou séance n'existe pas, ou vous ne la donnez pas.",
  },
  sheet: {
    title: "Feuille de présence",
    printHint:
      "Utilisez la commande d'impression de votre navigateur (Ctrl+P ou Cmd+P) pour imprimer cette feuille.",
    name: "Nom",
    signature: "Signature",
    number: "N°",
    back: "Retour aux présences",
  },
  notice: {
    present: "{{name}} est présent·e.",
    absent: "{{name}} n'est plus cochée.",
    completed:
      "{{name}} est présent·e et a réussi la formation. Les compétences figurent sur son profil.",
    withdrawn:
      "{{name}} n'est plus cochée. La formation n'est plus réussie ; les compétences ont été retirées.",
  },
  refusal: {
    not_found: "Cette séance n'appartient pas à cette formation.",
    not_enrolled: "Cette personne n'est pas inscrite à cette formation.",
    session_cancelled: "Cette séance est annulée : vous ne pouvez pas y cocher de présences.",
    course_cancelled: "Cette formation est annulée.",
    too_early: "Vous pouvez cocher les présences à partir d'une heure avant le début de la séance.",
  },
  skills: {
    title: "Compétences que seule une formation donne",
    intro:
      "Indiquez quelles compétences seule une formation peut donner. Personne ne peut alors les cocher soi-même.",
    consequence:
      "Qui avait coché une telle compétence soi-même la perd. Qui l'a obtenue dans une formation la garde.",
    courseOnly: "uniquement par une formation",
    declarable: "à cocher soi-même",
    marked_one:
      "{{skill}} s'obtient désormais uniquement par une formation. {{count}} personne l'avait cochée et la perd.",
    marked_other:
      "{{skill}} s'obtient désormais uniquement par une formation. {{count}} personnes l'avaient cochée et la perdent.",
    unmarked: "{{skill}} peut de nouveau être cochée soi-même.",
    notFound: "Cette compétence n'existe pas.",
  },
  earned: {
    title: "Obtenues dans une formation",
    item: "Obtenue le {{date}} dans la formation {{course}}",
    itemNoCourse: "Obtenue le {{date}} dans une formation",
    courseOnly: "Uniquement par une formation",
    courseOnlyIntro: "Ces compétences s'obtiennent en suivant une formation :",
    refused_one:
      "Vous ne pouvez pas cocher {{skills}} vous-même : cette compétence s'obtient par une formation. Rien n'a été enregistré.",
    refused_other:
      "Vous ne pouvez pas cocher {{skills}} vous-même : ces compétences s'obtiennent par une formation. Rien n'a été enregistré.",
  },
  card: {
    title: "Cocher les présences",
    intro: "La prochaine séance d'une formation que vous donnez :",
    all: "Toutes mes formations",
  },
};

export default training;
