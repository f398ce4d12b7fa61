import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeMessage } from "~/components/outcome-message.tsx";
import { ShiftActionButton } from "~/components/shift-actions.tsx";
import { IconText } from "~/components/icon-text.tsx";
import { ShiftFilterForm } from "~/components/shift-filters.tsx";
import { requirePermission } from "~/modules/auth/guards.server.ts";
import { actOnShift, describeShiftOutcome } from "~/modules/shifts/act.server.ts";
import { shiftStateParts } from "~/modules/shifts/labels.ts";
import { listShiftFilterOptions } from "~/modules/shifts/queries.server.ts";
import { filterParams, parseShiftFilters } from "~/modules/shifts/filters.ts";
import { ShiftActionSchema } from "~/modules/shifts/schemas.ts";
import { loadShiftWeek } from "~/modules/shifts/week.server.ts";
import { readOutcome, redirectWithOutcome } from "~/utils/flash.server.ts";
import { readForm } from "~/utils/forms.server.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  const language = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  const filters = parseShiftFilters(params);
  const [{ week, days }, options] = await Promise.all([
    loadShiftWeek(context.db, actor, { week: params.get("week"), filters, language }),
    listShiftFilterOptions(context.db, actor),
  ]);
  return {
    title: getFixedT(language, "shifts")("list.title"),
    filters,
    options,
    week,
    days,
    outcome: await readOutcome(request, context),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requirePermission(request, context, { action: "use_app" });
  // Back to the same week and filters, at the shift the reader acted on.
  const params = new URL(request.url).searchParams;
  params.delete("index");
  const back = params.toString() ? `/shifts/list?${params}` : "/shifts/list";
  const submission = await readForm(request, context, ShiftActionSchema);
  // The buttons send only fixed values: anything else was not sent from this page.
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const { shiftId } = submission.value;
  const outcome = await actOnShift(context.db, context.jobs, actor, submission.value);
  if ("denied" in outcome) throw new Response(null, { status: outcome.denied });
  // Success or refusal alike: the list shows every shift as it is now, and the message at this one.
  throw await redirectWithOutcome(request, context, back, {
    ...describeShiftOutcome(outcome),
    at: shiftAnchor(shiftId),
  });
}

const shiftAnchor = (shiftId: number) => `shift-${shiftId}`;

