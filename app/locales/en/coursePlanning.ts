import type { Namespace } from "../types.ts";
import type nl from "../nl/coursePlanning.ts";

const coursePlanning: Namespace<typeof nl> = {
  title: "Plan courses",
};

export default coursePlanning;
