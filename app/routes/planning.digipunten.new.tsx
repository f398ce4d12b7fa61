import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DigipuntForm } from "~/components/digipunt-form.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  createDigipunt,
  listPlannedDigibanks,
  listPlannedMunicipalities,
} from "~/modules/places/digipunten.server.ts";
import { DigipuntSchema } from "~/modules/places/schemas.ts";
import { redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  return {
    title: getFixedT(await getLanguage(request), "planning")("digipunten.new"),
    digibanks: await listPlannedDigibanks(context.db, actor),
    municipalities: await listPlannedMunicipalities(context.db, actor),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const submission = await readForm(request, context, DigipuntSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const v = submission.value;
  const outcome = await createDigipunt(context.db, actor, {
    ...v,
    address: v.address || null,
    accessibilityNotes: v.accessibilityNotes || null,
    contact: v.contact || null,
  });
  if (!outcome.ok)
    return data({ result: submission.reply(), refusal: outcome.reason }, { status: 400 });
  return redirectWithOutcome(request, context, "/planning/digipunten", {
    tone: "success",
    message: "planning:digipunten.notice.created",
  });
}

export default function NewDigipunt() {
  const { t } = useTranslation("planning");
  const { digibanks, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <h1>{t("digipunten.new")}</h1>
      <DigipuntForm
        digibanks={digibanks}
        municipalities={municipalities}
        lastResult={actionData?.result}
        refusal={actionData?.refusal}
        submitLabel={t("digipunten.create")}
      />
      <p>
        <Link to="/planning/digipunten">{t("digipunten.back")}</Link>
      </p>
    </div>
  );
}
