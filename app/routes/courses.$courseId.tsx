import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CourseActionButton } from "~/components/course-actions.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { getCourseDetail } from "~/modules/courses/catalog.server.ts";
import { COURSE_INTENTS, actOnCourse } from "~/modules/courses/enrolment.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

const CourseActionSchema = z.object({ intent: z.enum(COURSE_INTENTS) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const course = await getCourseDetail(context.db, actor, paramId(params.courseId));
  // A course the reader may not see answers as if it did not exist.
  if (!course) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  const day = (iso: string) =>
    formatDateTime(new Date(iso), language, { dateStyle: "long", timeStyle: "short" });
  return {
    course,
    // Formatted here, so the server and the browser show the very same text.
    when: course.sessions.map((s) =>
      formatTimeSpan(new Date(s.startsAt), new Date(s.endsAt), language),
    ),
    opens: day(course.opensAt),
    closes: day(course.closesAt),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.course.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const courseId = paramId(params.courseId);
  const submission = await readForm(request, context, CourseActionSchema);
  // The buttons send only fixed values: anything else was not sent from this page.
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const outcome = await actOnCourse(context.db, context.jobs, actor, {
    intent: submission.value.intent,
    courseId,
  });
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  // Success or refusal alike, back to the page: it shows the course and the enrolment as they are now.
  throw await redirectWithOutcome(request, context, `/courses/${courseId}`, outcome);
}

export default function CoursePage() {
  const { t } = useTranslation("courses");
  const { t: tc } = useTranslation();
  const { course, when, opens, closes, outcome } = useLoaderData<typeof loader>();
  const skillName = (code: string) => tc(`skill.${code}` as "skill.eid", code);
  const live = course.status === "published";

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/courses">{t("course.back")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="lead">
        {t(`theme.${course.theme}`)} · {course.organiserName}
      </p>
      <OutcomeMessage outcome={outcome} />

      {course.status === "cancelled" ? (
        <div className="notice notice--error">
          <p>{t("course.cancelled")}</p>
          {course.cancelReason ? (
            <p>{t("course.cancelReason", { reason: course.cancelReason })}</p>
          ) : null}
        </div>
      ) : null}
      {course.status === "draft" ? <p className="notice">{t("course.draft")}</p> : null}

      {course.myStatus === "enrolled" ? (
        <div className="course-mine">
          <p className="course-state">
            <strong>{t("my.enrolled")}</strong>
          </p>
          <p>{t("course.nextEnrolled")}</p>
        </div>
      ) : null}
      {course.myStatus === "waiting" ? (
        <div className="course-mine">
          <p className="course-state">
            <strong>{t("my.waiting", { position: course.myPosition ?? 1 })}</strong>
          </p>
          <p>{t("course.nextWaiting")}</p>
        </div>
      ) : null}

      <div className="shift-actions">
        {course.can.enrol ? <CourseActionButton intent="enrol" text={t("actions.enrol")} /> : null}
        {course.can.wait ? (
          <>
            <p>{t("course.full")}</p>
            <CourseActionButton intent="enrol" text={t("actions.wait")} />
          </>
        ) : null}
        {course.can.cancel ? (
          <CourseActionButton
            intent="cancel"
            tone="secondary"
            text={t(course.myStatus === "waiting" ? "actions.leaveWaiting" : "actions.cancel")}
          />
        ) : null}
      </div>
      {course.myStatus === "enrolled" && !course.can.cancel ? <p>{t("course.started")}</p> : null}
      {live && course.myStatus === null && !course.isInAudience ? (
        <p>{t("course.notInAudience")}</p>
      ) : null}

      <dl className="details">
        <dt>{t("course.places")}</dt>
        <dd>
          {course.freePlaces > 0
            ? t("places.free", { count: course.freePlaces, capacity: course.capacity })
            : t("places.full", { capacity: course.capacity })}
          {course.waitingCount > 0 ? (
            <>
              <br />
              {t("places.waiting", { count: course.waitingCount })}
            </>
          ) : null}
        </dd>
        <dt>{t("course.window")}</dt>
        <dd>{t(`window.${course.window}`, { opens, closes })}</dd>
        <dt>{t("course.prerequisites")}</dt>
        <dd>
          {course.missing.skillCode || course.missing.courseTitle ? (
            <>
              {course.missing.skillCode ? (
                <>
                  {t("prerequisites.skill", { skill: skillName(course.missing.skillCode) })}.{" "}
                  <Link to="/account/skills">{t("prerequisites.skillsLink")}</Link>
                  <br />
                </>
              ) : null}
              {course.missing.courseTitle
                ? t("prerequisites.course", { course: course.missing.courseTitle })
                : null}
            </>
          ) : (
            t("prerequisites.met")
          )}
        </dd>
        <dt>{t("course.audience")}</dt>
        <dd>{t(`audience.${course.audience}`)}</dd>
        <dt>{t("course.organiser")}</dt>
        <dd>{course.organiserName}</dd>
      </dl>

      {course.description ? (
        <>
          <h2>{t("course.description")}</h2>
          <p className="course-description">{course.description}</p>
        </>
      ) : null}

      <h2>{t("course.sessionsTitle")}</h2>
      <ol className="plain-list course-sessions">
        {course.sessions.map((session, index) => (
          <li
            key={session.id}
            className={session.cancelled ? "course-session--cancelled" : undefined}
          >
            <p>
              <strong>{when[index]}</strong>
              {session.cancelled ? ` · ${t("course.sessionCancelled")}` : null}
            </p>
            <p>
              {session.place ?? t("course.online")}
              {session.onlineUrl ? (
                <>
                  {" · "}
                  <a href={session.onlineUrl}>{t("course.onlineLink")}</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>

      <h2>{t("course.trainersTitle")}</h2>
      {course.trainers.length === 0 ? (
        <p>{t("course.noTrainers")}</p>
      ) : (
        <ul className="plain-list">
          {course.trainers.map((name, index) => (
            <li key={index}>{name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("courses");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("course.notFound"), link: { to: "/courses", label: t("course.back") } },
      }}
    />
  );
}
