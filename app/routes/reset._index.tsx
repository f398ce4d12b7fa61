import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { EmailRequestPage } from "~/components/email-request-page.tsx";
import { answerEmailRequest } from "~/modules/auth/email-request.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: getFixedT(await getLanguage(request), "auth")("reset.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const { status, ...answer } = await answerEmailRequest(request, context, "password_reset");
  return data(answer, { status });
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
