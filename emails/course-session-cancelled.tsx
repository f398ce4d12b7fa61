import { CourseSessionList } from "./course-session-list.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseSessionCancelledEmail(props: EmailProps<"course_session_cancelled">) {
  const { t, lang, name, course, waiting, url } = props;
  const layout = layoutText(t);
  const intro = t("course_session_cancelled.intro", { title: course.title });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("course_session_cancelled.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <CourseSessionList course={course} t={t} lang={lang} />
      {waiting ? null : <Paragraph>{t("course_session_cancelled.calendar")}</Paragraph>}
      <CallToAction url={url} label={t("course_session_cancelled.button")} layout={layout} />
    </EmailLayout>
  );
}
