import type { Namespace } from "../types.ts";
import type nl from "../nl/mail.ts";

const mail: Namespace<typeof nl> = {};

export default mail;
