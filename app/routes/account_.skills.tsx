import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { FormMessage } from "~/components/forms.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { SkillsSchema } from "~/modules/people/account-schemas.ts";
import { listSkillHoldings, listSkills, setSkillsOf } from "~/modules/people/skills.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const [skills, holdings] = await Promise.all([
    listSkills(context.db),
    listSkillHoldings(context.db, actor.id),
  ]);
  const language = await getLanguage(request);
  // The date written out here, so server and browser show the same text.
  const earned = holdings
    .filter((h) => h.source === "course")
    .map((h) => ({
      code: h.code,
      courseTitle: h.courseTitle,
      date: formatDateTime(h.earnedAt!, language, { dateStyle: "long" }),
    }));
  const earnedCodes = new Set(earned.map((h) => h.code));
  return {
    title: getFixedT(language, "account")("skills.title"),
    // Tick boxes only for what a person may declare and has not earned already.
    declarable: skills
      .filter((s) => !s.courseOnly && !earnedCodes.has(s.code))
      .map((s) => s.code as string),
    courseOnly: skills
      .filter((s) => s.courseOnly && !earnedCodes.has(s.code))
      .map((s) => s.code as string),
    earned,
    mine: holdings.filter((h) => h.source === "declared").map((h) => h.code),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const submission = await readForm(request, context, SkillsSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), refused: null }, { status: 400 });
  }
  const outcome = await setSkillsOf(context.db, actor.id, submission.value.skill);
  // A skill only a course grants was sent (a crafted request, or marked while the form was open).
  if (!outcome.ok)
    return data({ result: submission.reply(), refused: outcome.codes }, { status: 422 });
  throw await redirectWithOutcome(request, context, "/account/skills", {
    tone: "success",
    message: "account:skills.saved",
  });
}

export default function AccountSkills() {
  const { t } = useTranslation("account");
  const { t: tTraining } = useTranslation("training");
  const { t: tCommon } = useTranslation();
  const { declarable, courseOnly, earned, mine, outcome } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>()?.refused;
  const label = (code: string) => tCommon(`skill.${code}` as never, code);
  return (
    <div className="page page--narrow">
      <h1>{t("skills.title")}</h1>
      <p>{t("skills.intro")}</p>
      <OutcomeMessage outcome={outcome} />
      <FormMessage>
        {refused?.length
          ? tTraining("earned.refused", {
              count: refused.length,
              skills: refused.map(label).join(", "),
            })
          : null}
      </FormMessage>
      {earned.length ? (
        <section aria-labelledby="earned-heading">
          <h2 id="earned-heading">{tTraining("earned.title")}</h2>
          <ul className="plain-list">
            {earned.map(({ code, courseTitle, date }) => (
              <li key={code}>
                <strong>{label(code)}</strong>
                <br />
                {courseTitle
                  ? tTraining("earned.item", { date, course: courseTitle })
                  : tTraining("earned.itemNoCourse", { date })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="stack">
        <CsrfField />
        <fieldset className="choices">
          <legend>{t("skills.legend")}</legend>
          {declarable.map((code) => (
            <div className="check" key={code}>
              <input
                type="checkbox"
                id={`skill-${code}`}
                name="skill"
                value={code}
                defaultChecked={mine.includes(code)}
              />
              <label htmlFor={`skill-${code}`}>{label(code)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("skills.submit")}
        </button>
      </Form>
      {courseOnly.length ? (
        <section aria-labelledby="course-only-heading">
          <h2 id="course-only-heading">{tTraining("earned.courseOnly")}</h2>
          <p>{tTraining("earned.courseOnlyIntro")}</p>
          <ul className="plain-list">
            {courseOnly.map((code) => (
              <li key={code}>{label(code)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to="/account">{t("skills.back")}</Link>
      </p>
    </div>
  );
}
