import { Section, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import type { CourseSnapshot } from "../app/modules/mail/messages.ts";
import { formatDateTime } from "../app/utils/format.ts";

// The sessions of a course as the enrolment emails list them: when (Brussels time, in the
// reader's language) and where, cancelled sessions left out.

const label = { fontSize: "14px", lineHeight: "20px", margin: "0", color: "#4a5360" };
const value = { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };

export function CourseSessionList(props: {
  course: CourseSnapshot;
  t: TFunction<"mail">;
  lang: string;
}) {
  const { course, t, lang } = props;
  const sessions = course.sessions.filter((session) => !session.cancelled);
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
            {when}
            <br />
            {where}
          </Text>
        );
      })}
    </Section>
  );
}
