import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftCancelledEmail(props: EmailProps<"shift_cancelled">) {
  const { t, lang, name, shift, reason, url } = props;
  const layout = layoutText(t);
  const intro = t("shift_cancelled.intro", { digipuntName: shift.digipuntName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("shift_cancelled.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      {reason ? <Paragraph>{t("shift_cancelled.reason", { reason })}</Paragraph> : null}
      <Paragraph>{t("shift_cancelled.calendar")}</Paragraph>
      <CallToAction url={url} label={t("shift_cancelled.button")} layout={layout} />
    </EmailLayout>
  );
}
