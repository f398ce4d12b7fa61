import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getNetworkOverview } from "~/modules/places/overview.server.ts";
import { formatNumber } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [language, overview] = await Promise.all([
    getLanguage(request),
    getNetworkOverview(context.db),
  ]);
  return { title: getFixedT(language)("home.title"), overview };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Digihelpers" },
  { name: "description", content: "Digihelpers" },
];

export default function Home() {
  const { overview } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <div className="page">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
      </section>

      <section aria-labelledby="who-title">
        <h2 id="who-title">{t("home.whoTitle")}</h2>
        <ul className="cards">
          <li className="card">
            <h3>{t("home.volunteersTitle")}</h3>
            <p>{t("home.volunteersText")}</p>
          </li>
          <li className="card">
            <h3>{t("home.coordinatorsTitle")}</h3>
            <p>{t("home.coordinatorsText")}</p>
          </li>
          <li className="card">
            <h3>{t("home.staffTitle")}</h3>
            <p>{t("home.staffText")}</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="world-title">
        <h2 id="world-title">{t("home.worldTitle")}</h2>
        <p>
          {t("home.worldSummary", {
            regions: n(overview.totals.regions),
            digibanks: n(overview.totals.digibanks),
            digipunten: n(overview.totals.digipunten),
            volunteers: n(overview.totals.volunteers),
          })}
        </p>
        {overview.regions.map((region) => (
          <section key={region.id} aria-labelledby={`region-${region.id}`} className="region">
            <h3 id={`region-${region.id}`}>{t("home.regionDigibanks", { region: region.name })}</h3>
            <ul className="plain-list">
              {region.digibanks.map((digibank) => (
                <li key={digibank.id}>
                  {digibank.name}: {t("home.digipuntCount", { count: digibank.digipunten })}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}
