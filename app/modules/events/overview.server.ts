import { type Transaction, sql } from "kysely";
import type { DB, Event, EventResponse, Language } from "../../../db/schema.ts";
import type { Actor } from "~/modules/auth/access.server.ts";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { enqueueEmail, failedForGoodAs } from "~/modules/mail/outbox.server.ts";
import { type CsvColumn, writeCsv } from "~/modules/reports/csv.server.ts";
import { localParts } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { loadEventSnapshot } from "./calendar.server.ts";
import { loadPlannedEvent } from "./event.server.ts";
import { eventInvitationLinks, newTokenNonce } from "./tokens.server.ts";

// What an event's organiser sees of it (/events/manage/<id>): who was invited, whether the mail
// arrived, who answered what, the answers to the questions and the waiting list; and what they do
// from there: send one invitation again, withdraw one, write to everyone coming, export.

/** Where the invitation's mail is: handed to the relay, failed for good, on its way, or none yet. */
export type Delivery = "delivered" | "failed" | "pending" | "none";

/** The answer filter of the invitee list (the query string `?answer=`). */
export const ANSWER_FILTERS = ["yes", "no", "maybe", "none", "waiting", "withdrawn"] as const;
export type AnswerFilter = (typeof ANSWER_FILTERS)[number];

export function readAnswerFilter(value: string | null): AnswerFilter | null {
  return (ANSWER_FILTERS as readonly string[]).includes(value ?? "")
    ? (value as AnswerFilter)
    : null;
}

/** Failed for good, as the administrators' mail page counts it (outbox.server.ts). */
const failedForGood = failedForGoodAs("m");

export interface Invitee {
  id: number;
  name: string;
  email: string;
  language: Language;
  guest: boolean;
  response: EventResponse;
  plusOnes: number;
  answers: Record<string, string>;
  waitingSince: Date | null;
  attendedAt: Date | null;
  revoked: boolean;
  delivery: Delivery;
  /** Asked for no more invitations (a person's setting, or a guest's unsubscribe). */
  optedOut: boolean;
}

/** Every invitation of the event with its person or guest and its mail's state, by name. */
export async function loadInvitees(db: Database, eventId: number): Promise<Invitee[]> {
  const rows = await db
    .selectFrom("event_invitations as i")
    .leftJoin("users as u", "u.id", "i.user_id")
    .leftJoin("event_guests as g", "g.id", "i.guest_id")
    .leftJoin("email_messages as m", "m.id", "i.email_message_id")
    .select((eb) => [
      "i.id",
      "i.guest_id",
      "i.response",
      "i.plus_ones",
      "i.answers",
      "i.waiting_since",
      "i.attended_at",
      "i.revoked_at",
      "i.email_message_id",
      "m.status as mailStatus",
      eb.fn.coalesce("u.name", "g.name").as("name"),
      eb.fn.coalesce("u.email", "g.email").as("email"),
      eb.fn.coalesce("u.language", "g.language").as("language"),
      failedForGood.as("failed"),
      eb
        .or([
          eb("u.notify_event_invitations", "=", false),
          eb.exists(
            eb
              .selectFrom("event_guest_opt_outs as o")
              .select(sql`1`.as("one"))
              .whereRef("o.email", "=", sql`lower(g.email)`),
          ),
        ])
        .as("optedOut"),
    ])
    .where("i.event_id", "=", eventId)
    .orderBy(sql`lower(coalesce(u.name, g.name))`)
    .orderBy("i.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name ?? "",
    email: r.email ?? "",
    language: (r.language ?? "nl") as Language,
    guest: r.guest_id !== null,
    response: r.response,
    plusOnes: r.plus_ones,
    answers: r.answers ?? {},
    waitingSince: r.waiting_since,
    attendedAt: r.attended_at,
    revoked: r.revoked_at !== null,
    delivery:
      r.email_message_id === null || r.mailStatus === null
        ? "none"
        : r.mailStatus === "sent"
          ? "delivered"
          : r.failed
            ? "failed"
            : "pending",
    optedOut: Boolean(r.optedOut),
  }));
}

