import account from "./account.ts";
import auth from "./auth.ts";
import common from "./common.ts";
import mail from "./mail.ts";
import people from "./people.ts";
import planning from "./planning.ts";
import regions from "./regions.ts";
import shifts from "./shifts.ts";

// One file per namespace, so each capability keeps its own messages.
export default { common, auth, account, people, mail, shifts, planning, regions };
