import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftUnderstaffedEmail(props: EmailProps<"shift_understaffed">) {
  const { t, lang, shift, confirmedCount, capacity, url } = props;
  const layout = layoutText(t);
  const intro = t("shift_understaffed.intro", { digipuntName: shift.digipuntName });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("shift_understaffed.heading")}
      layout={layout}
    >
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>{t("shift_understaffed.staffing", { count: confirmedCount, capacity })}</Paragraph>
      <CallToAction url={url} label={t("shift_understaffed.button")} layout={layout} />
    </EmailLayout>
  );
}
