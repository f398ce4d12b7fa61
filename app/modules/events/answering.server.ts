import type { Submission } from "@conform-to/react";
import { type Kysely, type Transaction, sql } from "kysely";
import type { AnswerFormValues } from "~/components/event-answer-form.tsx";
import type { DB, EventQuestion, EventResponse } from "../../../db/schema.ts";
import type { EventSnapshot } from "~/modules/mail/messages.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { Language } from "~/utils/i18n.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { z } from "zod";
import { boundedInt, hasControlCharacters } from "~/utils/schemas.ts";
import { loadEventSnapshot } from "./calendar.server.ts";
import { eventInvitationLinks, nonceMatches, readEventInvitationToken } from "./tokens.server.ts";

// Answering an invitation (from the mail link or /events), the capacity and the waiting list.
// The database holds the count: the event_invitations trigger keeps events.taken_places (each yes
// with its plus-ones) and the CHECK events_capacity keeps it within the capacity. An answer locks
// the event row first (so answers to one event take turns and promotions keep the line's order)
// and then simply writes the yes inside a savepoint: when the CHECK refuses it, the yes waits.
// See docs/decisions/023-event-capacity-and-waiting-list.md.

type Db = Kysely<DB> | Transaction<DB>;

export const ANSWERS = ["yes", "maybe", "no"] as const;
export type Answer = (typeof ANSWERS)[number];

/** The longest text answer to a question. */
export const MAX_ANSWER_LENGTH = 1000;

export interface ClockOption {
  now?: Date;
}

export interface InvitationRecipient {
  userId: number | null;
  guestId: number | null;
  name: string;
  email: string;
  language: Language;
}

export interface FoundInvitation {
  id: number;
  eventId: number;
  response: EventResponse;
  plusOnes: number;
  answers: Record<string, string>;
  waitingSince: Date | null;
  /** 1 = next in line, when waiting. */
  waitingPosition: number | null;
  event: EventSnapshot;
  questions: EventQuestion[];
  recipient: InvitationRecipient;
  /** Past the answer deadline: the answer is shown, not changed. */
  deadlinePassed: boolean;
}

export type FindInvitationOutcome =
  | { ok: true; invitation: FoundInvitation }
  /** Tampered, malformed or foreign: we do not know whose it is. */
  | { ok: false; reason: "invalid" }
  /** A link made before a newer one, or withdrawn by the organiser. */
  | { ok: false; reason: "revoked"; language: Language }
  /** The event is past or cancelled: shown, never answered. */
  | { ok: false; reason: "closed"; why: "past" | "cancelled"; invitation: FoundInvitation };

/** Reads an answer link's token: whose invitation it is, and whether it may still answer. */
export async function findInvitationByToken(
  db: Database,
  token: string | undefined,
  { now = new Date() }: ClockOption = {},
): Promise<FindInvitationOutcome> {
  const read = await readEventInvitationToken(db, token);
  if (!read) return { ok: false, reason: "invalid" };
  const row = await loadInvitationRow(db, read.invitationId);
  if (!row || row.eventStatus === "draft") return { ok: false, reason: "invalid" };
  if (!nonceMatches(row.token_nonce, read.nonce) || row.revoked_at !== null) {
    return { ok: false, reason: "revoked", language: row.recipient.language };
  }
  const invitation = await describeInvitation(db, row, now);
  if (!invitation) return { ok: false, reason: "invalid" };
  if (row.eventStatus === "cancelled") {
    return { ok: false, reason: "closed", why: "cancelled", invitation };
  }
  if (now >= new Date(row.ends_at)) return { ok: false, reason: "closed", why: "past", invitation };
  return { ok: true, invitation };
}

