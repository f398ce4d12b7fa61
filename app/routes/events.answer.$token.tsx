import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EventAnswerForm } from "~/components/event-answer-form.tsx";
import { EventFacts, currentAnswerText, useEventsT } from "~/components/event-invitation.tsx";
import { answerView, eventFacts, eventsCatalog } from "~/modules/events/answer-page.server.ts";
import {
  AnswerFormSchema,
  type FindInvitationOutcome,
  answerEventInvitation,
  answerInputFromForm,
  readAnswerSubmission,
  findInvitationByToken,
} from "~/modules/events/answering.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";

// The answer page of an invitation's mail link, without signing in: the token is the key. A GET
// only shows (a mail scanner following the link answers nothing, even with ?response=yes, which
// only preselects); the POST records. The page speaks the invitee's language; a token that does
// not work shows why, in the invitee's language when we know who it was for (404: tampered,
// foreign or revoked; 410: the event is over or cancelled), and changes nothing.

const HEADERS = { "Cache-Control": "no-store" };

async function pageData(
  request: Request,
  context: LoaderFunctionArgs["context"],
  found: FindInvitationOutcome,
) {
  const preselect = new URL(request.url).searchParams.get("response");
  if (!found.ok && found.reason === "invalid") {
    const language = await getLanguage(request);
    return {
      status: 404,
      page: { state: "invalid" as const, language, catalog: eventsCatalog(language) },
    };
  }
  if (!found.ok && found.reason === "revoked") {
    const { language } = found;
    return {
      status: 404,
      page: { state: "revoked" as const, language, catalog: eventsCatalog(language) },
    };
  }
  const invitation = found.ok ? found.invitation : found.invitation;
  const language = invitation.recipient.language;
  const state = !found.ok ? found.why : invitation.deadlinePassed ? "readonly" : "open";
  return {
    status: found.ok ? 200 : 410,
    page: {
      state,
      language,
      catalog: eventsCatalog(language),
      name: invitation.recipient.name,
      facts: eventFacts(invitation, language),
      ...answerView(invitation, preselect),
      outcome: await readOutcome(request, context),
    },
  };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const found = await findInvitationByToken(context.db, params.token);
  const { status, page } = await pageData(request, context, found);
  return data(page, { status, headers: HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const title = page && "facts" in page ? page.facts.title : "Digihelpers";
  return [
    { title: `${title} · Digihelpers` },
    // The address holds a secret: keep it out of other sites' logs and out of search engines.
    // "same-origin", not "no-referrer": under no-referrer a browser sends `Origin: null` with the
    // page's own form POST, which Remix refuses as a cross-site request.
    { name: "referrer", content: "same-origin" },
    { name: "robots", content: "noindex" },
  ];
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const submission = await readForm(request, context, AnswerFormSchema);
  const found = await findInvitationByToken(context.db, params.token);
  if (!found.ok) {
    const { status, page } = await pageData(request, context, found);
    return data({ errors: {}, values: null, page }, { status, headers: HEADERS });
  }
  const { values: submitted, errors } = readAnswerSubmission(submission);
  if (errors || submission.status !== "success") {
    return data(
      { errors: errors ?? {}, values: submitted, page: null },
      { status: 400, headers: HEADERS },
    );
  }
  const outcome = await answerEventInvitation(
    context.db,
    context.jobs,
    found.invitation.id,
    answerInputFromForm(submission.value),
  );
  if (!outcome.ok && outcome.reason === "invalid") {
    return data(
      { errors: outcome.fieldErrors, values: submitted, page: null },
      { status: 400, headers: HEADERS },
    );
  }
  const url = `/events/answer/${params.token}`;
  if (!outcome.ok) {
    throw await redirectWithOutcome(request, context, url, {
      tone: "error",
      message: `events:answer.refused.${outcome.reason}`,
    });
  }
  throw await redirectWithOutcome(request, context, url, {
    tone: "success",
    message: `events:answer.done.${outcome.response}`,
    values: outcome.position ? { position: outcome.position } : undefined,
  });
}

export default function EventAnswerPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A POST with a token that no longer works shows why, like the GET would.
  const page = actionData?.page ?? loaded;
  const t = useEventsT(page.language, page.catalog);

  if (!("facts" in page)) {
    return (
      <div className="page page--narrow" lang={page.language}>
        <h1>{t(`token.${page.state}Title`)}</h1>
        <p>{t(`token.${page.state}Text`)}</p>
        <p>
          <Link to="/">{t("token.signIn")}</Link>
        </p>
      </div>
    );
  }

  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? page.values;
  const outcome = page.outcome;
  const closedTitle =
    page.state === "past"
      ? t("token.pastTitle")
      : page.state === "cancelled"
        ? t("token.cancelledTitle")
        : null;

  return (
    <div className="page page--narrow" lang={page.language}>
      <h1>{page.facts.title}</h1>
      {closedTitle ? (
        <div className="notice notice--error" role="status">
          <p>
            <strong>{closedTitle}</strong>
          </p>
          <p>{t(page.state === "past" ? "token.pastText" : "token.cancelledText")}</p>
        </div>
      ) : (
        <p className="lead">{t("answer.greeting", { name: page.name })}</p>
      )}
      {outcome ? (
        <div
          className={`notice notice--${outcome.tone} outcome`}
          role={outcome.tone === "error" ? "alert" : "status"}
        >
          {t(
            outcome.message.replace(/^events:/, "") as "answer.done.yes",
            outcome.values as Record<string, unknown>,
          )}
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
        {page.state === "open" ? (
          <>
            <p>{t("answer.deadline", { date: page.facts.deadline })}</p>
            <EventAnswerForm
              t={t}
              idPrefix="answer"
              maxPlusOnes={page.maxPlusOnes}
              questions={page.questions}
              values={values}
              errors={errors}
              submitLabel={
                page.current.response === "none" ? t("answer.submit") : t("answer.change")
              }
            />
            {page.current.response !== "yes" ? <p>{t("answer.waitingNote")}</p> : null}
          </>
        ) : page.state === "readonly" ? (
          <p>{t("answer.deadlinePassed")}</p>
        ) : null}
      </section>
      <EventFacts t={t} facts={page.facts} />
    </div>
  );
}
