import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function InvitationEmail(props: EmailProps<"invitation">) {
  const { t, lang, name, url, inviterName, scopeName, role } = props;
  const layout = layoutText(t);
  const intro = t("invitation.intro", { inviterName, scopeName, role });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("invitation.heading")} layout={layout}>
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>{intro}</Paragraph>
      <Paragraph>{t("invitation.steps")}</Paragraph>
      <CallToAction url={url} label={t("invitation.button")} layout={layout} />
    </EmailLayout>
  );
}
