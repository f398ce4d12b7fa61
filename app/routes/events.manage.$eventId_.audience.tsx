import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Checks, Field } from "~/components/course-form.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { AUDIENCE_ROLES, readAudienceRules } from "~/modules/events/audience.ts";
import { previewAudience } from "~/modules/events/audience.server.ts";
import { loadPlannedEvent } from "~/modules/events/event.server.ts";
import {
  MAX_GUEST_BYTES,
  addGuests,
  checkGuests,
  decodeGuestFile,
  listGuests,
  removeGuest,
} from "~/modules/events/guests.server.ts";
import { loadAudienceOptions, saveAudience } from "~/modules/events/planning.server.ts";
import { AudienceFormSchema, RemoveGuestSchema } from "~/modules/events/planning-schemas.ts";
import { requireCsrfToken } from "~/utils/csrf.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readFormData } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

// Whom an event invites: the rules (roles, digibanken or municipalities, skills, courses), the
// preview of how many a send would invite now, and the outside guests, pasted or uploaded as CSV,
// checked first (a report of the rows refused and why) and added on confirm in one transaction.

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const event = await loadPlannedEvent(context.db, actor, paramId(params.eventId));
  if (!event) throw new Response("Not found", { status: 404 });
  const [options, preview, guests] = await Promise.all([
    loadAudienceOptions(context.db, event),
    previewAudience(context.db, event),
    listGuests(context.db, event.id),
  ]);
  return {
    title: getFixedT(await getLanguage(request), "eventPlanning")("audience.title"),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      ownDigibank: event.digibank_id !== null,
    },
    rules: readAudienceRules(event.audience),
    options,
    preview,
    guests,
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

const notFound = () => new Response("Not found", { status: 404 });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_events" });
  const eventId = paramId(params.eventId);
  const event = await loadPlannedEvent(context.db, actor, eventId);
  if (!event) throw notFound();
  const formData = await readFormData(request);
  await requireCsrfToken(request, formData, context.secret);
  const intent = formData.get("intent");
  const here = `/events/manage/${eventId}/audience`;

  if (intent === "audience") {
    const submission = parseWithZod(formData, { schema: AudienceFormSchema });
    if (submission.status !== "success")
      return data({ audienceRefusal: "auth:fields.number", guestCheck: null }, { status: 400 });
    const { intent: _intent, ...rules } = submission.value;
    const outcome = await saveAudience(context.db, actor, eventId, rules);
    if (!outcome.ok && outcome.reason === "not_found") throw notFound();
    if (!outcome.ok)
      return data(
        { audienceRefusal: `eventPlanning:errors.refusal.${outcome.reason}`, guestCheck: null },
        { status: 400 },
      );
    return redirectWithOutcome(request, context, here, {
      tone: "success",
      message: "eventPlanning:audience.saved",
      at: "preview",
    });
  }

  if (intent === "checkGuests" || intent === "addGuests") {
    // The text: an uploaded file (decoded from UTF-8 or Windows-1252) or the pasted list.
    const file = formData.get("file");
    let text: string;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_GUEST_BYTES)
        return data(
          { audienceRefusal: null, guestCheck: { failure: "too_large" as const } },
          { status: 413 },
        );
      text = decodeGuestFile(new Uint8Array(await file.arrayBuffer()));
    } else {
      const pasted = formData.get("guestList");
      text = typeof pasted === "string" ? pasted : "";
    }
    if (intent === "checkGuests") {
      const checked = await checkGuests(context.db, eventId, text);
      if (!checked.ok)
        return data(
          { audienceRefusal: null, guestCheck: { failure: checked.reason } },
          { status: 400 },
        );
      // Rows refused: the list as sent is not accepted as a whole (a 400), the report says which.
      return data(
        { audienceRefusal: null, guestCheck: { failure: null, text, report: checked.report } },
        { status: checked.report.refused.length > 0 ? 400 : 200 },
      );
    }
    const expected = Number(formData.get("expected"));
    const outcome = await addGuests(
      context.db,
      actor,
      eventId,
      text,
      Number.isSafeInteger(expected) ? expected : -1,
    );
    if (!outcome.ok && outcome.reason === "not_found") throw notFound();
    if (!outcome.ok)
      return data(
        { audienceRefusal: null, guestCheck: { failure: outcome.reason } },
        { status: 400 },
      );
    return redirectWithOutcome(request, context, here, {
      tone: "success",
      message: "eventPlanning:guests.added",
      values: { count: outcome.added },
      at: "guests",
    });
  }

  const submission = parseWithZod(formData, { schema: RemoveGuestSchema });
  if (submission.status !== "success")
    return data({ audienceRefusal: "auth:fields.required", guestCheck: null }, { status: 400 });
  const outcome = await removeGuest(context.db, actor, eventId, submission.value.guestId);
  if (!outcome.ok && outcome.reason === "not_found") throw notFound();
  return redirectWithOutcome(
    request,
    context,
    here,
    outcome.ok
      ? { tone: "success", message: "eventPlanning:guests.removed", at: "guests" }
      : { tone: "error", message: `eventPlanning:guests.failure.${outcome.reason}`, at: "guests" },
  );
}

