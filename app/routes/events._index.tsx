import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventAnswerForm } from "~/components/event-answer-form.tsx";
import { currentAnswerText } from "~/components/event-invitation.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { answerInputFromForm } from "~/modules/events/answering.server.ts";
import {
  ListAnswerFormSchema,
  answerOwnInvitation,
  listInvitationsOfUser,
} from "~/modules/events/invited.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The signed-in person's invitations to gatherings: upcoming first, then past, each with its
// answer and a short form to give or change it right there (the questions are asked on the
// event's own page, /events/<id>).

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const language = await getLanguage(request);
  const now = new Date();
  const { upcoming, past } = await listInvitationsOfUser(context.db, actor.id, { now });
  const view = (s: (typeof upcoming)[number]) => ({
    invitationId: s.invitationId,
    eventId: s.eventId,
    title: s.title,
    when: formatTimeSpan(s.startsAt, s.endsAt, language),
    deadline: formatDateTime(s.answerDeadline, language, { dateStyle: "long", timeStyle: "short" }),
    place: s.address,
    online: s.onlineUrl !== null,
    cancelled: s.cancelled,
    open: !s.cancelled && now < s.answerDeadline,
    current: { response: s.response, plusOnes: s.plusOnes, position: s.position },
    maxPlusOnes: s.maxPlusOnes,
  });
  return {
    title: getFixedT(language, "events")("list.title"),
    upcoming: upcoming.map(view),
    past: past.map(view),
    // Organisers reach their gatherings from here, as planners reach theirs from /courses.
    canPlan: may(actor, { action: "plan_any_events" }),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const submission = await readForm(request, context, ListAnswerFormSchema);
  // The short form sends fixed values only: anything else was not sent from this page.
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const { invitationId } = submission.value;
  const outcome = await answerOwnInvitation(context.db, context.jobs, actor.id, invitationId, {
    ...answerInputFromForm(submission.value),
    keepAnswers: true,
  });
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  if ("invalid" in outcome) {
    // The event asks questions still to answer, or more plus-ones than it allows: its own page.
    throw await redirectWithOutcome(request, context, `/events/${outcome.eventId}`, {
      tone: "error",
      message: "events:answer.errors.title",
    });
  }
  throw await redirectWithOutcome(request, context, "/events", {
    ...outcome,
    at: `invitation-${invitationId}`,
  });
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function Invitation({
  item,
  outcome,
}: {
  item: Item;
  outcome: ReturnType<typeof useLoaderData<typeof loader>>["outcome"];
}) {
  const { t } = useTranslation("events");
  const at = `invitation-${item.invitationId}`;
  const values = {
    response:
      item.current.response === "waiting"
        ? ("yes" as const)
        : item.current.response === "none"
          ? null
          : item.current.response,
    plusOnes: item.current.plusOnes,
    answers: {},
  };
  return (
    <li id={at} className="card">
      <h3>
        <Link to={`/events/${item.eventId}`}>{item.title}</Link>
      </h3>
      <p>
        {item.when}
        <br />
        {item.place ?? t("detail.online")}
      </p>
      {item.cancelled ? (
        <p className="notice notice--error">{t("answer.refused.cancelled")}</p>
      ) : null}
      <p>
        <strong>{currentAnswerText(t, item.current)}</strong>
      </p>
      <OutcomeMessage outcome={outcome} at={at} />
      {item.open ? (
        <details>
          <summary>
            {item.current.response === "none" ? t("answer.submit") : t("answer.change")}
          </summary>
          <p>{t("answer.deadline", { date: item.deadline })}</p>
          <EventAnswerForm
            t={t}
            idPrefix={at}
            maxPlusOnes={item.maxPlusOnes}
            questions={[]}
            values={values}
            submitLabel={item.current.response === "none" ? t("answer.submit") : t("answer.change")}
            hiddenFields={{ invitationId: String(item.invitationId) }}
          />
        </details>
      ) : null}
    </li>
  );
}

export default function EventsPage() {
  const { t } = useTranslation("events");
  const { upcoming, past, canPlan, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      {canPlan ? (
        <p>
          <Link to="/events/manage">{t("list.manageLink")}</Link>
        </p>
      ) : null}
      <OutcomeMessage outcome={outcome} />
      <h2>{t("list.upcoming")}</h2>
      {upcoming.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <ul className="plain-list stack">
          {upcoming.map((item) => (
            <Invitation key={item.invitationId} item={item} outcome={outcome} />
          ))}
        </ul>
      )}
      <p>{t("list.myCalendar")}</p>
      <h2>{t("list.past")}</h2>
      {past.length === 0 ? (
        <p>{t("list.noPast")}</p>
      ) : (
        <ul className="plain-list stack">
          {past.map((item) => (
            <Invitation key={item.invitationId} item={item} outcome={outcome} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
