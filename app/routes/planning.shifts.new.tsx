import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import {
  CheckboxField,
  CheckboxGroup,
  CsrfField,
  FormMessage,
  RadioGroup,
  SelectField,
  TextField,
} from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listDigipunten } from "~/modules/places/digipunten.server.ts";
import { NewShiftSchema, WEEKDAYS } from "~/modules/shifts/planning-schemas.ts";
import { listSkills } from "~/modules/people/skills.server.ts";
import { createShiftSeries } from "~/modules/shifts/series.server.ts";
import { redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  return {
    title: getFixedT(await getLanguage(request), "planning")("new.title"),
    digipunten: await listDigipunten(context.db, actor),
    skills: await listSkills(context.db),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const submission = await readForm(request, context, NewShiftSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const v = submission.value;
  const details = {
    digipuntId: v.digipuntId,
    startTime: v.startTime,
    endTime: v.endTime,
    capacity: v.capacity,
    requiredSkillId: v.requiredSkillId ?? null,
    firstShiftFriendly: v.firstShiftFriendly === "on",
    notes: v.notes || null,
    address: v.address || null,
  };
  const outcome = await createShiftSeries(
    context.db,
    actor,
    v.kind === "once"
      ? { ...details, kind: "once", date: v.date! }
      : {
          ...details,
          kind: "weekly",
          firstDate: v.firstDate!,
          lastDate: v.lastDate!,
          weekdays: v.weekdays!,
          skippedDates: v.skippedDates ?? [],
        },
  );
  if (!outcome.ok)
    return data({ result: submission.reply(), refusal: outcome.reason }, { status: 400 });
  // Back to the planning, showing the new shifts (the page shows a year at most).
  const [from, to] = v.kind === "once" ? [v.date!, v.date!] : [v.firstDate!, v.lastDate!];
  return redirectWithOutcome(request, context, `/planning?from=${from}&to=${to}`, {
    tone: "success",
    message: "planning:notice.created",
    values: { count: outcome.shiftIds.length },
  });
}

export default function NewShift() {
  const { t } = useTranslation("planning");
  const { t: tc } = useTranslation();
  const { digipunten, skills } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(NewShiftSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewShiftSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { kind: "weekly", startTime: "09:00", endTime: "12:00", capacity: "2" },
  });

  // Without JavaScript both parts show and the chosen kind decides; once the page is live, only
  // the part of the chosen kind does, so nobody fills in fields that will be ignored.
  const hydrated = useHydrated();
  const showWeekly = !hydrated || fields.kind.value !== "once";
  const showOnce = !hydrated || fields.kind.value === "once";

  return (
    <div className="page page--narrow">
      <h1>{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      <FormMessage>{actionData?.refusal ? t(`refusal.${actionData.refusal}`) : null}</FormMessage>
      {digipunten.length === 0 ? (
        <p>
          {t("new.noDigipunten")} <Link to="/planning/digipunten/new">{t("digipunten.new")}</Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <CsrfField />
          <SelectField
            field={fields.digipuntId}
            label={t("shift.digipunt")}
            options={digipunten.map((p) => ({
              value: String(p.id),
              label: `${p.name} (${p.digibank}${p.kind === "mobile" ? `, ${t("digipunten.mobile")}` : ""})`,
            }))}
          />
          <RadioGroup
            field={fields.kind}
            legend={t("new.kind")}
            options={[
              { value: "weekly", label: t("new.weekly") },
              { value: "once", label: t("new.once") },
            ]}
          />
          {showWeekly ? (
            <fieldset className="choices">
              <legend>{t("new.weeklyPart")}</legend>
              <CheckboxGroup
                field={fields.weekdays}
                legend={t("new.weekdays")}
                options={WEEKDAYS.map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
              />
              <TextField field={fields.firstDate} label={t("new.firstDate")} type="date" />
              <TextField field={fields.lastDate} label={t("new.lastDate")} type="date" />
              <TextField
                field={fields.skippedDates}
                label={t("new.skippedDates")}
                hint={t("new.skippedDatesHint")}
              />
            </fieldset>
          ) : null}
          {showOnce ? (
            <fieldset className="choices">
              <legend>{t("new.oncePart")}</legend>
              <TextField field={fields.date} label={t("new.date")} type="date" />
            </fieldset>
          ) : null}
          <TextField field={fields.startTime} label={t("shift.startTime")} type="time" />
          <TextField field={fields.endTime} label={t("shift.endTime")} type="time" />
          <TextField field={fields.capacity} label={t("shift.capacity")} type="number" />
          <SelectField
            field={fields.requiredSkillId}
            label={t("shift.requiredSkill")}
            placeholder={t("shift.noSkill")}
            options={skills.map((s) => ({ value: String(s.id), label: tc(`skill.${s.code}`) }))}
          />
          <CheckboxField field={fields.firstShiftFriendly} label={t("shift.firstShiftFriendly")} />
          <TextField field={fields.notes} label={t("shift.notes")} />
          <TextField
            field={fields.address}
            label={t("shift.address")}
            hint={t("shift.addressHint")}
          />
          <button type="submit" className="button">
            {t("new.submit")}
          </button>
        </Form>
      )}
      <p>
        <Link to="/planning">{t("back")}</Link>
      </p>
    </div>
  );
}
