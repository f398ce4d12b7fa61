import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage, SelectField, TextField } from "~/components/forms.tsx";
import { isAdmin } from "~/modules/auth/access.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { listDigibanksInScope, listRegions } from "~/modules/people/directory.server.ts";
import { invitePerson } from "~/modules/people/invitations.server.ts";
import { InviteSchema, parseScope } from "~/modules/people/schemas.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_people" });
  const admin = isAdmin(actor);
  return {
    title: getFixedT(await getLanguage(request), "people")("invite.title"),
    admin,
    digibanks: await listDigibanksInScope(context.db, actor),
    regions: admin ? await listRegions(context.db) : [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_people" });
  const submission = await readForm(request, context, InviteSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), sent: null }, { status: 400 });
  const { scope, ...rest } = submission.value;
  const outcome = await invitePerson(
    context.db,
    context.jobs,
    actor,
    { ...rest, scope: parseScope(scope)! },
    { appUrl: context.appUrl, ip: context.clientIp },
  );
  if (!outcome.ok)
    return data(
      {
        result: submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } }),
        sent: null,
      },
      { status: 400 },
    );
  return {
    result: submission.reply({ resetForm: true }),
    sent: { email: submission.value.email, outcome: outcome.outcome },
  };
}

export default function InvitePerson() {
  const { t } = useTranslation("people");
  const { t: tc } = useTranslation();
  const { admin, digibanks, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldRevalidate: "onInput",
    defaultValue: { language: "nl", role: "volunteer" },
  });
  const sent = actionData?.sent;
  const roles = admin
    ? (["volunteer", "coordinator", "regional_staff"] as const)
    : (["volunteer"] as const);
  const scopes = [
    ...digibanks.map((b) => ({ value: `digibank:${b.id}`, label: b.name })),
    ...regions.map((r) => ({
      value: `region:${r.id}`,
      label: t("invite.regionOption", { name: r.name }),
    })),
  ];

  return (
    <div className="page page--narrow">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro")}</p>
      <FormMessage tone="success">
        {sent
          ? sent.outcome === "invited"
            ? t("invite.sent", { email: sent.email })
            : t("invite.roleAdded", { email: sent.email })
          : null}
      </FormMessage>
      <Form method="post" {...getFormProps(form)} className="stack">
        <CsrfField />
        <TextField field={fields.email} label={t("invite.email")} type="email" autoComplete="off" />
        <TextField field={fields.name} label={t("invite.name")} autoComplete="off" />
        <SelectField
          field={fields.language}
          label={t("invite.language")}
          options={(["nl", "fr", "en"] as const).map((l) => ({
            value: l,
            label: tc(`languages.${l}`),
          }))}
        />
        <SelectField
          field={fields.role}
          label={t("invite.role")}
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField field={fields.scope} label={t("invite.scope")} options={scopes} />
        <button type="submit" className="button">
          {t("invite.submit")}
        </button>
      </Form>
      <p>
        <Link to="/people">{t("back")}</Link>
      </p>
    </div>
  );
}
