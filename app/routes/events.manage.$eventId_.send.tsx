import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { loadPlannedEvent } from "~/modules/events/event.server.ts";
import { SendActionSchema } from "~/modules/events/send-schemas.server.ts";
import {
  loadSendState,
  scheduleEventInvitations,
  sendEventInvitationsNow,
} from "~/modules/events/sending.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatNumber } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// Sending a gathering's invitations: how many a send reaches now (new since the last send, in
// which languages, who opted out), "send now", or a moment (Brussels time) for the scheduled job.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const state = await loadSendState(context.db, actor, paramId(params.eventId));
  // An event outside the actor's scope answers like one that does not exist.
  if (!state) throw new Response("Not found", { status: 404 });
  const { event } = state;
  return {
    pageTitle: getFixedT(await getLanguage(request), "eventPlanning")("send.title"),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      startsAt: event.starts_at,
      sendAt: event.send_at,
      sentAt: event.invitations_sent_at,
      past: new Date(event.starts_at).getTime() <= Date.now(),
    },
    preview: state.preview,
    invited: state.invited,
    delivered: state.delivered,
    failed: state.failed,
    today: state.today,
    scheduled: state.scheduled,
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [{ title: `${args.data.pageTitle}: ${args.data.event.title} · Digihelpers` }]
    : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const eventId = paramId(params.eventId);
  // Out of scope answers 404 before the form is read, as for a GET.
  if (!(await loadPlannedEvent(context.db, actor, eventId)))
    throw new Response("Not found", { status: 404 });
  const submission = await readForm(request, context, SendActionSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const { db, jobs } = context;
  const back = `/events/manage/${eventId}/send`;
  if (v.intent === "send") {
    const outcome = await sendEventInvitationsNow(db, jobs, actor, eventId);
    if (!outcome.ok && outcome.reason === "not_found")
      throw new Response("Not found", { status: 404 });
    return redirectWithOutcome(
      request,
      context,
      back,
      outcome.ok
        ? {
            tone: "success",
            message: "eventPlanning:send.sent",
            values: { count: outcome.toInvite },
          }
        : { tone: "error", message: `eventPlanning:send.refusal.${outcome.reason}` },
    );
  }
  const sendAt = v.intent === "schedule" ? { date: v.date, time: v.time } : null;
  const outcome = await scheduleEventInvitations(db, actor, eventId, sendAt);
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  return redirectWithOutcome(
    request,
    context,
    back,
    outcome.ok
      ? {
          tone: "success",
          message: sendAt ? "eventPlanning:send.scheduled" : "eventPlanning:send.cleared",
        }
      : { tone: "error", message: `eventPlanning:send.refusal.${outcome.reason}` },
  );
}

export default function SendInvitations() {
  const { t, i18n } = useTranslation("eventPlanning");
  const { event, preview, invited, delivered, failed, today, scheduled, outcome } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error ?? {};
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? String(t(key as never)) : null;
  };
  const lang = i18n.language;
  const n = (value: number) => formatNumber(value, lang);
  const when = (d: string | Date) =>
    formatDateTime(new Date(d), lang, { dateStyle: "full", timeStyle: "short" });
  const sendable = event.status === "published" && !event.past;
  const dateError = errorOf("date");
  const timeError = errorOf("time");

  return (
    <div className="page">
      <h1>{t("send.title")}</h1>
      <p>
        <strong>{event.title}</strong> · {when(event.startsAt)}
      </p>
      <OutcomeMessage outcome={outcome} />
      <FormMessage>{Object.keys(errors).length > 0 ? t("send.checkFields") : null}</FormMessage>

      {event.status === "draft" ? (
        <p className="notice">{t("send.draft")}</p>
      ) : event.status === "cancelled" ? (
        <p className="notice">{t("send.cancelled")}</p>
      ) : event.past ? (
        <p className="notice">{t("send.past")}</p>
      ) : null}

      <section aria-labelledby="send-preview">
        <h2 id="send-preview">{t("send.previewTitle")}</h2>
        <p>
          <strong>{t("send.toInvite", { count: preview.toInvite, n: n(preview.toInvite) })}</strong>
        </p>
        <ul>
          <li>
            {t("send.languages", {
              nl: n(preview.byLanguage.nl),
              fr: n(preview.byLanguage.fr),
              en: n(preview.byLanguage.en),
            })}
          </li>
          <li>{t("send.guests", { count: preview.guests, n: n(preview.guests) })}</li>
          <li>{t("send.optedOut", { count: preview.optedOut, n: n(preview.optedOut) })}</li>
          <li>
            {t("send.alreadyInvited", {
              count: preview.alreadyInvited,
              n: n(preview.alreadyInvited),
            })}
          </li>
        </ul>
      </section>

      <section aria-labelledby="send-history">
        <h2 id="send-history">{t("send.historyTitle")}</h2>
        {event.sentAt ? (
          <p>
            {t("send.lastSent", { when: when(event.sentAt) })}{" "}
            {t("send.counts", { invited: n(invited), delivered: n(delivered), failed: n(failed) })}
          </p>
        ) : (
          <p>{t("send.neverSent")}</p>
        )}
        {event.sendAt ? <p>{t("send.scheduledFor", { when: when(event.sendAt) })}</p> : null}
      </section>

      {sendable ? (
        <>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="send" />
            <p>{invited > 0 ? t("send.nowHintAgain") : t("send.nowHint")}</p>
            <button type="submit" className="button" disabled={preview.toInvite === 0}>
              {t("send.now", { count: preview.toInvite, n: n(preview.toInvite) })}
            </button>
          </Form>

          <Form method="post" className="stack" aria-labelledby="send-schedule">
            <h2 id="send-schedule">{t("send.scheduleTitle")}</h2>
            <CsrfField />
            <input type="hidden" name="intent" value="schedule" />
            <p>{t("send.scheduleHint")}</p>
            <div className="field">
              <label htmlFor="send-date">{t("send.date")}</label>
              <input
                id="send-date"
                name="date"
                type="date"
                min={today}
                required
                defaultValue={scheduled?.date ?? ""}
                aria-invalid={dateError ? true : undefined}
                aria-describedby={dateError ? "send-date-error" : undefined}
              />
              {dateError ? (
                <p id="send-date-error" className="field__error">
                  {dateError}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="send-time">{t("send.time")}</label>
              <input
                id="send-time"
                name="time"
                type="time"
                required
                defaultValue={scheduled?.time ?? "09:00"}
                aria-invalid={timeError ? true : undefined}
                aria-describedby={timeError ? "send-time-error" : undefined}
              />
              {timeError ? (
                <p id="send-time-error" className="field__error">
                  {timeError}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--secondary">
              {t("send.schedule")}
            </button>
          </Form>
          {event.sendAt ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="clearSchedule" />
              <button type="submit" className="button button--secondary">
                {t("send.clear")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}

      <p>
        <Link to={`/events/manage/${event.id}`}>{t("send.back")}</Link>
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
          text: t("send.notFound"),
          link: { to: "/events/manage", label: t("send.backToList") },
        },
      }}
    />
  );
}
