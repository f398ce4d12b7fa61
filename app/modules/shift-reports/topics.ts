import type { ReportTopic } from "../../../db/schema.ts";

// What a shift report says people were helped with, in the order the form lists them. The codes
// match the skills' where both name the same service; a CHECK in the shift reports migration holds
// the list. Shared with the browser: labels are common:topic.<code>.
export const REPORT_TOPICS = [
  "eid",
  "itsme",
  "tax_on_web",
  "mijn_gezondheid",
  "mypension",
  "e_banking",
  "smartphone",
  "email",
  "safety",
  "job_search",
  "other",
] as const satisfies readonly ReportTopic[];
