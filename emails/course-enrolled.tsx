import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { CourseSessionList } from "./course-session-list.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseEnrolledEmail(props: EmailProps<"course_enrolled">) {
  const { t, lang, name, course, url } = props;
  const layout = layoutText(t);
  const intro = t("course_enrolled.intro", { title: course.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("course_enrolled.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <CourseSessionList course={course} t={t} lang={lang} />
      <Paragraph>{t("course_enrolled.next")}</Paragraph>
      <CallToAction url={url} label={t("course_enrolled.button")} layout={layout} />
    </EmailLayout>
  );
}
