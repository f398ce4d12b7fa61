import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listPlannedCourses } from "~/modules/courses/planning.server.ts";
import { readOutcome } from "~/utils/flash.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

const STATUSES = ["draft", "published", "cancelled"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  return {
    title: getFixedT(await getLanguage(request), "coursePlanning")("title"),
    courses: await listPlannedCourses(context.db, actor),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function ManageCourses() {
  const { t, i18n } = useTranslation("coursePlanning");
  const { courses, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{t("list.intro")}</p>
      <OutcomeMessage outcome={outcome} />
      <p>
        <Link className="button" to="/courses/manage/new">
          {t("list.new")}
        </Link>
      </p>
      {STATUSES.map((status) => {
        const list = courses.filter((c) => c.status === status);
        return (
          <section key={status} aria-labelledby={`courses-${status}`}>
            <h2 id={`courses-${status}`}>{t(`list.heading.${status}`)}</h2>
            {list.length === 0 ? (
              <p>{t("list.empty")}</p>
            ) : (
              <ul className="cards">
                {list.map((course) => (
                  <li key={course.id} className="card">
                    <h3>
                      <Link to={`/courses/manage/${course.id}`}>{course.title}</Link>
                    </h3>
                    <p>
                      {course.organiser}
                      {course.firstSession ? (
                        <>
                          <br />
                          {t("list.starts", {
                            when: formatDateTime(new Date(course.firstSession), i18n.language, {
                              dateStyle: "long",
                              timeStyle: "short",
                            }),
                          })}
                        </>
                      ) : null}
                      <br />
                      {t("list.fill", { enrolled: course.enrolled, capacity: course.capacity })}
                      {course.waiting > 0
                        ? ` · ${t("list.waiting", { count: course.waiting })}`
                        : null}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
