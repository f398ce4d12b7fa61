import type { Namespace } from "../types.ts";
import type nl from "../nl/profile.ts";

// The volunteer's profile: /account/profile, and as their coordinators see it.
const profile: Namespace<typeof nl> = {
  title: "Mon profil",
};

export default profile;
