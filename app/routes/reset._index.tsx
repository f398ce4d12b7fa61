import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { EmailRequestPage } from "~/components/email-request-page.tsx";
import { requestPasswordReset } from "~/modules/auth/recovery.server.ts";
import { EmailOnlySchema } from "~/modules/auth/schemas.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: getFixedT(await getLanguage(request), "auth")("reset.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readForm(request, context, EmailOnlySchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), sent: false, retryAfter: 0 }, { status: 400 });
  const outcome = await requestPasswordReset(context.db, context.jobs, {
    email: submission.value.email,
    ip: context.clientIp,
    appUrl: context.appUrl,
  });
  if (!outcome.ok)
    return data(
      { result: submission.reply(), sent: false, retryAfter: outcome.retryAfterSeconds },
      { status: 429 },
    );
  // The same answer whether or not the address is known.
  return { result: submission.reply({ resetForm: true }), sent: true, retryAfter: 0 };
}

export default function PasswordResetRequest() {
  const actionData = useActionData<typeof action>();
  return (
    <EmailRequestPage
      section="reset"
      result={actionData?.result}
      sent={actionData?.sent ?? false}
      retryAfter={actionData?.retryAfter ?? 0}
    />
  );
}
