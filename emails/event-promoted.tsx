import { EventFacts } from "./event-details.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventPromotedEmail(props: EmailProps<"event_promoted">) {
  const { t, lang, name, event, links } = props;
  const layout = layoutText(t);
  const intro = t("event_promoted.intro", { title: event.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_promoted.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <EventFacts event={event} t={t} lang={lang} />
      <Paragraph>{t("event_promoted.next")}</Paragraph>
      <CallToAction url={links.answerUrl} label={t("event_promoted.button")} layout={layout} />
    </EmailLayout>
  );
}
