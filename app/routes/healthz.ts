import type { LoaderFunctionArgs } from "@remix-run/node";
import { isDatabaseReachable } from "~/utils/db.server.ts";

// For load balancers and uptime checks: 200 while the database answers, 503 while it does not.
export async function loader({ context }: LoaderFunctionArgs) {
  const ok = await isDatabaseReachable(context.db);
  return new Response(ok ? "ok" : "database unreachable", {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
