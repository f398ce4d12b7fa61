import { randomUUID } from "node:crypto";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { EventOverviewActionSchema } from "~/modules/events/organise-schemas.server.ts";
import {
  loadEventOverview,
  messageEventYes,
  readAnswerFilter,
  resendInvitation,
  withdrawInvitation,
} from "~/modules/events/overview.server.ts";
import organiseStyles from "~/styles/events-organise.css";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: organiseStyles }];

/** The longest invitee list one page shows; the filter or the export gives the rest. */
const LIST_MAX = 500;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const overview = await loadEventOverview(context.db, actor, paramId(params.eventId));
  // An event outside the actor's scope answers like one that does not exist.
  if (!overview) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  // An unknown filter is dropped: the whole list.
  const answer = readAnswerFilter(new URL(request.url).searchParams.get("answer"));
  const { event } = overview;
  const listed = overview.invitees.filter((i) =>
    answer === null
      ? true
      : answer === "withdrawn"
        ? i.revoked
        : !i.revoked && i.response === answer,
  );
  return {
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      capacity: event.capacity,
      taken: event.taken_places,
      maxPlusOnes: event.max_plus_ones,
      when: formatTimeSpan(event.starts_at, event.ends_at, language),
      deadline: formatDateTime(event.answer_deadline, language, {
        dateStyle: "long",
        timeStyle: "short",
      }),
      place: event.address,
      onlineUrl: event.online_url,
      cancelReason: event.cancel_reason,
      over: event.ends_at.getTime() <= Date.now(),
    },
    organiser: overview.organiser,
    counts: overview.counts,
    questions: overview.questions,
    answer,
    total: listed.length,
    invitees: listed.slice(0, LIST_MAX).map((i) => ({
      id: i.id,
      name: i.name,
      email: i.email,
      guest: i.guest,
      response: i.response,
      plusOnes: i.plusOnes,
      delivery: i.delivery,
      revoked: i.revoked,
      optedOut: i.optedOut,
    })),
    waiting: overview.waiting.map((i) => ({ id: i.id, name: i.name })),
    // A fresh key per form shown: posting the same form twice acts once.
    formKey: randomUUID(),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.event.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const eventId = paramId(params.eventId);
  const submission = await readForm(request, context, EventOverviewActionSchema);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const { db, jobs } = context;
  const outcome =
    v.intent === "resend"
      ? await resendInvitation(db, jobs, actor, {
          eventId,
          invitationId: v.invitationId,
          formKey: v.formKey,
        })
      : v.intent === "withdraw"
        ? await withdrawInvitation(db, actor, { eventId, invitationId: v.invitationId })
        : await messageEventYes(db, jobs, actor, {
            eventId,
            formKey: v.formKey,
            subject: v.subject,
            body: v.body,
          });
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  const at = v.intent === "message" ? "message" : `invitee-${v.invitationId}`;
  const here = `/events/manage/${eventId}`;
  if (!outcome.ok)
    return redirectWithOutcome(request, context, here, {
      tone: "error",
      message: `eventPlanning:overview.refusal.${outcome.reason}`,
      values: { name: outcome.name ?? "" },
      at,
    });
  return redirectWithOutcome(request, context, here, {
    tone: "success",
    message:
      v.intent === "resend"
        ? "eventPlanning:resend.done"
        : v.intent === "withdraw"
          ? "eventPlanning:withdraw.done"
          : "eventPlanning:message.done",
    values: {
      name: "name" in outcome ? outcome.name : "",
      count: "recipients" in outcome ? outcome.recipients : 0,
    },
    at,
  });
}

const FILTERS = ["yes", "maybe", "no", "none", "waiting", "withdrawn"] as const;

