// The weekdays of a weekly pattern, as RRULE spells them. On their own, without imports, so the
// planning form (shared with the browser) and the recurrence module (server-only: rrule does not
// bundle for the browser) use the one list.
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
