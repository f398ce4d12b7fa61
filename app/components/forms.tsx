import { type FieldMetadata, getCollectionProps, getInputProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// The one set of form pieces: every field has a visible label, its error tied to it for screen
// readers, and the page's CSRF token rides along in every form.

// Its own module, so the header's forms on every page (language, sign out) need no conform.
export { CsrfField } from "./csrf-field.tsx";

/** Error messages are catalog keys (set in the zod schemas), translated here. */
function useErrorText() {
  const { t } = useTranslation();
  return (key: string | undefined) => (key ? String(t(key as never)) : undefined);
}

/** The only input types HTML lets carry a `pattern`. */
const TYPES_WITH_PATTERN = new Set(["text", "email", "password", "tel", "search", "url"]);

/**
 * conform's attributes for an input, less what HTML forbids: the zod schema's regex (or enum)
 * becomes a `pattern`, which only text-like inputs may carry. The server checks the value all the
 * same.
 */
function inputProps<Value>(field: FieldMetadata<Value, any, string[]>, type: string) {
  const { pattern, ...props } = getInputProps(field, {
    type: type as "text",
    ariaAttributes: false,
  });
  return TYPES_WITH_PATTERN.has(type) ? { ...props, pattern } : props;
}

/** A tick box's or radio button's attributes: never a `pattern` (see above). */
function choiceProps<Value>(field: FieldMetadata<Value, any, string[]>, value?: string) {
  const { pattern: _pattern, ...props } =
    value === undefined
      ? getInputProps(field, { type: "checkbox", ariaAttributes: false })
      : getInputProps(field, { type: "radio", value, ariaAttributes: false });
  return props;
}

export function TextField<Value = string>({
  field,
  label,
  type = "text",
  autoComplete,
  hint,
}: {
  field: FieldMetadata<Value, any, string[]>;
  label: string;
  type?: "text" | "email" | "password" | "tel" | "date" | "time" | "number";
  autoComplete?: string;
  hint?: string;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors?.[0]);
  const hintId = hint ? `${field.id}-hint` : undefined;
  const describedBy =
    [hintId, error ? field.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        {...inputProps(field, type)}
        key={field.key}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One tick box (a preference, or agreeing to a notice), its label beside it, the whole row a large
 * target, and its error tied to it.
 */
export function CheckboxField({
  field,
  label,
}: {
  field: FieldMetadata<boolean> | FieldMetadata<string>;
  label: string;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors?.[0]);
  return (
    <div className="check">
      <input
        {...choiceProps(field as FieldMetadata<boolean>)}
        key={field.key}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? field.errorId : undefined}
      />
      <label htmlFor={field.id}>{label}</label>
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One choice out of a few, as radio buttons in a fieldset whose legend asks the question. */
export function RadioGroup<Value extends string>({
  field,
  legend,
  options,
}: {
  field: FieldMetadata<Value>;
  legend: string;
  options: ReadonlyArray<{ value: Value; label: string; lang?: string }>;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors?.[0]);
  return (
    <fieldset
      className="choices"
      aria-describedby={error ? field.errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => {
        const id = `${field.id}-${option.value}`;
        return (
          <div className="check" key={option.value}>
            <input
              {...choiceProps(field, option.value)}
              id={id}
              key={`${field.key ?? ""}-${option.value}`}
            />
            <label htmlFor={id} lang={option.lang}>
              {option.label}
            </label>
          </div>
        );
      })}
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A message about the whole form (wrong password, too many attempts), read out when it appears. */
export function FormMessage({
  children,
  tone = "error",
}: {
  children: ReactNode;
  tone?: "error" | "success";
}) {
  if (!children) return null;
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** A labelled choice from a list, with its error tied to it like TextField's. */
export function SelectField<Value>({
  field,
  label,
  options,
  placeholder,
}: {
  field: FieldMetadata<Value, any, string[]>;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors?.[0]);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select
        id={field.id}
        name={field.name}
        defaultValue={typeof field.initialValue === "string" ? field.initialValue : ""}
        key={field.key}
        // Required only with an empty first choice: without one the list always holds a value, and
        // HTML forbids `required` there (the server checks what was chosen either way).
        required={placeholder !== undefined ? field.required : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? field.errorId : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Several choices out of a few (weekdays), as tick boxes in a fieldset whose legend asks the question. */
export function CheckboxGroup({
  field,
  legend,
  options,
}: {
  field: FieldMetadata<string[] | undefined>;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const errorText = useErrorText();
  const error = errorText(field.errors?.[0]);
  const labels = new Map(options.map((o) => [o.value, o.label]));
  return (
    <fieldset
      className="choices choices--row"
      aria-describedby={error ? field.errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {getCollectionProps(field, {
        type: "checkbox",
        options: options.map((o) => o.value),
        ariaAttributes: false,
      }).map((props) => (
        <div className="check" key={props.key}>
          <input {...props} key={props.key} />
          <label htmlFor={props.id}>{labels.get(props.value)}</label>
        </div>
      ))}
      {error ? (
        <p id={field.errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
