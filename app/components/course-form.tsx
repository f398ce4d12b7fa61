import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import {
  ADD_SESSION,
  AUDIENCES,
  type CourseFormValues,
  MAX_SESSIONS,
  THEMES,
} from "~/modules/courses/planning-schemas.ts";

// The course form, to plan a new course or change one. It is plain HTML that posts: without
// JavaScript, "add a session" posts the form as typed and gets it back with one more row
// (docs/decisions/019-course-planning.md). Errors come from the server's zod check, keyed by the
// field's name ("sessions[1].endTime").

export interface CourseFormOptions {
  scopes: Array<{ value: string; name: string; kind: "region" | "digibank" }>;
  digipunten: Array<{ id: number; name: string; digibank: string }>;
  skills: Array<{ id: number; code: string }>;
  people: Array<{ id: number; name: string }>;
  courses: Array<{ id: number; title: string }>;
}

type Errors = Record<string, string[] | null | undefined>;

export function CourseForm({
  values,
  errors,
  options,
  refusal,
  submitLabel,
}: {
  values: CourseFormValues;
  errors: Errors;
  options: CourseFormOptions;
  refusal: string | null;
  submitLabel: string;
}) {
  const { t } = useTranslation("coursePlanning");
  const { t: tc } = useTranslation();
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? String(tc(key as never)) : undefined;
  };
  const hasErrors = Object.values(errors).some((e) => e && e.length > 0);
  const skillLabel = (code: string) => String(tc(`skill.${code}` as never));

  return (
    <Form method="post" className="stack" noValidate>
      {/* Enter in a field presses the form's first submit button: let that be saving, not the
          "add a session" button further down. Hidden from sight and from the tab order; the
          visible button at the end does the same. */}
      <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <CsrfField />
      <FormMessage>
        {refusal ?? (hasErrors ? t("form.checkFields") : null)}
        {errorOf("sessions") ? ` ${errorOf("sessions")}` : null}
      </FormMessage>

      <fieldset className="choices">
        <legend>{t("form.what")}</legend>
        <Select
          name="scope"
          label={t("form.scope")}
          value={values.scope}
          error={errorOf("scope")}
          options={options.scopes.map((s) => ({
            value: s.value,
            label: s.kind === "region" ? t("form.scopeRegion", { name: s.name }) : s.name,
          }))}
        />
        <Input name="title" label={t("form.title")} value={values.title} error={errorOf("title")} />
        <Field name="description" label={t("form.description")} error={errorOf("description")}>
          {(props) => (
            <textarea {...props} rows={4} maxLength={5000} defaultValue={values.description} />
          )}
        </Field>
        <Radios
          name="theme"
          legend={t("form.theme")}
          value={values.theme}
          error={errorOf("theme")}
          options={THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
        />
        <Select
          name="serviceSkillId"
          label={t("form.serviceSkill")}
          hint={t("form.serviceSkillHint")}
          value={values.serviceSkillId}
          error={errorOf("serviceSkillId")}
          placeholder={t("form.none")}
          options={options.skills.map((s) => ({ value: String(s.id), label: skillLabel(s.code) }))}
        />
        <Radios
          name="audience"
          legend={t("form.audience")}
          value={values.audience}
          error={errorOf("audience")}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
        />
      </fieldset>

      <h2>{t("form.sessions")}</h2>
      <p>{t("form.sessionsHint")}</p>
      {values.sessions.map((session, i) => {
        const name = (field: string) => `sessions[${i}].${field}`;
        return (
          <fieldset className="choices" key={i}>
            <legend>{t("form.session", { n: i + 1 })}</legend>
            {session.id ? <input type="hidden" name={name("id")} value={session.id} /> : null}
            <Input
              name={name("date")}
              label={t("form.date")}
              type="date"
              value={session.date}
              error={errorOf(name("date"))}
            />
            <Input
              name={name("startTime")}
              label={t("form.startTime")}
              type="time"
              value={session.startTime}
              error={errorOf(name("startTime"))}
            />
            <Input
              name={name("endTime")}
              label={t("form.endTime")}
              type="time"
              value={session.endTime}
              error={errorOf(name("endTime"))}
            />
            <Select
              name={name("digipuntId")}
              label={t("form.digipunt")}
              hint={t("form.placeHint")}
              value={session.digipuntId}
              error={errorOf(name("digipuntId"))}
              placeholder={t("form.none")}
              options={options.digipunten.map((p) => ({
                value: String(p.id),
                label: `${p.name} (${p.digibank})`,
              }))}
            />
            <Input
              name={name("address")}
              label={t("form.address")}
              value={session.address}
              error={errorOf(name("address"))}
            />
            <Input
              name={name("onlineUrl")}
              label={t("form.onlineUrl")}
              type="url"
              value={session.onlineUrl}
              error={errorOf(name("onlineUrl"))}
            />
          </fieldset>
        );
      })}
      {values.sessions.length < MAX_SESSIONS ? (
        <button
          type="submit"
          name="intent"
          value={ADD_SESSION}
          className="button button--secondary"
          formNoValidate
        >
          {t("form.addSession")}
        </button>
      ) : null}

      <fieldset className="choices">
        <legend>{t("form.places")}</legend>
        <Input
          name="capacity"
          label={t("form.capacity")}
          type="number"
          value={values.capacity}
          error={errorOf("capacity")}
        />
        <Input
          name="opensDate"
          label={t("form.opensDate")}
          type="date"
          value={values.opensDate}
          error={errorOf("opensDate")}
        />
        <Input
          name="opensTime"
          label={t("form.opensTime")}
          type="time"
          value={values.opensTime}
          error={errorOf("opensTime")}
        />
        <Input
          name="closesDate"
          label={t("form.closesDate")}
          hint={t("form.windowHint")}
          type="date"
          value={values.closesDate}
          error={errorOf("closesDate")}
        />
        <Input
          name="closesTime"
          label={t("form.closesTime")}
          type="time"
          value={values.closesTime}
          error={errorOf("closesTime")}
        />
      </fieldset>

      <fieldset className="choices">
        <legend>{t("form.prerequisites")}</legend>
        <Select
          name="prerequisiteSkillId"
          label={t("form.prerequisiteSkill")}
          value={values.prerequisiteSkillId}
          error={errorOf("prerequisiteSkillId")}
          placeholder={t("form.none")}
          options={options.skills.map((s) => ({ value: String(s.id), label: skillLabel(s.code) }))}
        />
        <Select
          name="prerequisiteCourseId"
          label={t("form.prerequisiteCourse")}
          value={values.prerequisiteCourseId}
          error={errorOf("prerequisiteCourseId")}
          placeholder={t("form.none")}
          options={options.courses.map((c) => ({ value: String(c.id), label: c.title }))}
        />
      </fieldset>

      <Checks
        name="trainerUserIds"
        legend={t("form.trainers")}
        values={values.trainerUserIds}
        error={errorOf("trainerUserIds")}
        options={options.people.map((p) => ({ value: String(p.id), label: p.name }))}
      />
      <Field
        name="outsideTrainers"
        label={t("form.outsideTrainers")}
        hint={t("form.outsideTrainersHint")}
        error={errorOf("outsideTrainers")}
      >
        {(props) => <textarea {...props} rows={2} defaultValue={values.outsideTrainers} />}
      </Field>

      <fieldset className="choices">
        <legend>{t("form.completion")}</legend>
        <Input
          name="completionMinSessions"
          label={t("form.completionMinSessions")}
          hint={t("form.completionHint")}
          type="number"
          value={values.completionMinSessions}
          error={errorOf("completionMinSessions")}
        />
      </fieldset>
      <Checks
        name="grantedSkillIds"
        legend={t("form.grantedSkills")}
        values={values.grantedSkillIds}
        error={errorOf("grantedSkillIds")}
        options={options.skills.map((s) => ({ value: String(s.id), label: skillLabel(s.code) }))}
      />

      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** A field's id from its name: sessions[1].date → sessions-1-date. */
const idOf = (name: string) => name.replace(/[[\].]+/g, "-").replace(/-$/, "");

interface FieldProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = idOf(name);
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
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
    </div>
  );
}

export function Input(props: {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  type?: "text" | "date" | "time" | "number" | "url";
}) {
  return (
    <Field {...props}>
      {(field) => <input {...field} type={props.type ?? "text"} defaultValue={props.value} />}
    </Field>
  );
}

export function Select(props: {
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  placeholder?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <Field {...props}>
      {(field) => (
        <select {...field} defaultValue={props.value}>
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Radios(props: {
  name: string;
  legend: string;
  value: string;
  error?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return <Choices {...props} type="radio" values={[props.value]} />;
}

export function Checks(props: {
  name: string;
  legend: string;
  values: string[];
  error?: string;
  options: Array<{ value: string; label: string }>;
}) {
  return <Choices {...props} type="checkbox" />;
}

function Choices({
  name,
  legend,
  values,
  error,
  options,
  type,
}: {
  name: string;
  legend: string;
  values: string[];
  error?: string;
  options: Array<{ value: string; label: string }>;
  type: "radio" | "checkbox";
}) {
  const id = idOf(name);
  return (
    <fieldset
      className="choices"
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="check" key={option.value}>
          <input
            type={type}
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={values.includes(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
