import type { Transaction } from "kysely";
import { promoteEventWaitingList } from "./answering.server.ts";
import { sql } from "kysely";
import type { DB, Event } from "../../../db/schema.ts";
import { type Actor, type EventScope, isAdmin, may } from "~/modules/auth/access.server.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import { localInstant, localParts } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import { appUrlFromEnv } from "~/utils/env.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { type AudienceRules, AudienceRulesSchema, readAudienceRules } from "./audience.ts";
import { loadEventSnapshot } from "./calendar.server.ts";
import type { EventForm, EventFormValues } from "./planning-schemas.ts";
import { eventInvitationLinks } from "./tokens.server.ts";

// Planning an event (a gathering): creating and changing it as a draft, publishing it, changing
// it once published (the invited who did not say no hear of it, SEQUENCE raised), cancelling it
// (everyone invited gets a CANCEL), and its audience rules. The database holds what two requests
// could race for (places taken against capacity); this module checks the rest and maps the
// database's refusals to reasons.

type Trx = Transaction<DB>;

export type EventPlanningRefusal =
  | "not_found"
  | "scope"
  | "scope_fixed"
  | "start_in_past"
  | "capacity_below_taken"
  | "cancelled"
  | "already_published"
  | "question_not_found"
  | "times"
  | "audience_outside_region";

export type EventPlanningOutcome<T = object> =
  ({ ok: true } & T) | { ok: false; reason: EventPlanningRefusal; taken?: number };

/** The regions whose every event the actor plans (regional staff, region coordinators). */
function plannedRegionIds(actor: Actor): number[] | "all" {
  if (isAdmin(actor)) return "all";
  return [...new Set([...actor.staffRegionIds, ...actor.coordinatedRegionIds])];
}

/** The scopes the actor may plan events for: whole regions, and digibanken. */
export async function listEventScopes(db: Database, actor: Actor) {
  const regions = plannedRegionIds(actor);
  const regionRows = await db
    .selectFrom("regions")
    .select(["id", "name"])
    .$if(regions !== "all", (q) => q.where("id", "in", [0, ...(regions as number[])]))
    .orderBy("name")
    .execute();
  const digibanks = await db
    .selectFrom("digibanks as b")
    .innerJoin("regions as r", "r.id", "b.region_id")
    .select(["b.id", "b.name", "b.region_id", "r.name as regionName"])
    .$if(regions !== "all", (q) =>
      q.where((eb) =>
        eb.or([
          eb("b.region_id", "in", [0, ...(regions as number[])]),
          eb("b.id", "in", [0, ...actor.coordinatedDigibankIds]),
        ]),
      ),
    )
    .orderBy("r.name")
    .orderBy("b.name")
    .execute();
  return [
    ...regionRows.map((r) => ({
      value: `region-${r.id}`,
      kind: "region" as const,
      name: r.name,
      regionId: r.id,
      digibankId: null,
    })),
    ...digibanks.map((b) => ({
      value: `digibank-${b.id}`,
      kind: "digibank" as const,
      name: `${b.name} (${b.regionName})`,
      regionId: b.region_id,
      digibankId: b.id,
    })),
  ].filter((s) => may(actor, { action: "plan_events", scope: s }));
}

/** The events in the actor's scope, drafts included, soonest first, with invited and yes counts. */
export async function listPlannedEvents(db: Database, actor: Actor) {
  const regions = plannedRegionIds(actor);
  const rows = await db
    .selectFrom("events as e")
    .leftJoin("digibanks as b", "b.id", "e.digibank_id")
    .innerJoin("regions as r", "r.id", "e.region_id")
    .select((eb) => [
      "e.id",
      "e.title",
      "e.status",
      "e.starts_at as startsAt",
      "e.ends_at as endsAt",
      "e.capacity",
      "e.taken_places as taken",
      sql<string>`coalesce(b.name, r.name)`.as("organiser"),
      eb
        .selectFrom("event_invitations as i")
        .select((s) => s.fn.countAll<string>().as("n"))
        .whereRef("i.event_id", "=", "e.id")
        .where("i.revoked_at", "is", null)
        .as("invited"),
      eb
        .selectFrom("event_invitations as i")
        .select((s) => s.fn.countAll<string>().as("n"))
        .whereRef("i.event_id", "=", "e.id")
        .where("i.response", "=", "yes")
        .as("yes"),
    ])
    .$if(regions !== "all", (q) =>
      q.where((eb) =>
        eb.or([
          eb("e.region_id", "in", [0, ...(regions as number[])]),
          eb("e.digibank_id", "in", [0, ...actor.coordinatedDigibankIds]),
        ]),
      ),
    )
    .orderBy("e.starts_at")
    .orderBy("e.id")
    .execute();
  return rows.map((r) => ({
    ...r,
    invited: Number(r.invited ?? 0),
    yes: Number(r.yes ?? 0),
  }));
}

