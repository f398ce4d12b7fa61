import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventAnswerForm } from "~/components/event-answer-form.tsx";
import { EventFacts, currentAnswerText } from "~/components/event-invitation.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { answerView, eventFacts } from "~/modules/events/answer-page.server.ts";
import {
  AnswerFormSchema,
  answerInputFromForm,
  readAnswerSubmission,
  findInvitationOfUser,
} from "~/modules/events/answering.server.ts";
import { answerOwnInvitation } from "~/modules/events/invited.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// One gathering as an invitee sees it, signed in: the facts, their answer and the whole answer
// form with the event's questions. Anyone not invited gets a 404 (organisers use /events/manage).

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const invitation = await findInvitationOfUser(context.db, actor.id, paramId(params.eventId));
  if (!invitation) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  return {
    facts: eventFacts(invitation, language),
    ...answerView(invitation, new URL(request.url).searchParams.get("response")),
    open: !invitation.event.cancelled && !invitation.deadlinePassed,
    past: new Date(invitation.event.endsAt) <= new Date(),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.facts.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const eventId = paramId(params.eventId);
  const submission = await readForm(request, context, AnswerFormSchema);
  const invitation = await findInvitationOfUser(context.db, actor.id, eventId);
  if (!invitation) throw new Response("Not found", { status: 404 });
  const { values: submitted, errors } = readAnswerSubmission(submission);
  if (errors || submission.status !== "success") {
    return data({ errors: errors ?? {}, values: submitted }, { status: 400 });
  }
  const outcome = await answerOwnInvitation(
    context.db,
    context.jobs,
    actor.id,
    invitation.id,
    answerInputFromForm(submission.value),
  );
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  if ("invalid" in outcome)
    return data({ errors: outcome.invalid, values: submitted }, { status: 400 });
  throw await redirectWithOutcome(request, context, `/events/${eventId}`, outcome);
}

export default function EventPage() {
  const { t } = useTranslation("events");
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/events">{t("detail.back")}</Link>
      </p>
      <h1>{page.facts.title}</h1>
      <OutcomeMessage outcome={page.outcome} />
      {page.facts.cancelled ? (
        <div className="notice notice--error">
          <p>{t("token.cancelledTitle")}</p>
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div className="notice notice--error" role="alert">
          {t("answer.errors.title")}
        </div>
      ) : null}
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">{t("answer.title")}</h2>
        <p>
          <strong>{currentAnswerText(t, page.current)}</strong>
        </p>
        {page.open ? (
          <>
            <p>{t("answer.deadline", { date: page.facts.deadline })}</p>
            <EventAnswerForm
              t={t}
              idPrefix="answer"
              maxPlusOnes={page.maxPlusOnes}
              questions={page.questions}
              values={actionData?.values ?? page.values}
              errors={errors}
              submitLabel={
                page.current.response === "none" ? t("answer.submit") : t("answer.change")
              }
            />
          </>
        ) : !page.facts.cancelled && !page.past ? (
          <p>{t("answer.deadlinePassed")}</p>
        ) : null}
      </section>
      <EventFacts t={t} facts={page.facts} />
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("events");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("detail.notFound"), link: { to: "/events", label: t("detail.back") } },
      }}
    />
  );
}
