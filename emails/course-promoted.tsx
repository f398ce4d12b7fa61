import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { CourseSessionList } from "./course-session-list.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CoursePromotedEmail(props: EmailProps<"course_promoted">) {
  const { t, lang, name, course, url } = props;
  const layout = layoutText(t);
  const intro = t("course_promoted.intro", { title: course.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("course_promoted.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <CourseSessionList course={course} t={t} lang={lang} />
      <Paragraph>{t("course_promoted.next")}</Paragraph>
      <CallToAction url={url} label={t("course_promoted.button")} layout={layout} />
    </EmailLayout>
  );
}
