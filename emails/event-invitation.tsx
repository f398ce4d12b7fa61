import { EventAnswerButtons, EventFacts, EventUnsubscribe } from "./event-details.tsx";
import { EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventInvitationEmail(props: EmailProps<"event_invitation">) {
  const { t, lang, name, event, links } = props;
  const layout = layoutText(t);
  const intro = t("event_invitation.intro", {
    organiserName: event.organiserName,
    title: event.title,
  });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("event_invitation.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <EventFacts event={event} t={t} lang={lang} deadline />
      {event.maxPlusOnes > 0 ? (
        <Paragraph>{t("event_invitation.plusOnes", { count: event.maxPlusOnes })}</Paragraph>
      ) : null}
      <Paragraph>{t("event_invitation.answer")}</Paragraph>
      <EventAnswerButtons links={links} t={t} />
      <Paragraph>{t("event_invitation.calendar")}</Paragraph>
      <EventUnsubscribe links={links} t={t} />
    </EmailLayout>
  );
}
