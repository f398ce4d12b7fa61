import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField } from "~/components/csrf-field.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import {
  BOARD_SHOWS,
  INTRODUCTION_MAX,
  PARTS_OF_DAY,
  PROFILE_LANGUAGES,
  WEEKDAYS,
} from "~/modules/people/profile-codes.ts";
import { ProfileFormSchema } from "~/modules/people/profile-schemas.server.ts";
import {
  brusselsToday,
  listMunicipalityChoices,
  loadProfile,
  saveProfile,
} from "~/modules/people/profile.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import communityStyles from "~/styles/community.css";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const [profile, municipalityChoices] = await Promise.all([
    loadProfile(context.db, actor.id),
    listMunicipalityChoices(context.db, actor.id),
  ]);
  if (!profile) throw new Response("Not Found", { status: 404 });
  return {
    title: getFixedT(await getLanguage(request), "profile")("title"),
    profile,
    municipalityChoices,
    today: brusselsToday(),
    outcome: await readOutcome(request, context),
  };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: communityStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

/** What the form showed, from what was sent: a refused form comes back as typed. */
function sentValues(payload: Record<string, unknown>) {
  const many = (v: unknown) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(
      (x): x is string => typeof x === "string",
    );
  return {
    since: typeof payload.since === "string" ? payload.since : "",
    municipality: many(payload.municipality),
    language: many(payload.language),
    availability: many(payload.availability),
    shows: many(payload.shows),
    introduction: typeof payload.introduction === "string" ? payload.introduction : "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const submission = await readForm(request, context, ProfileFormSchema);
  const values = sentValues(submission.payload);
  if (submission.status !== "success") {
    const errors: Record<string, string> = {};
    for (const [key, messages] of Object.entries(submission.error ?? {}))
      if (messages?.[0]) errors[key.split("[")[0]!.split(".")[0]!] = messages[0];
    return data({ values, errors }, { status: 400 });
  }
  const outcome = await saveProfile(context.db, actor.id, submission.value);
  if (!outcome.ok)
    return data({ values, errors: { [outcome.field]: outcome.reason } }, { status: 400 });
  throw await redirectWithOutcome(request, context, "/account/profile", {
    tone: "success",
    message: "profile:saved",
  });
}

export default function AccountProfile() {
  const { t } = useTranslation("profile");
  const { t: tAny } = useTranslation();
  const { profile, municipalityChoices, today, outcome } = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const errors: Record<string, string> = sent?.errors ?? {};
  const values = sent?.values ?? {
    since: profile.since ?? "",
    municipality: profile.municipalities.map((m) => String(m.id)),
    language: profile.languages,
    availability: profile.availability,
    shows: profile.boardShows as string[],
    introduction: profile.introduction,
  };
  const error = (field: string) =>
    errors[field] ? (
      <p id={`${field}-error`} className="field__error">
        {String(tAny(errors[field] as never))}
      </p>
    ) : null;
  const invalid = (field: string) =>
    errors[field] ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {};
  const regions = [...new Set(municipalityChoices.map((m) => m.regionName))];
  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <OutcomeMessage outcome={outcome} />
      {Object.keys(errors).length ? (
        <div className="notice notice--error" role="alert">
          {t("errors.form")}
        </div>
      ) : null}
      <Form
        method="post"
        className="stack"
        key={JSON.stringify(sent ?? null)}
        aria-label={t("title")}
      >
        <CsrfField />
        <div className="field">
          <label htmlFor="since">{t("since.label")}</label>
          <p id="since-hint" className="field__hint">
            {t("since.hint")}
          </p>
          <input
            id="since"
            name="since"
            type="date"
            max={today}
            defaultValue={values.since}
            {...invalid("since")}
            aria-describedby={errors.since ? "since-hint since-error" : "since-hint"}
          />
          {error("since")}
        </div>

        <section aria-labelledby="digibanks-title">
          <h2 id="digibanks-title">{t("digibanks.title")}</h2>
          <p className="field__hint">{t("digibanks.hint")}</p>
          {profile.digibanks.length ? (
            <ul className="plain-list">
              {profile.digibanks.map((d) => (
                <li key={d.id}>{d.name}</li>
              ))}
            </ul>
          ) : (
            <p>{t("none")}</p>
          )}
        </section>

        <fieldset className="choices" {...invalid("municipality")}>
          <legend>{t("municipalities.legend")}</legend>
          {municipalityChoices.length === 0 ? <p>{t("municipalities.none")}</p> : null}
          {municipalityChoices.map((m) => (
            <div className="check" key={m.id}>
              <input
                type="checkbox"
                id={`municipality-${m.id}`}
                name="municipality"
                value={m.id}
                defaultChecked={values.municipality.includes(String(m.id))}
              />
              <label htmlFor={`municipality-${m.id}`}>
                {m.name}
                {regions.length > 1 ? ` (${m.regionName})` : ""}
              </label>
            </div>
          ))}
          {error("municipality")}
        </fieldset>

        <fieldset className="choices" {...invalid("language")}>
          <legend>{t("languages.legend")}</legend>
          {PROFILE_LANGUAGES.map((code) => (
            <div className="check" key={code}>
              <input
                type="checkbox"
                id={`language-${code}`}
                name="language"
                value={code}
                defaultChecked={values.language.includes(code)}
              />
              <label htmlFor={`language-${code}`}>{t(`language.${code}`)}</label>
            </div>
          ))}
          {error("language")}
        </fieldset>

        <fieldset className="availability" {...invalid("availability")}>
          <legend>{t("availability.legend")}</legend>
          <p className="field__hint">{t("availability.hint")}</p>
          <table className="availability__grid">
            <thead>
              <tr>
                <th scope="col">{t("availability.day")}</th>
                {PARTS_OF_DAY.map((part) => (
                  <th scope="col" key={part}>
                    {t(`part.${part}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {WEEKDAYS.map((day) => (
                <tr key={day}>
                  <th scope="row">{t(`day.${day}`)}</th>
                  {PARTS_OF_DAY.map((part) => {
                    const slot = `${day}_${part}`;
                    return (
                      <td key={part}>
                        <input
                          type="checkbox"
                          id={`availability-${slot}`}
                          name="availability"
                          value={slot}
                          aria-label={`${t(`day.${day}`)} ${t(`part.${part}`)}`}
                          defaultChecked={values.availability.includes(slot)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {error("availability")}
        </fieldset>

        <div className="field">
          <label htmlFor="introduction">{t("introduction.label")}</label>
          <p id="introduction-hint" className="field__hint">
            {t("introduction.hint")}
          </p>
          <textarea
            id="introduction"
            name="introduction"
            rows={5}
            maxLength={INTRODUCTION_MAX}
            defaultValue={values.introduction}
            {...invalid("introduction")}
            aria-describedby={
              errors.introduction ? "introduction-hint introduction-error" : "introduction-hint"
            }
          />
          {error("introduction")}
        </div>

        <fieldset className="choices" {...invalid("shows")}>
          <legend>{t("shows.legend")}</legend>
          {BOARD_SHOWS.map((part) => (
            <div className="check" key={part}>
              <input
                type="checkbox"
                id={`shows-${part}`}
                name="shows"
                value={part}
                defaultChecked={values.shows.includes(part)}
              />
              <label htmlFor={`shows-${part}`}>{t(`shows.${part}`)}</label>
            </div>
          ))}
          {error("shows")}
        </fieldset>

        <button type="submit" className="button">
          {t("submit")}
        </button>
      </Form>

      <section aria-labelledby="skills-title">
        <h2 id="skills-title">{t("skills.title")}</h2>
        {profile.skills.length ? (
          <ul className="plain-list">
            {profile.skills.map((s) => (
              <li key={s.code}>
                {String(tAny(`skill.${s.code}` as never, s.code))} (
                {t(s.source === "course" ? "skills.earned" : "skills.declared")})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("none")}</p>
        )}
        <p>
          <Link to="/account/skills">{t("skills.change")}</Link>
        </p>
      </section>
      <p>
        <Link to="/account">{t("back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
