// Region settings, for regional staff. Dutch is the source.
const regions = {
  title: "Instellingen van de regio",
  intro:
    "Hier kies je de regels die voor alle digibanken van je regio gelden. Een wijziging geldt meteen.",
  empty: "Je beheert geen regio.",
  cutoff: {
    label: "Tot hoeveel uur voor de start mag een digihelper een dienst zelf annuleren?",
    hint: "Een getal van 0 tot 168 (een week). Daarna vraagt de digihelper het aan de coördinator. Standaard is dat 24 uur.",
    submit: "Bewaren voor {{region}}",
    current: "Nu: {{count}} uur voor de start.",
  },
  saved: "De instellingen van {{region}} zijn bewaard.",
  errors: {
    cutoff: "Vul een heel getal in van 0 tot 168.",
  },
};

export default regions;
