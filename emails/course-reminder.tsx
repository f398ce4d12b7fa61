import { SessionFacts } from "./course-details.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseReminderEmail(props: EmailProps<"course_reminder">) {
  const { t, lang, name, courseTitle, organiserName, session, url } = props;
  const layout = layoutText(t);
  const intro = t("course_reminder.intro", { courseTitle, organiserName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("course_reminder.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <SessionFacts title={courseTitle} session={session} t={t} lang={lang} />
      <Paragraph>{t("course_reminder.cannot")}</Paragraph>
      <CallToAction url={url} label={t("course_reminder.button")} layout={layout} />
    </EmailLayout>
  );
}
