import { type LoaderFunctionArgs, type MetaFunction, data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart, ColumnChart, ProgressChart } from "~/components/charts.tsx";
import { CsrfField } from "~/components/csrf-field.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { buildReport, listReportDigibanks } from "~/modules/reports/figures.server.ts";
import { filterParams, readReportFilter } from "~/modules/reports/filter.server.ts";
import { reportView } from "~/modules/reports/view.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The funder's reports: figures per digibank, digipunt and month for a period, with charts, a
// table per level and a CSV download. Coordinators see their digibanken, regional staff their
// region's, admins all; another digibank is a page that does not exist.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "view_any_reports" });
  const language = await getLanguage(request);
  const t = getFixedT(language, "reports");
  const parsed = readReportFilter(new URL(request.url).searchParams);
  const digibanks = await listReportDigibanks(context.db, actor);
  const page = {
    title: t("title"),
    filter: parsed.filter,
    exportFields: filterParams(parsed.filter),
    digibanks: digibanks.map(({ id, name }) => ({ id, name })),
    mayPlan: may(actor, { action: "plan_any_shifts" }),
  };
  if (!parsed.ok)
    return data({ ...page, error: t(`errors.${parsed.error}`), view: null }, { status: 400 });
  const outcome = await buildReport(context.db, actor, parsed.filter);
  if (!outcome.ok) throw new Response("Not Found", { status: 404 });
  return {
    ...page,
    error: null,
    view: reportView(outcome.report, parsed.filter, language),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function Reports() {
  const { t } = useTranslation("reports");
  const { filter, exportFields, digibanks, mayPlan, error, view } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {mayPlan ? (
        <p>
          <Link to="/planning/reports">{t("planningLink")}</Link>
        </p>
      ) : null}

      <Form method="get" className="stack" aria-labelledby="filter-legend">
        <fieldset>
          <legend id="filter-legend">{t("filter.legend")}</legend>
          <fieldset>
            <legend>{t("filter.period")}</legend>
            {(["month", "year", "range"] as const).map((kind) => (
              <div className="choice" key={kind}>
                <input
                  type="radio"
                  id={`period-${kind}`}
                  name="period"
                  value={kind}
                  defaultChecked={filter.kind === kind}
                />
                <label htmlFor={`period-${kind}`}>{t(`filter.kind.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="filter-month">{t("filter.month")}</label>
            <input id="filter-month" name="month" type="month" defaultValue={filter.month} />
          </div>
          <div className="field">
            <label htmlFor="filter-year">{t("filter.year")}</label>
            <input
              id="filter-year"
              name="year"
              type="number"
              min={2000}
              max={2100}
              defaultValue={filter.year}
            />
          </div>
          <div className="field">
            <label htmlFor="filter-from">{t("filter.from")}</label>
            <input id="filter-from" name="from" type="date" defaultValue={filter.from} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("filter.to")}</label>
            <input id="filter-to" name="to" type="date" defaultValue={filter.until} />
          </div>
          {digibanks.length > 1 ? (
            <div className="field">
              <label htmlFor="filter-digibank">{t("filter.digibank")}</label>
              <select id="filter-digibank" name="digibank" defaultValue={filter.digibankId ?? ""}>
                <option value="">{t("filter.allDigibanks")}</option>
                {digibanks.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="filter-level">{t("filter.level")}</label>
            <select id="filter-level" name="level" defaultValue={filter.level}>
              {(["digibank", "digipunt", "month"] as const).map((level) => (
                <option key={level} value={level}>
                  {t(`level.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("filter.submit")}
          </button>
        </fieldset>
      </Form>

      {error ? (
        <div className="notice notice--error" role="alert">
          <h2>{t("errors.title")}</h2>
          <p>{error}</p>
        </div>
      ) : null}
      {view ? <ReportBody view={view} exportFields={exportFields} /> : null}
    </div>
  );
}

type View = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["view"]>;

function ReportBody({ view, exportFields }: { view: View; exportFields: Record<string, string> }) {
  const { t } = useTranslation("reports");
  if (view.digibankCount === 0) return <p>{t("none")}</p>;
  return (
    <>
      <section aria-labelledby="summary-title">
        <h2 id="summary-title">{t("summary.title", { period: view.period })}</h2>
        <p>{t("summary.scope", { count: view.digibankCount })}</p>
        <dl className="figures">
          {view.summary.map((item) => (
            <div key={item.key}>
              <dt>{item.label}</dt>
              <dd>
                {item.value}
                {item.note ? <span className="muted"> ({item.note})</span> : null}
              </dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t("summary.howCounted")}</p>
        {/* A post, so the download is recorded; reloadDocument lets the browser save the file. */}
        <Form method="post" action="/reports/export.csv" reloadDocument>
          <CsrfField />
          {Object.entries(exportFields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button button--secondary">
            {t("export.button")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="chart-months-heading">
        <h2 id="chart-months-heading">{t("chart.perMonth")}</h2>
        <ColumnChart id="chart-months" title={t("chart.perMonth")} data={view.perMonth} />
        <details>
          <summary>{t("chart.table")}</summary>
          <SimpleTable
            caption={t("chart.perMonth")}
            head={[t("chart.month"), t("summary.peopleHelped")]}
            rows={view.perMonth.map((d) => [d.key, d.label, d.text])}
          />
        </details>
      </section>

      <section aria-labelledby="chart-topics-heading">
        <h2 id="chart-topics-heading">{t("chart.topics")}</h2>
        {view.topics.length ? (
          <>
            <BarChart id="chart-topics" title={t("chart.topics")} data={view.topics} />
            <details>
              <summary>{t("chart.table")}</summary>
              <SimpleTable
                caption={t("chart.topics")}
                head={[t("chart.topic"), t("chart.reports")]}
                rows={view.topics.map((d) => [d.key, d.label, d.text])}
              />
            </details>
          </>
        ) : (
          <p>{t("chart.noData")}</p>
        )}
      </section>

      <section aria-labelledby="chart-target-heading">
        <h2 id="chart-target-heading">{t("chart.target")}</h2>
        <p>{t("chart.targetIntro")}</p>
        <ProgressChart id="chart-target" title={t("chart.target")} data={view.target} />
        <details>
          <summary>{t("chart.table")}</summary>
          <SimpleTable
            caption={t("chart.target")}
            head={[
              t("chart.digibank"),
              t("chart.since"),
              t("chart.helped"),
              t("chart.goal"),
              t("chart.share"),
            ]}
            rows={view.targetRows}
          />
        </details>
      </section>

      <section aria-labelledby="level-title">
        <h2 id="level-title">{view.levelTitle}</h2>
        {/* Focusable, so a keyboard can scroll a table wider than the phone. */}
        <div className="table-scroll" tabIndex={0} role="group" aria-label={view.levelCaption}>
          <table>
            <caption>{view.levelCaption}</caption>
            <thead>
              <tr>
                {view.levelHead.map((cell) => (
                  <th key={cell} scope="col">
                    {cell}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.levelRows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** A table of strings: the first cell of each row is its key, the second its heading. */
function SimpleTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string[];
  rows: string[][];
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, label, ...cells]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
