import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfField } from "~/components/csrf-field.tsx";
import { requireAdmin } from "~/modules/auth/guards.server.ts";
import { listFailedEmails, retryEmail } from "~/modules/mail/outbox.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { id } from "~/utils/schemas.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  const t = getFixedT(await getLanguage(request), "mail");
  const failed = await listFailedEmails(context.db);
  return {
    title: t("admin.title"),
    messages: failed.map((m) => ({
      id: m.id,
      to: m.to_address,
      template: m.template,
      attempts: m.attempts,
      lastError: m.last_error,
      createdAt: m.created_at.toISOString(),
    })),
  };
}

const RetryForm = z.object({ intent: z.literal("retry"), messageId: id() });

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdmin(request, context);
  // Through readForm like every other action, so the CSRF token is checked here too.
  const form = await readForm(request, context, RetryForm);
  if (form.status !== "success") throw new Response(null, { status: 400 });
  return { retried: await retryEmail(context.db, context.jobs, form.value.messageId) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Digihelpers` : "Digihelpers" },
];

export const handle = { i18n: "mail" };

export default function AdminMail() {
  const { messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { t, i18n } = useTranslation("mail");
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <p role="status">{result?.retried ? t("admin.retried") : null}</p>
      {messages.length === 0 ? (
        <p>{t("admin.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("admin.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.to")}</th>
                <th scope="col">{t("admin.template")}</th>
                <th scope="col">{t("admin.attempts")}</th>
                <th scope="col">{t("admin.error")}</th>
                <th scope="col">{t("admin.created")}</th>
                <th scope="col">{t("admin.action")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{message.to}</td>
                  <td>
                    <code>{message.template}</code>
                  </td>
                  <td>{message.attempts}</td>
                  <td className="muted">{message.lastError}</td>
                  <td>
                    {formatDateTime(new Date(message.createdAt), i18n.language, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="messageId" value={message.id} />
                      <button
                        type="submit"
                        className="button"
                        disabled={busy}
                        aria-label={t("admin.retryLabel", { address: message.to })}
                      >
                        {t("admin.retry")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
