import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfField, FormMessage } from "~/components/forms.tsx";
import { GeneralErrorBoundary, errorMeta } from "~/components/error-boundary.tsx";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { loadCourseOverview } from "~/modules/courses/overview.server.ts";
import {
  cancelCourse,
  cancelSession,
  messageEnrolled,
  publishCourse,
} from "~/modules/courses/planning.server.ts";
import { CourseActionSchema } from "~/modules/courses/planning-schemas.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { formatDateTime, formatTimeSpan } from "~/utils/format.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { paramId } from "~/utils/schemas.ts";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  const overview = await loadCourseOverview(context.db, actor, paramId(params.courseId));
  // A course outside the actor's scope answers like one that does not exist.
  if (!overview) throw new Response("Not found", { status: 404 });
  const { course } = overview;
  return {
    title: course.title,
    pageTitle: getFixedT(await getLanguage(request), "coursePlanning")("detail.title"),
    course: {
      id: course.id,
      title: course.title,
      status: course.status,
      capacity: course.capacity,
      enrolled: course.enrolled_count,
      cancelReason: course.cancel_reason,
      opensAt: course.enrol_opens_at,
      closesAt: course.enrol_closes_at,
    },
    organiser: overview.organiser,
    sessions: overview.sessions,
    trainers: overview.trainers,
    enrolled: overview.enrolled,
    waiting: overview.waiting,
    // A fresh key per form shown: posting the same message twice sends it once.
    messageKey: randomUUID(),
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.title} · Digihelpers` }] : errorMeta(args);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "plan_any_courses" });
  const courseId = paramId(params.courseId);
  const submission = await readForm(request, context, CourseActionSchema);
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: 400 });
  const v = submission.value;
  const { db, jobs } = context;
  const outcome =
    v.intent === "publish"
      ? await publishCourse(db, actor, courseId)
      : v.intent === "cancel"
        ? await cancelCourse(db, jobs, actor, courseId, v.reason)
        : v.intent === "cancelSession"
          ? await cancelSession(db, jobs, actor, courseId, v.sessionId)
          : await messageEnrolled(db, jobs, actor, courseId, {
              key: v.messageKey,
              subject: v.subject,
              body: v.body,
            });
  if (!outcome.ok && outcome.reason === "not_found")
    throw new Response("Not found", { status: 404 });
  return redirectWithOutcome(
    request,
    context,
    `/courses/manage/${courseId}`,
    outcome.ok
      ? {
          tone: "success",
          message: `coursePlanning:notice.${v.intent}`,
          values: { count: "recipients" in outcome ? Number(outcome.recipients) : 0 },
        }
      : { tone: "error", message: `coursePlanning:refusal.${outcome.reason}` },
  );
}

export default function PlannedCourse() {
  const { t, i18n } = useTranslation("coursePlanning");
  const { course, organiser, sessions, trainers, enrolled, waiting, messageKey, outcome } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.result.error ?? {};
  const errorOf = (name: string) => {
    const key = errors[name]?.[0];
    return key ? String(t(key as never)) : null;
  };
  const lang = i18n.language;
  const open = course.status !== "cancelled";
  const scheduled = sessions.filter((s) => !s.cancelled).length;
  const date = (d: string | Date) =>
    formatDateTime(new Date(d), lang, { dateStyle: "long", timeStyle: "short" });

  return (
    <div className="page">
      <h1>{course.title}</h1>
      <p>
        <strong>{t(`status.${course.status}`)}</strong> · {organiser}
        <br />
        {t("list.fill", { enrolled: course.enrolled, capacity: course.capacity })}
        {waiting.length > 0 ? ` · ${t("list.waiting", { count: waiting.length })}` : null}
        <br />
        {t("detail.window", { opens: date(course.opensAt), closes: date(course.closesAt) })}
      </p>
      <OutcomeMessage outcome={outcome} />
      <FormMessage>{Object.keys(errors).length > 0 ? t("form.checkFields") : null}</FormMessage>
      {course.status === "cancelled" ? (
        <FormMessage>{t("detail.cancelled", { reason: course.cancelReason ?? "" })}</FormMessage>
      ) : null}
      <ul className="plain-list links">
        {open ? (
          <li>
            <Link to={`/courses/manage/${course.id}/edit`}>{t("detail.edit")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/courses/train/${course.id}`}>{t("detail.attendance")}</Link>
        </li>
      </ul>
      {course.status === "draft" ? (
        <Form method="post" className="inline-form">
          <CsrfField />
          <input type="hidden" name="intent" value="publish" />
          <p>{t("detail.draftHint")}</p>
          <button type="submit" className="button">
            {t("detail.publish")}
          </button>
        </Form>
      ) : null}

      <h2>{t("detail.sessions")}</h2>
      <ol>
        {sessions.map((s) => (
          <li key={s.id}>
            {formatTimeSpan(new Date(s.startsAt), new Date(s.endsAt), lang)} · {s.place}
            {s.cancelled ? ` · ${t("detail.sessionCancelled")}` : null}
            {!s.cancelled && course.status === "published"
              ? ` · ${t("detail.present", { count: s.present })}`
              : null}
            {open && !s.cancelled && scheduled > 1 ? (
              <Form method="post" className="inline-form">
                <CsrfField />
                <input type="hidden" name="intent" value="cancelSession" />
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className="button button--secondary">
                  {t("detail.cancelSession", {
                    when: formatDateTime(new Date(s.startsAt), lang, { dateStyle: "medium" }),
                  })}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      <h2>{t("detail.trainers")}</h2>
      {trainers.length === 0 ? (
        <p>{t("detail.noTrainers")}</p>
      ) : (
        <ul>
          {trainers.map((name, i) => (
            <li key={i}>{name}</li>
          ))}
        </ul>
      )}

      <h2>{t("detail.enrolled")}</h2>
      {enrolled.length === 0 ? (
        <p>{t("detail.noEnrolled")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t("detail.enrolledCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("export.name")}</th>
                {sessions.map((s, i) => (
                  <th scope="col" key={s.id}>
                    {t("detail.sessionN", { n: i + 1 })}
                  </th>
                ))}
                <th scope="col">{t("export.completed")}</th>
              </tr>
            </thead>
            <tbody>
              {enrolled.map((person) => (
                <tr key={person.id}>
                  <th scope="row">
                    {person.name}
                    <br />
                    <a href={`mailto:${person.email}`}>{person.email}</a>
                    {person.phone ? (
                      <>
                        <br />
                        <a href={`tel:${person.phone.replace(/\s/g, "")}`}>{person.phone}</a>
                      </>
                    ) : null}
                  </th>
                  {person.attendance.map((present, i) => (
                    <td key={i}>
                      {present === null
                        ? t("detail.unknown")
                        : present
                          ? t("export.present")
                          : t("export.absent")}
                    </td>
                  ))}
                  <td>
                    {person.completedAt
                      ? formatDateTime(new Date(person.completedAt), lang, { dateStyle: "medium" })
                      : t("detail.notCompleted")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("detail.waiting")}</h2>
      {waiting.length === 0 ? (
        <p>{t("detail.noWaiting")}</p>
      ) : (
        <ol>
          {waiting.map((person) => (
            <li key={person.id}>
              {person.name} · <a href={`mailto:${person.email}`}>{person.email}</a>
            </li>
          ))}
        </ol>
      )}
      <Form method="post" action={`/courses/manage/${course.id}/export.csv`} reloadDocument>
        <CsrfField />
        <button type="submit" className="button button--secondary">
          {t("detail.export")}
        </button>
      </Form>

      {course.status === "published" ? (
        <>
          <h2>{t("detail.messageTitle")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="message" />
            <input type="hidden" name="messageKey" value={messageKey} />
            <div className="field">
              <label htmlFor="message-subject">{t("detail.messageSubject")}</label>
              <input id="message-subject" name="subject" type="text" maxLength={150} required />
              {errorOf("subject") ? <p className="field__error">{errorOf("subject")}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="message-body">{t("detail.messageBody")}</label>
              <textarea id="message-body" name="body" rows={5} maxLength={4000} required />
              {errorOf("body") ? <p className="field__error">{errorOf("body")}</p> : null}
            </div>
            <button type="submit" className="button">
              {t("detail.messageSend")}
            </button>
          </Form>
        </>
      ) : null}

      {open ? (
        <>
          <h2>{t("detail.cancelTitle")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="cancel" />
            <div className="field">
              <label htmlFor="cancel-reason">{t("detail.cancelReason")}</label>
              <input id="cancel-reason" name="reason" type="text" maxLength={500} required />
              {errorOf("reason") ? <p className="field__error">{errorOf("reason")}</p> : null}
            </div>
            <button type="submit" className="button button--danger">
              {t("detail.cancel")}
            </button>
          </Form>
        </>
      ) : null}
      <p>
        <Link to="/courses/manage">{t("back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation("coursePlanning");
  return (
    <GeneralErrorBoundary
      statusHandlers={{
        404: { text: t("notFound"), link: { to: "/courses/manage", label: t("back") } },
      }}
    />
  );
}
