import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { PlanningRangeForm } from "~/components/planning-range.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listPlannedDigibanks } from "~/modules/places/digipunten.server.ts";
import { listPlannedShifts, planningRange } from "~/modules/shifts/roster.server.ts";
import { readOutcome } from "~/utils/flash.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const range = planningRange(new URL(request.url).searchParams);
  return {
    title: getFixedT(await getLanguage(request), "planning")("home.title"),
    range,
    digibanks: await listPlannedDigibanks(context.db, actor),
    shifts: await listPlannedShifts(context.db, actor, range),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function Planning() {
  const { t, i18n } = useTranslation("planning");
  const { range, digibanks, shifts, outcome } = useLoaderData<typeof loader>();

  return (
    <div className="page">
      <h1>{t("home.title")}</h1>
      <p>{t("home.intro")}</p>
      <OutcomeMessage outcome={outcome} />
      <ul className="plain-list links">
        <li>
          <Link to="/planning/shifts/new">{t("home.newShift")}</Link>
        </li>
        <li>
          <Link to="/planning/digipunten">{t("home.digipunten")}</Link>
        </li>
        <li>
          <Link to="/planning/reports">{t("home.reports")}</Link>
        </li>
        <li>
          <Link to="/courses/manage">{t("home.courses")}</Link>
        </li>
      </ul>
      <PlanningRangeForm range={range} digibanks={digibanks} />
      <h2>{t("home.upcoming")}</h2>
      {shifts.length === 0 ? (
        <p>{t("home.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("home.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("shift.when")}</th>
                <th scope="col">{t("shift.digipunt")}</th>
                <th scope="col">{t("shift.filled")}</th>
              </tr>
            </thead>
            <tbody>
              {shifts.map((shift) => (
                <tr key={shift.id}>
                  <th scope="row">
                    <Link to={`/planning/shifts/${shift.id}`}>
                      {formatDateTime(new Date(shift.startsAt), i18n.language, {
                        weekday: "short",
                        day: "numeric",
                        month: "short",
                        hour: "2-digit",
                        minute: "2-digit",
                      })}
                    </Link>
                  </th>
                  <td>
                    {shift.digipunt}
                    <br />
                    <span className="muted">{shift.digibank}</span>
                  </td>
                  <td>
                    {shift.status === "cancelled"
                      ? t("shift.cancelled")
                      : t("shift.fill", { confirmed: shift.confirmed, capacity: shift.capacity })}
                    {/* Only with something in it: an empty list is still read out ("list, 0 items"). */}
                    {shift.reserve > 0 || shift.releaseRequests > 0 ? (
                      <ul className="plain-list">
                        {shift.reserve > 0 ? (
                          <li>{t("shift.reserveCount", { count: shift.reserve })}</li>
                        ) : null}
                        {shift.releaseRequests > 0 ? (
                          <li>{t("shift.releaseRequests", { count: shift.releaseRequests })}</li>
                        ) : null}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
