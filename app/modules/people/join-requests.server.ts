import { sql } from "kysely";
import type { Language } from "../../../db/schema.ts";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import { LIMITS, hitRateLimits } from "~/modules/auth/rate-limit.server.ts";
import { enqueueEmail } from "~/modules/mail/outbox.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { JobQueue } from "~/utils/jobs.server.ts";
import { coordinatorsOf } from "./directory.server.ts";
import { type Refusal, Refused, inviteInTransaction } from "./invitations.server.ts";

// A visitor asks to join a digibank; its coordinators approve (an invitation follows) or decline.
// The visitor always gets the same answer, so the form never tells whether an address is known.

export interface JoinRequestInput {
  digibankId: number;
  name: string;
  email: string;
  language: Language;
  message?: string | null;
}

/** The same thank-you in every case but one: too many requests from this client address. */
export type JoinOutcome =
  { ok: true } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export const JOIN_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

export async function requestToJoin(
  db: Database,
  jobs: JobQueue,
  input: JoinRequestInput,
  options: { appUrl: string; ip: string },
): Promise<JoinOutcome> {
  const limit = await hitRateLimits(db, [
    [`join:ip:${options.ip}`, JOIN_LIMIT],
    [`join:email:${input.email.toLowerCase()}`, LIMITS.perAccount],
  ]);
  if (!limit.allowed)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };

  await db.transaction().execute(async (trx) => {
    const bank = await trx
      .selectFrom("digibanks")
      .select(["id", "name", "region_id"])
      .where("id", "=", input.digibankId)
      .executeTakeFirst();
    if (!bank) return;
    // The partial unique index keeps one pending request per address and digibank.
    const request = await trx
      .insertInto("join_requests")
      .values({
        digibank_id: bank.id,
        name: input.name,
        email: input.email,
        language: input.language,
        message: input.message || null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!request) return;

    const coordinators = await coordinatorsOf(trx, {
      digibankId: bank.id,
      regionId: bank.region_id,
    });
    for (const coordinator of coordinators) {
      await enqueueEmail(trx, jobs, {
        template: "join_request",
        to: coordinator.email,
        recipientId: coordinator.id,
        language: coordinator.language,
        idempotencyKey: `join_request:${request.id}:${coordinator.id}`,
        payload: {
          requesterName: input.name,
          digibankName: bank.name,
          url: `${options.appUrl}/people/requests`,
        },
      });
    }
  });
  return { ok: true };
}

/** Pending requests for the digibanken this actor decides on (an admin: all). */
export async function listPendingRequests(db: Database, actor: Actor) {
  let query = db
    .selectFrom("join_requests")
    .innerJoin("digibanks", "digibanks.id", "join_requests.digibank_id")
    .select([
      "join_requests.id",
      "join_requests.name",
      "join_requests.email",
      "join_requests.language",
      "join_requests.message",
      "join_requests.created_at as createdAt",
      "digibanks.name as digibankName",
    ])
    .where("join_requests.status", "=", "pending")
    .orderBy("join_requests.created_at");
  if (!isAdmin(actor)) {
    if (actor.coordinatedDigibankIds.length === 0) return [];
    query = query.where("join_requests.digibank_id", "in", actor.coordinatedDigibankIds);
  }
  return query.execute();
}

export type DecideOutcome =
  | { ok: true; outcome?: "invited" | "role_added" }
  | { ok: false; reason: "not_found" | "forbidden" }
  | Refusal;

/** Locks a pending request the actor may decide on, or says why not. */
async function claimRequest(trx: Database, actor: Actor, requestId: number) {
  const request = await trx
    .selectFrom("join_requests")
    .innerJoin("digibanks", "digibanks.id", "join_requests.digibank_id")
    .selectAll("join_requests")
    .select(["digibanks.name as digibankName", "digibanks.region_id as regionId"])
    .where("join_requests.id", "=", requestId)
    .where("join_requests.status", "=", "pending")
    .forUpdate("join_requests")
    .executeTakeFirst();
  if (!request) return { ok: false as const, reason: "not_found" as const };
  const allowed = may(actor, {
    action: "manage_volunteers",
    digibank: { id: request.digibank_id, regionId: request.regionId },
  });
  if (!allowed) return { ok: false as const, reason: "forbidden" as const };
  return { ok: true as const, request };
}

async function decide(
  trx: Database,
  actor: Actor,
  requestId: number,
  status: "approved" | "declined",
) {
  await trx
    .updateTable("join_requests")
    .set({ status, decided_by: actor.id, decided_at: sql<Date>`now()` })
    .where("id", "=", requestId)
    .execute();
}

/** Approves a request: the requester is invited as a volunteer of that digibank, in one transaction. */
export async function approveJoinRequest(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  requestId: number,
  options: { appUrl: string; ip?: string | null },
): Promise<DecideOutcome> {
  try {
    return await db.transaction().execute(async (trx) => {
      const claim = await claimRequest(trx, actor, requestId);
      if (!claim.ok) return claim;
      const { request } = claim;
      await decide(trx, actor, request.id, "approved");
      const invited = await inviteInTransaction(
        trx,
        jobs,
        actor,
        {
          email: request.email,
          name: request.name,
          language: request.language,
          role: "volunteer",
          scope: { kind: "digibank", id: request.digibank_id },
        },
        options,
      );
      if (!invited.ok) throw new Refused(invited);
      return { ok: true as const, outcome: invited.outcome };
    });
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/** Declines a request and tells the requester, in their language. */
export async function declineJoinRequest(
  db: Database,
  jobs: JobQueue,
  actor: Actor,
  requestId: number,
): Promise<DecideOutcome> {
  return db.transaction().execute(async (trx) => {
    const claim = await claimRequest(trx, actor, requestId);
    if (!claim.ok) return claim;
    const { request } = claim;
    await decide(trx, actor, request.id, "declined");
    await enqueueEmail(trx, jobs, {
      template: "join_declined",
      to: request.email,
      language: request.language,
      idempotencyKey: `join_declined:${request.id}`,
      payload: { name: request.name, digibankName: request.digibankName },
    });
    return { ok: true as const };
  });
}
