import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  COURSE_THEMES,
  comingMonths,
  listCatalogPage,
  listPlaceOptions,
  parseCourseFilters,
  readCatalogPage,
  trainsAnyCourse,
} from "~/modules/courses/catalog.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const language = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  const filters = parseCourseFilters(params);
  const now = new Date();
  const [{ courses, page, hasMore }, places, trains] = await Promise.all([
    listCatalogPage(context.db, actor, filters, { now, page: readCatalogPage(params) }),
    listPlaceOptions(context.db, actor),
    trainsAnyCourse(context.db, actor),
  ]);
  const monthName = (month: string) =>
    formatDateTime(new Date(`${month}-15T12:00:00Z`), language, { month: "long", year: "numeric" });
  const day = (iso: string) =>
    formatDateTime(new Date(iso), language, { dateStyle: "long", timeStyle: "short" });
  // Grouped by the month of the first session, in Brussels; formatted here so server and browser agree.
  const groups: Array<{ month: string; title: string; courses: Array<(typeof shown)[number]> }> =
    [];
  const shown = courses.map((course) => ({
    ...course,
    first: day(course.firstStartsAt),
    opens: day(course.opensAt),
    closes: day(course.closesAt),
  }));
  for (const course of shown) {
    const month = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Brussels",
      year: "numeric",
      month: "2-digit",
    }).format(new Date(course.firstStartsAt));
    const last = groups.at(-1);
    if (last?.month === month) last.courses.push(course);
    else groups.push({ month, title: monthName(month), courses: [course] });
  }
  return {
    title: getFixedT(language, "courses")("title"),
    filters,
    months: comingMonths(now).map((month) => ({ value: month, label: monthName(month) })),
    // The list lives in a .server module, which the browser bundle leaves empty: sent with the data.
    themes: COURSE_THEMES,
    places,
    groups,
    page,
    hasMore,
    canPlan: may(actor, { action: "plan_any_courses" }),
    canTrain: trains,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Digihelpers"} · Digihelpers` },
];

export default function CourseList() {
  const { t } = useTranslation("courses");
  const { t: tc } = useTranslation();
  const { filters, months, themes, places, groups, page, hasMore, canPlan, canTrain } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const skillName = (code: string) => tc(`skill.${code}` as "skill.eid", code);

  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{t("list.intro")}</p>
      {canPlan || canTrain ? (
        <ul className="plain-list course-links">
          {canPlan ? (
            <li>
              <Link to="/courses/manage">{t("list.manageLink")}</Link>
            </li>
          ) : null}
          {canTrain ? (
            <li>
              <Link to="/courses/train">{t("list.trainLink")}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}

      {/* A plain GET form: it works without JavaScript and every choice is a link to share. */}
      <Form method="get" action="/courses" className="course-filters" key={location.search}>
        <fieldset>
          <legend>{t("list.filters")}</legend>
          <div className="shift-filters__fields">
            <div className="field">
              <label htmlFor="filter-month">{t("list.month")}</label>
              <select id="filter-month" name="month" defaultValue={filters.month ?? ""}>
                <option value="">{t("list.anyMonth")}</option>
                {months.map((month) => (
                  <option key={month.value} value={month.value}>
                    {month.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-theme">{t("list.theme")}</label>
              <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ""}>
                <option value="">{t("list.anyTheme")}</option>
                {themes.map((theme) => (
                  <option key={theme} value={theme}>
                    {t(`theme.${theme}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-place">{t("list.place")}</label>
              <select id="filter-place" name="place" defaultValue={filters.place ?? ""}>
                <option value="">{t("list.anyPlace")}</option>
                <option value="online">{t("list.online")}</option>
                {places.map((place) => (
                  <option key={place.id} value={place.id}>
                    {place.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="button button--secondary">
            {t("list.apply")}
          </button>
        </fieldset>
      </Form>

      {groups.length === 0 ? <p>{t("list.empty")}</p> : null}
      {groups.map((group) => (
        <section key={group.month} aria-labelledby={`month-${group.month}`}>
          <h2 id={`month-${group.month}`}>{group.title}</h2>
          <ul className="plain-list course-list">
            {group.courses.map((course) => (
              <li key={course.id} className="course-item">
                <h3>
                  <Link to={`/courses/${course.id}`}>{course.title}</Link>
                </h3>
                <p>
                  {t(`theme.${course.theme}`)} · {course.organiserName}
                </p>
                <p>
                  {t("list.from", { date: course.first })} ·{" "}
                  {t("list.sessions", { count: course.sessionCount })}
                  {course.places.length > 0 ? ` · ${course.places.join(", ")}` : null}
                  {course.online ? ` · ${t("list.online")}` : null}
                </p>
                {course.myStatus === "enrolled" ? (
                  <p className="course-state">
                    <strong>{t("my.enrolled")}</strong>
                  </p>
                ) : course.myStatus === "waiting" ? (
                  <p className="course-state">
                    <strong>{t("my.onWaitingList")}</strong>
                  </p>
                ) : (
                  <p className="course-state">
                    {course.freePlaces > 0
                      ? t("places.free", { count: course.freePlaces, capacity: course.capacity })
                      : t("places.full", { capacity: course.capacity })}
                  </p>
                )}
                <p>
                  {t(`window.${course.window}`, { opens: course.opens, closes: course.closes })}
                </p>
                <p>
                  {course.missing.skillCode
                    ? t("prerequisites.skill", { skill: skillName(course.missing.skillCode) })
                    : course.missing.courseTitle
                      ? t("prerequisites.course", { course: course.missing.courseTitle })
                      : t("prerequisites.met")}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {page > 1 || hasMore ? (
        <nav aria-label={t("list.pages")} className="course-pages">
          <ul className="plain-list">
            {page > 1 ? (
              <li>
                <Link to={pageLink(location.search, page - 1)}>{t("list.previousPage")}</Link>
              </li>
            ) : null}
            {hasMore ? (
              <li>
                <Link to={pageLink(location.search, page + 1)}>{t("list.nextPage")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

/** The same list (filters kept) on another page. */
function pageLink(search: string, page: number) {
  const params = new URLSearchParams(search);
  if (page > 1) params.set("page", String(page));
  else params.delete("page");
  const query = params.toString();
  return query ? `/courses?${query}` : "/courses";
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
