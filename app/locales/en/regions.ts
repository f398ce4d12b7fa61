import type nl from "../nl/regions.ts";
import type { Namespace } from "../types.ts";

const regions: Namespace<typeof nl> = {
  title: "Region settings",
  intro: "Choose the rules that apply to every digibank in your region. A change applies at once.",
  empty: "You do not manage a region.",
  cutoff: {
    label: "Until how many hours before the start may a digihelper release a shift themselves?",
    hint: "A number from 0 to 168 (one week). After that, the digihelper asks the coordinator. The default is 24 hours.",
    submit: "Save for {{region}}",
    current: "Now: {{count}} hours before the start.",
  },
  saved: "The settings of {{region}} are saved.",
  errors: {
    cutoff: "Enter a whole number from 0 to 168.",
  },
};

export default regions;