export default function EventAudience() {
  const { t } = useTranslation("eventPlanning");
  const { t: tc } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { event, rules, options, preview, guests, outcome } = loaded;
  const check = actionData?.guestCheck;
  const report = check && "report" in check ? check.report : null;
  const ids = (list: number[]) => list.map(String);
  const open = event.status !== "cancelled";

  return (
    <div className="page page--narrow">
      <h1>
        {t("audience.title")}: {event.title}
      </h1>
      <p>{t("audience.intro")}</p>
      <OutcomeMessage outcome={outcome} />

      <section aria-labelledby="preview" className="stack" id="preview-section">
        <h2 id="preview" tabIndex={-1}>
          {t("audience.preview")}
        </h2>
        <OutcomeMessage outcome={outcome} at="preview" />
        <p>{t("audience.previewIntro")}</p>
        <ul>
          <li>
            <strong>{t("audience.toInvite", { count: preview.toInvite })}</strong>
            <br />
            {t("audience.byLanguage", preview.byLanguage)}
          </li>
          <li>{t("audience.guestsCount", { count: preview.guests })}</li>
          <li>{t("audience.optedOut", { count: preview.optedOut })}</li>
          <li>{t("audience.alreadyInvited", { count: preview.alreadyInvited })}</li>
        </ul>
        {event.status === "published" ? (
          <p>
            <Link className="button" to={`/events/manage/${event.id}/send`}>
              {t("audience.sendLink")}
            </Link>
          </p>
        ) : null}
      </section>

      {open ? (
        <section aria-labelledby="rules" className="stack">
          <h2 id="rules">{t("audience.rules")}</h2>
          {/* Multipart, as the guest forms: the page's larger limits are for multipart only. */}
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="audience" />
            <FormMessage>
              {actionData?.audienceRefusal ? String(tc(actionData.audienceRefusal as never)) : null}
            </FormMessage>
            <Checks
              name="roles"
              legend={t("audience.roles")}
              values={rules.roles}
              options={AUDIENCE_ROLES.map((r) => ({ value: r, label: t(`audience.role.${r}`) }))}
            />
            {event.ownDigibank ? null : (
              <>
                <p>{t("audience.digibanksHint")}</p>
                <Checks
                  name="digibankIds"
                  legend={t("audience.digibanks")}
                  values={ids(rules.digibankIds)}
                  options={options.digibanks.map((b) => ({ value: String(b.id), label: b.name }))}
                />
                {options.municipalities.length > 0 ? (
                  <Checks
                    name="municipalityIds"
                    legend={t("audience.municipalities")}
                    values={ids(rules.municipalityIds)}
                    options={options.municipalities.map((m) => ({
                      value: String(m.id),
                      label: m.name,
                    }))}
                  />
                ) : null}
              </>
            )}
            <p>{t("audience.filtersHint")}</p>
            <Checks
              name="skillIds"
              legend={t("audience.skills")}
              values={ids(rules.skillIds)}
              options={options.skills.map((s) => ({
                value: String(s.id),
                label: String(tc(`skill.${s.code}` as never)),
              }))}
            />
            {options.courses.length > 0 ? (
              <Checks
                name="courseIds"
                legend={t("audience.courses")}
                values={ids(rules.courseIds)}
                options={options.courses.map((c) => ({ value: String(c.id), label: c.title }))}
              />
            ) : null}
            <button type="submit" className="button">
              {t("audience.save")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="guests" className="stack">
        <h2 id="guests" tabIndex={-1}>
          {t("guests.heading")}
        </h2>
        <OutcomeMessage outcome={outcome} at="guests" />
        {open ? (
          <>
            <p>{t("guests.intro")}</p>
            <Form method="post" encType="multipart/form-data" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="checkGuests" />
              <FormMessage>
                {check?.failure ? t(`guests.failure.${check.failure}`) : null}
              </FormMessage>
              <Field name="guestList" label={t("guests.paste")}>
                {(props) => (
                  <textarea
                    {...props}
                    rows={5}
                    defaultValue={report ? "" : undefined}
                    placeholder="lies@gemeente.example, Lies Peeters, nl"
                  />
                )}
              </Field>
              <Field name="file" label={t("guests.file")}>
                {(props) => <input {...props} type="file" accept=".csv,.txt,text/csv,text/plain" />}
              </Field>
              <button type="submit" className="button button--secondary">
                {t("guests.check")}
              </button>
            </Form>
          </>
        ) : null}

        {report && check && "text" in check ? (
          <section aria-labelledby="guest-report" className="stack">
            <h3 id="guest-report">{t("guests.report")}</h3>
            <p role="status">
              {t("guests.toAdd", { count: report.toAdd.length })}
              {report.blankLines > 0
                ? ` ${t("guests.blankLines", { count: report.blankLines })}`
                : null}
              {report.toAdd.some((r) => r.languageDefaulted)
                ? ` ${t("guests.languageNote", {
                    count: report.toAdd.filter((r) => r.languageDefaulted).length,
                  })}`
                : null}
            </p>
            {report.refused.length > 0 ? (
              <div className="table-scroll">
                <table>
                  <caption>{t("guests.refused")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("guests.line")}</th>
                      <th scope="col">{t("guests.email")}</th>
                      <th scope="col">{t("guests.reason")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.refused.map((row) => (
                      <tr key={`${row.line}-${row.email}`}>
                        <td>{row.line}</td>
                        <td>{row.email}</td>
                        <td>{t(`guests.reasons.${row.reason}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {report.toAdd.length > 0 ? (
              <Form method="post" encType="multipart/form-data">
                <CsrfField />
                <input type="hidden" name="intent" value="addGuests" />
                <input type="hidden" name="guestList" value={check.text} />
                <input type="hidden" name="expected" value={report.toAdd.length} />
                <button type="submit" className="button">
                  {t("guests.confirm", { count: report.toAdd.length })}
                </button>
              </Form>
            ) : null}
          </section>
        ) : null}

        <h3>{t("guests.list")}</h3>
        {guests.length === 0 ? (
          <p>{t("guests.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("guests.name")}</th>
                  <th scope="col">{t("guests.email")}</th>
                  <th scope="col">{t("guests.language")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("guests.remove")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {guests.map((guest) => (
                  <tr key={guest.id}>
                    <td>{guest.name}</td>
                    <td>{guest.email}</td>
                    <td>{guest.language}</td>
                    <td>
                      {guest.invitationId !== null ? (
                        t("guests.invited")
                      ) : open ? (
                        <Form method="post" className="inline-form">
                          <CsrfField />
                          <input type="hidden" name="intent" value="removeGuest" />
                          <input type="hidden" name="guestId" value={guest.id} />
                          <button type="submit" className="button button--secondary">
                            {t("guests.remove")}
                            <span className="visually-hidden">: {guest.name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <p>
        <Link to={`/events/manage/${event.id}/edit`}>{t("audience.back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("eventPlanning");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("edit.notFound"), link: { to: "/events/manage", label: t("edit.back") } },
      }}
    />
  );
}
