import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventMessageEmail(props: EmailProps<"event_message">) {
  const { t, lang, name, event, senderName, body, links } = props;
  const layout = layoutText(t);
  const intro = t("event_message.intro", { senderName, title: event.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_message.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      {body.split(/\n{2,}/).map((part, i) => (
        <Paragraph key={i}>{part}</Paragraph>
      ))}
      <CallToAction url={links.answerUrl} label={t("event_message.button")} layout={layout} />
    </EmailLayout>
  );
}
