// The outcome of an action, told on the page the action redirects to (app/utils/flash.server.ts
// keeps it in a cookie; app/components/outcome-message.tsx shows it). Shared by server and browser.

export interface Outcome {
  tone: "success" | "error";
  /** A catalog key with its namespace ("shifts:done.claimed"), translated where it is shown. */
  message: string;
  /** Values for the message's placeholders. */
  values?: Record<string, string | number>;
  /**
   * The id of the element the reader acted in ("shift-12"): the message shows inside it and the
   * redirect scrolls there. Without it the message belongs to the page as a whole.
   */
  at?: string;
  /** Tells two equal outcomes apart, so a repeated message is announced again. */
  id: string;
}
