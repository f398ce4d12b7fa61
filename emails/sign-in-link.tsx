import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function SignInLinkEmail({ t, lang, name, url }: EmailProps<"sign_in_link">) {
  const layout = layoutText(t);
  return (
    <EmailLayout
      lang={lang}
      preview={t("sign_in_link.intro")}
      heading={t("sign_in_link.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{t("sign_in_link.intro")}</Paragraph>
      <CallToAction url={url} label={t("sign_in_link.button")} layout={layout} />
      <Paragraph>{t("sign_in_link.expiry")}</Paragraph>
      <Paragraph>{t("sign_in_link.notYou")}</Paragraph>
    </EmailLayout>
  );
}