export interface EventCounts {
  invited: number;
  delivered: number;
  failed: number;
  yes: number;
  no: number;
  maybe: number;
  none: number;
  waiting: number;
  plusOnes: number;
  attended: number;
}

/** The figures at the top of the page; withdrawn invitations count for nothing. */
export function countInvitees(invitees: Invitee[]): EventCounts {
  const counts: EventCounts = {
    invited: 0,
    delivered: 0,
    failed: 0,
    yes: 0,
    no: 0,
    maybe: 0,
    none: 0,
    waiting: 0,
    plusOnes: 0,
    attended: 0,
  };
  for (const i of invitees) {
    if (i.revoked) continue;
    counts.invited++;
    if (i.delivery === "delivered") counts.delivered++;
    if (i.delivery === "failed") counts.failed++;
    counts[i.response]++;
    if (i.response === "yes") counts.plusOnes += i.plusOnes;
    if (i.attendedAt) counts.attended++;
  }
  return counts;
}

export interface QuestionSummary {
  id: number;
  label: string;
  kind: "text" | "choice";
  /** A choice: how many chose each option, in the question's order. */
  options: Array<{ option: string; count: number }>;
  /** A text question: each answer with who gave it. */
  texts: Array<{ name: string; text: string }>;
}

/** The answers to each question, from everyone not withdrawn who gave one. */
function summariseQuestions(
  questions: Array<{
    id: number;
    label: string;
    kind: "text" | "choice";
    choices: string[] | null;
  }>,
  invitees: Invitee[],
): QuestionSummary[] {
  const counted = invitees.filter((i) => !i.revoked);
  return questions.map((q) => {
    const given = counted
      .map((i) => ({ name: i.name, text: i.answers[String(q.id)] }))
      .filter(
        (a): a is { name: string; text: string } => typeof a.text === "string" && a.text !== "",
      );
    return {
      id: q.id,
      label: q.label,
      kind: q.kind,
      options:
        q.kind === "choice"
          ? (q.choices ?? []).map((option) => ({
              option,
              count: given.filter((a) => a.text === option).length,
            }))
          : [],
      texts: q.kind === "text" ? given : [],
    };
  });
}

async function loadQuestions(db: Database, eventId: number) {
  return db
    .selectFrom("event_questions")
    .select(["id", "label", "kind", "choices"])
    .where("event_id", "=", eventId)
    .orderBy("position")
    .execute();
}

/** The organiser's page of an event, or null when it is not in the actor's scope (404). */
export async function loadEventOverview(db: Database, actor: Actor, eventId: number) {
  const event = await loadPlannedEvent(db, actor, eventId);
  if (!event) return null;
  const [organiser, questions, invitees] = await Promise.all([
    db
      .selectFrom("regions as r")
      .leftJoin("digibanks as b", (j) => j.on("b.id", "=", event.digibank_id))
      .select(["r.name as region", "b.name as digibank"])
      .where("r.id", "=", event.region_id)
      .executeTakeFirstOrThrow(),
    loadQuestions(db, eventId),
    loadInvitees(db, eventId),
  ]);
  return {
    event,
    organiser: organiser.digibank ?? organiser.region,
    counts: countInvitees(invitees),
    questions: summariseQuestions(questions, invitees),
    invitees,
    // Served in this order when a place frees up (docs/decisions/023).
    waiting: invitees
      .filter((i) => i.response === "waiting" && !i.revoked)
      .sort((a, b) => a.waitingSince!.getTime() - b.waitingSince!.getTime() || a.id - b.id),
  };
}

export type OrganiseRefusal =
  "not_found" | "not_published" | "over" | "no_invitation" | "withdrawn" | "opted_out" | "answered";

export type OrganiseOutcome<T = object> =
  ({ ok: true } & T) | { ok: false; reason: OrganiseRefusal; name?: string };

type Trx = Transaction<DB>;

