import type { Namespace } from "../types.ts";
import type nl from "../nl/auth.ts";

const auth: Namespace<typeof nl> = {};

export default auth;
