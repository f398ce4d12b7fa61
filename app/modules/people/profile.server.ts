import { sql } from "kysely";
import type { Database } from "~/utils/db.server.ts";
import type { BoardShow } from "./profile-codes.ts";
import type { ProfileFormValues } from "./profile-schemas.server.ts";
import { listSkillHoldings } from "./skills.server.ts";

// A volunteer's profile: since when they help, where (their digibanken, read from their roles, and
// the municipalities they choose), which languages they speak, when they can help, a short
// introduction, and which of these the community board shows beside their first name. The person
// edits it at /account/profile; coordinators of their digibanken read it at /people/<id>/profile.

export interface Profile {
  personId: number;
  name: string;
  since: string | null;
  digibanks: Array<{ id: number; name: string; regionId: number }>;
  municipalities: Array<{ id: number; name: string }>;
  languages: string[];
  availability: string[];
  introduction: string;
  boardShows: BoardShow[];
  skills: Array<{ code: string; source: "declared" | "course" }>;
}

/** The municipalities a person may choose: those of the regions of their digibanken. */
export async function listMunicipalityChoices(db: Database, userId: number) {
  return db
    .selectFrom("municipalities as m")
    .innerJoin("regions as r", "r.id", "m.region_id")
    .select(["m.id", "m.name", "r.name as regionName"])
    .where(
      "m.region_id",
      "in",
      db
        .selectFrom("role_assignments as ra")
        .innerJoin("digibanks as d", "d.id", "ra.digibank_id")
        .select("d.region_id")
        .where("ra.user_id", "=", userId),
    )
    .orderBy("r.name")
    .orderBy("m.name")
    .orderBy("m.id")
    .execute();
}

/** The person's profile, or null when there is no such person (or they were erased). */
export async function loadProfile(db: Database, userId: number): Promise<Profile | null> {
  const user = await db
    .selectFrom("users")
    .leftJoin("volunteer_profiles as p", "p.user_id", "users.id")
    .select([
      "users.id",
      "users.name",
      "users.volunteering_since",
      "p.languages",
      "p.availability",
      "p.introduction",
      "p.board_shows",
    ])
    .where("users.id", "=", userId)
    .where("users.status", "!=", "deleted")
    .executeTakeFirst();
  if (!user) return null;
  const [digibanks, municipalities, holdings] = await Promise.all([
    db
      .selectFrom("role_assignments as ra")
      .innerJoin("digibanks as d", "d.id", "ra.digibank_id")
      .select(["d.id", "d.name", "d.region_id as regionId"])
      .distinct()
      .where("ra.user_id", "=", userId)
      .orderBy("d.name")
      .orderBy("d.id")
      .execute(),
    db
      .selectFrom("volunteer_municipalities as vm")
      .innerJoin("municipalities as m", "m.id", "vm.municipality_id")
      .select(["m.id", "m.name"])
      .where("vm.user_id", "=", userId)
      .orderBy("m.name")
      .orderBy("m.id")
      .execute(),
    listSkillHoldings(db, userId),
  ]);
  return {
    personId: user.id,
    name: user.name,
    since: user.volunteering_since,
    digibanks,
    municipalities,
    languages: user.languages ?? [],
    availability: user.availability ?? [],
    introduction: user.introduction ?? "",
    boardShows: (user.board_shows ?? []) as BoardShow[],
    skills: holdings.map((h) => ({ code: h.code, source: h.source })),
  };
}

/** Today's date in Brussels, YYYY-MM-DD. */
export function brusselsToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Brussels",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export type SaveProfileOutcome =
  { ok: true } | { ok: false; field: "since" | "municipality"; reason: string };

/**
 * Saves the whole profile in one transaction: the date they began, their municipalities (only
 * among the regions of their digibanken), languages, availability, introduction and board choices.
 * A date in the future or a municipality elsewhere is refused and nothing is written.
 */
export async function saveProfile(
  db: Database,
  userId: number,
  values: ProfileFormValues,
  now: Date = new Date(),
): Promise<SaveProfileOutcome> {
  if (values.since && values.since > brusselsToday(now))
    return { ok: false, field: "since", reason: "profile:errors.sinceFuture" };
  const wanted = [...new Set(values.municipality)];
  if (wanted.length) {
    const allowed = new Set((await listMunicipalityChoices(db, userId)).map((m) => m.id));
    if (wanted.some((m) => !allowed.has(m)))
      return { ok: false, field: "municipality", reason: "profile:errors.municipality" };
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ volunteering_since: values.since ?? null })
      .where("id", "=", userId)
      .execute();
    const row = {
      languages: [...new Set(values.language)],
      availability: [...new Set(values.availability)],
      board_shows: [...new Set(values.shows)],
      introduction: values.introduction,
      updated_at: sql<Date>`now()`,
    };
    await trx
      .insertInto("volunteer_profiles")
      .values({ user_id: userId, ...row })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(row))
      .execute();
    await trx.deleteFrom("volunteer_municipalities").where("user_id", "=", userId).execute();
    if (wanted.length)
      await trx
        .insertInto("volunteer_municipalities")
        .values(wanted.map((municipality_id) => ({ user_id: userId, municipality_id })))
        .execute();
  });
  return { ok: true };
}

/** The roles of a person, for asking may(view_profile); null when there is no such person. */
export async function findProfilePerson(db: Database, personId: number) {
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("id", "=", personId)
    .where("status", "!=", "deleted")
    .executeTakeFirst();
  if (!user) return null;
  const roles = await db
    .selectFrom("role_assignments")
    .select(["role", "region_id as regionId", "digibank_id as digibankId"])
    .where("user_id", "=", personId)
    .execute();
  return { id: user.id, roles };
}
