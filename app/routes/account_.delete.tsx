import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage, TextField } from "~/components/forms.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { clearSessionCookie } from "~/modules/auth/session.server.ts";
import { confirmsDeletion, loadAccount } from "~/modules/people/account.server.ts";
import { erasePersonalData } from "~/modules/people/personal-data.server.ts";
import { DeleteAccountSchema } from "~/modules/people/account-schemas.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const account = await loadAccount(context.db, actor.id);
  const t = getFixedT(await getLanguage(request), "account");
  return {
    title: t("delete.pageTitle"),
    hasPassword: account.has_password,
    word: t("delete.word"),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const submission = await readForm(request, context, DeleteAccountSchema);
  if (submission.status !== "success")
    return data(
      { result: submission.reply({ hideFields: ["confirmation"] }), wrong: false },
      { status: 400 },
    );

  const word = getFixedT(await getLanguage(request), "account")("delete.word");
  if (!(await confirmsDeletion(context.db, actor.id, submission.value.confirmation, word)))
    return data(
      { result: submission.reply({ hideFields: ["confirmation"] }), wrong: true },
      { status: 400 },
    );

  await erasePersonalData(context.db, actor.id, { jobs: context.jobs });
  throw redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });
}

export default function DeleteAccount() {
  const { t } = useTranslation("account");
  const { hasPassword, word } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult: actionData?.result,
    constraint: getZodConstraint(DeleteAccountSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteAccountSchema }),
    shouldRevalidate: "onInput",
  });

  return (
    <div className="page page--narrow">
      <h1>{t("delete.pageTitle")}</h1>
      <p>{t("delete.gone")}</p>
      <p>{t("delete.kept")}</p>
      <p>
        <strong>{t("delete.final")}</strong>
      </p>
      {/* From the answer, not the form state: checking a field on blur must not remove the
          message and move the button away from under the pointer. */}
      <FormMessage>{actionData?.wrong ? t("delete.wrong") : null}</FormMessage>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <TextField
          field={fields.confirmation}
          label={hasPassword ? t("delete.confirmPassword") : t("delete.confirmWord", { word })}
          type={hasPassword ? "password" : "text"}
          autoComplete={hasPassword ? "current-password" : "off"}
        />
        <button type="submit" className="button button--danger">
          {t("delete.submit")}
        </button>
      </Form>
      <ul className="plain-list links">
        <li>
          <Link to="/account">{t("delete.cancel")}</Link>
        </li>
      </ul>
    </div>
  );
}
