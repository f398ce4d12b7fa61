// How long each kind of personal data is kept: the one place the retention jobs, the privacy notice
// (/privacy) and the README read. Storage limitation (GDPR art. 5(1)(e)): every period here has a
// reason an operator can give a volunteer who asks. Changing a number here changes all three.
// No server-only imports: the privacy page shows these figures.

export const RETENTION = {
  /** A session ends after this many idle days, and at the latest after ABSOLUTE days. */
  sessionIdleDays: 14,
  sessionAbsoluteDays: 60,
  /** Sign-in, reset and invitation links: kept a day after they were used or expired. */
  usedTokenDays: 1,
  /** Rate-limit counters: deleted once their window has passed (at most an hour). */
  rateLimitHours: 1,
  /** The content of an email (its payload); the row, address and status stay as the mail log. */
  mailBodyDays: 90,
  /** A join request that was approved or declined. Pending ones are kept until decided. */
  decidedJoinRequestDays: 365,
  /**
   * A guest of a gathering (no account): name, address and answers, counted from the day the
   * gathering ended. The invitation stays without them, so attendance figures do not change.
   */
  guestAfterGatheringDays: 365,
  /** The audit trail (who did what, from which address). */
  auditEventDays: 3 * 365,
  /** An account nobody signed in to for this long is warned by mail... */
  inactiveAccountDays: 2 * 365,
  /** ...and anonymised this many days after the warning if still unused. */
  inactiveAccountGraceDays: 30,
} as const;

export type RetentionPeriods = typeof RETENTION;
