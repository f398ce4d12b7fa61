import type { Namespace } from "../types.ts";
import type nl from "../nl/courses.ts";

const courses: Namespace<typeof nl> = {
  title: "Formations",
};

export default courses;