/** A new event's form: the first scope, the actor as contact, reminders 7 and 1 days before. */
export function newEventFormValues(actor: Actor, scope: string): EventFormValues {
  return {
    scope,
    title: "",
    description: "",
    startDate: "",
    startTime: "10:00",
    endDate: "",
    endTime: "16:00",
    address: "",
    accessibilityNotes: "",
    onlineUrl: "",
    capacity: "100",
    deadlineDate: "",
    deadlineTime: "23:59",
    maxPlusOnes: "0",
    reminderDays: "7, 1",
    contactName: actor.name,
    contactEmail: actor.email,
    contactPhone: "",
    questions: [],
  };
}

/** The saved event in the form's shape. */
export async function loadEventForm(db: Database, event: Event): Promise<EventFormValues> {
  const questions = await db
    .selectFrom("event_questions")
    .selectAll()
    .where("event_id", "=", event.id)
    .orderBy("position")
    .execute();
  const start = localParts(new Date(event.starts_at));
  const end = localParts(new Date(event.ends_at));
  const deadline = localParts(new Date(event.answer_deadline));
  return {
    scope: event.digibank_id ? `digibank-${event.digibank_id}` : `region-${event.region_id}`,
    title: event.title,
    description: event.description,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    address: event.address ?? "",
    accessibilityNotes: event.accessibility_notes ?? "",
    onlineUrl: event.online_url ?? "",
    capacity: String(event.capacity),
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    maxPlusOnes: String(event.max_plus_ones),
    reminderDays: event.reminder_days.join(", "),
    contactName: event.contact_name,
    contactEmail: event.contact_email,
    contactPhone: event.contact_phone ?? "",
    questions: questions.map((q) => ({
      id: String(q.id),
      kind: q.kind,
      label: q.label,
      choices: (q.choices ?? []).join("\n"),
      required: q.required,
    })),
  };
}

