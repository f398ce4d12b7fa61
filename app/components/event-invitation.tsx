import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { EventResponse } from "../../db/schema.ts";

// Parts of the pages the invited see: the event's facts, their current answer, and the
// translation in the invitee's language (the answer page speaks the language of the person
// invited, not the browser's: the shell around it stays in the reader's language).

/**
 * The `events` namespace in this language. The browser holds only the catalog of the page's
 * language; the loader sends the events namespace of the invitee's language, added here once.
 */
export function useEventsT(language: string, catalog: object): TFunction<"events"> {
  const { i18n } = useTranslation();
  if (!i18n.hasResourceBundle(language, "events")) {
    i18n.addResourceBundle(language, "events", catalog, true, false);
  }
  return i18n.getFixedT(language, "events") as TFunction<"events">;
}

export interface EventFactsView {
  title: string;
  description: string;
  when: string;
  deadline: string;
  address: string | null;
  accessibilityNotes: string | null;
  onlineUrl: string | null;
  organiserName: string;
  contact: { name: string; email: string; phone: string | null };
}

export function EventFacts({ t, facts }: { t: TFunction<"events">; facts: EventFactsView }) {
  return (
    <>
      <dl className="details">
        <dt>{t("detail.when")}</dt>
        <dd>{facts.when}</dd>
        <dt>{t("detail.where")}</dt>
        <dd>
          {facts.address ?? t("detail.online")}
          {facts.onlineUrl ? (
            <>
              {" · "}
              <a href={facts.onlineUrl}>{t("detail.onlineLink")}</a>
            </>
          ) : null}
        </dd>
        {facts.accessibilityNotes ? (
          <>
            <dt>{t("detail.accessibility")}</dt>
            <dd>{facts.accessibilityNotes}</dd>
          </>
        ) : null}
        <dt>{t("detail.organiser")}</dt>
        <dd>{facts.organiserName}</dd>
        <dt>{t("detail.contact")}</dt>
        <dd>
          {facts.contact.name} · <a href={`mailto:${facts.contact.email}`}>{facts.contact.email}</a>
          {facts.contact.phone ? ` · ${facts.contact.phone}` : null}
        </dd>
        <dt>{t("detail.deadline")}</dt>
        <dd>{facts.deadline}</dd>
      </dl>
      {facts.description ? (
        <>
          <h2>{t("detail.description")}</h2>
          <p className="course-description">{facts.description}</p>
        </>
      ) : null}
    </>
  );
}

export function currentAnswerText(
  t: TFunction<"events">,
  current: { response: EventResponse; plusOnes: number; position: number | null },
): string {
  if (current.response === "yes" && current.plusOnes > 0) {
    return t("answer.current.yes_plus", { count: current.plusOnes });
  }
  if (current.response === "waiting") {
    return t("answer.current.waiting", { position: current.position ?? 1 });
  }
  return t(`answer.current.${current.response}`);
}