export default function ShiftList() {
  const { t } = useTranslation("shifts");
  const { t: tc } = useTranslation();
  const { t: tk } = useTranslation("courses");
  const { t: te } = useTranslation("events");
  const { filters, options, week, days, outcome } = useLoaderData<typeof loader>();
  // A shift that left the view (full now, under "still needs help") has its message at the top.
  const placed = days.some((day) => day.shifts.some((s) => shiftAnchor(s.id) === outcome?.at));
  const skillName = (code: string) => tc(`skill.${code}` as "skill.eid", code);
  const location = useLocation();
  const query = filterParams(filters);
  const weekHref = (monday: string) => {
    const params = new URLSearchParams(query);
    params.set("week", monday);
    return `/shifts/list?${params}`;
  };
  const calendarQuery = query.toString();
  // Buttons post back here with the week and filters, so the answer lands on the same view.
  const actionParams = new URLSearchParams(query);
  actionParams.set("week", week.monday);
  const formAction = `/shifts/list?${actionParams}`;

  return (
    <div className="page">
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      <p>
        <Link to={`/shifts${calendarQuery ? `?${calendarQuery}` : ""}`}>
          {t("list.calendarLink")}
        </Link>
      </p>
      <OutcomeMessage outcome={outcome && !placed ? { ...outcome, at: undefined } : null} />
      <ShiftFilterForm
        key={location.search}
        action="/shifts/list"
        options={options}
        filters={filters}
        extra={{ week: week.monday }}
      />
      <h2>{week.title}</h2>
      <nav className="week-nav" aria-label={week.title}>
        <Link to={weekHref(week.previous)} rel="prev">
          ← {t("list.previous")}
        </Link>
        <Link to={`/shifts/list${calendarQuery ? `?${calendarQuery}` : ""}`}>
          {t("list.thisWeek")}
        </Link>
        <Link to={weekHref(week.next)} rel="next">
          {t("list.next")} →
        </Link>
      </nav>
      {days.length === 0 ? <p>{t("list.empty")}</p> : null}
      {days.map((day) => (
        <section key={day.date} aria-labelledby={`day-${day.date}`} className="shift-day">
          <h3 id={`day-${day.date}`}>{day.title}</h3>
          {day.events.length > 0 ? (
            <ul className="plain-list shift-list">
              {day.events.map((event) => (
                <li key={`event-${event.eventId}`} className="shift-item gathering-item">
                  <p className="shift-item__when">
                    <strong>{event.time}</strong> · <span aria-hidden="true">🤝 </span>
                    {te("calendar.kind")}: {event.title}
                  </p>
                  <p>{event.place ?? te("detail.online")}</p>
                  <p>
                    <Link to={`/events/${event.eventId}`}>
                      {te("list.more", { title: event.title })}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          {day.courseSessions.length > 0 ? (
            <ul className="plain-list shift-list">
              {day.courseSessions.map((session) => (
                <li key={`course-${session.sessionId}`} className="shift-item course-session-item">
                  <p className="shift-item__when">
                    <strong>{session.time}</strong> · <span aria-hidden="true">🎓 </span>
                    {tk("calendar.kind")}: {session.title}
                  </p>
                  <p>{session.place ?? tk("course.online")}</p>
                  <p>
                    <Link to={`/courses/${session.courseId}`}>
                      {tk("list.more", { title: session.title })}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          ) : null}
          {day.shifts.length > 0 ? (
            <ul className="plain-list shift-list">
              {day.shifts.map((shift) => {
                const name = `${shift.digipuntName}, ${day.title} ${shift.time}`;
                const label = (action: string) => t("list.actionLabel", { action, shift: name });
                return (
                  <li key={shift.id} id={shiftAnchor(shift.id)} className="shift-item">
                    <OutcomeMessage outcome={outcome} at={shiftAnchor(shift.id)} />
                    <p className="shift-item__when">
                      <strong>{shift.time}</strong> · {shift.digipuntName} ({shift.municipalityName}
                      )
                    </p>
                    <p className="shift-state">
                      <IconText {...shiftStateParts(t, shift)} />
                    </p>
                    {shift.firstShiftFriendly ? <p>{t("list.firstShift")}</p> : null}
                    {shift.missingSkill ? (
                      // Said before anyone tries: why there is no button, and where to change that.
                      <p className="shift-note">
                        {t("skillNote", { skill: skillName(shift.missingSkill) })}.{" "}
                        <Link to="/account/skills">{t("shift.skillsLink")}</Link>
                      </p>
                    ) : shift.requiredSkill ? (
                      <p className="muted">
                        {t("list.skill", { skill: skillName(shift.requiredSkill) })}
                      </p>
                    ) : null}
                    <div className="shift-item__actions">
                      {shift.can.claim ? (
                        <ShiftActionButton
                          action={formAction}
                          intent="claim"
                          shiftId={shift.id}
                          text={t("actions.claim")}
                          label={label(t("actions.claim"))}
                        />
                      ) : null}
                      {shift.can.joinReserve ? (
                        <ShiftActionButton
                          action={formAction}
                          intent="reserve"
                          shiftId={shift.id}
                          text={t("actions.reserve")}
                          label={label(t("actions.reserve"))}
                        />
                      ) : null}
                      {shift.can.release ? (
                        <ShiftActionButton
                          action={formAction}
                          intent="release"
                          shiftId={shift.id}
                          tone="secondary"
                          text={t(
                            shift.myStatus === "reserve"
                              ? "actions.releaseReserve"
                              : "actions.release",
                          )}
                          label={label(
                            t(
                              shift.myStatus === "reserve"
                                ? "actions.releaseReserve"
                                : "actions.release",
                            ),
                          )}
                        />
                      ) : null}
                      {shift.can.requestRelease ? (
                        <ShiftActionButton
                          action={formAction}
                          intent="request_release"
                          shiftId={shift.id}
                          tone="secondary"
                          text={t("actions.request_release")}
                          label={label(t("actions.request_release"))}
                        />
                      ) : null}
                      <Link to={`/shifts/${shift.id}`} aria-label={label(t("list.more"))}>
                        {t("list.more")}
                      </Link>
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
