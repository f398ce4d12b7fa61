import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { addDays, localParts, localToday } from "~/modules/shifts/recurrence.ts";
import { listShiftsForExport, toCsv } from "~/modules/shifts/roster.server.ts";
import { readRange } from "~/modules/shifts/schemas.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The shifts of a date range with the people on them, for a spreadsheet: one row per person.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const t = getFixedT(await getLanguage(request), "planning");
  const today = localToday();
  const range = readRange(new URL(request.url).searchParams, today, addDays(today, 27));
  const rows = await listShiftsForExport(context.db, actor, range);
  const header = (
    [
      "date",
      "start",
      "end",
      "digibank",
      "digipunt",
      "address",
      "status",
      "capacity",
      "confirmed",
      "name",
      "email",
      "phone",
      "claim",
      "attendance",
    ] as const
  ).map((key) => t(`export.${key}`));
  const body = rows.map((r): Array<string | number | null> => {
    const start = localParts(new Date(r.startsAt));
    return [
      start.date,
      start.time,
      localParts(new Date(r.endsAt)).time,
      r.digibank,
      r.digipunt,
      r.address,
      t(`export.shiftStatus.${r.shiftStatus}`),
      r.capacity,
      r.confirmed,
      r.name,
      r.email,
      r.phone,
      r.claimStatus ? t(`export.claimStatus.${r.claimStatus as "confirmed" | "reserve"}`) : null,
      r.attendance ? t(`roster.attendance.${r.attendance}`) : null,
    ];
  });
  return new Response(toCsv([header, ...body]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="diensten-${range.from}-${range.until}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
