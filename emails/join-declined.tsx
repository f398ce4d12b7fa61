import { EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function JoinDeclinedEmail(props: EmailProps<"join_declined">) {
  const { t, lang, name, digibankName } = props;
  const text = t("join_declined.text", { digibankName });
  return (
    <EmailLayout
      lang={lang}
      preview={text}
      heading={t("join_declined.heading")}
      layout={layoutText(t)}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{text}</Paragraph>
      <Paragraph>{t("join_declined.next")}</Paragraph>
    </EmailLayout>
  );
}