/** The scope the form names, when it exists and the actor plans for it. */
async function checkScope(
  db: Database | Trx,
  actor: Actor,
  form: EventForm,
): Promise<EventScope | null> {
  const { kind, id } = form.scope;
  let scope: EventScope;
  if (kind === "region") {
    const region = await db
      .selectFrom("regions")
      .select("id")
      .where("id", "=", id)
      .executeTakeFirst();
    if (!region) return null;
    scope = { regionId: region.id, digibankId: null };
  } else {
    const bank = await db
      .selectFrom("digibanks")
      .select(["id", "region_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!bank) return null;
    scope = { regionId: bank.region_id, digibankId: bank.id };
  }
  return may(actor, { action: "plan_events", scope }) ? scope : null;
}

const eventRow = (form: EventForm, scope: EventScope) => ({
  region_id: scope.regionId,
  digibank_id: scope.digibankId,
  title: form.title,
  description: form.description ?? "",
  starts_at: localInstant(form.startDate, form.startTime),
  ends_at: localInstant(form.endDate, form.endTime),
  address: form.address ?? null,
  accessibility_notes: form.accessibilityNotes || null,
  online_url: form.onlineUrl ?? null,
  capacity: form.capacity,
  answer_deadline: localInstant(form.deadlineDate, form.deadlineTime),
  max_plus_ones: form.maxPlusOnes,
  reminder_days: form.reminderDays,
  contact_name: form.contactName,
  contact_email: form.contactEmail,
  contact_phone: form.contactPhone ?? null,
});

/** The event's questions as the form has them: changed in place, added, or deleted. */
async function writeQuestions(
  trx: Trx,
  eventId: number,
  form: EventForm,
): Promise<EventPlanningRefusal | null> {
  const existing = await trx
    .selectFrom("event_questions")
    .select(["id", "position"])
    .where("event_id", "=", eventId)
    .orderBy("position")
    .execute();
  const known = new Set(existing.map((q) => q.id));
  if (form.questions.some((q) => q.id !== undefined && !known.has(q.id)))
    return "question_not_found";
  const ids = form.questions.flatMap((q) => (q.id ? [q.id] : []));
  if (new Set(ids).size !== ids.length) return "question_not_found";
  // All rows go and come back in the form's order, those kept with their own id (answers are kept
  // by question id): positions are unique per event and checked row by row, so moving them in
  // place could collide halfway.
  await trx.deleteFrom("event_questions").where("event_id", "=", eventId).execute();
  for (const [index, q] of form.questions.entries()) {
    const row = {
      event_id: eventId,
      position: index + 1,
      kind: q.kind,
      label: q.label,
      choices: q.choices,
      required: q.required,
    };
    if (q.id)
      await sql`insert into event_questions (id, event_id, position, kind, label, choices, required)
        overriding system value values (${q.id}, ${eventId}, ${row.position}, ${row.kind},
        ${row.label}, ${row.choices}, ${row.required})`.execute(trx);
    else await trx.insertInto("event_questions").values(row).execute();
  }
  return null;
}

/** Maps the database's refusals of an event write to reasons; anything else is a real error. */
function refusalFrom(error: unknown): EventPlanningRefusal | null {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  if (code === "23514" && constraint === "events_capacity") return "capacity_below_taken";
  if (code === "23514" && (constraint === "events_times" || constraint === "events_deadline"))
    return "times";
  return null;
}

async function refusing<T>(
  work: () => Promise<EventPlanningOutcome<T>>,
): Promise<EventPlanningOutcome<T>> {
  try {
    return await work();
  } catch (error) {
    const reason = refusalFrom(error);
    if (!reason) throw error;
    return { ok: false, reason };
  }
}

/** A new event, as a draft. */
export async function createEvent(
  db: Database,
  actor: Actor,
  form: EventForm,
  now = new Date(),
): Promise<EventPlanningOutcome<{ eventId: number }>> {
  return refusing(() =>
    db.transaction().execute(async (trx): Promise<EventPlanningOutcome<{ eventId: number }>> => {
      const scope = await checkScope(trx, actor, form);
      if (!scope) return { ok: false, reason: "scope" };
      const row = eventRow(form, scope);
      if (row.starts_at <= now) return { ok: false, reason: "start_in_past" };
      const event = await trx
        .insertInto("events")
        .values({ ...row, created_by: actor.id })
        .returning("id")
        .executeTakeFirstOrThrow();
      const refusal = await writeQuestions(trx, event.id, {
        ...form,
        questions: form.questions.map((q) => ({ ...q, id: undefined })),
      });
      if (refusal) return { ok: false, reason: refusal };
      return { ok: true, eventId: event.id };
    }),
  );
}

/** The invited who hear of a change or a cancellation, with what their mail needs. */
async function invitedRecipients(trx: Trx, eventId: number, { exceptNo }: { exceptNo: boolean }) {
  return (
    trx
      .selectFrom("event_invitations as i")
      .leftJoin("users as u", "u.id", "i.user_id")
      .leftJoin("event_guests as g", "g.id", "i.guest_id")
      .select([
        "i.id",
        "i.token_nonce",
        "i.user_id as userId",
        sql<string>`coalesce(u.email, g.email)`.as("email"),
        sql<string>`coalesce(u.name, g.name)`.as("name"),
        sql<"nl" | "fr" | "en">`coalesce(u.language, g.language)`.as("language"),
      ])
      .where("i.event_id", "=", eventId)
      .where("i.revoked_at", "is", null)
      .$if(exceptNo, (q) => q.where("i.response", "!=", "no"))
      // A closed account hears of nothing.
      .where((eb) => eb.or([eb("i.user_id", "is", null), eb("u.status", "=", "active")]))
      .orderBy("i.id")
      .execute()
  );
}

/**
 * Changes a draft or a published event. Once published, a change the invited care about (time,
 * place, link, title, description, deadline) raises SEQUENCE and sends `event_updated` to each of
 * them who did not say no, in the same transaction.
 */
export async function updateEvent(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  eventId: number,
  form: EventForm,
  now = new Date(),
): Promise<EventPlanningOutcome<{ notified: number }>> {
  return refusing(() =>
    db.transaction().execute(async (trx): Promise<EventPlanningOutcome<{ notified: number }>> => {
      // Locked: a second edit, a publish or an answer waits for this one.
      const event = await trx
        .selectFrom("events")
        .selectAll()
        .where("id", "=", eventId)
        .forUpdate()
        .executeTakeFirst();
      if (
        !event ||
        !may(actor, {
          action: "plan_events",
          scope: { regionId: event.region_id, digibankId: event.digibank_id },
        })
      )
        return { ok: false, reason: "not_found" };
      if (event.status === "cancelled") return { ok: false, reason: "cancelled" };
      const scope = await checkScope(trx, actor, form);
      if (!scope) return { ok: false, reason: "scope" };
      const published = event.status === "published";
      const scopeChanged =
        scope.regionId !== event.region_id || scope.digibankId !== event.digibank_id;
      // Invitations went out to this scope's audience: it stays whose event it is.
      if (published && scopeChanged) return { ok: false, reason: "scope_fixed" };
      const row = eventRow(form, scope);
      const moved = row.starts_at.getTime() !== new Date(event.starts_at).getTime();
      if (moved && row.starts_at <= now) return { ok: false, reason: "start_in_past" };
      if (form.capacity < event.taken_places)
        return { ok: false, reason: "capacity_below_taken", taken: event.taken_places };

      const news =
        moved ||
        row.ends_at.getTime() !== new Date(event.ends_at).getTime() ||
        row.answer_deadline.getTime() !== new Date(event.answer_deadline).getTime() ||
        row.title !== event.title ||
        row.description !== event.description ||
        row.address !== event.address ||
        row.accessibility_notes !== event.accessibility_notes ||
        row.online_url !== event.online_url;
      await trx
        .updateTable("events")
        .set({
          ...row,
          // Audience rules name the old region's digibanken: a draft moved elsewhere starts afresh.
          ...(scopeChanged ? { audience: sql`'{}'::jsonb` } : {}),
          updated_at: now,
          ...(published && news ? { sequence: sql`sequence + 1` } : {}),
        })
        .where("id", "=", eventId)
        .execute();
      const refusal = await writeQuestions(trx, eventId, form);
      if (refusal) {
        // Nothing of this change may stay: undo it by rolling back.
        throw new RefusalRollback(refusal);
      }
      // More places: the waiting list moves up in its order, each told once.
      if (published && form.capacity > event.capacity)
        await promoteEventWaitingList(trx, jobs, eventId, { now });
      if (!(published && news)) return { ok: true, notified: 0 };

      const snapshot = (await loadEventSnapshot(trx, eventId))!;
      const appUrl = appUrlFromEnv();
      const recipients = await invitedRecipients(trx, eventId, { exceptNo: true });
      for (const r of recipients)
        await enqueueEmail(trx, jobs, {
          template: "event_updated",
          to: r.email,
          recipientId: r.userId,
          language: r.language,
          idempotencyKey: `event_updated:${eventId}:${snapshot.sequence}:${r.id}`,
          payload: {
            name: r.name,
            event: snapshot,
            // Through the transaction: on PGlite a second connection would wait for this one.
            links: await eventInvitationLinks(trx, appUrl, r),
          },
        });
      return { ok: true, notified: recipients.length };
    }),
  ).catch((error: unknown) => {
    if (error instanceof RefusalRollback) return { ok: false as const, reason: error.reason };
    throw error;
  });
}

/** Thrown to roll a transaction back when a refusal is found after writing began. */
class RefusalRollback extends Error {
  constructor(readonly reason: EventPlanningRefusal) {
    super(reason);
  }
}

/** A draft becomes published: invitations can be sent (by the send page) from now on. */
export async function publishEvent(
  db: Database,
  actor: Actor,
  eventId: number,
  now = new Date(),
): Promise<EventPlanningOutcome> {
  return db.transaction().execute(async (trx) => {
    const event = await lockPlannedEvent(trx, actor, eventId);
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status === "cancelled") return { ok: false, reason: "cancelled" };
    if (event.status === "published") return { ok: false, reason: "already_published" };
    if (new Date(event.starts_at) <= now) return { ok: false, reason: "start_in_past" };
    await trx
      .updateTable("events")
      .set({ status: "published", published_at: now, updated_at: now })
      .where("id", "=", eventId)
      .execute();
    return { ok: true };
  });
}

/**
 * Cancels the event for good, with a reason: everyone invited (not withdrawn) gets
 * `event_cancelled` with a CANCEL .ics. A cancelled event is never changed or opened again.
 */
export async function cancelEvent(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  eventId: number,
  reason: string,
  now = new Date(),
): Promise<EventPlanningOutcome<{ notified: number }>> {
  return db.transaction().execute(async (trx) => {
    const event = await lockPlannedEvent(trx, actor, eventId);
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status === "cancelled") return { ok: false, reason: "cancelled" };
    await trx
      .updateTable("events")
      .set({
        status: "cancelled",
        cancelled_at: now,
        cancel_reason: reason,
        // A draft was never published; the CHECK wants a published_at on a cancelled event.
        published_at: event.published_at ?? now,
        // Nothing more goes out on schedule.
        send_at: null,
        sequence: sql`sequence + 1`,
        updated_at: now,
      })
      .where("id", "=", eventId)
      .execute();
    const snapshot = (await loadEventSnapshot(trx, eventId))!;
    const recipients = await invitedRecipients(trx, eventId, { exceptNo: false });
    for (const r of recipients)
      await enqueueEmail(trx, jobs, {
        template: "event_cancelled",
        to: r.email,
        recipientId: r.userId,
        language: r.language,
        idempotencyKey: `event_cancelled:${eventId}:${r.id}`,
        payload: { name: r.name, event: snapshot, reason },
      });
    return { ok: true, notified: recipients.length };
  });
}

