import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage, RadioGroup, SelectField, TextField } from "~/components/forms.tsx";
import { DigipuntSchema } from "~/modules/places/schemas.ts";

// The one form for a new or changed digipunt.

export interface DigipuntFormProps {
  digibanks: ReadonlyArray<{ id: number; name: string }>;
  municipalities: ReadonlyArray<{ id: number; name: string }>;
  defaultValue?: Record<string, string>;
  lastResult?: SubmissionResult<string[]>;
  refusal?: string | null;
  submitLabel: string;
}

export function DigipuntForm({
  digibanks,
  municipalities,
  defaultValue,
  lastResult,
  refusal,
  submitLabel,
}: DigipuntFormProps) {
  const { t } = useTranslation("planning");
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(DigipuntSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DigipuntSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { kind: "fixed", ...defaultValue },
  });
  return (
    <>
      <FormMessage>{refusal ? t(`digipunten.refusal.${refusal}` as never) : null}</FormMessage>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <SelectField
          field={fields.digibankId}
          label={t("digipunten.digibank")}
          options={digibanks.map((b) => ({ value: String(b.id), label: b.name }))}
        />
        <TextField field={fields.name} label={t("digipunten.name")} />
        <RadioGroup
          field={fields.kind}
          legend={t("digipunten.kind")}
          options={[
            { value: "fixed", label: t("digipunten.fixed") },
            { value: "mobile", label: t("digipunten.mobile") },
          ]}
        />
        <TextField
          field={fields.address}
          label={t("digipunten.address")}
          hint={t("digipunten.addressHint")}
        />
        <SelectField
          field={fields.municipalityId}
          label={t("digipunten.municipality")}
          options={municipalities.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <TextField field={fields.accessibilityNotes} label={t("digipunten.accessibility")} />
        <TextField
          field={fields.contact}
          label={t("digipunten.contact")}
          hint={t("digipunten.contactHint")}
        />
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
