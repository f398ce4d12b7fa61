import { render } from "@react-email/render";
import type { TFunction } from "i18next";
import { type Attributes, type ComponentType, createElement } from "react";
import EmailChangeEmail from "../../../emails/email-change.tsx";
import InvitationEmail from "../../../emails/invitation.tsx";
import JoinDeclinedEmail from "../../../emails/join-declined.tsx";
import JoinRequestEmail from "../../../emails/join-request.tsx";
import PasswordResetEmail from "../../../emails/password-reset.tsx";
import SignInLinkEmail from "../../../emails/sign-in-link.tsx";
import type { EmailProps } from "../../../emails/types.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import type { EmailPayloads, EmailTemplate } from "./messages.ts";

const components: { [K in EmailTemplate]: ComponentType<EmailProps<K>> } = {
  sign_in_link: SignInLinkEmail,
  password_reset: PasswordResetEmail,
  invitation: InvitationEmail,
  email_change: EmailChangeEmail,
  join_request: JoinRequestEmail,
  join_declined: JoinDeclinedEmail,
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** One message in the recipient's language: its subject, HTML and plain-text parts. */
export async function renderEmail<K extends EmailTemplate>(
  template: K,
  language: Language,
  payload: EmailPayloads[K],
): Promise<RenderedEmail> {
  const t: TFunction<"mail"> = getFixedT(language, "mail");
  // The map above ties each template to its props; TypeScript cannot follow that through K.
  const Component = components[template] as ComponentType<EmailProps<K>>;
  const props = { ...payload, t, lang: language } as EmailProps<K> & Attributes;
  const element = createElement(Component, props);
  // Every catalog entry of a template has a subject that may use any field of its payload.
  const subject = (t as (key: string, options: object) => string)(`${template}.subject`, payload);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
