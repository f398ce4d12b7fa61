import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftChangedEmail(props: EmailProps<"shift_changed">) {
  const { t, lang, name, shift, url, onReserveList } = props;
  const layout = layoutText(t);
  const intro = t("shift_changed.intro", { digipuntName: shift.digipuntName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("shift_changed.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>
        {onReserveList ? t("shift_changed.reserve") : t("shift_changed.confirmed")}
      </Paragraph>
      <CallToAction url={url} label={t("shift_changed.button")} layout={layout} />
    </EmailLayout>
  );
}
