import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseForm } from "~/components/course-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { createCourse, loadCourseFormOptions } from "~/modules/courses/planning.server.ts";
import {
  ADD_SESSION,
  CourseFormSchema,
  type CourseFormValues,
  emptySession,
  toCourseFormValues,
  withOneMoreSession,
} from "~/modules/courses/planning-schemas.ts";
import { redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  const options = await loadCourseFormOptions(context.db, actor);
  const values: CourseFormValues = {
    ...toCourseFormValues({}),
    scope: options.scopes[0]?.value ?? "",
    theme: "digital_skills",
    audience: "everyone",
    capacity: "12",
    opensTime: "09:00",
    closesTime: "12:00",
    sessions: [emptySession()],
  };
  return {
    title: getFixedT(await getLanguage(request), "coursePlanning")("new.title"),
    options,
    values,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  const submission = await readForm(request, context, CourseFormSchema);
  const values = toCourseFormValues(submission.payload);
  // One more session row, nothing saved: the form comes back as typed.
  if (submission.payload.intent === ADD_SESSION)
    return data({ values: withOneMoreSession(values), errors: {}, refusal: null });
  if (submission.status !== "success")
    return data({ values, errors: submission.error ?? {}, refusal: null }, { status: 400 });
  const outcome = await createCourse(context.db, actor, submission.value);
  if (!outcome.ok) return data({ values, errors: {}, refusal: outcome }, { status: 400 });
  return redirectWithOutcome(request, context, `/courses/manage/${outcome.courseId}`, {
    tone: "success",
    message: "coursePlanning:notice.created",
  });
}

export default function NewCourse() {
  const { t } = useTranslation("coursePlanning");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal;
  return (
    <div className="page page--narrow">
      <h1>{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      <CourseForm
        // A fresh form for each answer, so the fields show what the server sent back.
        key={JSON.stringify(actionData?.values ?? null)}
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        options={loaded.options}
        refusal={refusal ? t(`refusal.${refusal.reason}`, { count: refusal.enrolled ?? 0 }) : null}
        submitLabel={t("new.submit")}
      />
      <p>
        <Link to="/courses/manage">{t("back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