/** One person's invitation to one event (for /events/<id>), or null when not invited. */
export async function findInvitationOfUser(
  db: Database,
  userId: number,
  eventId: number,
  { now = new Date() }: ClockOption = {},
): Promise<FoundInvitation | null> {
  const found = await db
    .selectFrom("event_invitations")
    .select("id")
    .where("event_id", "=", eventId)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!found) return null;
  const row = await loadInvitationRow(db, found.id);
  if (!row || row.eventStatus === "draft") return null;
  return describeInvitation(db, row, now);
}

async function loadInvitationRow(db: Db, invitationId: number) {
  const row = await db
    .selectFrom("event_invitations as i")
    .innerJoin("events as e", "e.id", "i.event_id")
    .leftJoin("users as u", "u.id", "i.user_id")
    .leftJoin("event_guests as g", "g.id", "i.guest_id")
    .select([
      "i.id",
      "i.event_id",
      "i.user_id",
      "i.guest_id",
      "i.token_nonce",
      "i.response",
      "i.plus_ones",
      "i.answers",
      "i.waiting_since",
      "i.revoked_at",
      "e.status as eventStatus",
      "e.ends_at",
      "e.answer_deadline",
      "u.name as userName",
      "u.email as userEmail",
      "u.language as userLanguage",
      "u.status as userStatus",
      "g.name as guestName",
      "g.email as guestEmail",
      "g.language as guestLanguage",
    ])
    .where("i.id", "=", invitationId)
    .executeTakeFirst();
  if (!row) return null;
  const name = row.userName ?? row.guestName;
  const email = row.userEmail ?? row.guestEmail;
  const language = row.userLanguage ?? row.guestLanguage;
  if (name === null || email === null || language === null) return null;
  return {
    ...row,
    recipient: {
      userId: row.user_id,
      guestId: row.guest_id,
      name,
      email,
      language,
      active: row.user_id === null || row.userStatus === "active",
    },
  };
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof loadInvitationRow>>>;

async function describeInvitation(
  db: Db,
  row: InvitationRow,
  now: Date,
): Promise<FoundInvitation | null> {
  const event = await loadEventSnapshot(db, row.event_id);
  if (!event) return null;
  const questions = await loadQuestions(db, row.event_id);
  const { active: _active, ...recipient } = row.recipient;
  return {
    id: row.id,
    eventId: row.event_id,
    response: row.response,
    plusOnes: row.plus_ones,
    answers: row.answers,
    waitingSince: row.waiting_since,
    waitingPosition:
      row.response === "waiting" ? await waitingPosition(db, row.event_id, row.id) : null,
    event,
    questions,
    recipient,
    deadlinePassed: now >= new Date(row.answer_deadline),
  };
}

export function loadQuestions(db: Db, eventId: number) {
  return db
    .selectFrom("event_questions")
    .selectAll()
    .where("event_id", "=", eventId)
    .orderBy("position")
    .execute();
}

/** The invitation's place in the event's waiting list (1 = next), or null when not waiting. */
export async function waitingPosition(
  db: Db,
  eventId: number,
  invitationId: number,
): Promise<number | null> {
  const mine = await db
    .selectFrom("event_invitations")
    .select(["id", "waiting_since"])
    .where("id", "=", invitationId)
    .where("response", "=", "waiting")
    .executeTakeFirst();
  if (!mine?.waiting_since) return null;
  const ahead = await db
    .selectFrom("event_invitations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("event_id", "=", eventId)
    .where("response", "=", "waiting")
    .where((eb) =>
      eb.or([
        eb("waiting_since", "<", mine.waiting_since!),
        eb.and([eb("waiting_since", "=", mine.waiting_since!), eb("id", "<", mine.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

export interface AnswerInput {
  response: Answer;
  plusOnes?: number;
  /** By question id (as a string, the way the answers column keeps them). */
  answers?: Record<string, string>;
  /** Keep the answers given before (a short form without the questions, on /events). */
  keepAnswers?: boolean;
}

/** Field errors, keyed "plusOnes" or "answers.q<question id>", valued by catalog keys. */
export type AnswerFieldErrors = Record<string, string>;

export type AnswerOutcome =
  | {
      ok: true;
      response: "yes" | "no" | "maybe" | "waiting";
      /** When waiting: the place in line (1 = next). */
      position: number | null;
    }
  | { ok: false; reason: "invalid"; fieldErrors: AnswerFieldErrors }
  | {
      ok: false;
      reason: "not_found" | "revoked" | "cancelled" | "past" | "deadline_passed" | "no_room";
    };

/**
 * Checks an answer against the event: plus-ones within the event's maximum, each question's answer
 * (required ones given for a yes or maybe, a choice among the options, text without control
 * characters and at most MAX_ANSWER_LENGTH characters), no answer to a question the event lacks.
 * Returns the answers to keep, or the errors.
 */
export function validateAnswer(
  input: AnswerInput,
  event: { maxPlusOnes: number },
  questions: Pick<EventQuestion, "id" | "kind" | "choices" | "required">[],
):
  | { ok: true; plusOnes: number; answers: Record<string, string> }
  | { ok: false; fieldErrors: AnswerFieldErrors } {
  const fieldErrors: AnswerFieldErrors = {};
  const plusOnes = input.response === "no" ? 0 : (input.plusOnes ?? 0);
  if (!Number.isInteger(plusOnes) || plusOnes < 0 || plusOnes > event.maxPlusOnes) {
    fieldErrors.plusOnes = "events:answer.errors.plusOnes";
  }
  const given = input.answers ?? {};
  const known = new Set(questions.map((q) => String(q.id)));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) fieldErrors[`answers.q${key}`] = "events:answer.errors.unknownQuestion";
  }
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const key = `answers.q${question.id}`;
    const raw = given[String(question.id)];
    const value = typeof raw === "string" ? raw.replace(/\r\n?/g, "\n").trim() : "";
    if (value === "") {
      if (question.required && input.response !== "no") {
        fieldErrors[key] = "events:answer.errors.required";
      }
      continue;
    }
    if (value.length > MAX_ANSWER_LENGTH) {
      fieldErrors[key] = "events:answer.errors.tooLong";
    } else if (hasControlCharacters(value.replace(/\n/g, " "))) {
      fieldErrors[key] = "events:answer.errors.controlCharacters";
    } else if (question.kind === "choice" && !(question.choices ?? []).includes(value)) {
      fieldErrors[key] = "events:answer.errors.choice";
    } else {
      answers[String(question.id)] = value;
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, plusOnes, answers };
}

/**
 * Records an answer (until the deadline). A yes takes places for the person and their plus-ones;
 * one that does not fit waits in line (a yes from someone already waiting keeps their place in
 * line). Letting places go (no, maybe, fewer plus-ones) moves the waiting list up, in order, in
 * the same transaction. More plus-ones than places left keeps the earlier answer (no_room).
 */
export async function answerEventInvitation(
  db: Database,
  jobs: JobQueue,
  invitationId: number,
  input: AnswerInput,
  { now = new Date() }: ClockOption = {},
): Promise<AnswerOutcome> {
  const row = await loadInvitationRow(db, invitationId);
  if (!row || row.eventStatus === "draft") return { ok: false, reason: "not_found" };
  if (row.revoked_at !== null) return { ok: false, reason: "revoked" };
  if (row.eventStatus === "cancelled") return { ok: false, reason: "cancelled" };
  if (now >= new Date(row.ends_at)) return { ok: false, reason: "past" };
  if (now >= new Date(row.answer_deadline)) return { ok: false, reason: "deadline_passed" };
  const event = await db
    .selectFrom("events")
    .select("max_plus_ones")
    .where("id", "=", row.event_id)
    .executeTakeFirstOrThrow();
  const questions = await loadQuestions(db, row.event_id);
  const given = input.keepAnswers ? { ...input, answers: row.answers } : input;
  const valid = validateAnswer(given, { maxPlusOnes: event.max_plus_ones }, questions);
  if (!valid.ok) return { ok: false, reason: "invalid", fieldErrors: valid.fieldErrors };

  const outcome = await db.transaction().execute(async (trx) => {
    // Answers to one event take turns: the trigger would lock this row anyway; taking it first
    // keeps the lock order (event, then invitation) the same as a promotion's.
    const locked = await trx
      .selectFrom("events")
      .select(["status", "answer_deadline"])
      .where("id", "=", row.event_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.status !== "published") return { ok: false as const, reason: "cancelled" as const };
    const current = await trx
      .selectFrom("event_invitations")
      .select(["response", "plus_ones", "revoked_at"])
      .where("id", "=", invitationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.revoked_at !== null) return { ok: false as const, reason: "revoked" as const };

    const base = {
      plus_ones: valid.plusOnes,
      answers: sql<Record<string, string>>`${JSON.stringify(valid.answers)}::jsonb`,
      answered_at: now,
      updated_at: now,
    };
    let response: "yes" | "no" | "maybe" | "waiting" = input.response;
    if (input.response !== "yes") {
      await trx
        .updateTable("event_invitations")
        .set({ ...base, response: input.response, waiting_since: null })
        .where("id", "=", invitationId)
        .execute();
    } else if (current.response === "waiting") {
      // Already in line: keeps the place in line; a smaller party may fit now (promotion below).
      await trx.updateTable("event_invitations").set(base).where("id", "=", invitationId).execute();
      response = "waiting";
    } else {
      // The yes itself is the check: the trigger counts it and the CHECK refuses an overbooking.
      await sql`savepoint event_answer_yes`.execute(trx);
      try {
        await trx
          .updateTable("event_invitations")
          .set({ ...base, response: "yes", waiting_since: null })
          .where("id", "=", invitationId)
          .execute();
        await sql`release savepoint event_answer_yes`.execute(trx);
      } catch (error) {
        if (!isCapacityViolation(error)) throw error;
        await sql`rollback to savepoint event_answer_yes`.execute(trx);
        // Someone with a place who wants more plus-ones than fit keeps the place they have.
        if (current.response === "yes") return { ok: false as const, reason: "no_room" as const };
        await trx
          .updateTable("event_invitations")
          .set({ ...base, response: "waiting", waiting_since: sql<Date>`clock_timestamp()` })
          .where("id", "=", invitationId)
          .execute();
        response = "waiting";
      }
    }
    // Places let go (a no, a maybe, fewer plus-ones, a smaller waiting party) go to the line.
    await promoteEventWaitingList(trx, jobs, row.event_id, { now });
    const after = await trx
      .selectFrom("event_invitations")
      .select("response")
      .where("id", "=", invitationId)
      .executeTakeFirstOrThrow();
    if (after.response === "yes") response = "yes";
    return { ok: true as const, response };
  });
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    response: outcome.response,
    position:
      outcome.response === "waiting" ? await waitingPosition(db, row.event_id, invitationId) : null,
  };
}

function isCapacityViolation(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  return code === "23514" && constraint === "events_capacity";
}

/**
 * Fills the event's free places from its waiting list in (waiting_since, id) order: each party
 * (the person and their plus-ones) that fits moves to yes and is emailed once; one that does not
 * fit keeps its place in line while smaller parties behind it may move up. Call it inside the
 * transaction that freed the places (an answer, an erasure, a raised capacity). Nothing moves for
 * an event that is not published or has begun. Returns the invitation ids moved up.
 */
export async function promoteEventWaitingList(
  trx: Transaction<DB>,
  jobs: JobQueue | null,
  eventId: number,
  { now = new Date() }: ClockOption = {},
): Promise<number[]> {
  // The event row lock makes promotions for one event take turns.
  const event = await trx
    .selectFrom("events")
    .select(["status", "capacity", "taken_places", "starts_at"])
    .where("id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  if (!event || event.status !== "published" || now >= new Date(event.starts_at)) return [];
  let free = event.capacity - event.taken_places;
  if (free <= 0) return [];
  const waiting = await trx
    .selectFrom("event_invitations")
    .select(["id", "plus_ones", "waiting_since"])
    .where("event_id", "=", eventId)
    .where("response", "=", "waiting")
    .orderBy("waiting_since")
    .orderBy("id")
    .forUpdate()
    .execute();
  const promoted: number[] = [];
  for (const invitation of waiting) {
    if (free <= 0) break;
    const party = 1 + invitation.plus_ones;
    if (party > free) continue;
    await trx
      .updateTable("event_invitations")
      .set({ response: "yes", waiting_since: null, updated_at: now })
      .where("id", "=", invitation.id)
      .execute();
    free -= party;
    promoted.push(invitation.id);
    if (jobs) await noticePromoted(trx, jobs, invitation.id, invitation.waiting_since!);
  }
  return promoted;
}

/** To the person moved up: you have a place now (once per time in line). */
async function noticePromoted(
  trx: Transaction<DB>,
  jobs: JobQueue,
  invitationId: number,
  waitingSince: Date,
) {
  const row = await loadInvitationRow(trx, invitationId);
  if (!row || !row.recipient.active) return;
  const event = await loadEventSnapshot(trx, row.event_id);
  if (!event) return;
  const links = await eventInvitationLinks(trx as unknown as Database, appUrlFromEnv(), {
    id: row.id,
    token_nonce: row.token_nonce,
  });
  await enqueueEmail(trx, jobs, {
    template: "event_promoted",
    to: row.recipient.email,
    recipientId: row.recipient.userId,
    language: row.recipient.language,
    idempotencyKey: `event_promoted:${row.id}:${new Date(waitingSince).getTime()}`,
    payload: { name: row.recipient.name, event, links },
  });
}

/**
 * The answer form, as posted by the answer page and /events: the answer, the plus-ones and the
 * answers to the questions (fields "answers.q<question id>"). Checked against the event by
 * validateAnswer; here only what any event allows.
 */
export const AnswerFormSchema = z.object({
  response: z.enum(ANSWERS, { message: "events:answer.errors.response" }),
  plusOnes: boundedInt({ min: 0, max: 10, message: "events:answer.errors.plusOnes" }).optional(),
  answers: z.record(z.string(), z.string()).optional(),
});

/** The form's values as answerEventInvitation takes them (question ids without their "q"). */
export function answerInputFromForm(value: z.infer<typeof AnswerFormSchema>): AnswerInput {
  const answers: Record<string, string> = {};
  for (const [key, text] of Object.entries(value.answers ?? {})) {
    answers[/^q\d{1,10}$/.test(key) ? key.slice(1) : key] = text;
  }
  return { response: value.response, plusOnes: value.plusOnes ?? 0, answers };
}

/**
 * What the person sent, to show in the form again, and the first message per field when the form
 * was refused (null when it was read): the answer page and /events/<id> both answer with these.
 */
export function readAnswerSubmission(submission: Submission<z.infer<typeof AnswerFormSchema>>): {
  values: AnswerFormValues;
  errors: Record<string, string> | null;
} {
  const payload = submission.payload as {
    response?: string;
    plusOnes?: string;
    answers?: Record<string, string>;
  };
  const values: AnswerFormValues = {
    response:
      payload.response === "yes" || payload.response === "maybe" || payload.response === "no"
        ? payload.response
        : null,
    plusOnes: Number(payload.plusOnes) || 0,
    answers: Object.fromEntries(
      Object.entries(payload.answers ?? {}).map(([k, v]) => [k.replace(/^q/, ""), String(v)]),
    ),
  };
  if (submission.status === "success") return { values, errors: null };
  const errors = Object.fromEntries(
    Object.entries(submission.error ?? {}).map(([field, messages]) => [field, messages?.[0] ?? ""]),
  );
  return { values, errors };
}
