import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseForm } from "~/components/course-form.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  findPlannedCourse,
  loadCourseForm,
  loadCourseFormOptions,
  updateCourse,
} from "~/modules/courses/planning.server.ts";
import {
  ADD_SESSION,
  CourseFormSchema,
  toCourseFormValues,
  withOneMoreSession,
} from "~/modules/courses/planning-schemas.ts";
import { redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  const courseId = paramId(params.courseId);
  const course = await findPlannedCourse(context.db, actor, courseId);
  // A course outside the actor's scope answers like one that does not exist.
  if (!course || course.status === "cancelled") throw new Response("Not found", { status: 404 });
  return {
    title: getFixedT(await getLanguage(request), "coursePlanning")("edit.title"),
    course: { id: course.id, title: course.title, status: course.status },
    options: await loadCourseFormOptions(context.db, actor),
    values: await loadCourseForm(context.db, courseId),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  const courseId = paramId(params.courseId);
  if (!(await findPlannedCourse(context.db, actor, courseId)))
    throw new Response("Not found", { status: 404 });
  const submission = await readForm(request, context, CourseFormSchema);
  const values = toCourseFormValues(submission.payload);
  if (submission.payload.intent === ADD_SESSION)
    return data({ values: withOneMoreSession(values), errors: {}, refusal: null });
  if (submission.status !== "success")
    return data({ values, errors: submission.error ?? {}, refusal: null }, { status: 400 });
  const outcome = await updateCourse(context.db, context.jobs, actor, courseId, submission.value);
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  if (!outcome.ok) return data({ values, errors: {}, refusal: outcome }, { status: 400 });
  return redirectWithOutcome(request, context, `/courses/manage/${courseId}`, {
    tone: "success",
    message: "coursePlanning:notice.saved",
  });
}

export default function EditCourse() {
  const { t } = useTranslation("coursePlanning");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal;
  return (
    <div className="page page--narrow">
      <h1>{t("edit.title")}</h1>
      <p>
        {loaded.course.status === "published" ? t("edit.publishedIntro") : t("edit.draftIntro")}
      </p>
      <CourseForm
        key={JSON.stringify(actionData?.values ?? null)}
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        options={loaded.options}
        refusal={refusal ? t(`refusal.${refusal.reason}`, { count: refusal.enrolled ?? 0 }) : null}
        submitLabel={t("edit.submit")}
      />
      <p>
        <Link to={`/courses/manage/${loaded.course.id}`}>{t("edit.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("coursePlanning");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("notFound"), link: { to: "/courses/manage", label: t("back") } },
      }}
    />
  );
}
