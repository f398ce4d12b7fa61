import skeletonHref from "@fullcalendar/react/skeleton.css";
import classicPaletteHref from "@fullcalendar/react/themes/classic/palette.css";
import classicThemeHref from "@fullcalendar/react/themes/classic/theme.css";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { ShiftFilterForm } from "~/components/shift-filters.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listShiftFilterOptions } from "~/modules/shifts/queries.server.ts";
import { filterParams, parseShiftFilters } from "~/modules/shifts/filters.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

const ShiftCalendar = lazy(() => import("~/components/shift-calendar.client.tsx"));

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: skeletonHref },
  { rel: "stylesheet", href: classicThemeHref },
  { rel: "stylesheet", href: classicPaletteHref },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const language = await getLanguage(request);
  const filters = parseShiftFilters(new URL(request.url).searchParams);
  return {
    title: getFixedT(language, "shifts")("calendar.title"),
    language,
    filters,
    options: await listShiftFilterOptions(context.db, actor),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function ShiftsCalendar() {
  const { t } = useTranslation("shifts");
  const { language, filters, options } = useLoaderData<typeof loader>();
  const location = useLocation();
  const query = filterParams(filters).toString();
  const listHref = `/shifts/list${query ? `?${query}` : ""}`;
  return (
    <div className="page page--wide">
      <h1>{t("calendar.title")}</h1>
      <p>{t("calendar.intro")}</p>
      <p>
        <Link to={listHref} className="link-strong">
          {t("calendar.listLink")}
        </Link>
      </p>
      <ShiftFilterForm key={location.search} action="/shifts" options={options} filters={filters} />
      <div className="shift-calendar">
        <ClientOnly fallback={<p>{t("calendar.loading")}</p>}>
          {() => (
            <Suspense fallback={<p>{t("calendar.loading")}</p>}>
              <ShiftCalendar
                // A new feed (other filters) starts a new calendar with it.
                key={query}
                language={language}
                feedUrl={`/shifts/events${query ? `?${query}` : ""}`}
              />
            </Suspense>
          )}
        </ClientOnly>
        <noscript>
          <p>{t("calendar.noScript")}</p>
        </noscript>
      </div>
    </div>
  );
}
