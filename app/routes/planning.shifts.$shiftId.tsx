import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CheckboxField,
  CsrfField,
  FormMessage,
  RadioGroup,
  SelectField,
  TextField,
} from "~/components/forms.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  getRoster,
  grantReleaseRequest,
  recordAttendance,
  removeFromShift,
} from "~/modules/shifts/roster.server.ts";
import { EditShiftSchema, PlanningActionSchema } from "~/modules/shifts/planning-schemas.ts";
import { listSkills } from "~/modules/people/skills.server.ts";
import { cancelShift, editShift, localParts } from "~/modules/shifts/series.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { paramId } from "~/utils/schemas.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const roster = await getRoster(context.db, actor, paramId(params.shiftId));
  // Another digibank's shift answers like one that does not exist.
  if (!roster) throw new Response("Not found", { status: 404 });
  const { shift } = roster;
  const start = localParts(shift.starts_at);
  return {
    title: getFixedT(await getLanguage(request), "planning")("detail.title"),
    shift: {
      id: shift.id,
      startsAt: shift.starts_at,
      endsAt: shift.ends_at,
      date: start.date,
      startTime: start.time,
      endTime: localParts(shift.ends_at).time,
      capacity: shift.capacity,
      confirmed: shift.confirmed_count,
      requiredSkillId: shift.required_skill_id,
      firstShiftFriendly: shift.first_shift_friendly,
      notes: shift.notes,
      address: shift.address,
      status: shift.status,
      cancelReason: shift.cancel_reason,
      inSeries: shift.series_id !== null,
      digipunt: shift.digipuntName,
      mobile: shift.digipuntKind === "mobile",
      place: shift.address ?? shift.digipuntAddress,
      digibank: shift.digibankName,
      started: shift.starts_at <= new Date(),
    },
    confirmed: roster.confirmed,
    reserve: roster.reserve,
    skills: await listSkills(context.db),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const shiftId = paramId(params.shiftId);
  const submission = await readForm(request, context, PlanningActionSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const v = submission.value;
  const { db, jobs } = context;
  const here = `/planning/shifts/${shiftId}`;
  switch (v.intent) {
    case "edit": {
      const outcome = await editShift(
        db,
        jobs,
        actor,
        shiftId,
        {
          date: v.scope === "this" ? v.date : undefined,
          startTime: v.startTime,
          endTime: v.endTime,
          capacity: v.capacity,
          requiredSkillId: v.requiredSkillId ?? null,
          firstShiftFriendly: v.firstShiftFriendly === "on",
          notes: v.notes || null,
          address: v.address || null,
        },
        v.scope,
      );
      if (outcome.ok)
        return redirectWithOutcome(request, context, here, {
          tone: "success",
          message: "planning:notice.saved",
        });
      if (outcome.reason === "not_found") throw new Response("Not found", { status: 404 });
      return data({ result: submission.reply(), refusal: outcome }, { status: 400 });
    }
    case "cancel": {
      const outcome = await cancelShift(db, jobs, actor, shiftId, {
        reason: v.reason || null,
        scope: v.scope,
      });
      if (outcome.ok)
        return redirectWithOutcome(request, context, "/planning", {
          tone: "success",
          message: "planning:notice.cancelled",
          values: { count: outcome.cancelledShiftIds.length },
        });
      if (outcome.reason === "not_found") throw new Response("Not found", { status: 404 });
      return data({ result: submission.reply(), refusal: outcome }, { status: 400 });
    }
    default: {
      const outcome =
        v.intent === "remove"
          ? await removeFromShift(db, jobs, actor, v.claimId, { shiftId })
          : v.intent === "release"
            ? await grantReleaseRequest(db, jobs, actor, v.claimId, { shiftId })
            : await recordAttendance(db, actor, v.claimId, v.attendance, { shiftId });
      // The claim must belong to this very shift: a claim id of another one is not found here.
      if (!outcome.ok && outcome.reason === "not_found")
        throw new Response("Not found", { status: 404 });
      // Attendance is told on the person's card, which stays; the others leave the roster.
      const at = v.intent === "attendance" ? claimAnchor(v.claimId) : undefined;
      return redirectWithOutcome(
        request,
        context,
        here,
        outcome.ok
          ? { tone: "success", message: `planning:notice.${v.intent}`, at }
          : { tone: "error", message: `planning:refusal.${outcome.reason}`, at },
      );
    }
  }
}

const claimAnchor = (claimId: number) => `claim-${claimId}`;

export default function PlannedShift() {
  const { t, i18n } = useTranslation("planning");
  const { t: tc } = useTranslation();
  const { t: tr } = useTranslation("shiftReports");
  const { shift, confirmed, reserve, skills, outcome } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal;
  const [form, fields] = useForm({
    id: "edit-shift",
    lastResult: actionData?.result,
    constraint: getZodConstraint(EditShiftSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditShiftSchema }),
    shouldRevalidate: "onInput",
    defaultValue: {
      intent: "edit",
      scope: "this",
      date: shift.date,
      startTime: shift.startTime,
      endTime: shift.endTime,
      capacity: String(shift.capacity),
      requiredSkillId: shift.requiredSkillId ? String(shift.requiredSkillId) : "",
      firstShiftFriendly: shift.firstShiftFriendly ? "on" : undefined,
      notes: shift.notes ?? "",
      address: shift.address ?? "",
    },
  });
  const when = formatDateTime(new Date(shift.startsAt), i18n.language, {
    dateStyle: "full",
    timeStyle: "short",
  });
  const until = formatDateTime(new Date(shift.endsAt), i18n.language, { timeStyle: "short" });
  const scopes = [
    { value: "this" as const, label: t("detail.scopeThis") },
    { value: "following" as const, label: t("detail.scopeFollowing") },
  ];
  const open = shift.status === "scheduled" && !shift.started;

  return (
    <div className="page">
      <h1>{t("detail.title")}</h1>
      <p>
        <strong>{t("detail.when", { when, until })}</strong>
        <br />
        {shift.digipunt} ({shift.digibank}){shift.place ? ` · ${shift.place}` : ""}
      </p>
      <OutcomeMessage outcome={outcome} />
      <FormMessage>
        {refusal && "reason" in refusal
          ? t(`refusal.${refusal.reason}`, {
              count: "confirmed" in refusal ? (refusal.confirmed ?? 0) : 0,
              name: "person" in refusal ? (refusal.person ?? t("refusal.someone")) : "",
            })
          : null}
      </FormMessage>
      {shift.status === "cancelled" ? (
        <FormMessage>
          {t("detail.cancelled", { reason: shift.cancelReason ?? t("detail.noReason") })}
        </FormMessage>
      ) : null}
      <p>{t("shift.fill", { confirmed: shift.confirmed, capacity: shift.capacity })}</p>

      <h2>{t("roster.title")}</h2>
      {confirmed.length === 0 ? (
        <p>{t("roster.empty")}</p>
      ) : (
        <ul className="cards" aria-label={t("roster.caption")}>
          {confirmed.map((person) => (
            <li key={person.claimId} id={claimAnchor(person.claimId)} className="card">
              <h3>{person.name}</h3>
              <OutcomeMessage outcome={outcome} at={claimAnchor(person.claimId)} />
              {person.releaseRequestedAt ? (
                <p>
                  <strong>{t("roster.releaseRequested")}</strong>
                </p>
              ) : null}
              <p>
                <a href={`mailto:${person.email}`}>{person.email}</a>
                {person.phone ? (
                  <>
                    <br />
                    <a href={`tel:${person.phone.replace(/\s/g, "")}`}>{person.phone}</a>
                  </>
                ) : null}
              </p>
              {shift.started ? (
                <>
                  <p>
                    {person.attendance
                      ? t(`roster.attendance.${person.attendance}`)
                      : t("roster.attendance.unknown")}
                  </p>
                  <div className="inline-actions">
                    {(["present", "no_show"] as const).map((value) => (
                      <ClaimButton
                        key={value}
                        intent="attendance"
                        claimId={person.claimId}
                        extra={{ attendance: value }}
                        label={t(`roster.mark.${value}`, { name: person.name })}
                      />
                    ))}
                  </div>
                </>
              ) : open ? (
                <div className="inline-actions">
                  {person.releaseRequestedAt ? (
                    <ClaimButton
                      intent="release"
                      claimId={person.claimId}
                      label={t("roster.release", { name: person.name })}
                    />
                  ) : null}
                  <ClaimButton
                    intent="remove"
                    claimId={person.claimId}
                    label={t("roster.remove", { name: person.name })}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {shift.started ? (
        <p>
          <Link to={`/planning/shifts/${shift.id}/reports`}>{tr("planning.link")}</Link>
        </p>
      ) : null}
      <h2>{t("roster.reserveTitle")}</h2>
      {reserve.length === 0 ? (
        <p>{t("roster.reserveEmpty")}</p>
      ) : (
        <ol>
          {reserve.map((person) => (
            <li key={person.claimId}>
              {person.name} · <a href={`mailto:${person.email}`}>{person.email}</a>
              {person.phone ? ` · ${person.phone}` : ""}
              {open ? (
                <ClaimButton
                  intent="remove"
                  claimId={person.claimId}
                  label={t("roster.removeReserve", { name: person.name })}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}

      {open ? (
        <>
          <h2>{t("detail.editTitle")}</h2>
          <Form method="post" {...getFormProps(form)} className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="edit" />
            {shift.inSeries ? (
              <RadioGroup field={fields.scope} legend={t("detail.scope")} options={scopes} />
            ) : (
              <input type="hidden" name="scope" value="this" />
            )}
            <TextField
              field={fields.date}
              label={t("new.date")}
              type="date"
              hint={shift.inSeries ? t("detail.dateHint") : undefined}
            />
            <TextField field={fields.startTime} label={t("shift.startTime")} type="time" />
            <TextField field={fields.endTime} label={t("shift.endTime")} type="time" />
            <TextField field={fields.capacity} label={t("shift.capacity")} type="number" />
            <SelectField
              field={fields.requiredSkillId}
              label={t("shift.requiredSkill")}
              placeholder={t("shift.noSkill")}
              options={skills.map((s) => ({ value: String(s.id), label: tc(`skill.${s.code}`) }))}
            />
            <CheckboxField
              field={fields.firstShiftFriendly}
              label={t("shift.firstShiftFriendly")}
            />
            <TextField field={fields.notes} label={t("shift.notes")} />
            {shift.mobile ? <TextField field={fields.address} label={t("shift.address")} /> : null}
            <button type="submit" className="button">
              {t("detail.save")}
            </button>
          </Form>

          <h2>{t("detail.cancelTitle")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="cancel" />
            {shift.inSeries ? (
              <fieldset className="choices">
                <legend>{t("detail.cancelScope")}</legend>
                {[
                  { value: "this", label: t("detail.cancelScopeThis") },
                  { value: "following", label: t("detail.cancelScopeFollowing") },
                ].map((s) => (
                  <div className="check" key={s.value}>
                    <input
                      type="radio"
                      id={`cancel-scope-${s.value}`}
                      name="scope"
                      value={s.value}
                      defaultChecked={s.value === "this"}
                    />
                    <label htmlFor={`cancel-scope-${s.value}`}>{s.label}</label>
                  </div>
                ))}
              </fieldset>
            ) : (
              <input type="hidden" name="scope" value="this" />
            )}
            <div className="field">
              <label htmlFor="cancel-reason">{t("detail.cancelReason")}</label>
              <input id="cancel-reason" name="reason" type="text" maxLength={500} />
            </div>
            <button type="submit" className="button button--danger">
              {t("detail.cancel")}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <Link to="/planning">{t("back")}</Link>
      </p>
    </div>
  );
}

function ClaimButton({
  intent,
  claimId,
  label,
  extra = {},
}: {
  intent: "remove" | "release" | "attendance";
  claimId: number;
  label: string;
  extra?: Record<string, string>;
}) {
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="claimId" value={claimId} />
      {Object.entries(extra).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button button--secondary">
        {label}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("planning");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("shiftNotFound"), link: { to: "/planning", label: t("back") } },
      }}
    />
  );
}
