import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CsrfField, FormMessage, TextField } from "~/components/forms.tsx";
import { getActor } from "~/modules/auth/guards.server.ts";
import { SignInSchema, signInConstraint } from "~/modules/auth/sign-in-form.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { tooManyRequests } from "~/modules/auth/rate-limit.server.ts";
import { signInWithPassword } from "~/modules/auth/sign-in.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage, languageCookie } from "~/utils/i18n.server.ts";
import { safeRedirectPath } from "~/utils/redirect.ts";
import { headersWithRetryAfter } from "~/utils/headers.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const target = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (await getActor(request, context)) throw redirect(target);
  return {
    title: getFixedT(await getLanguage(request), "auth")("login.title"),
    // The fields' HTML rules come from the server: the page loads no zod (sign-in-form.server.ts).
    constraint: signInConstraint,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export const headers = headersWithRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readForm(request, context, SignInSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), refusal: null, retryAfter: 0 }, { status: 400 });
  }

  const outcome = await signInWithPassword(context.db, {
    ...submission.value,
    ip: context.clientIp,
  });
  if (!outcome.ok) {
    const limited = outcome.reason === "rate_limited";
    return data(
      {
        result: submission.reply({ hideFields: ["password"] }),
        refusal: outcome.reason,
        retryAfter: limited ? outcome.retryAfterSeconds : 0,
      },
      limited ? tooManyRequests(outcome.retryAfterSeconds) : { status: 400 },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(context.db, request, outcome.userId));
  // The interface follows the language the person chose in their account.
  headers.append("Set-Cookie", await languageCookie.serialize(outcome.language));
  throw redirect(submission.value.redirectTo, { headers });
}

export default function Login() {
  const { t } = useTranslation("auth");
  const { constraint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Checked by the server alone (the answer comes back as lastResult): without onValidate, conform
  // would post the form to check it as one types, so it checks only when it is sent.
  const [form, fields] = useForm<z.input<typeof SignInSchema>>({
    lastResult: actionData?.result,
    constraint,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  // From the action's answer, not the form state: re-checking a field on blur must not make the
  // message (and the button under the pointer) jump away before the click lands.
  const formError = actionData?.refusal;
  const minutes = Math.max(1, Math.ceil((actionData?.retryAfter ?? 0) / 60));

  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      <p>{t("login.intro")}</p>
      <FormMessage>
        {formError === "rate_limited"
          ? t("login.rateLimited", { minutes })
          : formError === "invalid"
            ? t("login.invalid")
            : null}
      </FormMessage>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <input
          type="hidden"
          name="redirectTo"
          value={safeRedirectPath(searchParams.get("redirectTo"))}
        />
        <TextField
          field={fields.email}
          label={t("login.email")}
          type="email"
          autoComplete="username"
        />
        <TextField
          field={fields.password}
          label={t("login.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="button">
          {t("login.submit")}
        </button>
      </Form>
      <ul className="plain-list links">
        <li>
          <Link to="/login/link">{t("login.linkInstead")}</Link>
        </li>
        <li>
          <Link to="/reset">{t("login.forgot")}</Link>
        </li>
      </ul>
    </div>
  );
}
