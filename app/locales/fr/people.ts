import type { Namespace } from "../types.ts";
import type nl from "../nl/people.ts";

const people: Namespace<typeof nl> = {};

export default people;
