import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { loadAttestation, readAttestationPeriod } from "~/modules/experience/attestation.server.ts";
import { describeAttestation } from "~/modules/experience/view.server.ts";
import experienceStyles from "~/styles/experience.css";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The attestation of volunteer work as a page to print (the print stylesheet leaves out the menu
// and the form, on A4), with a link to the same attestation as a PDF. Always the reader's own.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: experienceStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!may(actor, { action: "view_profile", person: actor }))
    throw new Response("Forbidden", { status: 403 });
  const language = await getLanguage(request);
  const t = getFixedT(language, "experience");
  const params = new URL(request.url).searchParams;
  const period = await readAttestationPeriod(context.db, actor.id, params);
  if (!period.ok)
    return data(
      {
        title: t("attestation.title"),
        error: t(period.error.replace("experience:", "") as "errors.date"),
        from:
          params
            .get("from")
            ?.slice(0, 10)
            .replace(/\p{Cc}/gu, "") ?? "",
        to:
          params
            .get("to")
            ?.slice(0, 10)
            .replace(/\p{Cc}/gu, "") ?? "",
        attestation: null,
        pdfHref: null,
      },
      { status: 400 },
    );
  const attestation = await loadAttestation(context.db, actor.id, period.value);
  if (!attestation) throw new Response("Not Found", { status: 404 });
  const query = new URLSearchParams(period.value).toString();
  return {
    title: t("attestation.title"),
    error: null,
    from: period.value.from,
    to: period.value.to,
    attestation: describeAttestation(attestation, language),
    pdfHref: `/account/experience/attestation.pdf?${query}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · Digihelpers` },
];

export default function AttestationPage() {
  const { t } = useTranslation("experience");
  const { error, from, to, attestation, pdfHref } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <div className="no-print">
        <h1>{t("attestation.title")}</h1>
        <p className="lead">{t("attestation.intro")}</p>
        <Form method="get" className="experience-period">
          <div className="field">
            <label htmlFor="attestation-from">{t("attestation.from")}</label>
            <input
              id="attestation-from"
              type="date"
              name="from"
              defaultValue={from}
              aria-describedby={error ? "attestation-error" : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="attestation-to">{t("attestation.to")}</label>
            <input
              id="attestation-to"
              type="date"
              name="to"
              defaultValue={to}
              aria-describedby={error ? "attestation-error" : undefined}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t("attestation.submit")}
          </button>
        </Form>
        {error ? (
          <p id="attestation-error" className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
        {pdfHref ? (
          <p className="inline-actions">
            <a href={pdfHref} className="button" download>
              {t("attestation.pdf")}
            </a>
            <button type="button" className="button button--secondary" onClick={() => print()}>
              {t("attestation.print")}
            </button>
          </p>
        ) : null}
      </div>

      {attestation ? (
        <article className="attestation-paper" aria-labelledby="attestation-heading">
          <h2 id="attestation-heading">{attestation.title}</h2>
          <p>
            <strong>{attestation.name}</strong>
            <br />
            {attestation.from} – {attestation.to}
          </p>
          <p>{attestation.statement}</p>
          <h3>{attestation.labels.work}</h3>
          <dl>
            {attestation.work.map((w) => (
              <div key={w.label}>
                <dt>{w.label}:</dt>
                <dd>{w.value}</dd>
              </div>
            ))}
          </dl>
          <h3>{attestation.labels.digibanks}</h3>
          <ul className="plain-list">
            {attestation.digibanks.map((d) => (
              <li key={d.key}>
                <strong>{d.name}</strong>
                <br />
                {attestation.labels.coordinator}: {d.coordinator}
                <br />
                {attestation.labels.hours}: {d.hours} · {attestation.labels.shifts}: {d.shifts}
              </li>
            ))}
          </ul>
          <h3>{attestation.labels.courses}</h3>
          <ul>
            {attestation.courses.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <h3>{attestation.labels.skills}</h3>
          <ul>
            {attestation.skills.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p>{attestation.issued}</p>
          <p className="muted">{attestation.platform}</p>
        </article>
      ) : null}

      <p className="no-print">
        <Link to="/account/experience">{t("attestation.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
