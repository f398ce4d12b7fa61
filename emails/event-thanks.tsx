import { EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EventThanksEmail(props: EmailProps<"event_thanks">) {
  const { t, lang, name, event } = props;
  const layout = layoutText(t);
  const intro = t("event_thanks.intro", { title: event.title });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("event_thanks.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <Paragraph>
        {t("event_thanks.contact", {
          contactName: event.contact.name,
          contactEmail: event.contact.email,
        })}
      </Paragraph>
      <Paragraph>{t("event_thanks.signature", { organiserName: event.organiserName })}</Paragraph>
    </EmailLayout>
  );
}
