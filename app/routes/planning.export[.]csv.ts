import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { exportShiftsCsv, planningRange } from "~/modules/shifts/roster.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The shifts of a date range with the people on them, for a spreadsheet.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const t = getFixedT(await getLanguage(request), "planning");
  const range = planningRange(new URL(request.url).searchParams);
  const csv = await exportShiftsCsv(context.db, actor, range, (key) => t(key as never));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="diensten-${range.from}-${range.until}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
