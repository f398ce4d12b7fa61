import type { JobQueue } from "~/utils/jobs.server.ts";

/** The pg-boss queue that carries `{ messageId }` for every email. */
export const EMAIL_QUEUE = "send-email";

export interface EmailJob {
  messageId: number;
}

export interface EmailRetryPolicy {
  /** Retries after the first attempt; when they run out the message is marked 'failed'. */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
}

// 8 retries with backoff from 5 s spread over roughly 20 minutes: a relay that restarts or
// rate-limits us briefly does not lose mail, and a broken one is reported within the hour.
export const DEFAULT_EMAIL_RETRY: EmailRetryPolicy = {
  retryLimit: 8,
  retryDelay: 5,
  retryBackoff: true,
};

/**
 * Creates the queue, or updates its retry policy. Jobs inherit the policy from the queue, so a job
 * sent by enqueueEmail needs no retry options of its own. Run at start-up, before any request.
 */
export async function createEmailQueue(
  jobs: JobQueue,
  retry: EmailRetryPolicy = DEFAULT_EMAIL_RETRY,
): Promise<void> {
  const existing = await jobs.getQueue(EMAIL_QUEUE);
  if (existing) await jobs.updateQueue(EMAIL_QUEUE, retry);
  else await jobs.createQueue(EMAIL_QUEUE, retry);
}
