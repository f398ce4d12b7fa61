import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listTrainedCourses } from "~/modules/courses/attendance.server.ts";
import trainingStyles from "~/styles/training.css";
import { formatTimeSpan } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainingStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const language = await getLanguage(request);
  const courses = await listTrainedCourses(context.db, actor);
  return {
    title: getFixedT(language, "training")("index.title"),
    manageSkills: may(actor, { action: "manage_skills" }),
    // Written out here: the browser's date formatting may differ from the server's in its spaces.
    courses: courses.map((c) => ({
      ...c,
      next: c.nextSession
        ? formatTimeSpan(c.nextSession.startsAt, c.nextSession.endsAt, language)
        : null,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export default function TrainedCourses() {
  const { t } = useTranslation("training");
  const { courses, manageSkills } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t("index.title")}</h1>
      <p>{t("index.intro")}</p>
      {courses.length === 0 ? (
        <p>{t("index.empty")}</p>
      ) : (
        <ul className="cards">
          {courses.map((course) => (
            <li className="card" key={course.id}>
              <h2>
                <Link to={`/courses/train/${course.id}`}>{course.title}</Link>
              </h2>
              <p>
                {course.organiser} · {t("index.enrolled", { count: course.enrolled })}
                <br />
                {course.trainer ? t("index.trainer") : t("index.planner")}
              </p>
              <p>{course.next ? t("index.next", { when: course.next }) : t("index.over")}</p>
            </li>
          ))}
        </ul>
      )}
      {manageSkills ? (
        <p>
          <Link to="/courses/skills">{t("skills.title")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
