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
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { loadDoorList, recordArrival } from "~/modules/events/door.server.ts";
import { DoorArrivalSchema } from "~/modules/events/organise-schemas.server.ts";
import organiseStyles from "~/styles/events-organise.css";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// The door list of the day: who said yes, to print (with a tick column) or to check in on a phone.
// Each tap is a small form that says the state wanted and comes back to the row (#guest-<id>),
// so it works without JavaScript and a double tap changes nothing.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organiseStyles }];

/** The list's address with its search and toggle kept. */
function doorUrl(eventId: number, q: string, everyone: boolean) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (everyone) params.set("everyone", "1");
  const search = params.toString();
  return `/events/manage/${eventId}/door${search ? `?${search}` : ""}`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const url = new URL(request.url);
  const list = await loadDoorList(context.db, actor, paramId(params.eventId), {
    q: url.searchParams.get("q"),
    everyone: url.searchParams.get("everyone") === "1",
  });
  if (!list) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  return {
    event: {
      id: list.event.id,
      title: list.event.title,
      status: list.event.status,
      when: formatTimeSpan(list.event.starts_at, list.event.ends_at, language),
      place: list.event.address ?? list.event.online_url,
    },
    q: list.q,
    everyone: list.everyone,
    totals: list.totals,
    rows: list.rows.map((r) => ({ ...r, arrived: r.attendedAt !== null })),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.event.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const eventId = paramId(params.eventId);
  const submission = await readForm(request, context, DoorArrivalSchema);
  // Only a crafted request sends a malformed tap: the error page says so in the reader's language.
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  const { invitationId, arrived, q, everyone } = submission.value;
  const outcome = await recordArrival(context.db, actor, {
    eventId,
    invitationId,
    arrived: arrived === "true",
  });
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  const here = doorUrl(eventId, q?.trim() ?? "", everyone === "1");
  const at = `guest-${invitationId}`;
  return redirectWithOutcome(
    request,
    context,
    here,
    outcome.ok
      ? {
          tone: "success",
          message: arrived === "true" ? "eventPlanning:door.arrived" : "eventPlanning:door.undone",
          values: { name: outcome.name },
          at,
        }
      : { tone: "error", message: `eventPlanning:overview.refusal.${outcome.reason}`, at },
  );
}

export default function DoorList() {
  const { t } = useTranslation("eventPlanning");
  const { event, q, everyone, totals, rows, outcome } = useLoaderData<typeof loader>();
  const open = event.status === "published";
  return (
    <div className="page page--narrow door">
      <h1>{t("door.title", { title: event.title })}</h1>
      <p>
        {event.when}
        {event.place ? (
          <>
            <br />
            {event.place}
          </>
        ) : null}
        <br />
        {t("door.totals", { yes: totals.yes, plusOnes: totals.plusOnes, arrived: totals.arrived })}
      </p>
      <OutcomeMessage outcome={outcome} />
      <Form method="get" className="door-search no-print" role="search">
        <div className="field">
          <label htmlFor="door-q">{t("door.search")}</label>
          <input id="door-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="check">
          <input
            id="door-everyone"
            name="everyone"
            type="checkbox"
            value="1"
            defaultChecked={everyone}
          />
          <label htmlFor="door-everyone">{t("door.everyone")}</label>
        </div>
        <button type="submit" className="button button--secondary">
          {t("door.searchButton")}
        </button>
      </Form>
      <p className="no-print">{t("door.printHint")}</p>
      {rows.length === 0 ? (
        <p>{q ? t("door.noMatch", { q }) : t("door.nobody")}</p>
      ) : (
        <table className="door-list">
          <caption className="visually-hidden">
            {everyone ? t("door.captionEveryone") : t("door.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="door-list__tick">
                {t("door.tick")}
              </th>
              <th scope="col">{t("door.name")}</th>
              <th scope="col" className="no-print">
                {t("door.checkIn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} id={`guest-${r.id}`}>
                <td className="door-list__tick">{r.arrived ? "✓" : ""}</td>
                <th scope="row">
                  {r.name}
                  {r.plusOnes > 0 && r.response === "yes" ? (
                    <span> {t("door.plusOnes", { count: r.plusOnes })}</span>
                  ) : null}
                  {r.guest ? <span className="muted"> · {t("door.guest")}</span> : null}
                  {r.response !== "yes" ? (
                    <span className="muted"> · {t(`overview.answer.${r.response}`)}</span>
                  ) : null}
                  <OutcomeMessage outcome={outcome} at={`guest-${r.id}`} />
                </th>
                <td className="no-print">
                  {open ? (
                    <Form method="post" preventScrollReset>
                      <CsrfField />
                      <input type="hidden" name="invitationId" value={r.id} />
                      <input type="hidden" name="arrived" value={String(!r.arrived)} />
                      {q ? <input type="hidden" name="q" value={q} /> : null}
                      {everyone ? <input type="hidden" name="everyone" value="1" /> : null}
                      <button
                        type="submit"
                        className={r.arrived ? "button button--secondary" : "button"}
                      >
                        {r.arrived ? t("door.undo") : t("door.arrive")}
                        <span className="visually-hidden">: {r.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="no-print">
        <Link to={`/events/manage/${event.id}`}>{t("door.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("eventPlanning");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: {
          text: t("overview.notFound"),
          link: { to: "/events/manage", label: t("overview.back") },
        },
      }}
    />
  );
}
