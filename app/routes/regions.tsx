import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, TextField } from "~/components/forms.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { RegionSettingsSchema } from "~/modules/places/region-schemas.ts";
import {
  type RegionSettings,
  listManagedRegions,
  setReleaseCutoff,
} from "~/modules/places/regions.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import type { Outcome } from "~/utils/outcome.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_any_region" });
  return {
    title: getFixedT(await getLanguage(request), "regions")("title"),
    regions: await listManagedRegions(context.db, actor),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_any_region" });
  const submission = await readForm(request, context, RegionSettingsSchema);
  if (submission.status !== "success") {
    const regionId = Number(submission.payload.regionId) || null;
    return data({ regionId, result: submission.reply() }, { status: 400 });
  }
  const { regionId, releaseCutoffHours } = submission.value;
  const outcome = await setReleaseCutoff(context.db, actor, regionId, releaseCutoffHours, {
    ip: context.clientIp,
  });
  if (!outcome.ok && outcome.reason === "forbidden")
    throw new Response("Forbidden", { status: 403 });
  if (!outcome.ok) throw new Response("Not found", { status: 404 });
  throw await redirectWithOutcome(request, context, "/regions", {
    tone: "success",
    message: "regions:saved",
    values: { region: outcome.name },
    at: `region-settings-${regionId}`,
  });
}

export default function Regions() {
  const { t } = useTranslation("regions");
  const { regions, outcome } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {regions.length === 0 ? <p>{t("empty")}</p> : null}
      {regions.map((region) => (
        <RegionForm key={region.id} region={region} outcome={outcome} />
      ))}
    </div>
  );
}

function RegionForm({ region, outcome }: { region: RegionSettings; outcome: Outcome | null }) {
  const { t } = useTranslation("regions");
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `region-${region.id}`,
    lastResult: actionData?.regionId === region.id ? actionData.result : undefined,
    defaultValue: {
      regionId: String(region.id),
      releaseCutoffHours: String(region.releaseCutoffHours),
    },
    constraint: getZodConstraint(RegionSettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegionSettingsSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <section
      id={`region-settings-${region.id}`}
      className="account-section"
      aria-labelledby={`region-${region.id}-title`}
    >
      <h2 id={`region-${region.id}-title`}>{region.name}</h2>
      <OutcomeMessage outcome={outcome} at={`region-settings-${region.id}`} />
      <p>{t("cutoff.current", { count: region.releaseCutoffHours })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <input type="hidden" name="regionId" value={region.id} />
        <TextField
          field={fields.releaseCutoffHours}
          label={t("cutoff.label")}
          type="number"
          hint={t("cutoff.hint")}
        />
        <button type="submit" className="button">
          {t("cutoff.submit", { region: region.name })}
        </button>
      </Form>
    </section>
  );
}