/** The event, locked, when the actor plans it. */
async function lockPlannedEvent(trx: Trx, actor: Actor, eventId: number) {
  const event = await trx
    .selectFrom("events")
    .selectAll()
    .where("id", "=", eventId)
    .forUpdate()
    .executeTakeFirst();
  if (!event) return null;
  const scope = { regionId: event.region_id, digibankId: event.digibank_id };
  return may(actor, { action: "plan_events", scope }) ? event : null;
}

/** What the audience form offers: the region's digibanken, municipalities, skills and courses. */
export async function loadAudienceOptions(db: Database | Trx, event: Event) {
  const [digibanks, municipalities, skills, courses] = await Promise.all([
    db
      .selectFrom("digibanks")
      .select(["id", "name"])
      .where("region_id", "=", event.region_id)
      .$if(event.digibank_id !== null, (q) => q.where("id", "=", event.digibank_id!))
      .orderBy("name")
      .execute(),
    event.digibank_id !== null
      ? Promise.resolve([])
      : db
          .selectFrom("municipalities")
          .select(["id", "name"])
          .where("region_id", "=", event.region_id)
          .orderBy("name")
          .execute(),
    db.selectFrom("skills").select(["id", "code"]).orderBy("code").execute(),
    db
      .selectFrom("courses")
      .select(["id", "title"])
      .where("region_id", "=", event.region_id)
      .where("status", "!=", "draft")
      .orderBy("id", "desc")
      .limit(200)
      .execute(),
  ]);
  return { digibanks, municipalities, skills, courses };
}

