import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { loadExperience } from "~/modules/experience/figures.server.ts";
import { readYear } from "~/modules/experience/period.server.ts";
import { describeExperience } from "~/modules/experience/view.server.ts";
import experienceStyles from "~/styles/experience.css";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// My experience: what the signed-in person's own work adds up to, per year or over all time. There
// is no id in the address: nobody sees another's experience here.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: experienceStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  // Their own figures: theirs to see (asked all the same, as every page does).
  if (!may(actor, { action: "view_profile", person: actor }))
    throw new Response("Forbidden", { status: 403 });
  const language = await getLanguage(request);
  const t = getFixedT(language, "experience");
  const year = readYear(new URL(request.url).searchParams);
  const experience = await loadExperience(context.db, actor.id, {
    year: year.ok ? year.value : null,
  });
  if (!experience) throw new Response("Not Found", { status: 404 });
  const page = {
    title: t("title"),
    error: year.ok ? null : t(year.error.replace("experience:", "") as "errors.year"),
    year: year.ok ? year.value : null,
    years: experience.years,
    view: year.ok ? describeExperience(experience, language) : null,
  };
  return year.ok ? page : data(page, { status: 400 });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Digihelpers` },
];

export default function MyExperience() {
  const { t } = useTranslation("experience");
  const { error, year, years, view } = useLoaderData<typeof loader>();
  const periodName = year ? t("period.year", { year }) : t("period.all");
  return (
    <div className="page page--narrow experience">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <Form method="get" className="experience-period" aria-labelledby="period-legend">
        <div className="field">
          <label htmlFor="period-year" id="period-legend">
            {t("period.label")}
          </label>
          <select
            id="period-year"
            name="year"
            defaultValue={year ? String(year) : "all"}
            aria-describedby={error ? "period-error" : undefined}
            aria-invalid={error ? true : undefined}
          >
            <option value="all">{t("period.all")}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {t("period.year", { year: y })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("period.submit")}
        </button>
      </Form>
      {error ? (
        <p id="period-error" className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}

      {view ? (
        <>
          <section aria-labelledby="figures-title">
            <h2 id="figures-title">
              {t("figures.title")}: {periodName}
            </h2>
            <dl className="experience-figures">
              <div>
                <dt>{t("figures.hours")}</dt>
                <dd>{view.hours}</dd>
              </div>
              <div>
                <dt>{t("figures.shifts")}</dt>
                <dd>{view.shifts}</dd>
              </div>
              <div>
                <dt>{t("figures.people")}</dt>
                <dd>{view.peopleHelped}</dd>
              </div>
              <div>
                <dt>{t("figures.referrals")}</dt>
                <dd>{view.referrals}</dd>
              </div>
            </dl>
            <p className="field__hint">{view.hoursNote}</p>
            <p className="field__hint">{t("figures.peopleNote")}</p>
          </section>

          <section aria-labelledby="topics-title">
            <h2 id="topics-title">{t("topics.title")}</h2>
            {view.topics.length ? (
              <div className="table-scroll">
                <table className="table">
                  <caption>{t("topics.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("topics.topic")}</th>
                      <th scope="col" className="numeric">
                        {t("topics.reports")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.topics.map((row) => (
                      <tr key={row.topic}>
                        <th scope="row">{row.label}</th>
                        <td className="numeric">{row.reports}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>{t("topics.none")}</p>
            )}
          </section>

          <section aria-labelledby="milestones-title">
            <h2 id="milestones-title">{t("milestones.title")}</h2>
            <ul className="plain-list experience-milestones">
              {view.milestones.map((m) => (
                <li key={m.code} data-reached={m.reached ? "yes" : "no"}>
                  <strong>{m.label}</strong>
                  <br />
                  {m.text}
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="courses-title">
            <h2 id="courses-title">{t("courses.title")}</h2>
            {view.courses.length ? (
              <ul className="plain-list">
                {view.courses.map((c) => (
                  <li key={c.key}>{c.text}</li>
                ))}
              </ul>
            ) : (
              <p>{t("courses.none")}</p>
            )}
          </section>

          <section aria-labelledby="skills-title">
            <h2 id="skills-title">{t("skills.title")}</h2>
            {view.skills.length ? (
              <ul className="plain-list">
                {view.skills.map((s) => (
                  <li key={s.key}>{s.text}</li>
                ))}
              </ul>
            ) : (
              <p>{t("skills.none")}</p>
            )}
            <p>
              {t("skills.declared")} <Link to="/account/skills">{t("skills.declaredLink")}</Link>.
            </p>
          </section>
        </>
      ) : null}

      <section aria-labelledby="attestation-title" className="account-section">
        <h2 id="attestation-title">{t("attestationLink.title")}</h2>
        <p>{t("attestationLink.intro")}</p>
        <p>
          <Link to="/account/experience/attestation" className="button">
            {t("attestationLink.open")}
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
