// Every email the platform sends, with the data its template needs. The email pipeline
// (enqueueEmail in outbox.server.ts) accepts exactly these; a new message starts here.

export interface EmailPayloads {
  /** A one-time sign-in link (30 minutes). */
  sign_in_link: { name: string; url: string };
  /** A password-reset link (30 minutes). */
  password_reset: { name: string; url: string };
  /** An invitation to join Digihelpers: set a password and accept the privacy notice. */
  invitation: { name: string; url: string; inviterName: string; scopeName: string; role: string };
  /** Confirms a change of address; sent to the new address. */
  email_change: { name: string; url: string };
  /** Tells a coordinator a visitor asked to join their digibank. */
  join_request: { requesterName: string; digibankName: string; url: string };
  /** Tells a visitor their request to join was declined. */
  join_declined: { name: string; digibankName: string };
}

export type EmailTemplate = keyof EmailPayloads;

export const EMAIL_TEMPLATES = [
  "sign_in_link",
  "password_reset",
  "invitation",
  "email_change",
  "join_request",
  "join_declined",
] as const satisfies readonly EmailTemplate[];
