import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CheckboxField,
  CsrfField,
  FormMessage,
  SelectField,
  TextField,
} from "~/components/forms.tsx";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { acceptInvitation, findInvitation } from "~/modules/people/invitations.server.ts";
import { AcceptInvitationSchema } from "~/modules/people/schemas.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage, languageCookie } from "~/utils/i18n.server.ts";

// GET only shows the form (or says the link no longer works); only the POST uses the token up.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  const t = getFixedT(await getLanguage(request), "people");
  return {
    title: t(invitation ? "accept.title" : "accept.invalidTitle"),
    invitation: invitation
      ? { name: invitation.name, email: invitation.email, language: invitation.language }
      : null,
    minLength: PASSWORD_MIN_LENGTH,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
  // The address holds a secret: keep it out of other sites' logs and out of search engines.
  // "same-origin", not "no-referrer": under no-referrer a browser sends `Origin: null` with the
  // page's own form POST, which Remix refuses as a cross-site request.
  { name: "referrer", content: "same-origin" },
  { name: "robots", content: "noindex" },
];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const submission = await readForm(request, context, AcceptInvitationSchema);
  if (submission.status !== "success")
    return data(
      { result: submission.reply({ hideFields: ["password", "confirm"] }), invalid: false },
      { status: 400 },
    );
  const outcome = await acceptInvitation(context.db, {
    token: params.token ?? "",
    name: submission.value.name,
    password: submission.value.password,
    language: submission.value.language,
    ip: context.clientIp,
  });
  if (!outcome.ok) return data({ result: submission.reply(), invalid: true }, { status: 410 });
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(context.db, request, outcome.userId));
  headers.append("Set-Cookie", await languageCookie.serialize(outcome.language));
  throw redirect("/", { headers });
}

function InvalidLink() {
  const { t } = useTranslation("people");
  return (
    <div className="page page--narrow">
      <h1>{t("accept.invalidTitle")}</h1>
      <p>{t("accept.invalidText")}</p>
      <p>
        <Link to="/join">{t("accept.askAgain")}</Link>
      </p>
    </div>
  );
}

export default function AcceptInvitation() {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const { invitation, minLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(AcceptInvitationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptInvitationSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { name: invitation?.name, language: invitation?.language },
  });
  if (!invitation || actionData?.invalid) return <InvalidLink />;

  return (
    <div className="page page--narrow">
      <h1>{t("accept.title")}</h1>
      <p>{t("accept.intro", { name: invitation.name })}</p>
      <FormMessage>{form.errors?.[0] ? t("accept.invalidText") : null}</FormMessage>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <TextField field={fields.name} label={t("accept.name")} autoComplete="name" />
        <SelectField
          field={fields.language}
          label={t("accept.language")}
          options={(["nl", "fr", "en"] as const).map((l) => ({
            value: l,
            label: tc(`languages.${l}`),
          }))}
        />
        {/* The address the password belongs to, for password managers. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
        <TextField
          field={fields.password}
          label={t("accept.password")}
          type="password"
          autoComplete="new-password"
          hint={t("accept.passwordHint", { min: minLength })}
        />
        <TextField
          field={fields.confirm}
          label={t("accept.confirm")}
          type="password"
          autoComplete="new-password"
        />
        <section aria-labelledby="privacy-title">
          <h2 id="privacy-title">{t("accept.privacyTitle")}</h2>
          <p>{t("accept.privacyText")}</p>
          <p>
            {/* A new tab, so the password just typed is still there when the reader comes back. */}
            <a href="/privacy" target="_blank" rel="noopener">
              {t("accept.privacyLink")}
            </a>
          </p>
          <CheckboxField field={fields.privacy} label={t("accept.privacy")} />
        </section>
        <button type="submit" className="button">
          {t("accept.submit")}
        </button>
      </Form>
    </div>
  );
}