/** One invitation of the event, locked, with its person or guest. */
async function lockInvitation(trx: Trx, eventId: number, invitationId: number) {
  return trx
    .selectFrom("event_invitations as i")
    .leftJoin("users as u", "u.id", "i.user_id")
    .leftJoin("event_guests as g", "g.id", "i.guest_id")
    .select((eb) => [
      "i.id",
      "i.user_id",
      "i.token_nonce",
      "i.response",
      "i.revoked_at",
      eb.fn.coalesce("u.name", "g.name").as("name"),
      eb.fn.coalesce("u.email", "g.email").as("email"),
      eb.fn.coalesce("u.language", "g.language").as("language"),
      eb
        .or([
          eb("u.notify_event_invitations", "=", false),
          eb.exists(
            eb
              .selectFrom("event_guest_opt_outs as o")
              .select(sql`1`.as("one"))
              .whereRef("o.email", "=", sql`lower(g.email)`),
          ),
        ])
        .as("optedOut"),
    ])
    .where("i.event_id", "=", eventId)
    .where("i.id", "=", invitationId)
    .forUpdate("i")
    .executeTakeFirst();
}

/** The event, in scope and locked for this change. */
async function plannedEventFor(trx: Trx, actor: Actor, eventId: number): Promise<Event | null> {
  const event = await loadPlannedEvent(trx as unknown as Database, actor, eventId);
  if (!event) return null;
  await trx.selectFrom("events").select("id").where("id", "=", eventId).forUpdate().execute();
  return event;
}

/**
 * Sends one person's invitation again (the first went to spam, or failed): the same links, a
 * new message. The key carries the form's own key, so a double submit sends once. Nobody who
 * was withdrawn or asked for no more invitations gets it.
 */
export async function resendInvitation(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  values: { eventId: number; invitationId: number; formKey: string; now?: Date },
): Promise<OrganiseOutcome<{ name: string; queued: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const event = await plannedEventFor(trx, actor, values.eventId);
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status !== "published") return { ok: false, reason: "not_published" };
    // Its links answer nothing once the event is over: an invitation then is only noise.
    if (event.ends_at <= (values.now ?? new Date())) return { ok: false, reason: "over" };
    const invitation = await lockInvitation(trx, values.eventId, values.invitationId);
    if (!invitation) return { ok: false, reason: "no_invitation" };
    const name = invitation.name ?? "";
    if (invitation.revoked_at) return { ok: false, reason: "withdrawn", name };
    if (invitation.optedOut) return { ok: false, reason: "opted_out", name };
    const snapshot = (await loadEventSnapshot(trx, values.eventId))!;
    const links = await eventInvitationLinks(
      trx as unknown as Database,
      appUrlFromEnv(),
      invitation,
    );
    const sent = await enqueueEmail(trx, jobs, {
      template: "event_invitation",
      to: invitation.email!,
      recipientId: invitation.user_id,
      language: invitation.language as Language,
      idempotencyKey: `event_invitation:${values.eventId}:${invitation.id}:resend:${values.formKey}`,
      payload: { name, event: snapshot, links },
    });
    // The page reads delivered or failed from the latest message sent.
    await trx
      .updateTable("event_invitations")
      .set({ email_message_id: sent.messageId, updated_at: new Date() })
      .where("id", "=", invitation.id)
      .execute();
    return { ok: true, name, queued: sent.queued };
  });
}

/**
 * Withdraws an invitation that is not (or no longer) a yes: its links stop answering (a new
 * nonce) and it counts for nothing. Someone who said yes or maybe, or waits for a place, is asked
 * first: the CHECK event_invitations_revoked holds that too.
 */
export async function withdrawInvitation(
  db: Database,
  actor: Actor,
  values: { eventId: number; invitationId: number },
): Promise<OrganiseOutcome<{ name: string }>> {
  return db.transaction().execute(async (trx) => {
    const event = await plannedEventFor(trx, actor, values.eventId);
    if (!event) return { ok: false, reason: "not_found" };
    const invitation = await lockInvitation(trx, values.eventId, values.invitationId);
    if (!invitation) return { ok: false, reason: "no_invitation" };
    const name = invitation.name ?? "";
    if (invitation.revoked_at) return { ok: false, reason: "withdrawn", name };
    if (invitation.response !== "none" && invitation.response !== "no")
      return { ok: false, reason: "answered", name };
    await trx
      .updateTable("event_invitations")
      .set({ revoked_at: new Date(), token_nonce: newTokenNonce(), updated_at: new Date() })
      .where("id", "=", invitation.id)
      .execute();
    return { ok: true, name };
  });
}

