import type { Namespace } from "../types.ts";
import type nl from "../nl/account.ts";

const account: Namespace<typeof nl> = {};

export default account;
