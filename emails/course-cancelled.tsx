import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseCancelledEmail(props: EmailProps<"course_cancelled">) {
  const { t, lang, name, course, reason, waiting, url } = props;
  const layout = layoutText(t);
  const intro = t(waiting ? "course_cancelled.introWaiting" : "course_cancelled.intro", {
    title: course.title,
  });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("course_cancelled.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      {reason ? <Paragraph>{t("course_cancelled.reason", { reason })}</Paragraph> : null}
      {waiting ? null : <Paragraph>{t("course_cancelled.calendar")}</Paragraph>}
      <CallToAction url={url} label={t("course_cancelled.button")} layout={layout} />
    </EmailLayout>
  );
}
