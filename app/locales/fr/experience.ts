import type { Namespace } from "../types.ts";
import type nl from "../nl/experience.ts";

// What a volunteer's work adds up to: /account/experience and the attestation of volunteer work.
const experience: Namespace<typeof nl> = {
  title: "Mon expérience",
};

export default experience;
