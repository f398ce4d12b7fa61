import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { ShiftFacts } from "./shift-details.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function ShiftReleaseRequestedEmail(props: EmailProps<"shift_release_requested">) {
  const { t, lang, volunteerName, shift, url } = props;
  const layout = layoutText(t);
  const intro = t("shift_release_requested.intro", {
    volunteerName,
    digipuntName: shift.digipuntName,
  });
  return (
    <EmailLayout
      lang={lang}
      preview={intro}
      heading={t("shift_release_requested.heading")}
      layout={layout}
    >
      <Paragraph>{intro}</Paragraph>
      <ShiftFacts shift={shift} t={t} lang={lang} />
      <Paragraph>{t("shift_release_requested.action")}</Paragraph>
      <CallToAction url={url} label={t("shift_release_requested.button")} layout={layout} />
    </EmailLayout>
  );
}
