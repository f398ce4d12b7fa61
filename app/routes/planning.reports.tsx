import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/forms.tsx";
import { PlanningRangeForm } from "~/components/planning-range.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listPlannedDigibanks } from "~/modules/places/digipunten.server.ts";
import { fillRates, planningRange } from "~/modules/shifts/roster.server.ts";
import { formatDayRange, formatNumber, formatPercent } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  // Four weeks back and four ahead, unless asked otherwise.
  const range = planningRange(new URL(request.url).searchParams, { startOffset: -28, days: 56 });
  return {
    title: getFixedT(await getLanguage(request), "planning")("reports.title"),
    range,
    digibanks: await listPlannedDigibanks(context.db, actor),
    rates: await fillRates(context.db, actor, range),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function Reports() {
  const { t, i18n } = useTranslation("planning");
  const { range, digibanks, rates } = useLoaderData<typeof loader>();
  const percent = (r: { confirmed: number; capacity: number }) =>
    formatPercent(r.confirmed, r.capacity, i18n.language);
  const table = (
    caption: string,
    head: string,
    rows: ReadonlyArray<{
      key: string;
      label: string;
      confirmed: number;
      capacity: number;
      shifts: number;
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
              <td>{formatNumber(r.shifts, i18n.language)}</td>
              <td>{formatNumber(r.confirmed, i18n.language)}</td>
              <td>{formatNumber(r.capacity, i18n.language)}</td>
              <td>{percent(r)}</td>
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
      {rates.byWeek.length === 0 ? (
        <p>{t("reports.empty")}</p>
      ) : (
        <>
          <h2>{t("reports.byWeek")}</h2>
          {table(
            t("reports.byWeek"),
            t("reports.week"),
            rates.byWeek.map((r) => ({
              ...r,
              key: r.week,
              label: t("reports.weekLabel", {
                number: r.number,
                days: formatDayRange(r.monday, r.sunday, i18n.language),
              }),
            })),
          )}
          <h2>{t("reports.byDigipunt")}</h2>
          {table(
            t("reports.byDigipunt"),
            t("shift.digipunt"),
            rates.byDigipunt.map((r) => ({
              ...r,
              key: String(r.digipuntId),
              label: `${r.digipunt} (${r.digibank})`,
            })),
          )}
        </>
      )}
      <p>
        <Link to="/planning">{t("back")}</Link>
      </p>
    </div>
  );
}
