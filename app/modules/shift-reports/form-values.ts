// The report form's fields as text, as the page shows them (again, after a refusal, as typed).
// Shared by the browser and the server; no zod.

export interface ReportFormValues {
  reportId: string;
  peopleHelped: string;
  topics: string[];
  otherTopic: string;
  hours: string;
  minutes: string;
  referrals: string;
  reflection: string;
  volunteer?: string;
  volunteerName?: string;
}
