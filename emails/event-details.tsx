import { Button, Link, Section, Text } from "@react-email/components";
import type { TFunction } from "i18next";
import type { EventInvitationLinks, EventSnapshot } from "../app/modules/mail/messages.ts";
import { formatDateTime } from "../app/utils/format.ts";

// What every event email shows: when and where, for whom it is accessible, who organises it and
// whom to ask, in Brussels time and the reader's language; and the answer buttons.

const label = { fontSize: "14px", lineHeight: "20px", margin: "0", color: "#4a5360" };
const value = { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px", whiteSpace: "pre-line" };

export function EventFacts(props: {
  event: EventSnapshot;
  t: TFunction<"mail">;
  lang: string;
  /** Also the answer deadline (not in a thank-you or a cancellation). */
  deadline?: boolean;
}) {
  const { event, t, lang } = props;
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const sameDay =
    formatDateTime(start, lang, { dateStyle: "short" }) ===
    formatDateTime(end, lang, { dateStyle: "short" });
  const when = sameDay
    ? t("shift.timeRange", {
        date: formatDateTime(start, lang, { dateStyle: "full" }),
        start: formatDateTime(start, lang, { timeStyle: "short" }),
        end: formatDateTime(end, lang, { timeStyle: "short" }),
      })
    : t("event.dateRange", {
        start: formatDateTime(start, lang, { dateStyle: "full", timeStyle: "short" }),
        end: formatDateTime(end, lang, { dateStyle: "full", timeStyle: "short" }),
      });
  const contact = [event.contact.name, event.contact.email, event.contact.phone]
    .filter(Boolean)
    .join(" · ");
  return (
    <Section>
      <Text style={label}>{t("event.event")}</Text>
      <Text style={value}>{event.title}</Text>
      <Text style={label}>{t("shift.when")}</Text>
      <Text style={value}>{when}</Text>
      <Text style={label}>{t("shift.where")}</Text>
      {event.address ? <Text style={value}>{event.address}</Text> : null}
      {event.onlineUrl ? (
        <Text style={value}>
          <Link href={event.onlineUrl}>{event.onlineUrl}</Link>
        </Text>
      ) : null}
      {event.accessibilityNotes ? (
        <>
          <Text style={label}>{t("event.accessibility")}</Text>
          <Text style={value}>{event.accessibilityNotes}</Text>
        </>
      ) : null}
      {event.description ? (
        <>
          <Text style={label}>{t("event.about")}</Text>
          <Text style={value}>{event.description}</Text>
        </>
      ) : null}
      <Text style={label}>{t("event.organiser")}</Text>
      <Text style={value}>{event.organiserName}</Text>
      <Text style={label}>{t("event.contact")}</Text>
      <Text style={value}>{contact}</Text>
      {props.deadline ? (
        <>
          <Text style={label}>{t("event.deadline")}</Text>
          <Text style={value}>
            {formatDateTime(new Date(event.answerDeadline), lang, {
              dateStyle: "full",
              timeStyle: "short",
            })}
          </Text>
        </>
      ) : null}
    </Section>
  );
}

const answerButton = {
  backgroundColor: "#1f5f8b",
  borderRadius: "6px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "16px",
  fontWeight: 600,
  margin: "0 8px 8px 0",
  padding: "12px 20px",
  textDecoration: "none",
};
const muted = { color: "#4a5360", fontSize: "14px", lineHeight: "20px" };

/**
 * Yes / No / Maybe. Each opens the answer page with that answer chosen; nothing is recorded until
 * the person confirms there (a mail scanner that follows links answers nothing).
 */
export function EventAnswerButtons(props: { links: EventInvitationLinks; t: TFunction<"mail"> }) {
  const { links, t } = props;
  return (
    <Section>
      <Button href={links.yesUrl} style={answerButton}>
        {t("event.answer.yes")}
      </Button>
      <Button href={links.maybeUrl} style={answerButton}>
        {t("event.answer.maybe")}
      </Button>
      <Button href={links.noUrl} style={answerButton}>
        {t("event.answer.no")}
      </Button>
      <Text style={muted}>
        {t("event.answer.fallback")}
        <br />
        <Link href={links.answerUrl}>{links.answerUrl}</Link>
      </Text>
    </Section>
  );
}

/** The visible unsubscribe line under invitations and their reminders (also a List-Unsubscribe header). */
export function EventUnsubscribe(props: { links: EventInvitationLinks; t: TFunction<"mail"> }) {
  return (
    <Text style={muted}>
      {props.t("event.unsubscribe")}{" "}
      <Link href={props.links.unsubscribeUrl}>{props.t("event.unsubscribeLink")}</Link>
    </Text>
  );
}
