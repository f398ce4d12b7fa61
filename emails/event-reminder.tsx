import { EventFacts, EventUnsubscribe } from "./event-details.tsx";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventReminderEmail(props: EmailProps<"event_reminder">) {
  const { t, lang, name, event, daysBefore, response, links } = props;
  const layout = layoutText(t);
  const intro = t("event_reminder.intro", { title: event.title, count: daysBefore });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_reminder.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <Paragraph>{t(`event_reminder.${response}`)}</Paragraph>
      <EventFacts event={event} t={t} lang={lang} />
      <CallToAction url={links.answerUrl} label={t("event_reminder.button")} layout={layout} />
      <EventUnsubscribe links={links} t={t} />
    </EmailLayout>
  );
}
