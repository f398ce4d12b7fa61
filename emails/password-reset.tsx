import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function PasswordResetEmail({ t, lang, name, url }: EmailProps<"password_reset">) {
  const layout = layoutText(t);
  return (
    <EmailLayout
      lang={lang}
      preview={t("password_reset.intro")}
      heading={t("password_reset.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{t("password_reset.intro")}</Paragraph>
      <CallToAction url={url} label={t("password_reset.button")} layout={layout} />
      <Paragraph>{t("password_reset.expiry")}</Paragraph>
      <Paragraph>{t("password_reset.notYou")}</Paragraph>
    </EmailLayout>
  );
}
