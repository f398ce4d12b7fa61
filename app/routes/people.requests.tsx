import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  approveJoinRequest,
  declineJoinRequest,
  listPendingRequests,
} from "~/modules/people/join-requests.server.ts";
import { DecideRequestSchema } from "~/modules/people/schemas.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_people" });
  return {
    title: getFixedT(await getLanguage(request), "people")("requests.title"),
    requests: await listPendingRequests(context.db, actor),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_people" });
  const submission = await readForm(request, context, DecideRequestSchema);
  if (submission.status !== "success") return data({ message: "gone" as const }, { status: 400 });
  const { intent, requestId } = submission.value;
  const outcome =
    intent === "approve"
      ? await approveJoinRequest(context.db, context.jobs, actor, requestId, {
          appUrl: context.appUrl,
          ip: context.clientIp,
        })
      : await declineJoinRequest(context.db, context.jobs, actor, requestId);
  if (outcome.ok)
    return { message: intent === "approve" ? ("approved" as const) : ("declined" as const) };
  if ("reason" in outcome && outcome.reason === "forbidden")
    throw new Response("Forbidden", { status: 403 });
  return data({ message: "gone" as const }, { status: 409 });
}

export default function JoinRequests() {
  const { t } = useTranslation("people");
  const { requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const message = actionData?.message;
  return (
    <div className="page">
      <h1>{t("requests.title")}</h1>
      <p>{t("requests.intro")}</p>
      <FormMessage tone={message === "gone" ? "error" : "success"}>
        {message ? t(`requests.${message}`) : null}
      </FormMessage>
      {requests.length === 0 ? (
        <p>{t("requests.empty")}</p>
      ) : (
        <ul className="cards">
          {requests.map((r) => (
            <li key={r.id} className="card">
              <h2>
                {t("requests.from", { name: r.name, email: r.email, digibank: r.digibankName })}
              </h2>
              {r.message ? <p>{r.message}</p> : null}
              <Form method="post" className="stack">
                <CsrfField />
                <input type="hidden" name="requestId" value={r.id} />
                <button type="submit" name="intent" value="approve" className="button">
                  {t("requests.approve", { name: r.name })}
                </button>
                <button type="submit" name="intent" value="decline" className="header-button">
                  {t("requests.decline", { name: r.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/people">{t("back")}</Link>
      </p>
    </div>
  );
}
