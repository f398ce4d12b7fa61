import { formatDateTime } from "../app/utils/format.ts";
import { EventAnswerButtons, EventFacts, EventUnsubscribe } from "./event-details.tsx";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventNudgeEmail(props: EmailProps<"event_nudge">) {
  const { t, lang, name, event, links } = props;
  const layout = layoutText(t);
  const deadline = formatDateTime(new Date(event.answerDeadline), lang, {
    dateStyle: "full",
    timeStyle: "short",
  });
  const intro = t("event_nudge.intro", { title: event.title, deadline });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_nudge.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <EventAnswerButtons links={links} t={t} />
      <EventFacts event={event} t={t} lang={lang} />
      <EventUnsubscribe links={links} t={t} />
    </EmailLayout>
  );
}
