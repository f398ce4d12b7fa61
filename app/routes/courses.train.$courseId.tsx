import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/forms.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { IconText } from "~/components/icon-text.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { loadAttendanceRoster, recordAttendance } from "~/modules/courses/attendance.server.ts";
import { AttendanceSchema } from "~/modules/courses/training-schemas.ts";
import trainingStyles from "~/styles/training.css";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { formatTimeSpan } from "~/utils/format.ts";
import { getLanguage } from "~/utils/i18n.server.ts";
import { paramId, readId } from "~/utils/schemas.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainingStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const sessionId = readId(new URL(request.url).searchParams.get("session"));
  const roster = await loadAttendanceRoster(context.db, actor, paramId(params.courseId), {
    sessionId,
  });
  // A course the reader does not train answers like one that does not exist.
  if (!roster) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  // Written out here: the browser's date formatting may differ from the server's in its spaces.
  const sessions = roster.sessions.map((s) => ({
    ...s,
    when: formatTimeSpan(s.startsAt, s.endsAt, language),
  }));
  return {
    ...roster,
    sessions,
    session: sessions.find((s) => s.id === roster.session?.id) ?? null,
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.course.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const courseId = paramId(params.courseId);
  const submission = await readForm(request, context, AttendanceSchema);
  // Only a crafted request sends a malformed tap: the error page says so in the reader's language.
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  const { sessionId, userId, present } = submission.value;
  const outcome = await recordAttendance(context.db, actor, {
    courseId,
    sessionId,
    userId,
    present: present === "true",
  });
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  const here = `/courses/train/${courseId}?session=${sessionId}`;
  const at = `person-${userId}`;
  if (!outcome.ok)
    return redirectWithOutcome(request, context, here, {
      tone: "error",
      message: `training:refusal.${outcome.reason}`,
      at,
    });
  const message =
    outcome.completion === "unchanged"
      ? present === "true"
        ? "present"
        : "absent"
      : outcome.completion;
  return redirectWithOutcome(request, context, here, {
    tone: "success",
    message: `training:notice.${message}`,
    values: { name: outcome.name },
    at,
  });
}

export default function CourseAttendance() {
  const { t } = useTranslation("training");
  const { course, sessions, session, open, people, outcome } = useLoaderData<typeof loader>();
  const scheduled = sessions.filter((s) => !s.cancelled).length;
  return (
    <div className="page page--narrow">
      <h1>{course.title}</h1>
      <p>
        {course.organiser}
        <br />
        {course.required < scheduled
          ? t("roster.rule_min", { count: course.required })
          : t("roster.rule_all", { count: course.required })}
      </p>
      <OutcomeMessage outcome={outcome} />
      {session ? (
        <>
          <h2>{t("roster.session", { n: sessions.indexOf(session) + 1, when: session.when })}</h2>
          {session.location ? <p>{t("roster.place", { place: session.location })}</p> : null}
          <p>
            <Link to={`/courses/train/${course.id}/sheet?session=${session.id}`}>
              {t("roster.sheet")}
            </Link>
          </p>
          <h3>{t("roster.people")}</h3>
          {people.length === 0 ? (
            <p>{t("roster.nobody")}</p>
          ) : !open ? (
            <>
              <p>{session.cancelled ? t("roster.closedCancelled") : t("roster.closed")}</p>
              <ul className="plain-list">
                {people.map((person) => (
                  <li key={person.userId} id={`person-${person.userId}`}>
                    {person.name}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p>{t("roster.hint")}</p>
              <ul className="attendance-list">
                {people.map((person) => (
                  <li key={person.userId} id={`person-${person.userId}`}>
                    <Form method="post" preventScrollReset>
                      <CsrfField />
                      <input type="hidden" name="sessionId" value={session.id} />
                      <input type="hidden" name="userId" value={person.userId} />
                      <input type="hidden" name="present" value={String(!person.present)} />
                      <button
                        type="submit"
                        className="attendance-toggle"
                        aria-pressed={person.present}
                      >
                        <span className="attendance-toggle__name">{person.name}</span>
                        <span className="attendance-toggle__state">
                          {person.present ? (
                            <IconText icon="✓" text={t("roster.present")} />
                          ) : (
                            t("roster.absent")
                          )}
                          {" · "}
                          {person.completed
                            ? t("roster.completed")
                            : t("roster.attended", {
                                attended: person.attended,
                                required: course.required,
                              })}
                        </span>
                      </button>
                    </Form>
                    <OutcomeMessage outcome={outcome} at={`person-${person.userId}`} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p>{t("roster.noSessions")}</p>
      )}
      {sessions.length > 1 ? (
        <nav aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t("roster.sessions")}</h2>
          <ol className="session-list">
            {sessions.map((s, index) => (
              <li key={s.id}>
                <Link
                  to={`/courses/train/${course.id}?session=${s.id}`}
                  aria-current={s.id === session?.id ? "page" : undefined}
                >
                  {t("roster.session", { n: index + 1, when: s.when })}
                </Link>
                {s.cancelled ? ` (${t("roster.cancelled")})` : ""}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <p>
        <Link to="/courses/train">{t("roster.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("training");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: {
          text: t("roster.notFound"),
          link: { to: "/courses/train", label: t("roster.back") },
        },
      }}
    />
  );
}
