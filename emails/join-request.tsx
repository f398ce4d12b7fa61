import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

export default function JoinRequestEmail(props: EmailProps<"join_request">) {
  const { t, lang, requesterName, digibankName, url } = props;
  const layout = layoutText(t);
  const intro = t("join_request.intro", { requesterName, digibankName });
  return (
    <EmailLayout lang={lang} preview={intro} heading={t("join_request.heading")} layout={layout}>
      <Paragraph>{intro}</Paragraph>
      <Paragraph>{t("join_request.action")}</Paragraph>
      <CallToAction url={url} label={t("join_request.button")} layout={layout} />
    </EmailLayout>
  );
}
