import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EventForm } from "~/components/event-form.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  createEvent,
  listEventScopes,
  newEventFormValues,
} from "~/modules/events/planning.server.ts";
import {
  ADD_QUESTION,
  EventFormSchema,
  toEventFormValues,
  typingErrors,
  withOneMoreQuestion,
} from "~/modules/events/planning-schemas.ts";
import { redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const scopes = await listEventScopes(context.db, actor);
  return {
    title: getFixedT(await getLanguage(request), "eventPlanning")("form.newTitle"),
    scopes,
    values: newEventFormValues(actor, scopes[0]?.value ?? ""),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

const REQUIRED = "auth:fields.required";

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const submission = await readForm(request, context, EventFormSchema);
  const values = toEventFormValues(submission.payload);
  const intent = submission.payload.intent;
  // One more question row, nothing saved: the form comes back as typed (a 400 if something
  // typed is wrong, told beside its field).
  if (intent === ADD_QUESTION) {
    const errors = typingErrors(submission.status === "success" ? {} : submission.error);
    return data(
      { values: withOneMoreQuestion(values), errors, refusal: null },
      { status: Object.keys(errors).length > 0 ? 400 : 200 },
    );
  }
  // A button this page never shows.
  if (intent !== undefined && intent !== "")
    return data({ values, errors: { intent: [REQUIRED] }, refusal: null }, { status: 400 });
  if (submission.status !== "success")
    return data({ values, errors: submission.error ?? {}, refusal: null }, { status: 400 });
  const outcome = await createEvent(context.db, actor, submission.value);
  if (!outcome.ok) return data({ values, errors: {}, refusal: outcome }, { status: 400 });
  // Next: whom to invite.
  return redirectWithOutcome(request, context, `/events/manage/${outcome.eventId}/audience`, {
    tone: "success",
    message: "eventPlanning:edit.notice.created",
  });
}

export default function NewEvent() {
  const { t } = useTranslation("eventPlanning");
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal;
  return (
    <div className="page page--narrow">
      <h1>{t("form.newTitle")}</h1>
      <p>{t("form.newIntro")}</p>
      <EventForm
        // A fresh form for each answer, so the fields show what the server sent back.
        key={JSON.stringify(actionData?.values ?? null)}
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        scopes={loaded.scopes}
        refusal={
          refusal ? t(`errors.refusal.${refusal.reason}`, { count: refusal.taken ?? 0 }) : null
        }
        submitLabel={t("form.create")}
      />
      <p>
        <Link to="/events/manage">{t("edit.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
