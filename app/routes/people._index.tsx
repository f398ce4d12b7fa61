import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { isAdmin } from "~/modules/auth/access.server.ts";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import {
  listDigibanksInScope,
  listPeople,
  listRegions,
} from "~/modules/people/directory.server.ts";
import { grantRole, revokeRole } from "~/modules/people/roles.server.ts";
import { PersonActionSchema, parseScope } from "~/modules/people/schemas.ts";
import { deactivatePerson, reactivatePerson } from "~/modules/people/status.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { readId } from "~/utils/schemas.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_people" });
  const digibankId = readId(new URL(request.url).searchParams.get("digibank"));
  const admin = isAdmin(actor);
  return {
    title: getFixedT(await getLanguage(request), "people")("list.title"),
    admin,
    digibankId,
    people: await listPeople(context.db, actor, { digibankId }),
    digibanks: await listDigibanksInScope(context.db, actor),
    regions: admin ? await listRegions(context.db) : [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "manage_people" });
  const submission = await readForm(request, context, PersonActionSchema);
  if (submission.status !== "success") return data({ message: "refused" }, { status: 400 });
  const value = submission.value;
  const ip = context.clientIp;
  const outcome =
    value.intent === "deactivate"
      ? await deactivatePerson(context.db, actor, value.personId, { ip })
      : value.intent === "reactivate"
        ? await reactivatePerson(context.db, actor, value.personId, { ip })
        : value.intent === "grant"
          ? await grantRole(context.db, actor, {
              personId: value.personId,
              role: value.role,
              scope: parseScope(value.scope),
              ip,
            })
          : await revokeRole(context.db, actor, { ...value, ip });
  if (outcome.ok) return { message: "done" };
  if (outcome.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
  const message =
    outcome.reason === "own_admin"
      ? "ownAdmin"
      : outcome.reason === "scope"
        ? "scopeMismatch"
        : "refused";
  return data({ message }, { status: 400 });
}

export default function People() {
  const { t } = useTranslation("people");
  const { t: tProfile } = useTranslation("profile");
  const { admin, digibankId, people, digibanks, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const message = actionData?.message as
    "done" | "refused" | "ownAdmin" | "scopeMismatch" | undefined;
  const roleLabel = (role: (typeof people)[number]["roles"][number]) =>
    role.scopeName
      ? t("roleIn", { role: t(`roles.${role.role}`), scope: role.scopeName })
      : t(`roles.${role.role}`);
  const scopes = [
    ...digibanks.map((b) => ({ value: `digibank:${b.id}`, label: b.name })),
    ...regions.map((r) => ({
      value: `region:${r.id}`,
      label: t("invite.regionOption", { name: r.name }),
    })),
  ];

  return (
    <div className="page">
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      <ul className="plain-list links">
        <li>
          <Link to="/people/invite">{t("list.invite")}</Link>
        </li>
        <li>
          <Link to="/people/requests">{t("list.requests")}</Link>
        </li>
      </ul>
      <FormMessage tone={message === "done" ? "success" : "error"}>
        {message ? t(`list.${message}`) : null}
      </FormMessage>
      {admin ? (
        <Form method="get" className="stack">
          <div className="field">
            <label htmlFor="filter-digibank">{t("list.filter")}</label>
            <select id="filter-digibank" name="digibank" defaultValue={digibankId ?? ""}>
              <option value="">{t("list.filterAll")}</option>
              {digibanks.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("list.filterSubmit")}
          </button>
        </Form>
      ) : null}
      {people.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("list.name")}</th>
              <th scope="col">{t("list.email")}</th>
              <th scope="col">{t("list.roles")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("list.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <th scope="row">
                  {person.name}
                  {person.roles.some((r) => r.role === "volunteer") ? (
                    <>
                      <br />
                      <Link
                        to={`/people/${person.id}/profile`}
                        aria-label={tProfile("linkPersonOf", { name: person.name })}
                      >
                        {tProfile("linkPerson")}
                      </Link>
                    </>
                  ) : null}
                </th>
                <td>{person.email}</td>
                <td>
                  <ul className="plain-list">
                    {person.roles.map((role) => (
                      <li key={role.assignmentId}>
                        {roleLabel(role)}
                        {person.canEditRoles ? (
                          <Form method="post" className="inline-form">
                            <CsrfField />
                            <input type="hidden" name="intent" value="revoke" />
                            <input type="hidden" name="personId" value={person.id} />
                            <input type="hidden" name="assignmentId" value={role.assignmentId} />
                            <button type="submit" className="header-button">
                              {t("list.revoke", { role: roleLabel(role) })}
                            </button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{t(`status.${person.status}`)}</td>
                <td>
                  {person.canManage &&
                  (person.status === "active" || person.status === "disabled") ? (
                    <Form method="post">
                      <CsrfField />
                      <input
                        type="hidden"
                        name="intent"
                        value={person.status === "active" ? "deactivate" : "reactivate"}
                      />
                      <input type="hidden" name="personId" value={person.id} />
                      <button type="submit" className="header-button">
                        {t(person.status === "active" ? "list.deactivate" : "list.reactivate", {
                          name: person.name,
                        })}
                      </button>
                    </Form>
                  ) : null}
                  {person.canEditRoles ? (
                    <Form method="post" className="stack">
                      <CsrfField />
                      <input type="hidden" name="intent" value="grant" />
                      <input type="hidden" name="personId" value={person.id} />
                      <label htmlFor={`grant-role-${person.id}`}>
                        {t("list.grantRole", { name: person.name })}
                      </label>
                      <select id={`grant-role-${person.id}`} name="role" defaultValue="volunteer">
                        {(["volunteer", "coordinator", "regional_staff", "admin"] as const).map(
                          (r) => (
                            <option key={r} value={r}>
                              {t(`roles.${r}`)}
                            </option>
                          ),
                        )}
                      </select>
                      <label htmlFor={`grant-scope-${person.id}`}>
                        {t("list.grantScope", { name: person.name })}
                      </label>
                      <select id={`grant-scope-${person.id}`} name="scope" defaultValue="">
                        <option value="">{t("list.noScope")}</option>
                        {scopes.map((s) => (
                          <option key={s.value} value={s.value}>
                            {s.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="header-button">
                        {t("list.grant")}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
