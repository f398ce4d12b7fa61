import type { Namespace } from "../types.ts";
import type nl from "../nl/shiftReports.ts";

// Shift reports: filing one after a shift, correcting it, and coordinators recording one for a volunteer.
const shiftReports: Namespace<typeof nl> = {
  title: "Shift report",
};

export default shiftReports;
