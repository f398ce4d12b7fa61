import { sql } from "kysely";
import type { Database } from "~/utils/db.server.ts";

export interface NetworkOverview {
  totals: { regions: number; digibanks: number; digipunten: number; volunteers: number };
  regions: Array<{
    id: number;
    name: string;
    digibanks: Array<{ id: number; name: string; digipunten: number }>;
    /** Digihelpers of the region's digibanken, each counted once. */
    volunteers: number;
  }>;
}

/** The regions, their digibanken and how many digipunten each runs: the public face of the network. */
export async function getNetworkOverview(db: Database): Promise<NetworkOverview> {
  const [digibanks, volunteers, volunteersByRegion] = await Promise.all([
    db
      .selectFrom("regions")
      .leftJoin("digibanks", "digibanks.region_id", "regions.id")
      .leftJoin("digipunten", "digipunten.digibank_id", "digibanks.id")
      .select([
        "regions.id as regionId",
        "regions.name as regionName",
        "digibanks.id as digibankId",
        "digibanks.name as digibankName",
        sql<number>`count(digipunten.id)::int`.as("digipunten"),
      ])
      .groupBy(["regions.id", "regions.name", "digibanks.id", "digibanks.name"])
      .orderBy("regions.name")
      .orderBy("digibanks.name")
      .execute(),
    db
      .selectFrom("role_assignments")
      .where("role", "=", "volunteer")
      .select(sql<number>`count(distinct user_id)::int`.as("count"))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("role_assignments")
      .innerJoin("digibanks", "digibanks.id", "role_assignments.digibank_id")
      .where("role_assignments.role", "=", "volunteer")
      .select([
        "digibanks.region_id as regionId",
        sql<number>`count(distinct role_assignments.user_id)::int`.as("count"),
      ])
      .groupBy("digibanks.region_id")
      .execute(),
  ]);
  const regionVolunteers = new Map(volunteersByRegion.map((r) => [r.regionId, r.count]));

  const regions = new Map<number, NetworkOverview["regions"][number]>();
  for (const row of digibanks) {
    let region = regions.get(row.regionId);
    if (!region) {
      region = {
        id: row.regionId,
        name: row.regionName,
        digibanks: [],
        volunteers: regionVolunteers.get(row.regionId) ?? 0,
      };
      regions.set(row.regionId, region);
    }
    if (row.digibankId !== null && row.digibankName !== null) {
      region.digibanks.push({
        id: row.digibankId,
        name: row.digibankName,
        digipunten: row.digipunten,
      });
    }
  }
  const list = [...regions.values()];
  return {
    totals: {
      regions: list.length,
      digibanks: list.reduce((sum, r) => sum + r.digibanks.length, 0),
      digipunten: list.reduce(
        (sum, r) => sum + r.digibanks.reduce((s, d) => s + d.digipunten, 0),
        0,
      ),
      volunteers: volunteers.count,
    },
    regions: list,
  };
}
