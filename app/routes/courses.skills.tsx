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
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { CourseOnlySchema } from "~/modules/courses/training-schemas.ts";
import { listSkills, setSkillCourseOnly } from "~/modules/people/skills.server.ts";
import trainingStyles from "~/styles/training.css";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: trainingStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, { action: "manage_skills" });
  return {
    title: getFixedT(await getLanguage(request), "training")("skills.title"),
    skills: await listSkills(context.db),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context }: ActionFunctionArgs) {
  await requirePermission(request, context, { action: "manage_skills" });
  const submission = await readForm(request, context, CourseOnlySchema);
  // Only a crafted request sends something else than the buttons do.
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  const { skill, courseOnly } = submission.value;
  const outcome = await setSkillCourseOnly(context.db, skill, courseOnly === "true");
  if (!outcome.ok) throw new Response("Not found", { status: 404 });
  const label = getFixedT(await getLanguage(request))(`skill.${skill}` as never, skill);
  return redirectWithOutcome(request, context, "/courses/skills", {
    tone: "success",
    message: courseOnly === "true" ? "training:skills.marked" : "training:skills.unmarked",
    values: { skill: label, count: outcome.removedDeclarations },
    at: `skill-${skill}`,
  });
}

export default function CourseOnlySkills() {
  const { t } = useTranslation("training");
  const { t: tc } = useTranslation();
  const { skills, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t("skills.title")}</h1>
      <p>{t("skills.intro")}</p>
      <p>{t("skills.consequence")}</p>
      <ul className="attendance-list">
        {skills.map((skill) => (
          <li key={skill.code} id={`skill-${skill.code}`}>
            <Form method="post" preventScrollReset>
              <CsrfField />
              <input type="hidden" name="skill" value={skill.code} />
              <input type="hidden" name="courseOnly" value={String(!skill.courseOnly)} />
              <button type="submit" className="attendance-toggle" aria-pressed={skill.courseOnly}>
                <span className="attendance-toggle__name">
                  {tc(`skill.${skill.code}`, skill.code)}
                </span>
                <span className="attendance-toggle__state">
                  {skill.courseOnly ? (
                    <IconText icon="✓" text={t("skills.courseOnly")} />
                  ) : (
                    t("skills.declarable")
                  )}
                </span>
              </button>
            </Form>
            <OutcomeMessage outcome={outcome} at={`skill-${skill.code}`} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/courses/train">{t("roster.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
