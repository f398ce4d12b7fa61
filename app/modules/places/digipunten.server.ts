import type { DigipuntKind } from "../../../db/schema.ts";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";

// The digipunten a coordinator runs: fixed places with an address, or mobile ones (a van) whose
// address is given per shift. Archiving keeps the history of past shifts and hides the place
// from new planning.

export interface DigipuntInput {
  digibankId: number;
  municipalityId: number;
  name: string;
  kind: DigipuntKind;
  address: string | null;
  accessibilityNotes: string | null;
  contact: string | null;
}

export type DigipuntRefusal =
  | "not_found" // no such digipunt or digibank, or not one this person plans
  | "municipality" // the municipality lies outside the digibank's region
  | "address_required" // a fixed digipunt needs its address
  | "name_taken"; // the digibank already has a digipunt of this name

export type DigipuntOutcome = { ok: true; id: number } | { ok: false; reason: DigipuntRefusal };

const UNIQUE_VIOLATION = "23505";

/** The digibanken this person plans, with their region (for the digibank picker). */
export async function listPlannedDigibanks(db: Database, actor: Actor) {
  let query = db
    .selectFrom("digibanks")
    .select(["id", "name", "region_id as regionId"])
    .orderBy("name");
  if (!isAdmin(actor))
    query = query.where(
      "id",
      "in",
      actor.coordinatedDigibankIds.length ? actor.coordinatedDigibankIds : [-1],
    );
  return query.execute();
}

/** The municipalities of the regions of the digibanken this person plans, per region. */
export async function listPlannedMunicipalities(db: Database, actor: Actor) {
  const banks = await listPlannedDigibanks(db, actor);
  const regionIds = [...new Set(banks.map((b) => b.regionId))];
  if (regionIds.length === 0) return [];
  return db
    .selectFrom("municipalities")
    .select(["id", "name", "region_id as regionId"])
    .where("region_id", "in", regionIds)
    .orderBy("name")
    .execute();
}

/** The digipunten of the digibanken this person plans (archived ones last, when asked for). */
export async function listDigipunten(
  db: Database,
  actor: Actor,
  { archived = false }: { archived?: boolean } = {},
) {
  let query = db
    .selectFrom("digipunten")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .innerJoin("municipalities", "municipalities.id", "digipunten.municipality_id")
    .select([
      "digipunten.id",
      "digipunten.name",
      "digipunten.kind",
      "digipunten.address",
      "digipunten.accessibility_notes as accessibilityNotes",
      "digipunten.contact",
      "digipunten.archived_at as archivedAt",
      "digipunten.digibank_id as digibankId",
      "digibanks.name as digibank",
      "municipalities.name as municipality",
    ])
    .orderBy("digibanks.name")
    .orderBy("digipunten.name");
  if (!archived) query = query.where("digipunten.archived_at", "is", null);
  if (!isAdmin(actor)) {
    const banks = actor.coordinatedDigibankIds;
    query = query.where("digipunten.digibank_id", "in", banks.length ? banks : [-1]);
  }
  return query.execute();
}

/** One digipunt this person plans, or null. */
export async function findDigipunt(db: Database, actor: Actor, id: number) {
  const row = await db
    .selectFrom("digipunten")
    .innerJoin("digibanks", "digibanks.id", "digipunten.digibank_id")
    .selectAll("digipunten")
    .select("digibanks.region_id as regionId")
    .where("digipunten.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  return may(actor, {
    action: "plan_shifts",
    digibank: { id: row.digibank_id, regionId: row.regionId },
  })
    ? row
    : null;
}

async function checkPlace(db: Database, actor: Actor, input: DigipuntInput) {
  const bank = await db
    .selectFrom("digibanks")
    .select(["id", "region_id as regionId"])
    .where("id", "=", input.digibankId)
    .executeTakeFirst();
  if (!bank || !may(actor, { action: "plan_shifts", digibank: bank })) return "not_found" as const;
  const municipality = await db
    .selectFrom("municipalities")
    .select("region_id")
    .where("id", "=", input.municipalityId)
    .executeTakeFirst();
  if (!municipality || municipality.region_id !== bank.regionId) return "municipality" as const;
  if (input.kind === "fixed" && !input.address?.trim()) return "address_required" as const;
  return null;
}

function columns(input: DigipuntInput) {
  return {
    digibank_id: input.digibankId,
    municipality_id: input.municipalityId,
    name: input.name.trim(),
    kind: input.kind,
    // A mobile digipunt has no fixed address: each shift says where it stands.
    address: input.kind === "fixed" ? input.address!.trim() : null,
    accessibility_notes: input.accessibilityNotes?.trim() || null,
    contact: input.contact?.trim() || null,
  };
}

async function nameTaken<T>(write: () => Promise<T>): Promise<T | "name_taken"> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return "name_taken";
    throw error;
  }
}

export async function createDigipunt(
  db: Database,
  actor: Actor,
  input: DigipuntInput,
): Promise<DigipuntOutcome> {
  const refusal = await checkPlace(db, actor, input);
  if (refusal) return { ok: false, reason: refusal };
  const row = await nameTaken(() =>
    db.insertInto("digipunten").values(columns(input)).returning("id").executeTakeFirstOrThrow(),
  );
  return row === "name_taken" ? { ok: false, reason: row } : { ok: true, id: row.id };
}

/** Changes a digipunt; moving it to another digibank needs planning rights on both. */
export async function updateDigipunt(
  db: Database,
  actor: Actor,
  id: number,
  input: DigipuntInput,
): Promise<DigipuntOutcome> {
  const current = await findDigipunt(db, actor, id);
  if (!current) return { ok: false, reason: "not_found" };
  const refusal = await checkPlace(db, actor, input);
  if (refusal) return { ok: false, reason: refusal };
  const result = await nameTaken(() =>
    db.updateTable("digipunten").set(columns(input)).where("id", "=", id).executeTakeFirst(),
  );
  return result === "name_taken" ? { ok: false, reason: result } : { ok: true, id };
}

/** Hides a digipunt from new planning (or brings it back); its shifts stay as they are. */
export async function setDigipuntArchived(
  db: Database,
  actor: Actor,
  id: number,
  archived: boolean,
  { now = new Date() }: { now?: Date } = {},
): Promise<DigipuntOutcome> {
  const current = await findDigipunt(db, actor, id);
  if (!current) return { ok: false, reason: "not_found" };
  await db
    .updateTable("digipunten")
    .set({ archived_at: archived ? now : null })
    .where("id", "=", id)
    .execute();
  return { ok: true, id };
}
