import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { ShiftReportForm } from "~/components/shift-report-form.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  RecordedReportSchema,
  reportFormValues,
  toReportFormValues,
} from "~/modules/shift-reports/report-schemas.server.ts";
import {
  getShiftReportsForPlanner,
  recordShiftReport,
} from "~/modules/shift-reports/reports.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatNumber, formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// A shift's reports for the coordinator who plans it, and a report recorded for a volunteer who
// does not use the platform (someone on the roster, or an outside volunteer by name).

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const page = await getShiftReportsForPlanner(context.db, actor, paramId(params.shiftId));
  // Another digibank's shift answers like one that does not exist.
  if (!page) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  const t = getFixedT(language, "shiftReports");
  const { shift } = page;
  return {
    title: t("planning.title"),
    shift: {
      id: shift.id,
      digipunt: shift.digipunt,
      digibank: shift.digibank,
      when: formatTimeSpan(shift.startsAt, shift.endsAt, language),
      cancelled: shift.cancelled,
      started: shift.started,
    },
    reports: page.reports.map((r) => ({
      id: r.id,
      name: r.name,
      people: formatNumber(r.peopleHelped, language),
      duration: t("planning.duration", {
        hours: Math.floor(r.minutesWorked / 60),
        minutes: r.minutesWorked % 60,
      }),
      referrals: formatNumber(r.referrals, language),
      topics: r.topics,
      otherTopic: r.otherTopic,
      recordedBy: r.recordedBy,
    })),
    volunteers: page.withoutReport,
    values: {
      ...reportFormValues({ minutesWorked: shift.minutes, referrals: 0 }),
      volunteer: page.withoutReport.length ? "" : "outside",
      volunteerName: "",
    },
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [{ title: `${args.data.title} · ${args.data.shift.digipunt} · Digihelpers` }]
    : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const shiftId = paramId(params.shiftId);
  const here = `/planning/shifts/${shiftId}/reports`;
  const submission = await readForm(request, context, RecordedReportSchema);
  const values = toReportFormValues(submission.payload);
  if (submission.status !== "success")
    return data({ values, errors: submission.error ?? {}, refusal: null }, { status: 400 });
  const outcome = await recordShiftReport(context.db, actor, shiftId, submission.value);
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  if (!outcome.ok) return data({ values, errors: {}, refusal: outcome.reason }, { status: 400 });
  return redirectWithOutcome(request, context, here, {
    tone: "success",
    message: "shiftReports:notice.recorded",
    at: "reports",
  });
}

export default function ShiftReportsPlanning() {
  const { t } = useTranslation("shiftReports");
  const { t: tc } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { shift } = loaded;
  return (
    <div className="page">
      <p>
        <Link to={`/planning/shifts/${shift.id}`}>{t("planning.back")}</Link>
      </p>
      <h1>{t("planning.title")}</h1>
      <p className="lead">
        {shift.digipunt}, {shift.when} ({shift.digibank})
      </p>
      <p>{t("planning.intro")}</p>
      <section id="reports">
        <h2 id="reports-title">{t("planning.caption")}</h2>
        <OutcomeMessage outcome={loaded.outcome} at="reports" />
        {loaded.reports.length === 0 ? (
          <p>{t("planning.empty")}</p>
        ) : (
          // Wider than a phone: the reader scrolls it, by keyboard too.
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="reports-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("planning.name")}</th>
                  <th scope="col">{t("planning.people")}</th>
                  <th scope="col">{t("planning.hours")}</th>
                  <th scope="col">{t("planning.referralsColumn")}</th>
                  <th scope="col">{t("planning.topicsColumn")}</th>
                  <th scope="col">{t("planning.by")}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.reports.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{r.people}</td>
                    <td>{r.duration}</td>
                    <td>{r.referrals}</td>
                    <td>
                      {r.topics.map((topic) => tc(`topic.${topic}` as "topic.eid")).join(", ")}
                      {r.otherTopic ? ` (${r.otherTopic})` : null}
                    </td>
                    <td>{r.recordedBy ?? t("planning.self")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="record-title">
        <h2 id="record-title">{t("planning.recordTitle")}</h2>
        {shift.cancelled ? (
          <p>{t("planning.cancelled")}</p>
        ) : !shift.started ? (
          <p>{t("planning.notStarted")}</p>
        ) : (
          <>
            <p className="notice">{t("privacy")}</p>
            <ShiftReportForm
              key={JSON.stringify(actionData?.values ?? loaded.values)}
              values={actionData?.values ?? loaded.values}
              errors={actionData?.errors ?? {}}
              refusal={actionData?.refusal ? t(`refusal.${actionData.refusal}`) : null}
              submitLabel={t("planning.save")}
              volunteers={loaded.volunteers}
            />
          </>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("shiftReports");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("planning.notFound"), link: { to: "/planning", label: t("planning.back") } },
      }}
    />
  );
}
