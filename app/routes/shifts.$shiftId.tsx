import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { ShiftActionButton } from "~/components/shift-actions.tsx";
import { IconText } from "~/components/icon-text.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { actOnShift, describeShiftOutcome } from "~/modules/shifts/act.server.ts";
import { shiftStateParts } from "~/modules/shifts/labels.ts";
import { getShiftDetail } from "~/modules/shifts/queries.server.ts";
import { ShiftPageActionSchema } from "~/modules/shifts/schemas.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { paramId } from "~/utils/schemas.ts";
import { getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const shift = await getShiftDetail(context.db, actor, paramId(params.shiftId));
  // A shift of a digibank the reader may not see answers as if it did not exist.
  if (!shift) throw new Response("Not found", { status: 404 });
  const language = await getLanguage(request);
  return {
    shift,
    // Formatted here, so the server and the browser show the very same text.
    when: formatTimeSpan(shift.startsAt, shift.endsAt, language),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? [{ title: `${args.data.shift.digipunt.name} · ${args.data.when} · Digihelpers` }]
    : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const shiftId = paramId(params.shiftId);
  const here = `/shifts/${shiftId}`;
  const submission = await readForm(request, context, ShiftPageActionSchema);
  // The buttons send only fixed values: anything else was not sent from this page.
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const outcome = await actOnShift(context.db, context.jobs, actor, {
    intent: submission.value.intent,
    shiftId,
  });
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  // Success or refusal alike, back to the page: it shows the shift as it is now.
  throw await redirectWithOutcome(request, context, here, describeShiftOutcome(outcome));
}

export default function ShiftPage() {
  const { t } = useTranslation("shifts");
  const { t: tc } = useTranslation();
  const { shift, when, outcome } = useLoaderData<typeof loader>();
  const { my, can, digipunt } = shift;

  return (
    <div className="page page--narrow">
      <p>
        <Link to="/shifts">{t("shift.back")}</Link>
      </p>
      <h1>{digipunt.name}</h1>
      <p className="lead">{when}</p>
      <p className="shift-state">
        <IconText {...shiftStateParts(t, { ...shift, myStatus: my.status })} />
      </p>
      <OutcomeMessage outcome={outcome} />

      {shift.cancelled ? (
        <div className="notice notice--error">
          <p>{t("shift.cancelledNotice")}</p>
          {shift.cancelReason ? (
            <p>{t("shift.cancelReason", { reason: shift.cancelReason })}</p>
          ) : null}
        </div>
      ) : null}

      <div className="shift-actions">
        {can.claim ? (
          <ShiftActionButton intent="claim" shiftId={shift.id} text={t("actions.claim")} />
        ) : null}
        {can.joinReserve ? (
          <>
            <p>{t("refusals.full")}</p>
            <ShiftActionButton intent="reserve" shiftId={shift.id} text={t("actions.reserve")} />
          </>
        ) : null}
        {can.release ? (
          <ShiftActionButton
            intent="release"
            shiftId={shift.id}
            tone="secondary"
            text={t(my.status === "reserve" ? "actions.releaseReserve" : "actions.release")}
          />
        ) : null}
        {can.requestRelease ? (
          <ShiftActionButton
            intent="request_release"
            shiftId={shift.id}
            tone="secondary"
            text={t("actions.request_release")}
          />
        ) : null}
      </div>
      {my.releaseRequested ? <p>{t("shift.releaseRequested")}</p> : null}
      {my.status === "confirmed" && !shift.past && !shift.cancelled ? (
        <p className="muted">{t("shift.cutoff", { count: shift.releaseCutoffHours })}</p>
      ) : null}
      {shift.past && !shift.cancelled ? <p>{t("shift.pastNotice")}</p> : null}
      {!shift.isVolunteer && !shift.past && !shift.cancelled ? (
        <p>{t("shift.notVolunteer")}</p>
      ) : null}
      {shift.canPlan ? (
        <p>
          <Link to={`/planning/shifts/${shift.id}`}>{t("shift.planningLink")}</Link>
        </p>
      ) : null}
      {shift.requiredSkill && !my.hasRequiredSkill && my.status === null && shift.isVolunteer ? (
        <p>
          {t("shift.skillMissing", {
            skill: tc(`skill.${shift.requiredSkill}` as "skill.eid", shift.requiredSkill),
          })}{" "}
          <Link to="/account/skills">{t("shift.skillsLink")}</Link>
        </p>
      ) : null}

      <dl className="details">
        <dt>{t("shift.where")}</dt>
        <dd>
          {digipunt.name}, {digipunt.municipality}
          {digipunt.kind === "mobile" ? ` (${t("shift.mobile")})` : null}
        </dd>
        <dt>{t("shift.address")}</dt>
        <dd>{digipunt.address ?? t("shift.noAddress")}</dd>
        {digipunt.accessibilityNotes ? (
          <>
            <dt>{t("shift.accessibility")}</dt>
            <dd>{digipunt.accessibilityNotes}</dd>
          </>
        ) : null}
        <dt>{t("shift.digibank")}</dt>
        <dd>{shift.digibank.name}</dd>
        {shift.requiredSkill ? (
          <>
            <dt>{t("shift.skill")}</dt>
            <dd>{tc(`skill.${shift.requiredSkill}` as "skill.eid", shift.requiredSkill)}</dd>
          </>
        ) : null}
        {shift.notes ? (
          <>
            <dt>{t("shift.notes")}</dt>
            <dd>{shift.notes}</dd>
          </>
        ) : null}
      </dl>
      {shift.firstShiftFriendly ? <p>{t("shift.firstShift")}</p> : null}

      <h2>{t("shift.whoTitle")}</h2>
      <p>{t("shift.places", { confirmed: shift.confirmedCount, capacity: shift.capacity })}</p>
      {shift.others.length === 0 && my.status !== "confirmed" ? (
        <p>{t("shift.nobody")}</p>
      ) : (
        <ul className="plain-list people-on-shift">
          {my.status === "confirmed" ? <li>{t("shift.you")}</li> : null}
          {shift.others.map((name, index) => (
            <li key={index}>{name}</li>
          ))}
        </ul>
      )}
      {shift.reserveCount > 0 ? (
        <p>{t("shift.reserveCount", { count: shift.reserveCount })}</p>
      ) : null}
      {my.reservePosition ? (
        <p>{t("shift.reservePosition", { position: my.reservePosition })}</p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("shifts");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("shift.notFound"), link: { to: "/shifts/list", label: t("shift.back") } },
      }}
    />
  );
}
