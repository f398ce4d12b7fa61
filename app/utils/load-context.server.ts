import type { Database } from "./db.server.ts";
import type { JobQueue } from "./jobs.server.ts";

// What the HTTP server (server/app.ts) hands every loader and action.
declare module "@remix-run/node" {
  // Single fetch is on (remix.config.js): loader and action data types follow it.
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    db: Database;
    /** The job queue: send jobs through a transaction (see enqueueEmail) so they roll back with it. */
    jobs: JobQueue;
    cspNonce: string;
    /** This site's public address, for links in emails; never taken from the request. */
    appUrl: string;
    /** True when no SMTP_URL is set: mail is kept in the database's local mailbox (/dev/mailbox). */
    localMailbox: boolean;
    /** The client's address (behind TRUST_PROXY: the forwarded one), for rate limits and the audit log. */
    clientIp: string;
    /** Signs cookies and CSRF tokens (app/utils/secrets.server.ts). */
    secret: string;
    /**
     * Marked by handleError (app/entry.server.tsx) when this request failed because the database
     * is out of reach; the answer is then a 503 with Retry-After rather than a 500.
     */
    outage?: { database: boolean };
  }
}

export {};
