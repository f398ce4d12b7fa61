import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function EmailChangeEmail({ t, lang, name, url }: EmailProps<"email_change">) {
  const layout = layoutText(t);
  return (
    <EmailLayout
      lang={lang}
      preview={t("email_change.intro")}
      heading={t("email_change.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{t("email_change.intro")}</Paragraph>
      <CallToAction url={url} label={t("email_change.button")} layout={layout} />
      <Paragraph>{t("email_change.expiry")}</Paragraph>
      <Paragraph>{t("email_change.notYou")}</Paragraph>
    </EmailLayout>
  );
}
