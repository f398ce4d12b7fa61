import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { collectPersonalData } from "~/modules/people/personal-data.server.ts";
import { readablePersonalData } from "~/modules/people/personal-data-view.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The data download as a page a person reads on their phone. The file (/account/export) holds
// the same sections; only a file leaving the site is written to the audit log.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const language = await getLanguage(request);
  const sections = readablePersonalData(await collectPersonalData(context.db, actor.id), language);
  return { title: getFixedT(language, "account")("data.title"), sections };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function PersonalData() {
  const { t } = useTranslation("account");
  const { sections } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t("data.title")}</h1>
      <p>{t("data.intro")}</p>
      <p>{t("data.file")}</p>
      <Form method="post" action="/account/export" reloadDocument>
        <CsrfField />
        <button type="submit" className="button">
          {t("export.submit")}
        </button>
      </Form>
      {sections.map((section) => (
        <section
          key={section.key}
          id={`data-${section.key}`}
          className="account-section"
          aria-labelledby={`data-${section.key}-title`}
        >
          <h2 id={`data-${section.key}-title`}>{section.title}</h2>
          {section.items.length === 0 ? (
            <p>{t("data.nothing")}</p>
          ) : (
            <ol className="data-items">
              {section.items.map((fields, index) => (
                <li key={index}>
                  <dl className="data-fields">
                    {fields.map((field) => (
                      <div key={field.label}>
                        <dt>{field.label}</dt>
                        <dd>{field.value}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      <p className="account-section">
        <Link to="/account">{t("data.back")}</Link>
      </p>
    </div>
  );
}
