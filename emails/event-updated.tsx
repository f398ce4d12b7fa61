import { EventFacts } from "./event-details.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventUpdatedEmail(props: EmailProps<"event_updated">) {
  const { t, lang, name, event, links } = props;
  const layout = layoutText(t);
  const intro = t("event_updated.intro", { title: event.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_updated.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <EventFacts event={event} t={t} lang={lang} deadline />
      <Paragraph>{t("event_updated.calendar")}</Paragraph>
      <CallToAction url={links.answerUrl} label={t("event_updated.button")} layout={layout} />
    </EmailLayout>
  );
}
