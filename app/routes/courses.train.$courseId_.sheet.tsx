import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { loadAttendanceRoster } from "~/modules/courses/attendance.server.ts";
import trainingStyles from "~/styles/training.css";
import { formatTimeSpan } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId, readId } from "~/utils/schemas.ts";

// A sign-in sheet to print for one session: the people enrolled and an empty column to sign.
// The print stylesheet (training.css) leaves out the site's header, footer and these hints.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainingStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const sessionId = readId(new URL(request.url).searchParams.get("session"));
  const roster = await loadAttendanceRoster(context.db, actor, paramId(params.courseId), {
    sessionId,
  });
  if (!roster?.session) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  const t = getFixedT(language, "training");
  return {
    title: `${t("sheet.title")}: ${roster.course.title}`,
    course: roster.course,
    session: roster.session,
    when: formatTimeSpan(roster.session.startsAt, roster.session.endsAt, language),
    number: roster.sessions.indexOf(roster.session) + 1,
    people: roster.people.map((p) => ({ userId: p.userId, name: p.name })),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export default function SignInSheet() {
  const { t } = useTranslation("training");
  const { title, course, session, number, people, when } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{title}</h1>
      <p>
        {course.organiser}
        <br />
        {t("roster.session", { n: number, when })}
        {session.location ? (
          <>
            <br />
            {t("roster.place", { place: session.location })}
          </>
        ) : null}
      </p>
      <p className="no-print">{t("sheet.printHint")}</p>
      <table className="sign-in-sheet">
        <thead>
          <tr>
            <th scope="col">{t("sheet.number")}</th>
            <th scope="col">{t("sheet.name")}</th>
            <th scope="col" className="sign-in-sheet__signature">
              {t("sheet.signature")}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person, index) => (
            <tr key={person.userId}>
              <td>{index + 1}</td>
              <td>{person.name}</td>
              <td></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="no-print">
        <Link to={`/courses/train/${course.id}?session=${session.id}`}>{t("sheet.back")}</Link>
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
