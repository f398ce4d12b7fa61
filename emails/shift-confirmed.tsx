import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftConfirmedEmail(props: EmailProps<"shift_confirmed">) {
  const { t, lang, name, shift, url } = props;
  const layout = layoutText(t);
  const intro = t("shift_confirmed.intro", { digipuntName: shift.digipuntName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("shift_confirmed.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>{t("shift_confirmed.calendar")}</Paragraph>
      <CallToAction url={url} label={t("shift_confirmed.button")} layout={layout} />
    </EmailLayout>
  );
}