export default function EventOverview() {
  const { t } = useTranslation("eventPlanning");
  const {
    event,
    organiser,
    counts,
    questions,
    answer,
    total,
    invitees,
    waiting,
    formKey,
    outcome,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error ?? {};
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? String(t(key as never)) : null;
  };
  // The event's other pages (edit, audience, send) may be nested under this one by their file
  // names: then they are shown instead of the overview.
  const outlet = useOutlet();
  if (outlet) return outlet;
  const published = event.status === "published";
  const figures: Array<[keyof typeof counts & string, number]> = [
    ["invited", counts.invited],
    ["delivered", counts.delivered],
    ["failed", counts.failed],
    ["yes", counts.yes],
    ["no", counts.no],
    ["maybe", counts.maybe],
    ["none", counts.none],
    ["waiting", counts.waiting],
    ["plusOnes", counts.plusOnes],
    ["attended", counts.attended],
  ];

  return (
    <div className="page">
      <h1>{event.title}</h1>
      <p className="lead">{t("overview.lead")}</p>
      <p>
        <strong>{t(`overview.status.${event.status}`)}</strong> · {organiser}
        <br />
        {event.when}
        <br />
        {event.place ?? event.onlineUrl}
        <br />
        {t("overview.deadline", { deadline: event.deadline })}
        <br />
        {t("overview.places", { taken: event.taken, capacity: event.capacity })}
      </p>
      <OutcomeMessage outcome={outcome} />
      <FormMessage>{Object.keys(errors).length > 0 ? t("overview.checkFields") : null}</FormMessage>
      {event.status === "cancelled" ? (
        <FormMessage>{t("overview.cancelled", { reason: event.cancelReason ?? "" })}</FormMessage>
      ) : null}
      <ul className="plain-list links">
        {event.status !== "cancelled" ? (
          <>
            <li>
              <Link to={`/events/manage/${event.id}/edit`}>{t("overview.edit")}</Link>
            </li>
            <li>
              <Link to={`/events/manage/${event.id}/audience`}>{t("overview.audience")}</Link>
            </li>
            <li>
              <Link to={`/events/manage/${event.id}/send`}>{t("overview.send")}</Link>
            </li>
          </>
        ) : null}
        <li>
          <Link to={`/events/manage/${event.id}/door`}>{t("overview.door")}</Link>
        </li>
      </ul>

      <h2>{t("overview.figures")}</h2>
      <dl className="event-figures">
        {figures.map(([key, value]) => (
          <div key={key}>
            <dt>{t(`overview.count.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      {questions.length > 0 ? <h2>{t("overview.questions")}</h2> : null}
      {questions.map((q) => (
        <section key={q.id} aria-labelledby={`question-${q.id}`}>
          <h3 id={`question-${q.id}`}>{q.label}</h3>
          {q.kind === "choice" ? (
            <ul>
              {q.options.map((o) => (
                <li key={o.option}>
                  {t("overview.optionCount", { option: o.option, count: o.count })}
                </li>
              ))}
            </ul>
          ) : q.texts.length === 0 ? (
            <p>{t("overview.noTextAnswers")}</p>
          ) : (
            <ul>
              {q.texts.map((a, index) => (
                <li key={index}>
                  <strong>{a.name}</strong>: {a.text}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <h2 id="invitees">{t("overview.invitees")}</h2>
      <Form method="get" className="inline-actions" action={`/events/manage/${event.id}#invitees`}>
        <div className="field">
          <label htmlFor="answer-filter">{t("overview.filter")}</label>
          <select id="answer-filter" name="answer" defaultValue={answer ?? ""}>
            <option value="">{t("overview.filterAll")}</option>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`overview.answer.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("overview.filterApply")}
        </button>
      </Form>
      {invitees.length === 0 ? (
        <p>{t("overview.noInvitees")}</p>
      ) : (
        <>
          <p>
            {total > invitees.length
              ? t("overview.listedSome", { shown: invitees.length, total })
              : t("overview.listed", { count: total })}
          </p>
          <ul className="invitee-list">
            {invitees.map((i) => (
              <li key={i.id} id={`invitee-${i.id}`}>
                <strong>{i.name}</strong>
                <br />
                <span className="muted">
                  {i.guest ? t("overview.guest") : t("overview.platform")} · {i.email}
                </span>
                <br />
                {i.revoked ? t("overview.answer.withdrawn") : t(`overview.answer.${i.response}`)}
                {i.response === "yes" && i.plusOnes > 0 && !i.revoked
                  ? ` (${t("overview.plusOnes", { count: i.plusOnes })})`
                  : null}
                {" · "}
                {t("overview.mail")}: {t(`overview.delivery.${i.delivery}`)}
                {i.optedOut ? ` · ${t("overview.optedOut")}` : null}
                <OutcomeMessage outcome={outcome} at={`invitee-${i.id}`} />
                <div className="inline-actions">
                  {published && !event.over && !i.revoked && !i.optedOut ? (
                    <Form method="post" preventScrollReset>
                      <CsrfField />
                      <input type="hidden" name="intent" value="resend" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <input type="hidden" name="formKey" value={formKey} />
                      <button type="submit" className="button button--secondary">
                        {t("resend.button")}
                        <span className="visually-hidden">: {i.name}</span>
                      </button>
                    </Form>
                  ) : null}
                  {!i.revoked && (i.response === "none" || i.response === "no") ? (
                    <Form method="post" preventScrollReset>
                      <CsrfField />
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="button button--secondary">
                        {t("withdraw.button")}
                        <span className="visually-hidden">: {i.name}</span>
                      </button>
                    </Form>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t("overview.waitingList")}</h2>
      {waiting.length === 0 ? (
        <p>{t("overview.noWaiting")}</p>
      ) : (
        <ol>
          {waiting.map((w) => (
            <li key={w.id}>{w.name}</li>
          ))}
        </ol>
      )}

      <h2>{t("export.title")}</h2>
      <p>{t("export.hint")}</p>
      <Form method="post" action={`/events/manage/${event.id}/export.csv`} reloadDocument>
        <CsrfField />
        <button type="submit" className="button button--secondary">
          {t("export.button")}
        </button>
      </Form>

      {published ? (
        <section aria-labelledby="message-heading" id="message">
          <h2 id="message-heading">{t("message.title")}</h2>
          <p>{t("message.hint", { count: counts.yes })}</p>
          <OutcomeMessage outcome={outcome} at="message" />
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="message" />
            <input type="hidden" name="formKey" value={formKey} />
            <div className="field">
              <label htmlFor="message-subject">{t("message.subject")}</label>
              <input id="message-subject" name="subject" type="text" maxLength={150} required />
              {errorOf("subject") ? <p className="field__error">{errorOf("subject")}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="message-body">{t("message.body")}</label>
              <textarea id="message-body" name="body" rows={6} maxLength={4000} required />
              {errorOf("body") ? <p className="field__error">{errorOf("body")}</p> : null}
            </div>
            <button type="submit" className="button">
              {t("message.send")}
            </button>
          </Form>
        </section>
      ) : null}
      <p>
        <Link to="/events/manage">{t("overview.back")}</Link>
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
