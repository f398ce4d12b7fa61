import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listDigipunten, setDigipuntArchived } from "~/modules/places/digipunten.server.ts";
import { DigipuntListActionSchema } from "~/modules/places/schemas.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  return {
    title: getFixedT(await getLanguage(request), "planning")("digipunten.title"),
    digipunten: await listDigipunten(context.db, actor, { archived: true }),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const submission = await readForm(request, context, DigipuntListActionSchema);
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const { intent, digipuntId } = submission.value;
  const outcome = await setDigipuntArchived(context.db, actor, digipuntId, intent === "archive");
  if (!outcome.ok) throw new Response("Not found", { status: 404 });
  return redirectWithOutcome(request, context, "/planning/digipunten", {
    tone: "success",
    message: `planning:digipunten.notice.${intent === "archive" ? "archived" : "restored"}`,
  });
}

export default function Digipunten() {
  const { t } = useTranslation("planning");
  const { digipunten, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("digipunten.title")}</h1>
      <p>{t("digipunten.intro")}</p>
      <OutcomeMessage outcome={outcome} />
      <ul className="plain-list links">
        <li>
          <Link to="/planning/digipunten/new">{t("digipunten.new")}</Link>
        </li>
      </ul>
      {digipunten.length === 0 ? (
        <p>{t("digipunten.empty")}</p>
      ) : (
        <ul className="cards" aria-label={t("digipunten.caption")}>
          {digipunten.map((p) => (
            <li key={p.id} className="card">
              <h2>
                <Link to={`/planning/digipunten/${p.id}`}>{p.name}</Link>
              </h2>
              <p className="muted">
                {p.digibank}
                {p.archivedAt ? ` · ${t("digipunten.archived")}` : ""}
              </p>
              <p>
                {p.kind === "mobile" ? t("digipunten.mobile") : p.address}
                <br />
                {p.municipality}
              </p>
              {p.accessibilityNotes ? (
                <p>
                  <strong>{t("digipunten.accessibility")}:</strong> {p.accessibilityNotes}
                </p>
              ) : null}
              {p.contact ? (
                <p>
                  <strong>{t("digipunten.contact")}:</strong> {p.contact}
                </p>
              ) : null}
              <Form method="post" className="inline-form">
                <CsrfField />
                <input type="hidden" name="intent" value={p.archivedAt ? "restore" : "archive"} />
                <input type="hidden" name="digipuntId" value={p.id} />
                <button type="submit" className="button button--secondary">
                  {t(p.archivedAt ? "digipunten.restore" : "digipunten.archive", { name: p.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/planning">{t("back")}</Link>
      </p>
    </div>
  );
}
