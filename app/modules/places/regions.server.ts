import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { type Actor, isAdmin, may } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";

// Region settings: for now the release cut-off, until how many hours before a shift a volunteer
// may still release it themselves (claims.server.ts reads it).

export interface RegionSettings {
  id: number;
  name: string;
  releaseCutoffHours: number;
}

/** The regions this person may change the settings of, by name. */
export async function listManagedRegions(db: Database, actor: Actor): Promise<RegionSettings[]> {
  let query = db
    .selectFrom("regions")
    .select(["id", "name", "release_cutoff_hours as releaseCutoffHours"])
    .orderBy("name");
  if (!isAdmin(actor)) {
    if (actor.staffRegionIds.length === 0) return [];
    query = query.where("id", "in", actor.staffRegionIds);
  }
  const regions = await query.execute();
  return regions.filter((region) => may(actor, { action: "manage_region", regionId: region.id }));
}

export type RegionSettingsOutcome =
  { ok: true; name: string } | { ok: false; reason: "not_found" | "forbidden" };

export async function setReleaseCutoff(
  db: Database,
  actor: Actor,
  regionId: number,
  hours: number,
  options: { ip?: string | null } = {},
): Promise<RegionSettingsOutcome> {
  if (!may(actor, { action: "manage_region", regionId })) return { ok: false, reason: "forbidden" };
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("regions")
      .select(["name", "release_cutoff_hours as hours"])
      .where("id", "=", regionId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return { ok: false, reason: "not_found" } as const;
    await trx
      .updateTable("regions")
      .set({ release_cutoff_hours: hours })
      .where("id", "=", regionId)
      .execute();
    await recordAuditEvent(trx, {
      action: "region_settings_changed",
      actorId: actor.id,
      ip: options.ip,
      details: { regionId, releaseCutoffHours: { from: before.hours, to: hours } },
    });
    return { ok: true, name: before.name } as const;
  });
}
