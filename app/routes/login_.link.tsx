import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { EmailRequestPage } from "~/components/email-request-page.tsx";
import { answerEmailRequest } from "~/modules/auth/email-request.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { headersWithRetryAfter } from "~/utils/headers.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: getFixedT(await getLanguage(request), "auth")("link.title") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export const headers = headersWithRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  return answerEmailRequest(request, context, "sign_in");
}

export default function SignInLinkRequest() {
  const actionData = useActionData<typeof action>();
  return (
    <EmailRequestPage
      section="link"
      result={actionData?.result}
      sent={actionData?.sent ?? false}
      retryAfter={actionData?.retryAfter ?? 0}
    />
  );
}
