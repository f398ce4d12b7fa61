import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { ShiftReportForm } from "~/components/shift-report-form.tsx";
import type { ReportFormValues } from "~/modules/shift-reports/form-values.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  OwnReportSchema,
  reportFormValues,
  toReportFormValues,
} from "~/modules/shift-reports/report-schemas.server.ts";
import { getOwnReportPage, saveOwnReport } from "~/modules/shift-reports/reports.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { navigationFor } from "~/utils/navigation.ts";
import { paramId } from "~/utils/schemas.ts";

// The volunteer's report on a shift they worked: filed once, corrected for 14 days, then read-only.

/** The community board takes a reflection to share once it exists (its menu entry says so). */
const BOARD_EXISTS = navigationFor(["volunteer"]).some((item) => item.key === "community");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const page = await getOwnReportPage(context.db, actor, paramId(params.shiftId));
  if (page.denied) throw new Response(null, { status: page.denied });
  const language = await getLanguage(request);
  const { shift, report } = page;
  const day = (d: Date) =>
    formatDateTime(d, language, { day: "numeric", month: "long", year: "numeric" });
  return {
    title: getFixedT(language, "shiftReports")("title"),
    shift: {
      id: shift.id,
      digipunt: shift.digipunt,
      when: formatTimeSpan(shift.startsAt, shift.endsAt, language),
      cancelled: shift.cancelled,
      started: shift.started,
    },
    report: report
      ? {
          filedOn: day(report.createdAt),
          byCoordinator: report.recordedBy !== null,
          shareHref: BOARD_EXISTS && report.reflection ? `/community?from=${report.id}` : null,
        }
      : null,
    editUntil: page.correctableUntil && page.canEdit ? day(page.correctableUntil) : null,
    canEdit: page.canEdit,
    values: report
      ? reportFormValues(report)
      : reportFormValues({ minutesWorked: shift.minutes, referrals: 0 }),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [{ title: `${args.data.title} · ${args.data.shift.digipunt} · Digihelpers` }]
    : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const shiftId = paramId(params.shiftId);
  const here = `/shifts/${shiftId}/report`;
  const submission = await readForm(request, context, OwnReportSchema);
  const values = toReportFormValues(submission.payload);
  if (submission.status !== "success")
    return data({ values, errors: submission.error ?? {}, refusal: null }, { status: 400 });
  const outcome = await saveOwnReport(context.db, actor, shiftId, submission.value);
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  if (!outcome.ok) {
    // Typed text stays when something in it is to be fixed; otherwise the page as it is now.
    if (outcome.reason === "sensitive")
      return data({ values, errors: {}, refusal: outcome.reason }, { status: 400 });
    return redirectWithOutcome(request, context, here, {
      tone: "error",
      message: `shiftReports:refusal.${outcome.reason}`,
    });
  }
  return redirectWithOutcome(request, context, here, {
    tone: "success",
    message: outcome.created ? "shiftReports:notice.filed" : "shiftReports:notice.corrected",
  });
}

export default function ShiftReportPage() {
  const { t } = useTranslation("shiftReports");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { shift, report } = loaded;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/shifts/${shift.id}`}>{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">
        {shift.digipunt}, {shift.when}
      </p>
      <OutcomeMessage outcome={loaded.outcome} />
      {report?.shareHref ? (
        <p>
          <Link to={report.shareHref}>{t("share")}</Link>
        </p>
      ) : null}
      {shift.cancelled && !report ? (
        <p>{t("cancelled")}</p>
      ) : !shift.started ? (
        <p>{t("notStarted")}</p>
      ) : (
        <>
          {report ? (
            <p>
              {t("filedOn", { date: report.filedOn })}{" "}
              {report.byCoordinator ? t("recordedBy") : null}{" "}
              {loaded.editUntil ? t("editUntil", { date: loaded.editUntil }) : null}
            </p>
          ) : (
            <p>{t("intro")}</p>
          )}
          {loaded.canEdit ? (
            <>
              <p className="notice">{t("privacy")}</p>
              <ShiftReportForm
                // A fresh form for each answer, so the fields show what the server sent back.
                key={JSON.stringify(actionData?.values ?? loaded.values)}
                values={actionData?.values ?? loaded.values}
                errors={actionData?.errors ?? {}}
                refusal={actionData?.refusal ? t(`refusal.${actionData.refusal}`) : null}
                submitLabel={report ? t("form.saveChanges") : t("form.save")}
              />
            </>
          ) : (
            <>
              <p>{t("locked")}</p>
              <ReadOnlyReport values={loaded.values} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function ReadOnlyReport({ values }: { values: ReportFormValues }) {
  const { t } = useTranslation("shiftReports");
  const { t: tc } = useTranslation();
  return (
    <dl className="details">
      <dt>{t("form.peopleHelped")}</dt>
      <dd>{values.peopleHelped}</dd>
      <dt>{t("form.topics")}</dt>
      <dd>
        {values.topics.map((topic) => tc(`topic.${topic}` as "topic.eid")).join(", ") || "–"}
        {values.otherTopic ? ` (${values.otherTopic})` : null}
      </dd>
      <dt>{t("form.worked")}</dt>
      <dd>{t("planning.duration", { hours: values.hours, minutes: values.minutes })}</dd>
      <dt>{t("form.referrals")}</dt>
      <dd>{values.referrals}</dd>
      {values.reflection ? (
        <>
          <dt>{t("form.reflection")}</dt>
          <dd className="pre-line">{values.reflection}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("shiftReports");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("notFound"), link: { to: "/shifts/list", label: t("back") } },
        403: { text: t("notOnShift"), link: { to: "/shifts/list?mine=1", label: t("back") } },
      }}
    />
  );
}
