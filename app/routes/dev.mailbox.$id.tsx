import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getMailboxMessage, openMailbox } from "~/modules/mail/mailbox.server.ts";
import { formatDateTime } from "~/utils/format.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const open = await openMailbox(request, context);
  const message = open ? await getMailboxMessage(context.db, params.id ?? "") : null;
  if (!message) throw new Response(null, { status: 404 });
  return message;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.subject} · Digihelpers` : "Digihelpers" },
];

export const handle = { i18n: "mail" };

// The plain-text part only: the HTML part carries inline styles, which the CSP refuses, and is
// not ours to trust once it has been through a mail library.
export default function MailboxMessage() {
  const message = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("mail");
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/dev/mailbox">{t("mailbox.back")}</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="mail-meta">
        <dt>{t("mailbox.from")}</dt>
        <dd>{message.from}</dd>
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
      <p>
        <a href={`/dev/mailbox/${message.id}/raw`} download>
          {t("mailbox.raw")}
        </a>
      </p>

      <section aria-labelledby="mail-links">
        <h2 id="mail-links">{t("mailbox.linksTitle")}</h2>
        {message.links.length === 0 ? (
          <p>{t("mailbox.noLinks")}</p>
        ) : (
          <ul className="plain-list">
            {message.links.map((href) => (
              <li key={href}>
                <a href={href} className="mail-link">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mail-text">
        <h2 id="mail-text">{t("mailbox.textTitle")}</h2>
        <div className="mail-text">
          {message.parts.map((part, i) =>
            part.kind === "link" ? (
              <a key={i} href={part.href}>
                {part.href}
              </a>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </div>
      </section>
    </div>
  );
}
