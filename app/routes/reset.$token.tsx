import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InvalidLinkPage } from "~/components/invalid-link.tsx";
import { CsrfField, TextField } from "~/components/forms.tsx";
import { resetPassword } from "~/modules/auth/recovery.server.ts";
import { NewPasswordSchema } from "~/modules/auth/schemas.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { peekToken } from "~/modules/auth/tokens.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage, languageCookie } from "~/utils/i18n.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const valid = Boolean(await peekToken(context.db, params.token ?? "", "password_reset"));
  const t = getFixedT(await getLanguage(request), "auth");
  return { valid, title: valid ? t("reset.newTitle") : t("reset.invalidTitle") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = await readForm(request, context, NewPasswordSchema);
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password", "confirm"] }) },
      { status: 400 },
    );
  }
  const user = await resetPassword(context.db, {
    token: params.token ?? "",
    password: submission.value.password,
    ip: context.clientIp,
  });
  // The link was used or expired meanwhile: the page says so.
  if (!user) throw redirect(new URL(request.url).pathname);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(context.db, request, user.id));
  headers.append("Set-Cookie", await languageCookie.serialize(user.language));
  throw redirect("/", { headers });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(NewPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPasswordSchema }),
    shouldRevalidate: "onInput",
  });
  if (!valid) return <InvalidLinkPage section="reset" askAgainAt="/reset" />;
  return (
    <div className="page page--narrow">
      <h1>{t("reset.newTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <TextField
          field={fields.password}
          label={t("reset.newPassword")}
          hint={t("reset.newPasswordHint")}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          field={fields.confirm}
          label={t("reset.confirmPassword")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("reset.newSubmit")}
        </button>
      </Form>
    </div>
  );
}
