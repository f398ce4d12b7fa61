import type { Language } from "~/utils/i18n.ts";
import { resources } from "~/utils/i18n.server.ts";
import { formatDateTime, formatTimeSpan } from "~/utils/format.ts";
import type { Answer, FoundInvitation } from "./answering.server.ts";

// What the invited see of an invitation, shaped for a page: the event's facts with dates written
// out in the reader's language (on the server, so the browser shows the very same text), the
// current answer, and the form's starting values.

export interface EventFacts {
  title: string;
  description: string;
  when: string;
  deadline: string;
  address: string | null;
  accessibilityNotes: string | null;
  onlineUrl: string | null;
  organiserName: string;
  contact: { name: string; email: string; phone: string | null };
  cancelled: boolean;
}

export function eventFacts(invitation: FoundInvitation, language: Language): EventFacts {
  const { event } = invitation;
  return {
    title: event.title,
    description: event.description,
    when: formatTimeSpan(new Date(event.startsAt), new Date(event.endsAt), language),
    deadline: formatDateTime(new Date(event.answerDeadline), language, {
      dateStyle: "full",
      timeStyle: "short",
    }),
    address: event.address,
    accessibilityNotes: event.accessibilityNotes,
    onlineUrl: event.onlineUrl,
    organiserName: event.organiserName,
    contact: event.contact,
    cancelled: event.cancelled,
  };
}

export function answerView(invitation: FoundInvitation, preselect: string | null) {
  const chosen: Answer | null =
    preselect === "yes" || preselect === "no" || preselect === "maybe" ? preselect : null;
  const current = invitation.response === "waiting" ? "yes" : invitation.response;
  const response: Answer | null = chosen ?? (current === "none" ? null : current);
  return {
    current: {
      response: invitation.response,
      plusOnes: invitation.plusOnes,
      position: invitation.waitingPosition,
    },
    maxPlusOnes: invitation.event.maxPlusOnes,
    questions: invitation.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      choices: q.choices,
      required: q.required,
    })),
    values: {
      response,
      plusOnes: invitation.plusOnes,
      answers: invitation.answers,
    },
  };
}

/** The invited's namespace in one language, for a page shown in the invitee's language. */
export function eventsCatalog(language: Language) {
  return resources[language].events;
}
