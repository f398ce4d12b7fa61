import type { LoaderFunctionArgs } from "@remix-run/node";
import { healthzAnswer } from "~/utils/health.server.ts";

// For load balancers and uptime checks: 200 while the database answers, 503 while it does not.
export async function loader({ context }: LoaderFunctionArgs) {
  return healthzAnswer(context.db);
}
