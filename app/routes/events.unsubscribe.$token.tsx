import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import {
  type UnsubscribeTarget,
  findUnsubscribeTarget,
  unsubscribeFromInvitations,
} from "~/modules/events/unsubscribe.server.ts";
import { readFormData } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

// One-click unsubscribe from gatherings' invitations (RFC 8058). A GET (a mail scanner, a click in
// the mail) only shows a page that asks to confirm; the POST, from that page or straight from the
// mail provider (cookieless, no CSRF token: the signed token in the address is the proof, and the
// same-origin check lets this path through), stops invitations and answers 200 with a page, never
// a redirect. The page speaks the recipient's language.

function texts(target: UnsubscribeTarget) {
  const t = getFixedT(target.language, "events");
  return {
    lang: target.language,
    title: t("unsubscribe.title"),
    intro: t("unsubscribe.intro", { title: target.eventTitle }),
    stillGet: t("unsubscribe.stillGet"),
    confirm: t("unsubscribe.confirm"),
    doneTitle: t("unsubscribe.doneTitle"),
    doneText: t("unsubscribe.doneText"),
    undo: target.userId !== null ? t("unsubscribe.undoAccount") : t("unsubscribe.undoGuest"),
    account: target.userId !== null ? t("unsubscribe.accountLink") : null,
  };
}

export async function loader({ context, params }: LoaderFunctionArgs) {
  const target = await findUnsubscribeTarget(context.db, params.token);
  if (!target) throw new Response("Not found", { status: 404 });
  return { done: target.done, texts: texts(target) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.texts.title ?? ""} · Digihelpers` },
  // The address holds a secret: keep it out of other sites' logs and out of search engines.
  // "same-origin", not "no-referrer": under no-referrer a browser sends `Origin: null` with the
  // page's own form POST, which Remix refuses as a cross-site request.
  { name: "referrer", content: "same-origin" },
  { name: "robots", content: "noindex" },
];

export async function action({ request, context, params }: ActionFunctionArgs) {
  // Only form bodies within the limits (415, 413, 400 otherwise); the one-click body is
  // "List-Unsubscribe=One-Click", and the page's own form sends the same.
  const form = await readFormData(request);
  if (form.get("List-Unsubscribe") !== "One-Click") {
    const t = getFixedT(await getLanguage(request), "events");
    return data({ done: false, error: t("unsubscribe.badBody"), texts: null }, { status: 400 });
  }
  const target = await unsubscribeFromInvitations(context.db, params.token, context.clientIp);
  if (!target) throw new Response("Not found", { status: 404 });
  return data({ done: true, error: null, texts: texts(target) }, { status: 200 });
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const t = acted?.texts ?? loaded.texts;
  const done = acted?.done ?? loaded.done;
  return (
    <div className="page page--narrow" lang={t.lang}>
      {done ? (
        <>
          <h1>{t.doneTitle}</h1>
          <p role="status">{t.doneText}</p>
          <p>{t.stillGet}</p>
          <p>{t.undo}</p>
          {t.account ? (
            <p>
              <Link to="/account">{t.account}</Link>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h1>{t.title}</h1>
          <p>{t.intro}</p>
          <p>{t.stillGet}</p>
          {acted?.error ? (
            <p role="alert" className="form-message">
              {acted.error}
            </p>
          ) : null}
          <Form method="post">
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="button">
              {t.confirm}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("events");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("unsubscribe.notFound"), link: { to: "/", label: t("unsubscribe.home") } },
      }}
    />
  );
}
