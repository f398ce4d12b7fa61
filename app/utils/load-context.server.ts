import type { Database } from "./db.server.ts";

// What the HTTP server (server/app.ts) hands every loader and action.
declare module "@remix-run/node" {
  interface AppLoadContext {
    db: Database;
    cspNonce: string;
  }
}

export {};
