import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { CsrfField } from "~/components/forms.tsx";

// The answer to an event invitation: yes / maybe / no, the plus-ones and the event's questions.
// The same form on the answer page (from the mail link, no sign-in) and on /events; plain HTML
// with the server's field errors, so it works without JavaScript.

export interface AnswerFormQuestion {
  id: number;
  kind: "text" | "choice";
  label: string;
  choices: string[] | null;
  required: boolean;
}

export interface AnswerFormValues {
  response: "yes" | "maybe" | "no" | null;
  plusOnes: number;
  answers: Record<string, string>;
}

export function EventAnswerForm({
  t,
  idPrefix,
  action,
  maxPlusOnes,
  questions,
  values,
  errors = {},
  submitLabel,
  hiddenFields = {},
}: {
  t: TFunction<"events">;
  /** Keeps ids unique when a page holds several forms. */
  idPrefix: string;
  action?: string;
  maxPlusOnes: number;
  questions: AnswerFormQuestion[];
  values: AnswerFormValues;
  /** Catalog keys by field name ("response", "plusOnes", "answers.q<id>"). */
  errors?: Record<string, string>;
  submitLabel: string;
  hiddenFields?: Record<string, string>;
}) {
  const errorText = (key: string | undefined) =>
    key ? String(t(key.replace(/^events:/, "") as "answer.errors.required")) : null;
  const responseError = errorText(errors.response);
  const plusOnesError = errorText(errors.plusOnes);
  return (
    <Form method="post" action={action} className="stack" noValidate>
      <CsrfField />
      {Object.entries(hiddenFields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset
        className="choices"
        aria-describedby={responseError ? `${idPrefix}-response-error` : undefined}
      >
        <legend>{t("answer.yourAnswer")}</legend>
        {(["yes", "maybe", "no"] as const).map((response) => (
          <div className="check" key={response}>
            <input
              type="radio"
              name="response"
              value={response}
              id={`${idPrefix}-response-${response}`}
              defaultChecked={values.response === response}
              required
            />
            <label htmlFor={`${idPrefix}-response-${response}`}>
              {t(`answer.response.${response}`)}
            </label>
          </div>
        ))}
        {responseError ? (
          <p id={`${idPrefix}-response-error`} className="field__error">
            {responseError}
          </p>
        ) : null}
      </fieldset>
      {maxPlusOnes > 0 ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-plus-ones`}>{t("answer.plusOnes")}</label>
          <p id={`${idPrefix}-plus-ones-hint`} className="field__hint">
            {t("answer.plusOnesHint", { max: maxPlusOnes })}
          </p>
          <input
            type="number"
            inputMode="numeric"
            name="plusOnes"
            id={`${idPrefix}-plus-ones`}
            min={0}
            max={maxPlusOnes}
            step={1}
            defaultValue={values.plusOnes}
            aria-invalid={plusOnesError ? true : undefined}
            aria-describedby={
              plusOnesError
                ? `${idPrefix}-plus-ones-hint ${idPrefix}-plus-ones-error`
                : `${idPrefix}-plus-ones-hint`
            }
          />
          {plusOnesError ? (
            <p id={`${idPrefix}-plus-ones-error`} className="field__error">
              {plusOnesError}
            </p>
          ) : null}
        </div>
      ) : null}
      {questions.length > 0 ? (
        <fieldset className="stack">
          <legend>{t("answer.questions")}</legend>
          {questions.map((question) => {
            const name = `answers.q${question.id}`;
            const id = `${idPrefix}-q${question.id}`;
            const error = errorText(errors[name]);
            const describedBy = error ? `${id}-error` : undefined;
            const label = (
              <label htmlFor={id}>
                {question.label}
                {question.required ? ` ${t("answer.required")}` : null}
              </label>
            );
            return (
              <div className="field" key={question.id}>
                {label}
                {question.kind === "choice" ? (
                  <select
                    id={id}
                    name={name}
                    defaultValue={values.answers[String(question.id)] ?? ""}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy}
                  >
                    <option value="">{t("answer.chooseOne")}</option>
                    {(question.choices ?? []).map((choice) => (
                      <option key={choice} value={choice}>
                        {choice}
                      </option>
                    ))}
                  </select>
                ) : (
                  <textarea
                    id={id}
                    name={name}
                    rows={2}
                    maxLength={1000}
                    defaultValue={values.answers[String(question.id)] ?? ""}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={describedBy}
                  />
                )}
                {error ? (
                  <p id={`${id}-error`} className="field__error">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
