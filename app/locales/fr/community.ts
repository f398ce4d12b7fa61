import type { Namespace } from "../types.ts";
import type nl from "../nl/community.ts";

// The community board of a region: /community.
const community: Namespace<typeof nl> = {
  title: "Communauté",
};

export default community;
