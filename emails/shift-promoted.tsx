import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftPromotedEmail(props: EmailProps<"shift_promoted">) {
  const { t, lang, name, shift, url } = props;
  const layout = layoutText(t);
  const intro = t("shift_promoted.intro", { digipuntName: shift.digipuntName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("shift_promoted.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>{t("shift_promoted.calendar")}</Paragraph>
      <CallToAction url={url} label={t("shift_promoted.button")} layout={layout} />
    </EmailLayout>
  );
}
