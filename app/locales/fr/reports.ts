import type { Namespace } from "../types.ts";
import type nl from "../nl/reports.ts";

// The funder's reports: /reports (figures per digibank, digipunt and month; charts; CSV).
const reports: Namespace<typeof nl> = {
  title: "Rapports",
};

export default reports;
