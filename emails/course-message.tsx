import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function CourseMessageEmail(props: EmailProps<"course_message">) {
  const { t, lang, name, courseTitle, senderName, body, url } = props;
  const layout = layoutText(t);
  const intro = t("course_message.intro", { senderName, title: courseTitle });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("course_message.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      {body.split(/\n{2,}/).map((part, i) => (
        <Paragraph key={i}>{part}</Paragraph>
      ))}
      <CallToAction url={url} label={t("course_message.button")} layout={layout} />
    </EmailLayout>
  );
}
