import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, Input, Radios, Select } from "~/components/course-form.tsx";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import {
  ADD_QUESTION,
  type EventFormValues,
  MAX_QUESTIONS,
  QUESTION_KINDS,
} from "~/modules/events/planning-schemas.ts";

// The event form, to plan a new gathering or change one. Plain HTML that posts: without
// JavaScript, "another question" posts the form as typed and gets it back with one more row (as
// the course form grows sessions). Errors come from the server's zod check, keyed by the field's
// name ("questions[1].choices").

type Errors = Record<string, string[] | null | undefined>;

export function EventForm({
  values,
  errors,
  scopes,
  refusal,
  submitLabel,
  scopeFixed = false,
}: {
  values: EventFormValues;
  errors: Errors;
  scopes: Array<{ value: string; name: string; kind: "region" | "digibank" }>;
  refusal: string | null;
  submitLabel: string;
  /** A published event stays whose it is: the scope is shown, not offered. */
  scopeFixed?: boolean;
}) {
  const { t } = useTranslation("eventPlanning");
  const { t: tc } = useTranslation();
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? String(tc(key as never)) : undefined;
  };
  const hasErrors = Object.values(errors).some((e) => e && e.length > 0);
  const scopeOptions = scopes.map((s) => ({
    value: s.value,
    label: s.kind === "region" ? t("form.scopeRegion", { name: s.name }) : s.name,
  }));

  return (
    <Form method="post" className="stack" noValidate>
      {/* Enter in a field presses the form's first submit button: let that be saving, not
          "another question" further down. Hidden from sight and from the tab order. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <CsrfField />
      <FormMessage>
        {refusal ?? (hasErrors ? t("form.checkFields") : null)}
        {errorOf("questions") ? ` ${errorOf("questions")}` : null}
      </FormMessage>

      <fieldset className="choices">
        <legend>{t("form.what")}</legend>
        {scopeFixed ? (
          <>
            <input type="hidden" name="scope" value={values.scope} />
            <p>
              {t("form.scope")}:{" "}
              {scopeOptions.find((s) => s.value === values.scope)?.label ?? values.scope}
            </p>
          </>
        ) : (
          <Select
            name="scope"
            label={t("form.scope")}
            value={values.scope}
            error={errorOf("scope")}
            options={scopeOptions}
          />
        )}
        <Input name="title" label={t("form.title")} value={values.title} error={errorOf("title")} />
        <Field name="description" label={t("form.description")} error={errorOf("description")}>
          {(props) => (
            <textarea {...props} rows={4} maxLength={5000} defaultValue={values.description} />
          )}
        </Field>
      </fieldset>

      <fieldset className="choices">
        <legend>{t("form.when")}</legend>
        <Input
          name="startDate"
          label={t("form.startDate")}
          type="date"
          value={values.startDate}
          error={errorOf("startDate")}
        />
        <Input
          name="startTime"
          label={t("form.startTime")}
          hint={t("form.timeHint")}
          type="time"
          value={values.startTime}
          error={errorOf("startTime")}
        />
        <Input
          name="endDate"
          label={t("form.endDate")}
          type="date"
          value={values.endDate}
          error={errorOf("endDate")}
        />
        <Input
          name="endTime"
          label={t("form.endTime")}
          type="time"
          value={values.endTime}
          error={errorOf("endTime")}
        />
      </fieldset>

      <fieldset className="choices">
        <legend>{t("form.place")}</legend>
        <p>{t("form.placeHint")}</p>
        <Input
          name="address"
          label={t("form.address")}
          value={values.address}
          error={errorOf("address")}
        />
        <Field
          name="accessibilityNotes"
          label={t("form.accessibilityNotes")}
          hint={t("form.accessibilityHint")}
          error={errorOf("accessibilityNotes")}
        >
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              defaultValue={values.accessibilityNotes}
            />
          )}
        </Field>
        <Input
          name="onlineUrl"
          label={t("form.onlineUrl")}
          type="url"
          value={values.onlineUrl}
          error={errorOf("onlineUrl")}
        />
      </fieldset>

      <fieldset className="choices">
        <legend>{t("form.answers")}</legend>
        <Input
          name="capacity"
          label={t("form.capacity")}
          type="number"
          value={values.capacity}
          error={errorOf("capacity")}
        />
        <Input
          name="deadlineDate"
          label={t("form.deadlineDate")}
          hint={t("form.deadlineHint")}
          type="date"
          value={values.deadlineDate}
          error={errorOf("deadlineDate")}
        />
        <Input
          name="deadlineTime"
          label={t("form.deadlineTime")}
          type="time"
          value={values.deadlineTime}
          error={errorOf("deadlineTime")}
        />
        <Input
          name="maxPlusOnes"
          label={t("form.maxPlusOnes")}
          type="number"
          value={values.maxPlusOnes}
          error={errorOf("maxPlusOnes")}
        />
        <Input
          name="reminderDays"
          label={t("form.reminderDays")}
          hint={t("form.reminderDaysHint")}
          value={values.reminderDays}
          error={errorOf("reminderDays")}
        />
      </fieldset>

      <h2>{t("form.questions")}</h2>
      <p>{t("form.questionsHint")}</p>
      {values.questions.map((question, i) => {
        const name = (field: string) => `questions[${i}].${field}`;
        return (
          <fieldset className="choices" key={i}>
            <legend>{t("form.question", { n: i + 1 })}</legend>
            {question.id ? <input type="hidden" name={name("id")} value={question.id} /> : null}
            <Input
              name={name("label")}
              label={t("form.questionLabel")}
              value={question.label}
              error={errorOf(name("label"))}
            />
            <Radios
              name={name("kind")}
              legend={t("form.questionKind")}
              value={question.kind}
              error={errorOf(name("kind"))}
              options={QUESTION_KINDS.map((kind) => ({
                value: kind,
                label: t(`form.kind.${kind}`),
              }))}
            />
            <Field
              name={name("choices")}
              label={t("form.choices")}
              hint={t("form.choicesHint")}
              error={errorOf(name("choices"))}
            >
              {(props) => <textarea {...props} rows={3} defaultValue={question.choices} />}
            </Field>
            <div className="check">
              <input
                type="checkbox"
                id={`questions-${i}-required`}
                name={name("required")}
                defaultChecked={question.required}
              />
              <label htmlFor={`questions-${i}-required`}>{t("form.required")}</label>
            </div>
          </fieldset>
        );
      })}
      {values.questions.length < MAX_QUESTIONS ? (
        <button
          type="submit"
          name="intent"
          value={ADD_QUESTION}
          className="button button--secondary"
          formNoValidate
        >
          {t("form.addQuestion")}
        </button>
      ) : null}

      <fieldset className="choices">
        <legend>{t("form.contact")}</legend>
        <Input
          name="contactName"
          label={t("form.contactName")}
          value={values.contactName}
          error={errorOf("contactName")}
        />
        <Input
          name="contactEmail"
          label={t("form.contactEmail")}
          value={values.contactEmail}
          error={errorOf("contactEmail")}
        />
        <Input
          name="contactPhone"
          label={t("form.contactPhone")}
          value={values.contactPhone}
          error={errorOf("contactPhone")}
        />
      </fieldset>

      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
