import { Section, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import type { CourseSnapshot } from "../app/modules/mail/messages.ts";
import { formatDateTime } from "../app/utils/format.ts";

// The sessions of a course as every course email lists them: who organises it, then when (Brussels
// time, in the reader's language) and where each session is. Emails about a change show the
// cancelled sessions too, marked; the others leave them out.

const label = { fontSize: "14px", lineHeight: "20px", margin: "0", color: "#4a5360" };
const value = { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };

export function CourseSessionList(props: {
  course: CourseSnapshot;
  t: TFunction<"mail">;
  lang: string;
  /** Only this session (an email about one session). */
  only?: number;
  /** List cancelled sessions, marked as such, instead of leaving them out. */
  showCancelled?: boolean;
}) {
  const { course, t, lang, only, showCancelled = false } = props;
  const sessions = course.sessions.filter(
    (session) =>
      (only === undefined || session.sessionId === only) &&
      (showCancelled || only !== undefined || !session.cancelled),
  );
  return (
    <Section>
      <Text style={label}>{t("course.organiser")}</Text>
      <Text style={value}>{course.organiserName}</Text>
      <Text style={label}>{t("course.sessions", { count: sessions.length })}</Text>
      {sessions.map((session) => {
        const start = new Date(session.startsAt);
        const when = t("shift.timeRange", {
          date: formatDateTime(start, lang, { dateStyle: "full" }),
          start: formatDateTime(start, lang, { timeStyle: "short" }),
          end: formatDateTime(new Date(session.endsAt), lang, { timeStyle: "short" }),
        });
        const where = session.location ?? session.onlineUrl ?? t("course.online");
        return (
          <Text key={session.sessionId} style={value}>
            {session.cancelled ? t("course.cancelledSession", { when }) : when}
            <br />
            {where}
          </Text>
        );
      })}
    </Section>
  );
}
