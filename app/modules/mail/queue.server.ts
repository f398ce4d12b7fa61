import type { JobQueue } from "~/utils/jobs.server.ts";
import { type EmailTemplate, URGENT_EMAIL_TEMPLATES } from "./messages.ts";

/** The pg-boss queue that carries `{ messageId }` for every email nobody is waiting for. */
export const EMAIL_QUEUE = "send-email";
/**
 * Its own queue, with its own worker, for mail a person is waiting for: 2,000 invitations to a
 * gathering queued just before never hold up a sign-in link.
 */
export const URGENT_EMAIL_QUEUE = "send-email-urgent";
export const EMAIL_QUEUES = [URGENT_EMAIL_QUEUE, EMAIL_QUEUE] as const;
export type EmailQueue = (typeof EMAIL_QUEUES)[number];

export interface EmailJob {
  messageId: number;
}

const urgent = new Set<string>(URGENT_EMAIL_TEMPLATES);

export function emailQueueFor(template: EmailTemplate): EmailQueue {
  return urgent.has(template) ? URGENT_EMAIL_QUEUE : EMAIL_QUEUE;
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
 * How long a mail job may stay active: a batch takes well under a second on a healthy relay and the
 * SMTP timeouts (transport.server.ts) end a stuck hand-over within 30 s. After a crash pg-boss
 * retries the job once this has passed (and its supervisor has looked), instead of after its
 * default 15 minutes.
 */
export const EMAIL_EXPIRE_SECONDS = 60;

export interface EmailQueueOptions {
  retry?: EmailRetryPolicy;
  expireInSeconds?: number;
}

/**
 * Creates both queues, or updates their policy. Jobs inherit retries and expiry from the queue, so a
 * job sent by enqueueEmail needs no options of its own. `notify` makes a job's insert wake the
 * workers when its transaction commits (with the LISTEN/NOTIFY listener of startJobQueue). Run at
 * start-up, before any request: sending to a queue that does not exist waits forever on PGlite.
 */
export async function createEmailQueues(
  jobs: JobQueue,
  { retry = DEFAULT_EMAIL_RETRY, expireInSeconds = EMAIL_EXPIRE_SECONDS }: EmailQueueOptions = {},
): Promise<void> {
  const policy = { ...retry, expireInSeconds, notify: true };
  for (const name of EMAIL_QUEUES) {
    const existing = await jobs.getQueue(name);
    if (existing) await jobs.updateQueue(name, policy);
    else await jobs.createQueue(name, policy);
  }
}
