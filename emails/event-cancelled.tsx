import { EventFacts } from "./event-details.tsx";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventCancelledEmail(props: EmailProps<"event_cancelled">) {
  const { t, lang, name, event, reason } = props;
  const layout = layoutText(t);
  const intro = t("event_cancelled.intro", { title: event.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_cancelled.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      {reason ? <Paragraph>{t("event_cancelled.reason", { reason })}</Paragraph> : null}
      <EventFacts event={event} t={t} lang={lang} />
      <Paragraph>{t("event_cancelled.calendar")}</Paragraph>
    </EmailLayout>
  );
}
