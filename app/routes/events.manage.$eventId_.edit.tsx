import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/course-form.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { EventForm } from "~/components/event-form.tsx";
import { CsrfField } from "~/components/forms.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { loadPlannedEvent } from "~/modules/events/event.server.ts";
import {
  cancelEvent,
  listEventScopes,
  loadEventForm,
  publishEvent,
  updateEvent,
} from "~/modules/events/planning.server.ts";
import {
  ADD_QUESTION,
  EventActionSchema,
  EventFormSchema,
  toEventFormValues,
  typingErrors,
  withOneMoreQuestion,
} from "~/modules/events/planning-schemas.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { requireCsrfToken } from "~/utils/csrf.server.ts";
import { readFormData } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// Changing an event: the form (a published event's change reaches the invited), publishing a
// draft, and cancelling it for good with a reason.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const event = await loadPlannedEvent(context.db, actor, paramId(params.eventId));
  // An event outside the actor's scope answers like one that does not exist.
  if (!event) throw new Response("Not found", { status: 404 });
  return {
    title: getFixedT(await getLanguage(request), "eventPlanning")("edit.title"),
    event: { id: event.id, title: event.title, status: event.status },
    scopes: await listEventScopes(context.db, actor),
    values: await loadEventForm(context.db, event),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const eventId = paramId(params.eventId);
  if (!(await loadPlannedEvent(context.db, actor, eventId)))
    throw new Response("Not found", { status: 404 });
  const formData = await readFormData(request);
  await requireCsrfToken(request, formData, context.secret);
  const intent = formData.get("intent");
  const here = `/events/manage/${eventId}/edit`;

  if (intent === "publish" || intent === "cancel") {
    const submission = parseWithZod(formData, { schema: EventActionSchema });
    if (submission.status !== "success")
      return data(
        { values: null, errors: {}, refusal: null, actionErrors: submission.error ?? {} },
        { status: 400 },
      );
    const v = submission.value;
    const outcome =
      v.intent === "publish"
        ? await publishEvent(context.db, actor, eventId)
        : await cancelEvent(context.db, context.jobs, actor, eventId, v.reason);
    if (!outcome.ok && outcome.reason === "not_found")
      throw new Response("Not found", { status: 404 });
    return redirectWithOutcome(
      request,
      context,
      here,
      outcome.ok
        ? {
            tone: "success",
            message: `eventPlanning:edit.notice.${v.intent === "publish" ? "published" : "cancelled"}`,
          }
        : {
            tone: "error",
            message: `eventPlanning:errors.refusal.${outcome.reason}`,
            values: { count: outcome.taken ?? 0 },
          },
    );
  }

  const submission = parseWithZod(formData, { schema: EventFormSchema });
  const values = toEventFormValues(submission.payload);
  if (intent === ADD_QUESTION) {
    const errors = typingErrors(submission.status === "success" ? {} : submission.error);
    return data(
      { values: withOneMoreQuestion(values), errors, refusal: null, actionErrors: {} },
      { status: Object.keys(errors).length > 0 ? 400 : 200 },
    );
  }
  // A button this page never shows.
  if (intent !== null && intent !== "")
    return data(
      { values, errors: { intent: ["auth:fields.required"] }, refusal: null, actionErrors: {} },
      { status: 400 },
    );
  if (submission.status !== "success")
    return data(
      { values, errors: submission.error ?? {}, refusal: null, actionErrors: {} },
      { status: 400 },
    );
  const outcome = await updateEvent(context.db, context.jobs, actor, eventId, submission.value);
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  if (!outcome.ok)
    return data({ values, errors: {}, refusal: outcome, actionErrors: {} }, { status: 400 });
  return redirectWithOutcome(request, context, here, {
    tone: "success",
    message:
      outcome.notified > 0
        ? "eventPlanning:edit.notice.notified"
        : "eventPlanning:edit.notice.saved",
    values: { count: outcome.notified },
  });
}

export default function EditEvent() {
  const { t } = useTranslation("eventPlanning");
  const { t: tc } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal;
  const { event } = loaded;
  const actionErrors: Record<string, string[] | null> = actionData?.actionErrors ?? {};
  const reasonError = actionErrors.reason?.[0];
  return (
    <div className="page page--narrow">
      <h1>{t("edit.title")}</h1>
      <p>
        <strong>{event.title}</strong>
        <br />
        {t(
          `edit.${event.status === "draft" ? "draftIntro" : event.status === "published" ? "publishedIntro" : "cancelledIntro"}`,
        )}
      </p>
      <OutcomeMessage outcome={loaded.outcome} />
      <nav aria-labelledby="event-links">
        <h2 id="event-links" className="visually-hidden">
          {t("edit.links")}
        </h2>
        <ul>
          <li>
            <Link to={`/events/manage/${event.id}/audience`}>{t("edit.audienceLink")}</Link>
          </li>
          {event.status === "published" ? (
            <li>
              <Link to={`/events/manage/${event.id}/send`}>{t("edit.sendLink")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/events/manage/${event.id}`}>{t("edit.overviewLink")}</Link>
          </li>
        </ul>
      </nav>

      {event.status === "draft" ? (
        <section aria-labelledby="publish-heading" className="stack">
          <h2 id="publish-heading">{t("edit.publishHeading")}</h2>
          <p>{t("edit.publishText")}</p>
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button">
              {t("edit.publish")}
            </button>
          </Form>
        </section>
      ) : null}

      {event.status !== "cancelled" ? (
        <>
          <EventForm
            key={JSON.stringify(actionData?.values ?? null)}
            values={actionData?.values ?? loaded.values}
            errors={actionData?.errors ?? {}}
            scopes={loaded.scopes}
            scopeFixed={event.status === "published"}
            refusal={
              refusal ? t(`errors.refusal.${refusal.reason}`, { count: refusal.taken ?? 0 }) : null
            }
            submitLabel={t("edit.submit")}
          />
          <section aria-labelledby="cancel-heading" className="stack">
            <h2 id="cancel-heading">{t("edit.cancelHeading")}</h2>
            <p>{t("edit.cancelText")}</p>
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="cancel" />
              <Field
                name="reason"
                label={t("edit.cancelReason")}
                error={reasonError ? String(tc(reasonError as never)) : undefined}
              >
                {(props) => <textarea {...props} rows={3} maxLength={1000} required />}
              </Field>
              <button type="submit" className="button button--danger">
                {t("edit.cancel")}
              </button>
            </Form>
          </section>
        </>
      ) : null}
      <p>
        <Link to="/events/manage">{t("edit.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("eventPlanning");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("edit.notFound"), link: { to: "/events/manage", label: t("edit.back") } },
      }}
    />
  );
}
