import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listShiftEvents } from "~/modules/shifts/events.server.ts";
import { parseShiftFilters } from "~/modules/shifts/filters.ts";
import { parseRangeBound } from "~/modules/shifts/window.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";

// The calendar's event feed: the shifts on screen (start, end) as JSON, with the page's filters.
// The widest view (a month grid) spans six weeks; anything much wider is refused.
const MAX_RANGE_DAYS = 62;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const params = new URL(request.url).searchParams;
  const from = parseRangeBound(params.get("start"));
  const to = parseRangeBound(params.get("end"));
  if (!from || !to || to <= from || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
    throw new Response("Bad range", { status: 400 });
  const events = await listShiftEvents(
    context.db,
    actor,
    { from, to, filters: parseShiftFilters(params) },
    await getLanguage(request),
  );
  return Response.json(events);
}