/**
 * Saves the audience rules on the event. Every id must be of the event's region (a digibank's
 * event: only its own digibank); anything else is refused, nothing saved.
 */
export async function saveAudience(
  db: Database,
  actor: Actor,
  eventId: number,
  input: AudienceRules,
): Promise<EventPlanningOutcome> {
  const rules = AudienceRulesSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const event = await lockPlannedEvent(trx, actor, eventId);
    if (!event) return { ok: false, reason: "not_found" };
    if (event.status === "cancelled") return { ok: false, reason: "cancelled" };
    const options = await loadAudienceOptions(trx, event);
    const within = (ids: number[], allowed: Array<{ id: number }>) => {
      const set = new Set(allowed.map((a) => a.id));
      return ids.every((id) => set.has(id));
    };
    if (
      !within(rules.digibankIds, options.digibanks) ||
      !within(rules.municipalityIds, options.municipalities) ||
      !within(rules.skillIds, options.skills) ||
      !within(rules.courseIds, options.courses)
    )
      return { ok: false, reason: "audience_outside_region" };
    const saved: AudienceRules = {
      ...rules,
      digibankIds: [...new Set(rules.digibankIds)],
      municipalityIds: [...new Set(rules.municipalityIds)],
      skillIds: [...new Set(rules.skillIds)],
      courseIds: [...new Set(rules.courseIds)],
      roles: [...new Set(rules.roles)],
    };
    await trx
      .updateTable("events")
      .set({ audience: sql`${JSON.stringify(saved)}::jsonb`, updated_at: new Date() })
      .where("id", "=", eventId)
      .execute();
    return { ok: true };
  });
}

export { readAudienceRules };
