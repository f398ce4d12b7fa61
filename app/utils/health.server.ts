import { type Database, isDatabaseReachable } from "./db.server.ts";

/**
 * The answer to `/healthz`, for load balancers and uptime checks: 200 while the database answers,
 * 503 while it does not. The web process's route and a worker's HEALTH_PORT both give it.
 */
export async function healthzAnswer(db: Database): Promise<Response> {
  const ok = await isDatabaseReachable(db);
  return new Response(ok ? "ok" : "database unreachable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
