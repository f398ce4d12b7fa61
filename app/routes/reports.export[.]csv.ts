import type { ActionFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { csvHeaders } from "~/modules/reports/csv.server.ts";
import { exportReportCsv } from "~/modules/reports/export.server.ts";
import { readReportFilter } from "~/modules/reports/filter.server.ts";
import { requireCsrfToken } from "~/utils/csrf.server.ts";
import { readFormData } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The figures of the reports page as a spreadsheet, for the same filter. A POST: the download is
// recorded in the audit log, and no GET writes anything.
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "view_any_reports" });
  const formData = await readFormData(request);
  await requireCsrfToken(request, formData, context.secret);
  const t = getFixedT(await getLanguage(request), "reports");
  const params = new URLSearchParams();
  for (const [name, value] of formData) {
    if (typeof value !== "string") throw new Response(t("errors.badInput"), { status: 400 });
    params.append(name, value);
  }
  const parsed = readReportFilter(params);
  if (!parsed.ok) throw new Response(t(`errors.${parsed.error}`), { status: 400 });
  const csv = await exportReportCsv(
    context.db,
    actor,
    parsed.filter,
    (key, options) => t(key as never, options as never) as unknown as string,
    { ip: context.clientIp },
  );
  if (!csv.ok) throw new Response("Not Found", { status: 404 });
  const { from, until } = parsed.filter;
  return new Response(csv.text, { headers: csvHeaders(`rapport-${from}-${until}.csv`) });
}
