import { Form } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import type { ReportFormValues } from "~/modules/shift-reports/form-values.ts";
import { type SensitiveKind, findSensitiveData } from "~/modules/shift-reports/sensitive.ts";
import { REPORT_TOPICS } from "~/modules/shift-reports/topics.ts";

// The shift report form, for the volunteer's own report and for a coordinator recording one. Plain
// HTML that posts; the server checks everything (report-schemas.server.ts). With JavaScript, the
// free-text fields warn as one types when the text looks like someone's data; without it, the
// server's refusal says the same beside the field. No zod here (decision 021).

type Errors = Record<string, string[] | null | undefined>;

interface FieldProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

function Field({
  name,
  label,
  hint,
  error,
  after,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Shown under the field, tied to it (the as-you-type warning). */
  after?: { id: string; node: ReactNode };
  children: (props: FieldProps) => ReactNode;
}) {
  const id = `report-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : "", after ? after.id : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {after?.node}
    </div>
  );
}

/** The as-you-type warning: a live region, empty until the text looks like someone's data. */
function SensitiveWarning({ id, kinds }: { id: string; kinds: SensitiveKind[] }) {
  const { t } = useTranslation("shiftReports");
  return (
    <div id={id} aria-live="polite" className={kinds.length ? "notice notice--error" : undefined}>
      {kinds.length ? (
        <>
          <p>
            <strong>{t("sensitive.title")}</strong>
          </p>
          <ul>
            {kinds.map((kind) => (
              <li key={kind}>{t(`sensitive.${kind}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function ShiftReportForm({
  values,
  errors,
  refusal,
  submitLabel,
  volunteers,
}: {
  values: ReportFormValues;
  errors: Errors;
  refusal: string | null;
  submitLabel: string;
  /** For a coordinator: whom the report is for (people on the roster without one). */
  volunteers?: Array<{ id: number; name: string }>;
}) {
  const { t } = useTranslation("shiftReports");
  const { t: tc } = useTranslation();
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? String(tc(key as never)) : undefined;
  };
  const hasErrors = Object.values(errors).some((e) => e && e.length > 0);
  // Also right after the server sent the form back, so the warning stays beside the text.
  const [reflectionKinds, setReflectionKinds] = useState<SensitiveKind[]>(() =>
    findSensitiveData(values.reflection),
  );
  const [otherKinds, setOtherKinds] = useState<SensitiveKind[]>(() =>
    findSensitiveData(values.otherTopic),
  );

  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      <input type="hidden" name="reportId" value={values.reportId} />
      <FormMessage>{refusal ?? (hasErrors ? t("form.checkFields") : null)}</FormMessage>

      {volunteers ? (
        <fieldset
          className="choices"
          aria-describedby={errorOf("volunteer") ? "report-volunteer-error" : undefined}
        >
          <legend>{t("planning.volunteer")}</legend>
          {volunteers.map((person) => (
            <div className="check" key={person.id}>
              <input
                type="radio"
                id={`report-volunteer-${person.id}`}
                name="volunteer"
                value={`user-${person.id}`}
                defaultChecked={values.volunteer === `user-${person.id}`}
              />
              <label htmlFor={`report-volunteer-${person.id}`}>{person.name}</label>
            </div>
          ))}
          <div className="check">
            <input
              type="radio"
              id="report-volunteer-outside"
              name="volunteer"
              value="outside"
              defaultChecked={values.volunteer === "outside" || volunteers.length === 0}
            />
            <label htmlFor="report-volunteer-outside">{t("planning.outside")}</label>
          </div>
          {errorOf("volunteer") ? (
            <p id="report-volunteer-error" className="field__error">
              {errorOf("volunteer")}
            </p>
          ) : null}
          <Field
            name="volunteerName"
            label={t("planning.volunteerName")}
            error={errorOf("volunteerName")}
          >
            {(props) => (
              <input {...props} type="text" maxLength={200} defaultValue={values.volunteerName} />
            )}
          </Field>
        </fieldset>
      ) : null}

      <Field
        name="peopleHelped"
        label={t("form.peopleHelped")}
        hint={t("form.peopleHint")}
        error={errorOf("peopleHelped")}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={0}
            max={200}
            step={1}
            defaultValue={values.peopleHelped}
          />
        )}
      </Field>

      <fieldset
        className="choices"
        aria-describedby={
          ["report-topics-hint", errorOf("topics") ? "report-topics-error" : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
      >
        <legend>{t("form.topics")}</legend>
        <p id="report-topics-hint" className="field__hint">
          {t("form.topicsHint")}
        </p>
        {REPORT_TOPICS.map((topic) => (
          <div className="check" key={topic}>
            <input
              type="checkbox"
              id={`report-topic-${topic}`}
              name="topics"
              value={topic}
              defaultChecked={values.topics.includes(topic)}
            />
            <label htmlFor={`report-topic-${topic}`}>{tc(`topic.${topic}`)}</label>
          </div>
        ))}
        {errorOf("topics") ? (
          <p id="report-topics-error" className="field__error">
            {errorOf("topics")}
          </p>
        ) : null}
        <Field
          name="otherTopic"
          label={t("form.otherTopic")}
          hint={t("form.otherHint")}
          error={errorOf("otherTopic")}
          after={{
            id: "report-otherTopic-warning",
            node: <SensitiveWarning id="report-otherTopic-warning" kinds={otherKinds} />,
          }}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={200}
              defaultValue={values.otherTopic}
              onChange={(event) => setOtherKinds(findSensitiveData(event.currentTarget.value))}
            />
          )}
        </Field>
      </fieldset>

      <fieldset
        className="choices"
        aria-describedby={
          ["report-worked-hint", errorOf("hours") ? "report-hours-error" : ""]
            .filter(Boolean)
            .join(" ") || undefined
        }
      >
        <legend>{t("form.worked")}</legend>
        <p id="report-worked-hint" className="field__hint">
          {t("form.workedHint")}
        </p>
        <div className="inline-fields">
          <Field name="hours" label={t("form.hours")} error={errorOf("hours")}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                max={24}
                step={1}
                defaultValue={values.hours}
              />
            )}
          </Field>
          <Field name="minutes" label={t("form.minutes")} error={errorOf("minutes")}>
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={0}
                max={59}
                step={1}
                defaultValue={values.minutes}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <Field
        name="referrals"
        label={t("form.referrals")}
        hint={t("form.referralsHint")}
        error={errorOf("referrals")}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={0}
            max={200}
            step={1}
            defaultValue={values.referrals}
          />
        )}
      </Field>

      <Field
        name="reflection"
        label={t("form.reflection")}
        hint={`${t("form.reflectionHint")} ${t("privacy")}`}
        error={errorOf("reflection")}
        after={{
          id: "report-reflection-warning",
          node: <SensitiveWarning id="report-reflection-warning" kinds={reflectionKinds} />,
        }}
      >
        {(props) => (
          <textarea
            {...props}
            rows={5}
            maxLength={4000}
            defaultValue={values.reflection}
            onChange={(event) => setReflectionKinds(findSensitiveData(event.currentTarget.value))}
          />
        )}
      </Field>

      <p>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </p>
    </Form>
  );
}
