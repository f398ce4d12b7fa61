import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage, SelectField, TextField } from "~/components/forms.tsx";
import { tooManyRequests } from "~/modules/auth/rate-limit.server.ts";
import { requestToJoin } from "~/modules/people/join-requests.server.ts";
import { JoinSchema } from "~/modules/people/schemas.ts";
import { getNetworkOverview } from "~/modules/places/overview.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { headersWithRetryAfter } from "~/utils/headers.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const overview = await getNetworkOverview(context.db);
  return {
    title: getFixedT(await getLanguage(request), "people")("join.title"),
    regions: overview.regions.map((r) => ({
      name: r.name,
      digibanks: r.digibanks.map((b) => ({ id: b.id, name: b.name })),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export const headers = headersWithRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readForm(request, context, JoinSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), thanks: false, limited: false }, { status: 400 });
  const { website, ...input } = submission.value;
  // A filled honeypot came from a robot: it gets the same thank-you, and nothing is stored.
  if (website) return { result: submission.reply(), thanks: true, limited: false };
  const outcome = await requestToJoin(context.db, context.jobs, input, {
    appUrl: context.appUrl,
    ip: context.clientIp,
  });
  if (!outcome.ok)
    return data(
      { result: submission.reply(), thanks: false, limited: true },
      tooManyRequests(outcome.retryAfterSeconds),
    );
  return { result: submission.reply(), thanks: true, limited: false };
}

export default function Join() {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const { regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(JoinSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: JoinSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { language: "nl" },
  });
  if (actionData?.thanks) {
    return (
      <div className="page page--narrow">
        <h1>{t("join.thanksTitle")}</h1>
        <p role="status">{t("join.thanksText")}</p>
      </div>
    );
  }
  const digibanks = regions.flatMap((r) =>
    r.digibanks.map((b) => ({ value: String(b.id), label: `${b.name} (${r.name})` })),
  );
  return (
    <div className="page page--narrow">
      <h1>{t("join.title")}</h1>
      <p>{t("join.intro")}</p>
      <FormMessage>{actionData?.limited ? t("join.rateLimited") : null}</FormMessage>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <SelectField
          field={fields.digibankId}
          label={t("join.digibank")}
          options={digibanks}
          placeholder={t("join.chooseDigibank")}
        />
        <TextField field={fields.name} label={t("join.name")} autoComplete="name" />
        <TextField field={fields.email} label={t("join.email")} type="email" autoComplete="email" />
        <SelectField
          field={fields.language}
          label={t("join.language")}
          options={(["nl", "fr", "en"] as const).map((l) => ({
            value: l,
            label: tc(`languages.${l}`),
          }))}
        />
        <div className="field">
          <label htmlFor={fields.message.id}>{t("join.message")}</label>
          <textarea id={fields.message.id} name={fields.message.name} rows={4} maxLength={2000} />
        </div>
        {/* The honeypot: hidden from people and screen readers, filled in by form-filling robots. */}
        <div hidden>
          <label htmlFor="join-website">{t("join.website")}</label>
          <input id="join-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <p>
          <a href="/privacy">{t("join.privacyLink")}</a>
        </p>
        <button type="submit" className="button">
          {t("join.submit")}
        </button>
      </Form>
    </div>
  );
}
