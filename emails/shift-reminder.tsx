import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftReminderEmail(props: EmailProps<"shift_reminder">) {
  const { t, lang, name, shift, url } = props;
  const layout = layoutText(t);
  const intro = t("shift_reminder.intro", { digipuntName: shift.digipuntName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("shift_reminder.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>{t("shift_reminder.release")}</Paragraph>
      <CallToAction url={url} label={t("shift_reminder.button")} layout={layout} />
    </EmailLayout>
  );
}
