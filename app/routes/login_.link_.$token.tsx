import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InvalidLinkPage } from "~/components/invalid-link.tsx";
import { CsrfField } from "~/components/csrf-field.tsx";
import { signInWithLink } from "~/modules/auth/recovery.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import { peekToken } from "~/modules/auth/tokens.server.ts";
import { requireCsrfToken } from "~/utils/csrf.server.ts";
import { readFormData } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage, languageCookie } from "~/utils/i18n.server.ts";

// Opening the emailed link only shows a button: a GET never signs in (mail scanners open links).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const valid = Boolean(await peekToken(context.db, params.token ?? "", "sign_in"));
  const t = getFixedT(await getLanguage(request), "auth");
  return { valid, title: valid ? t("link.confirmTitle") : t("link.invalidTitle") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireCsrfToken(request, await readFormData(request), context.secret);
  const user = await signInWithLink(context.db, {
    token: params.token ?? "",
    ip: context.clientIp,
  });
  if (!user) throw redirect(new URL(request.url).pathname);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(context.db, request, user.id));
  headers.append("Set-Cookie", await languageCookie.serialize(user.language));
  throw redirect("/", { headers });
}

export default function SignInWithLink() {
  const { valid } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  if (!valid) return <InvalidLinkPage section="link" askAgainAt="/login/link" />;
  return (
    <div className="page page--narrow">
      <h1>{t("link.confirmTitle")}</h1>
      <p>{t("link.confirmIntro")}</p>
      <Form method="post">
        <CsrfField />
        <button type="submit" className="button">
          {t("link.confirmSubmit")}
        </button>
      </Form>
    </div>
  );
}
