import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { csvHeaders } from "~/modules/reports/csv.server.ts";
import { ExportSchema } from "~/modules/shifts/planning-schemas.ts";
import { exportShiftsCsv, planningRange } from "~/modules/shifts/roster.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The shifts of a date range with the people on them (and their contact details), for a
// spreadsheet. A POST: it is recorded in the audit log, and no GET writes anything.
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const submission = await readForm(request, context, ExportSchema);
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const fields = Object.entries(submission.value).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, String(value)]],
  );
  const range = planningRange(new URLSearchParams(fields));
  const t = getFixedT(await getLanguage(request), "planning");
  const csv = await exportShiftsCsv(context.db, actor, range, (key) => t(key as never), {
    ip: context.clientIp,
  });
  return new Response(csv, { headers: csvHeaders(`diensten-${range.from}-${range.until}.csv`) });
}
