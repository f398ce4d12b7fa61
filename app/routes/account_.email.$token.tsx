import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { getAuth } from "~/modules/auth/guards.server.ts";
import { peekToken } from "~/modules/auth/tokens.server.ts";
import { confirmEmailChange } from "~/modules/people/account.server.ts";
import { redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// The link from the "change my email address" mail. GET only shows the button (a mail scanner
// that follows links changes nothing); the POST uses the token up. It works without being signed
// in, since the link may be opened on another device, and changes only the token's own person.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const token = await peekToken(context.db, params.token ?? "", "email_change");
  const t = getFixedT(await getLanguage(request), "account");
  return {
    newEmail: token?.new_email ?? null,
    title: token ? t("confirmEmail.title") : t("confirmEmail.invalidTitle"),
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(request, context, z.object({}));
  const { actor, sessionId } = await getAuth(request, context);
  const outcome = await confirmEmailChange(context.db, {
    token: params.token ?? "",
    ip: context.clientIp,
    keepSessionId: sessionId,
  });
  // The link was used or expired meanwhile: the page says so.
  if (!outcome.ok && outcome.reason === "invalid") throw redirect(new URL(request.url).pathname);
  if (!outcome.ok) return data({ taken: true, email: null }, { status: 409 });
  if (actor?.id === outcome.userId)
    throw await redirectWithOutcome(request, context, "/account", {
      tone: "success",
      message: "account:saved.email",
    });
  // Opened on a device where the person is not signed in (or someone else is): say it here.
  return { taken: false, email: outcome.email };
}

export default function ConfirmEmailChange() {
  const { newEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("account");
  if (actionData?.email) {
    return (
      <div className="page page--narrow">
        <h1>{t("confirmEmail.doneTitle")}</h1>
        <p>{t("confirmEmail.doneText", { email: actionData.email })}</p>
        <p>
          <Link className="button" to="/login">
            {t("confirmEmail.signIn")}
          </Link>
        </p>
      </div>
    );
  }
  if (!newEmail) {
    return (
      <div className="page page--narrow">
        <h1>{t("confirmEmail.invalidTitle")}</h1>
        <p>{t("confirmEmail.invalidText")}</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>{t("confirmEmail.title")}</h1>
      <FormMessage>{actionData?.taken ? t("confirmEmail.taken") : null}</FormMessage>
      <p>{t("confirmEmail.text", { email: newEmail })}</p>
      <Form method="post" className="stack">
        <CsrfField />
        <button type="submit" className="button">
          {t("confirmEmail.submit")}
        </button>
      </Form>
    </div>
  );
}
