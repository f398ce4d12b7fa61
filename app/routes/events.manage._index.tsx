import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listPlannedEvents } from "~/modules/events/planning.server.ts";
import { readOutcome } from "~/utils/flash.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The gatherings of the organiser's digibank or region: upcoming first (drafts marked), then the
// past ones, each with how many were invited and said yes.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const events = await listPlannedEvents(context.db, actor);
  const now = Date.now();
  return {
    title: getFixedT(await getLanguage(request), "eventPlanning")("list.title"),
    upcoming: events.filter((e) => new Date(e.endsAt).getTime() >= now),
    past: events.filter((e) => new Date(e.endsAt).getTime() < now).reverse(),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

type Listed = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

export default function ManageEvents() {
  const { t } = useTranslation("eventPlanning");
  const { upcoming, past, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      <OutcomeMessage outcome={outcome} />
      <p>
        <Link className="button" to="/events/manage/new">
          {t("list.new")}
        </Link>
      </p>
      <EventList id="events-upcoming" heading={t("list.upcoming")} events={upcoming} />
      <EventList id="events-past" heading={t("list.past")} events={past} />
    </div>
  );
}

function EventList({ id, heading, events }: { id: string; heading: string; events: Listed[] }) {
  const { t, i18n } = useTranslation("eventPlanning");
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {events.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul className="cards">
          {events.map((event) => (
            <li key={event.id} className="card">
              <h3>
                <Link to={`/events/manage/${event.id}`}>{event.title}</Link>
              </h3>
              <p>
                <strong>{t(`list.status.${event.status}`)}</strong> · {event.organiser}
                <br />
                {formatDateTime(new Date(event.startsAt), i18n.language, {
                  dateStyle: "full",
                  timeStyle: "short",
                })}
                <br />
                {t("list.counts", {
                  invited: event.invited,
                  yes: event.yes,
                  taken: event.taken,
                  capacity: event.capacity,
                })}
              </p>
              <p>
                <Link to={`/events/manage/${event.id}/edit`}>
                  {t("list.edit")}
                  <span className="visually-hidden">: {event.title}</span>
                </Link>
                {" · "}
                <Link to={`/events/manage/${event.id}/audience`}>
                  {t("list.audience")}
                  <span className="visually-hidden">: {event.title}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
