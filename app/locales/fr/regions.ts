import type nl from "../nl/regions.ts";
import type { Namespace } from "../types.ts";

const regions: Namespace<typeof nl> = {
  title: "Paramètres de la région",
  intro:
    "Choisissez ici les règles qui valent pour toutes les digibanken de votre région. Une modification s'applique tout de suite.",
  empty: "Vous ne gérez aucune région.",
  cutoff: {
    label:
      "Jusqu'à combien d'heures avant le début un digihelper peut-il annuler lui-même une permanence ?",
    hint: "Un nombre de 0 à 168 (une semaine). Ensuite, le digihelper le demande au coordinateur. Par défaut : 24 heures.",
    submit: "Enregistrer pour {{region}}",
    current: "Actuellement : {{count}} heures avant le début.",
  },
  saved: "Les paramètres de {{region}} sont enregistrés.",
  errors: {
    cutoff: "Indiquez un nombre entier de 0 à 168.",
  },
};

export default regions;