/**
 * A message from the organiser to everyone who said yes (people and guests), in their language,
 * with their answer links. The key is the form's own: posting the same form twice sends once.
 */
export async function messageEventYes(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  values: { eventId: number; formKey: string; subject: string; body: string },
): Promise<OrganiseOutcome<{ recipients: number }>> {
  return db.transaction().execute(async (trx) => {
    const event = await plannedEventFor(trx, actor, values.eventId);
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status !== "published") return { ok: false, reason: "not_published" };
    const snapshot = (await loadEventSnapshot(trx, values.eventId))!;
    const recipients = await trx
      .selectFrom("event_invitations as i")
      .leftJoin("users as u", "u.id", "i.user_id")
      .leftJoin("event_guests as g", "g.id", "i.guest_id")
      .select((eb) => [
        "i.id",
        "i.user_id",
        "i.token_nonce",
        eb.fn.coalesce("u.name", "g.name").as("name"),
        eb.fn.coalesce("u.email", "g.email").as("email"),
        eb.fn.coalesce("u.language", "g.language").as("language"),
      ])
      .where("i.event_id", "=", values.eventId)
      .where("i.response", "=", "yes")
      .where("i.revoked_at", "is", null)
      .orderBy("i.id")
      .execute();
    const appUrl = appUrlFromEnv();
    for (const r of recipients) {
      await enqueueEmail(trx, jobs, {
        template: "event_message",
        to: r.email!,
        recipientId: r.user_id,
        language: r.language as Language,
        idempotencyKey: `event_message:${values.eventId}:${values.formKey}:${r.id}`,
        payload: {
          name: r.name ?? "",
          event: snapshot,
          senderName: actor.name,
          subject: values.subject,
          body: values.body,
          links: await eventInvitationLinks(trx as unknown as Database, appUrl, r),
        },
      });
    }
    return { ok: true, recipients: recipients.length };
  });
}

type Translate = (key: string) => string;

/**
 * The invitees as CSV, one row each (withdrawn ones left out): contact, language, answer,
 * plus-ones, one column per question, attended and delivered. Who took it, and when, is kept.
 */
export async function exportEventCsv(
  db: Database,
  actor: Actor,
  eventId: number,
  t: Translate,
  options: { ip?: string | null } = {},
): Promise<{ csv: string; title: string } | null> {
  const event = await loadPlannedEvent(db, actor, eventId);
  if (!event) return null;
  const [questions, invitees] = await Promise.all([
    loadQuestions(db, eventId),
    loadInvitees(db, eventId),
  ]);
  await recordAuditEvent(db, {
    action: "event_answers_exported",
    actorId: actor.id,
    ip: options.ip,
    details: { eventId },
  });
  const columns: Array<CsvColumn<Invitee>> = [
    { header: t("export.name"), value: (r) => r.name },
    { header: t("export.email"), value: (r) => r.email },
    { header: t("export.kind"), value: (r) => t(r.guest ? "export.guest" : "export.platform") },
    { header: t("export.language"), value: (r) => r.language },
    { header: t("export.answer"), value: (r) => t(`export.response.${r.response}`) },
    { header: t("export.plusOnes"), value: (r) => (r.response === "yes" ? r.plusOnes : 0) },
    ...questions.map((q) => ({
      header: q.label,
      value: (r: Invitee) => r.answers[String(q.id)] ?? null,
    })),
    {
      header: t("export.attended"),
      value: (r) =>
        r.attendedAt ? `${localParts(r.attendedAt).date} ${localParts(r.attendedAt).time}` : null,
    },
    { header: t("export.delivered"), value: (r) => t(`export.delivery.${r.delivery}`) },
  ];
  return {
    csv: writeCsv(
      columns,
      invitees.filter((i) => !i.revoked),
    ),
    title: event.title,
  };
}
