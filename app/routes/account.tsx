import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  CheckboxField,
  CsrfField,
  FormMessage,
  RadioGroup,
  TextField,
} from "~/components/forms.tsx";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-rules.ts";
import { tooManyRequests } from "~/modules/auth/rate-limit.server.ts";
import { startSession } from "~/modules/auth/session.server.ts";
import {
  changePassword,
  loadAccount,
  requestEmailChange,
  updateProfile,
} from "~/modules/people/account.server.ts";
import {
  AccountFormSchema,
  CalendarFeedRegenerateSchema,
  EmailChangeSchema,
  PasswordSchema,
  ProfileSchema,
} from "~/modules/people/account-schemas.ts";
import {
  calendarFeedUrl,
  createCalendarFeed,
  getCalendarFeedToken,
  regenerateCalendarFeed,
} from "~/modules/shifts/feed.server.ts";
import { CopyField } from "~/components/copy-field.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { supportedLanguages } from "~/utils/i18n.ts";
import { getFixedT, getLanguage, languageCookie } from "~/utils/i18n.server.ts";
import { headersWithRetryAfter } from "~/utils/headers.ts";

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];
const INTENTS = ["profile", "password", "email", "calendar", "calendar_regenerate"] as const;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const account = await loadAccount(context.db, actor.id);
  const feedToken = await getCalendarFeedToken(context.db, actor.id);
  return {
    title: getFixedT(await getLanguage(request), "account")("title"),
    account,
    feedUrl: feedToken ? calendarFeedUrl(context.appUrl, feedToken) : null,
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export const headers = headersWithRetryAfter;

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const submission = await readForm(request, context, AccountFormSchema);
  if (submission.status !== "success") {
    const sent = submission.payload.intent;
    const intent: Intent = INTENTS.find((value) => value === sent) ?? "profile";
    return data(
      {
        intent,
        result: submission.reply({ hideFields: PASSWORD_FIELDS }),
        refused: null,
        retryAfter: 0,
        sent: false,
      },
      { status: 400 },
    );
  }

  const form = submission.value;
  if (form.intent === "profile") {
    await updateProfile(context.db, actor.id, { ...form, phone: form.phone ?? null });
    // The interface follows the language just chosen.
    throw await redirectWithOutcome(
      request,
      context,
      "/account",
      { tone: "success", message: "account:saved.profile" },
      { headers: { "Set-Cookie": await languageCookie.serialize(form.language) } },
    );
  }

  if (form.intent === "calendar") {
    await createCalendarFeed(context.db, actor.id);
    throw await redirectWithOutcome(request, context, "/account", {
      tone: "success",
      message: "account:saved.calendar",
      at: "calendar",
    });
  }
  if (form.intent === "calendar_regenerate") {
    await regenerateCalendarFeed(context.db, actor.id, { ip: context.clientIp });
    throw await redirectWithOutcome(request, context, "/account", {
      tone: "success",
      message: "account:saved.calendarNew",
      at: "calendar",
    });
  }

  const outcome =
    form.intent === "email"
      ? await requestEmailChange(context.db, context.jobs, {
          userId: actor.id,
          newEmail: form.newEmail,
          password: form.currentPassword,
          appUrl: context.appUrl,
          ip: context.clientIp,
        })
      : await changePassword(context.db, actor.id, { ...form, ip: context.clientIp });
  if (!outcome.ok) {
    const limited = outcome.reason === "rate_limited";
    return data(
      {
        intent: form.intent,
        result: submission.reply({ hideFields: PASSWORD_FIELDS }),
        refused: outcome.reason,
        retryAfter: limited ? outcome.retryAfterSeconds : 0,
        sent: false,
      },
      limited ? tooManyRequests(outcome.retryAfterSeconds) : { status: 400 },
    );
  }
  // The same answer whether or not the new address belongs to someone.
  if (form.intent === "email")
    return {
      intent: form.intent,
      result: submission.reply({ resetForm: true }),
      refused: null,
      retryAfter: 0,
      sent: true,
    };
  // Every session ended with the old password; this browser gets a new one.
  throw await redirectWithOutcome(
    request,
    context,
    "/account",
    { tone: "success", message: "account:saved.password" },
    { headers: { "Set-Cookie": await startSession(context.db, request, actor.id) } },
  );
}

