import { formatDay } from "../app/utils/format.ts";
import { CallToAction, EmailLayout, Paragraph } from "./layout.tsx";
import { type EmailProps, layoutText } from "./types.ts";

// The one warning before retention anonymises an unused account: when, and how to keep it (sign in).
export default function InactiveAccountWarningEmail(props: EmailProps<"inactive_account_warning">) {
  const { t, lang, name, url, lastActiveOn, anonymiseOn } = props;
  const layout = layoutText(t);
  const date = formatDay(anonymiseOn, lang);
  const keep = t("inactive_account_warning.keep", { date });
  return (
    <EmailLayout
      lang={lang}
      preview={keep}
      heading={t("inactive_account_warning.heading")}
      layout={layout}
    >
      <Paragraph>{t("layout.greeting", { name })}</Paragraph>
      <Paragraph>
        {t("inactive_account_warning.unused", { lastActive: formatDay(lastActiveOn, lang) })}
      </Paragraph>
      <Paragraph>{t("inactive_account_warning.when", { date })}</Paragraph>
      <Paragraph>{keep}</Paragraph>
      <CallToAction url={url} label={t("inactive_account_warning.button")} layout={layout} />
      <Paragraph>{t("inactive_account_warning.noPassword")}</Paragraph>
    </EmailLayout>
  );
}
