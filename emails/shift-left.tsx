import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftLeftEmail(props: EmailProps<"shift_left">) {
  const { t, lang, name, shift, reason, url } = props;
  const layout = layoutText(t);
  const intro = t(`shift_left.${reason}`);
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("shift_left.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>{t("shift_left.calendar")}</Paragraph>
      <CallToAction url={url} label={t("shift_left.button")} layout={layout} />
    </EmailLayout>
  );
}
