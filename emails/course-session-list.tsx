import { Section, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import type { CourseSnapshot } from "../app/modules/mail/messages.ts";
import { formatDateTime } from "../app/utils/format.ts";

// The sessions of a course as the planning emails show them, in Brussels time and the reader's
// language; a cancelled session says so.

const label = { fontSize: "14px", lineHeight: "20px", margin: "0", color: "#4a5360" };
const value = { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };

export function CourseSessionList(props: {
  course: CourseSnapshot;
  t: TFunction<"mail">;
  lang: string;
  only?: number;
}) {
  const { course, t, lang, only } = props;
  const sessions = course.sessions.filter((s) => only === undefined || s.sessionId === only);
  return (
    <Section>
      <Text style={label}>{t("course.sessions", { title: course.title })}</Text>
      {sessions.map((s) => {
        const start = new Date(s.startsAt);
        const when = t("shift.timeRange", {
          date: formatDateTime(start, lang, { dateStyle: "full" }),
          start: formatDateTime(start, lang, { timeStyle: "short" }),
          end: formatDateTime(new Date(s.endsAt), lang, { timeStyle: "short" }),
        });
        const where = s.location ?? s.onlineUrl ?? "";
        return (
          <Text style={value} key={s.sessionId}>
            {s.cancelled ? t("course.cancelledSession", { when }) : when}
            {where ? ` · ${where}` : ""}
          </Text>
        );
      })}
    </Section>
  );
}
