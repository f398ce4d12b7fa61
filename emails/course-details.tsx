import { Section, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import type { CourseSessionSnapshot } from "../app/modules/mail/messages.ts";
import { formatDateTime } from "../app/utils/format.ts";

// When and where a course session is, as the course emails show it, in Brussels time and the
// reader's language.

const label = { fontSize: "14px", lineHeight: "20px", margin: "0", color: "#4a5360" };
const value = { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };

export function SessionFacts(props: {
  title: string;
  session: CourseSessionSnapshot;
  t: TFunction<"mail">;
  lang: string;
}) {
  const { title, session, t, lang } = props;
  const start = new Date(session.startsAt);
  const when = t("shift.timeRange", {
    date: formatDateTime(start, lang, { dateStyle: "full" }),
    start: formatDateTime(start, lang, { timeStyle: "short" }),
    end: formatDateTime(new Date(session.endsAt), lang, { timeStyle: "short" }),
  });
  return (
    <Section>
      <Text style={label}>{t("course_session.course")}</Text>
      <Text style={value}>{title}</Text>
      <Text style={label}>{t("shift.when")}</Text>
      <Text style={value}>{when}</Text>
      <Text style={label}>{t("shift.where")}</Text>
      <Text style={value}>{session.location ?? session.onlineUrl ?? ""}</Text>
      {session.location && session.onlineUrl ? (
        <Text style={value}>{session.onlineUrl}</Text>
      ) : null}
    </Section>
  );
}