export default function Account() {
  const { t } = useTranslation("account");
  const { t: tProfile } = useTranslation("profile");
  const { t: tCommon } = useTranslation();
  const { t: tExperience } = useTranslation("experience");
  const { account, feedUrl, outcome } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  const [profileForm, profile] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: {
      name: account.name,
      phone: account.phone ?? "",
      language: account.language,
      notifyReminders: account.notify_reminders,
      notifyReportRequests: account.notify_report_requests,
      notifyEventInvitations: account.notify_event_invitations,
      notifyNewsletters: account.notify_newsletters,
    },
    constraint: getZodConstraint(ProfileSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
    shouldRevalidate: "onInput",
  });
  const [passwordForm, password] = useForm({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    constraint: getZodConstraint(PasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
    shouldRevalidate: "onInput",
  });
  const [emailForm, email] = useForm({
    id: "email",
    lastResult: actionData?.intent === "email" ? actionData.result : undefined,
    constraint: getZodConstraint(EmailChangeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailChangeSchema }),
    shouldRevalidate: "onInput",
  });
  const [regenerateForm, regenerate] = useForm({
    id: "calendar-regenerate",
    lastResult: actionData?.intent === "calendar_regenerate" ? actionData.result : undefined,
    constraint: getZodConstraint(CalendarFeedRegenerateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CalendarFeedRegenerateSchema }),
    shouldRevalidate: "onInput",
  });
  // From the answer, not the form state: checking a field on blur must not remove the message
  // and move the button away from under the pointer.
  const passwordError = actionData?.intent === "password" ? actionData.refused : null;
  const emailError = actionData?.intent === "email" ? actionData.refused : null;
  const emailSent = actionData?.intent === "email" && actionData.sent;
  const minutes = Math.max(1, Math.ceil((actionData?.retryAfter ?? 0) / 60));

  return (
    <div className="page page--narrow">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <OutcomeMessage outcome={outcome} />

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("profile.title")}</h2>
        <div className="field">
          <label htmlFor="account-email">{t("profile.email")}</label>
          <input
            id="account-email"
            type="email"
            value={account.email}
            readOnly
            aria-describedby="account-email-note"
          />
          <p id="account-email-note" className="field__hint">
            {t("profile.emailNote")}
          </p>
        </div>
        {/* A full page load after saving, so the browser fetches the catalog of a new language. */}
        <Form method="post" {...getFormProps(profileForm)} reloadDocument className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="profile" />
          <TextField field={profile.name} label={t("profile.name")} autoComplete="name" />
          <TextField
            field={profile.phone}
            label={t("profile.phone")}
            type="tel"
            autoComplete="tel"
            hint={t("profile.phoneHint")}
          />
          <RadioGroup
            field={profile.language}
            legend={t("profile.language")}
            options={supportedLanguages.map((value) => ({
              value,
              label: tCommon(`languages.${value}`),
              lang: value,
            }))}
          />
          <fieldset className="choices">
            <legend>{t("notifications.legend")}</legend>
            <p className="field__hint">{t("notifications.essential")}</p>
            <CheckboxField field={profile.notifyReminders} label={t("notifications.reminders")} />
            <CheckboxField
              field={profile.notifyReportRequests}
              label={t("notifications.reportRequests")}
            />
            <CheckboxField
              field={profile.notifyEventInvitations}
              label={t("notifications.invitations")}
            />
            <CheckboxField
              field={profile.notifyNewsletters}
              label={t("notifications.newsletters")}
            />
          </fieldset>
          <button type="submit" className="button">
            {t("profile.submit")}
          </button>
        </Form>
      </section>

      <section className="account-section" aria-labelledby="skills-title">
        <h2 id="skills-title">{t("skills.title")}</h2>
        <p>{t("skills.intro")}</p>
        <p>
          <Link to="/account/skills">{t("skills.link")}</Link>
        </p>
        <p>
          <Link to="/account/profile">{tProfile("link")}</Link>
        </p>
      </section>

      <section className="account-section" aria-labelledby="experience-title">
        <h2 id="experience-title">{tExperience("account.title")}</h2>
        <p>{tExperience("account.intro")}</p>
        <p>
          <Link to="/account/experience">{tExperience("account.link")}</Link>
        </p>
      </section>

      <section className="account-section" aria-labelledby="email-title">
        <h2 id="email-title">{t("email.title")}</h2>
        {account.has_password ? (
          <>
            <p>{t("email.intro")}</p>
            <FormMessage tone={emailSent ? "success" : undefined}>
              {emailSent
                ? t("email.sent")
                : emailError === "wrong_password"
                  ? t("email.wrong")
                  : emailError === "rate_limited"
                    ? t("email.rateLimited", { minutes })
                    : null}
            </FormMessage>
            <Form method="post" {...getFormProps(emailForm)} className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="email" />
              <TextField
                field={email.newEmail}
                label={t("email.new")}
                type="email"
                autoComplete="email"
              />
              <TextField
                field={email.currentPassword}
                label={t("email.password")}
                type="password"
                autoComplete="current-password"
              />
              <button type="submit" className="button">
                {t("email.submit")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("email.none")}</p>
        )}
      </section>

      <section className="account-section" aria-labelledby="password-title">
        <h2 id="password-title">{t("password.title")}</h2>
        {account.has_password ? (
          <>
            <p>{t("password.intro")}</p>
            <FormMessage>
              {passwordError === "wrong_password"
                ? t("password.wrong")
                : passwordError === "rate_limited"
                  ? t("password.rateLimited", { minutes })
                  : null}
            </FormMessage>
            <Form
              method="post"
              {...getFormProps(passwordForm)}
              // A fresh, empty form after a successful change.
              key={outcome?.message === "account:saved.password" ? outcome.id : "password"}
              className="stack"
            >
              <CsrfField />
              <input type="hidden" name="intent" value="password" />
              <TextField
                field={password.currentPassword}
                label={t("password.current")}
                type="password"
                autoComplete="current-password"
              />
              <TextField
                field={password.newPassword}
                label={t("password.new")}
                type="password"
                autoComplete="new-password"
                hint={t("password.newHint", { min: PASSWORD_MIN_LENGTH })}
              />
              <TextField
                field={password.confirmPassword}
                label={t("password.confirm")}
                type="password"
                autoComplete="new-password"
              />
              <button type="submit" className="button">
                {t("password.submit")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("password.none")}</p>
        )}
      </section>

      <section id="calendar" className="account-section" aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t("calendar.title")}</h2>
        <p>{t("calendar.intro")}</p>
        <OutcomeMessage outcome={outcome} at="calendar" />
        {feedUrl ? (
          <>
            <CopyField
              id="calendar-url"
              label={t("calendar.url")}
              value={feedUrl}
              hint={t("calendar.private")}
              copyLabel={t("calendar.copy")}
              copiedLabel={t("calendar.copied")}
            />
            <h3>{t("calendar.howTitle")}</h3>
            <dl className="instructions">
              <dt>{t("calendar.googleTitle")}</dt>
              <dd>{t("calendar.google")}</dd>
              <dt>{t("calendar.outlookTitle")}</dt>
              <dd>{t("calendar.outlook")}</dd>
              <dt>{t("calendar.appleTitle")}</dt>
              <dd>{t("calendar.apple")}</dd>
            </dl>
            <p>{t("calendar.delay")}</p>
            <h3>{t("calendar.regenerateTitle")}</h3>
            <p>{t("calendar.regenerateIntro")}</p>
            <Form method="post" {...getFormProps(regenerateForm)} className="stack">
              <CsrfField />
              <input type="hidden" name="intent" value="calendar_regenerate" />
              <CheckboxField field={regenerate.confirm} label={t("calendar.regenerateConfirm")} />
              <button type="submit" className="button">
                {t("calendar.regenerate")}
              </button>
            </Form>
          </>
        ) : (
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="calendar" />
            <button type="submit" className="button">
              {t("calendar.create")}
            </button>
          </Form>
        )}
      </section>

      <section className="account-section" aria-labelledby="devices-title">
        <h2 id="devices-title">{t("devices.title")}</h2>
        <p>{t("devices.intro")}</p>
        <Form method="post" action="/logout">
          <CsrfField />
          <input type="hidden" name="scope" value="everywhere" />
          <button type="submit" className="button">
            {t("devices.submit")}
          </button>
        </Form>
      </section>

      <section className="account-section" aria-labelledby="export-title">
        <h2 id="export-title">{t("export.title")}</h2>
        <p>{t("export.intro")}</p>
        <p>
          <Link to="/account/data">{t("export.view")}</Link>
        </p>
        {/* A plain form post: the answer is a file, which the browser saves. */}
        <Form method="post" action="/account/export" reloadDocument>
          <CsrfField />
          <button type="submit" className="button">
            {t("export.submit")}
          </button>
        </Form>
      </section>

      <section className="account-section" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("delete.title")}</h2>
        <p>{t("delete.intro")}</p>
        <p>
          <Link className="button button--danger" to="/account/delete">
            {t("delete.link")}
          </Link>
        </p>
      </section>
    </div>
  );
}
