import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { CourseSessionList } from "./course-session-list.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseWaitingEmail(props: EmailProps<"course_waiting">) {
  const { t, lang, name, course, url } = props;
  const layout = layoutText(t);
  const intro = t("course_waiting.intro", { title: course.title, position: props.position });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("course_waiting.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <CourseSessionList course={course} t={t} lang={lang} />
      <Paragraph>{t("course_waiting.next")}</Paragraph>
      <CallToAction url={url} label={t("course_waiting.button")} layout={layout} />
    </EmailLayout>
  );
}
