import type { AppLoadContext } from "@remix-run/node";

// Replaced by the accounts capability.
// Until accounts exist nobody is an administrator: every page behind this check answers 403.
export async function requireAdmin(_request: Request, _context: AppLoadContext): Promise<void> {
  throw new Response(null, { status: 403 });
}
