import { CourseSessionList } from "./course-session-list.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseChangedEmail(props: EmailProps<"course_changed">) {
  const { t, lang, name, course, url } = props;
  const layout = layoutText(t);
  const intro = t("course_changed.intro", { title: course.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("course_changed.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <CourseSessionList course={course} t={t} lang={lang} showCancelled />
      <Paragraph>{t("course_changed.calendar")}</Paragraph>
      <CallToAction url={url} label={t("course_changed.button")} layout={layout} />
    </EmailLayout>
  );
}
