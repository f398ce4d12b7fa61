import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmailOnlySchema } from "~/modules/auth/schemas.ts";
import { CsrfField, FormMessage, TextField } from "./forms.tsx";

/** The shared page behind "send me a sign-in link" and "forgot my password". */
export function EmailRequestPage({
  section,
  result,
  sent,
  retryAfter,
}: {
  section: "link" | "reset";
  result?: SubmissionResult<string[]>;
  sent: boolean;
  retryAfter: number;
}) {
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    lastResult: result,
    constraint: getZodConstraint(EmailOnlySchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailOnlySchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page page--narrow">
      <h1>{t(`${section}.title`)}</h1>
      {sent ? (
        <FormMessage tone="success">{t(`${section}.sent`)}</FormMessage>
      ) : (
        <>
          <p>{t(`${section}.intro`)}</p>
          <FormMessage>
            {retryAfter > 0
              ? t("login.rateLimited", { minutes: Math.max(1, Math.ceil(retryAfter / 60)) })
              : null}
          </FormMessage>
          <Form method="post" {...getFormProps(form)} className="stack">
            <CsrfField />
            <TextField
              field={fields.email}
              label={t("login.email")}
              type="email"
              autoComplete="email"
            />
            <button type="submit" className="button">
              {t(`${section}.submit`)}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
