import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { exportEventCsv } from "~/modules/events/overview.server.ts";
import { csvHeaders } from "~/modules/reports/csv.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// The event's invitees with their answers, for a spreadsheet. A POST: it holds contact details,
// so it is recorded in the audit log, and no GET writes anything.
export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const eventId = paramId(params.eventId);
  // Nothing to choose: the form only carries its CSRF token, which readForm checks.
  const submission = await readForm(request, context, z.object({}));
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const t = getFixedT(await getLanguage(request), "eventPlanning");
  const exported = await exportEventCsv(context.db, actor, eventId, (key) => t(key as never), {
    ip: context.clientIp,
  });
  if (!exported) throw new Response("Not found", { status: 404 });
  return new Response(exported.csv, { headers: csvHeaders(`bijeenkomst-${eventId}.csv`) });
}
