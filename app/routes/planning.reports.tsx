import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { PlanningRangeForm } from "~/components/planning-range.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listPlannedDigibanks } from "~/modules/places/digipunten.server.ts";
import { fillRates, planningRange } from "~/modules/shifts/roster.server.ts";
import { formatDayRange, formatNumber, formatPercent } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const language = await getLanguage(request);
  const t = getFixedT(language, "planning");
  // Four weeks back and four ahead, unless asked otherwise.
  const range = planningRange(new URL(request.url).searchParams, { startOffset: -28, days: 56 });
  const rates = await fillRates(context.db, actor, range);
  // Every cell is written out here, so the server and the browser show the very same text.
  const row = (
    key: string,
    label: string,
    r: { shifts: number; confirmed: number; capacity: number },
  ) => ({
    key,
    label,
    shifts: formatNumber(r.shifts, language),
    confirmed: formatNumber(r.confirmed, language),
    capacity: formatNumber(r.capacity, language),
    rate: formatPercent(r.confirmed, r.capacity, language),
  });
  return {
    title: t("reports.title"),
    range,
    digibanks: await listPlannedDigibanks(context.db, actor),
    byWeek: rates.byWeek.map((r) =>
      row(
        r.week,
        t("reports.weekLabel", {
          number: r.number,
          days: formatDayRange(r.monday, r.sunday, language),
        }),
        r,
      ),
    ),
    byDigipunt: rates.byDigipunt.map((r) =>
      row(String(r.digipuntId), `${r.digipunt} (${r.digibank})`, r),
    ),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function Reports() {
  const { t } = useTranslation("planning");
  const { t: tReports } = useTranslation("reports");
  const { range, digibanks, byWeek, byDigipunt } = useLoaderData<typeof loader>();
  const table = (
    caption: string,
    head: string,
    rows: ReadonlyArray<{
      key: string;
      label: string;
      shifts: string;
      confirmed: string;
      capacity: string;
      rate: string;
    }>,
  ) => (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">{t("reports.shifts")}</th>
            <th scope="col">{t("reports.confirmed")}</th>
            <th scope="col">{t("reports.capacity")}</th>
            <th scope="col">{t("reports.rate")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.shifts}</td>
              <td>{r.confirmed}</td>
              <td>{r.capacity}</td>
              <td>{r.rate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="page">
      <h1>{t("reports.title")}</h1>
      <p>{t("reports.intro")}</p>
      <p>
        <Link to="/reports">{tReports("fromPlanning")}</Link>
      </p>
      <PlanningRangeForm range={range} digibanks={digibanks} />
      {/* A post, so the download is recorded; reloadDocument lets the browser save the file. */}
      <Form method="post" action="/planning/export.csv" reloadDocument>
        <CsrfField />
        <input type="hidden" name="from" value={range.from} />
        <input type="hidden" name="to" value={range.until} />
        {range.digibankId ? <input type="hidden" name="digibank" value={range.digibankId} /> : null}
        <button type="submit" className="button button--secondary">
          {t("reports.export")}
        </button>
      </Form>
      {byWeek.length === 0 ? (
        <p>{t("reports.empty")}</p>
      ) : (
        <>
          <h2>{t("reports.byWeek")}</h2>
          {table(t("reports.byWeek"), t("reports.week"), byWeek)}
          <h2>{t("reports.byDigipunt")}</h2>
          {table(t("reports.byDigipunt"), t("shift.digipunt"), byDigipunt)}
        </>
      )}
      <p>
        <Link to="/planning">{t("back")}</Link>
      </p>
    </div>
  );
}
