import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { SkillsSchema } from "~/modules/people/account-schemas.ts";
import { getSkillsOf, listSkills, setSkillsOf } from "~/modules/people/skills.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const [skills, mine] = await Promise.all([
    listSkills(context.db),
    getSkillsOf(context.db, actor.id),
  ]);
  return {
    title: getFixedT(await getLanguage(request), "account")("skills.title"),
    skills: skills.map((skill) => skill.code),
    mine,
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
    return data({ result: submission.reply() }, { status: 400 });
  }
  await setSkillsOf(context.db, actor.id, submission.value.skill);
  throw await redirectWithOutcome(request, context, "/account/skills", {
    tone: "success",
    message: "account:skills.saved",
  });
}

export default function AccountSkills() {
  const { t } = useTranslation("account");
  const { t: tCommon } = useTranslation();
  const { skills, mine, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t("skills.title")}</h1>
      <p>{t("skills.intro")}</p>
      <OutcomeMessage outcome={outcome} />
      <Form method="post" className="stack">
        <CsrfField />
        <fieldset className="choices">
          <legend>{t("skills.legend")}</legend>
          {skills.map((code) => (
            <div className="check" key={code}>
              <input
                type="checkbox"
                id={`skill-${code}`}
                name="skill"
                value={code}
                defaultChecked={mine.includes(code)}
              />
              <label htmlFor={`skill-${code}`}>{tCommon(`skill.${code}`, code)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("skills.submit")}
        </button>
      </Form>
      <p>
        <Link to="/account">{t("skills.back")}</Link>
      </p>
    </div>
  );
}
