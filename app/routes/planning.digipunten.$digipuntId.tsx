import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DigipuntForm } from "~/components/digipunt-form.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  findDigipunt,
  listPlannedDigibanks,
  listPlannedMunicipalities,
  updateDigipunt,
} from "~/modules/places/digipunten.server.ts";
import { DigipuntSchema } from "~/modules/places/schemas.ts";
import { readForm } from "~/utils/forms.server.ts";
import { paramId } from "~/utils/schemas.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const digipunt = await findDigipunt(context.db, actor, paramId(params.digipuntId));
  // Another digibank's digipunt answers like one that does not exist.
  if (!digipunt) throw new Response("Not found", { status: 404 });
  return {
    title: getFixedT(await getLanguage(request), "planning")("digipunten.edit"),
    digipunt: {
      digibankId: String(digipunt.digibank_id),
      municipalityId: String(digipunt.municipality_id),
      name: digipunt.name,
      kind: digipunt.kind,
      address: digipunt.address ?? "",
      accessibilityNotes: digipunt.accessibility_notes ?? "",
      contact: digipunt.contact ?? "",
    },
    digibanks: await listPlannedDigibanks(context.db, actor),
    municipalities: await listPlannedMunicipalities(context.db, actor),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_shifts" });
  const id = paramId(params.digipuntId);
  const submission = await readForm(request, context, DigipuntSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const v = submission.value;
  const outcome = await updateDigipunt(context.db, actor, id, {
    ...v,
    address: v.address || null,
    accessibilityNotes: v.accessibilityNotes || null,
    contact: v.contact || null,
  });
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  if (!outcome.ok)
    return data({ result: submission.reply(), refusal: outcome.reason }, { status: 400 });
  return redirect("/planning/digipunten?notice=saved");
}

export default function EditDigipunt() {
  const { t } = useTranslation("planning");
  const { digipunt, digibanks, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <h1>{t("digipunten.edit")}</h1>
      <DigipuntForm
        digibanks={digibanks}
        municipalities={municipalities}
        defaultValue={digipunt}
        lastResult={actionData?.result}
        refusal={actionData?.refusal}
        submitLabel={t("digipunten.save")}
      />
      <p>
        <Link to="/planning/digipunten">{t("digipunten.back")}</Link>
      </p>
    </div>
  );
}
