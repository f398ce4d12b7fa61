import type { Namespace } from "../types.ts";
import type nl from "../nl/training.ts";

const training: Namespace<typeof nl> = {
  title: "Attendance",
};

export default training;
