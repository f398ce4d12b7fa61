import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAILBOX_BOUND, listMailbox, openMailbox } from "~/modules/mail/mailbox.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await openMailbox(request, context))) throw new Response(null, { status: 404 });
  const messages = await listMailbox(context.db);
  const t = getFixedT(await getLanguage(request), "mail");
  return { title: t("mailbox.title"), messages, bound: MAILBOX_BOUND };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Digihelpers` : "Digihelpers" },
];

export const handle = { i18n: "mail" };

export default function Mailbox() {
  const { messages, bound } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("mail");
  return (
    <div className="page">
      <h1>{t("mailbox.title")}</h1>
      <p className="lead">{t("mailbox.intro")}</p>
      <p>{t("mailbox.bound", bound)}</p>
      {messages.length === 0 ? (
        <p>{t("mailbox.empty")}</p>
      ) : (
        <ul className="mail-list" aria-label={t("mailbox.listLabel")}>
          {messages.map((message) => (
            <li key={message.id} className="card">
              <Link to={`/dev/mailbox/${message.id}`} className="mail-list__subject">
                {message.subject}
              </Link>
              <dl className="mail-meta">
                <dt>{t("mailbox.to")}</dt>
                <dd>{message.to}</dd>
                <dt>{t("mailbox.date")}</dt>
                <dd>
                  <time dateTime={message.date}>
                    {formatDateTime(new Date(message.date), i18n.language, {
                      dateStyle: "medium",
                      timeStyle: "short",
                    })}
                  </time>
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
