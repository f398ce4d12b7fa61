import type { TFunction } from "i18next";
import type { EmailPayloads, EmailTemplate } from "../app/modules/mail/messages.ts";

/** What every template receives: the translate function of the `mail` namespace in the
 * recipient's language, that language, and the message's payload. */
export type EmailProps<K extends EmailTemplate> = EmailPayloads[K] & {
  t: TFunction<"mail">;
  lang: string;
};

export function layoutText(t: TFunction<"mail">) {
  return { footer: t("layout.footer"), linkFallback: t("layout.linkFallback") };
}
