import type { EventResponse } from "../../../db/schema.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { id } from "~/utils/schemas.ts";
import {
  type AnswerInput,
  AnswerFormSchema,
  answerEventInvitation,
  waitingPosition,
} from "./answering.server.ts";

// The invitations of one person, as /events and the home page show them: upcoming first (the
// soonest on top), then past (the latest on top). Drafts and withdrawn invitations are not theirs
// to see.

export interface InvitationSummary {
  invitationId: number;
  eventId: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  answerDeadline: Date;
  address: string | null;
  onlineUrl: string | null;
  cancelled: boolean;
  response: EventResponse;
  plusOnes: number;
  maxPlusOnes: number;
  questionCount: number;
  /** When waiting: the place in line (1 = next). */
  position: number | null;
}

export async function listInvitationsOfUser(
  db: Database,
  userId: number,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ upcoming: InvitationSummary[]; past: InvitationSummary[] }> {
  const rows = await db
    .selectFrom("event_invitations as i")
    .innerJoin("events as e", "e.id", "i.event_id")
    .select((eb) => [
      "i.id as invitationId",
      "e.id as eventId",
      "e.title",
      "e.starts_at as startsAt",
      "e.ends_at as endsAt",
      "e.answer_deadline as answerDeadline",
      "e.address",
      "e.online_url as onlineUrl",
      "e.status",
      "i.response",
      "i.plus_ones as plusOnes",
      "e.max_plus_ones as maxPlusOnes",
      eb
        .selectFrom("event_questions as q")
        .select((q) => q.fn.countAll<string>().as("n"))
        .whereRef("q.event_id", "=", "e.id")
        .as("questionCount"),
    ])
    .where("i.user_id", "=", userId)
    .where("i.revoked_at", "is", null)
    .where("e.status", "<>", "draft")
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .execute();
  const summaries: InvitationSummary[] = [];
  for (const row of rows) {
    summaries.push({
      invitationId: row.invitationId,
      eventId: row.eventId,
      title: row.title,
      startsAt: new Date(row.startsAt),
      endsAt: new Date(row.endsAt),
      answerDeadline: new Date(row.answerDeadline),
      address: row.address,
      onlineUrl: row.onlineUrl,
      cancelled: row.status === "cancelled",
      response: row.response,
      plusOnes: row.plusOnes,
      maxPlusOnes: row.maxPlusOnes,
      questionCount: Number(row.questionCount ?? 0),
      position:
        row.response === "waiting"
          ? await waitingPosition(db, row.eventId, row.invitationId)
          : null,
    });
  }
  return {
    upcoming: summaries.filter((s) => s.endsAt > now),
    past: summaries.filter((s) => s.endsAt <= now).reverse(),
  };
}

/** The person's invitation to this event, by its id, when it is theirs (else null: a 404). */
export async function invitationIdOfUser(
  db: Database,
  userId: number,
  invitationId: number,
): Promise<{ invitationId: number; eventId: number } | null> {
  const row = await db
    .selectFrom("event_invitations")
    .select(["id", "event_id"])
    .where("id", "=", invitationId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? { invitationId: row.id, eventId: row.event_id } : null;
}

/** The short answer form of /events: which invitation, and the answer (questions kept). */
export const ListAnswerFormSchema = AnswerFormSchema.extend({ invitationId: id() });

export type SignedInAnswerOutcome =
  { denied: 404 } | { tone: "success" | "error"; message: string; values?: Record<string, number> };

/**
 * A signed-in person answers their own invitation (from /events or /events/<id>): the same rules
 * as the mail link's page. An invitation not theirs is a 404.
 */
export async function answerOwnInvitation(
  db: Database,
  jobs: JobQueue,
  userId: number,
  invitationId: number,
  input: AnswerInput,
): Promise<SignedInAnswerOutcome | { invalid: Record<string, string>; eventId: number }> {
  const mine = await invitationIdOfUser(db, userId, invitationId);
  if (!mine) return { denied: 404 };
  const outcome = await answerEventInvitation(db, jobs, invitationId, input);
  if (!outcome.ok && outcome.reason === "invalid") {
    return { invalid: outcome.fieldErrors, eventId: mine.eventId };
  }
  if (!outcome.ok && outcome.reason === "not_found") return { denied: 404 };
  if (!outcome.ok) return { tone: "error", message: `events:answer.refused.${outcome.reason}` };
  return {
    tone: "success",
    message: `events:answer.done.${outcome.response}`,
    values: outcome.position ? { position: outcome.position } : undefined,
  };
}
