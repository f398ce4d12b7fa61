import { sql } from "kysely";
import { localToday } from "~/modules/shifts/recurrence.ts";
import type { Database } from "~/utils/db.server.ts";
import {
  type CompletedCourse,
  type EarnedSkill,
  type WorkTotals,
  listCompletedCourses,
  listEarnedSkills,
  listWorkedShifts,
  sumWork,
  within,
} from "./figures.server.ts";
import { type Read, readDateSpan } from "./period.server.ts";

// The attestation of volunteer work ("attest vrijwilligerswerk"): what a volunteer did in a period,
// per digibank with the name of a coordinator who can confirm it. The printable page and the PDF
// show the same Attestation.

export interface AttestationDigibank {
  id: number;
  name: string;
  /** A coordinator of the digibank, else of its region; null when it has none. */
  coordinator: string | null;
  shifts: number;
  minutes: number;
}

export interface Attestation {
  name: string;
  from: string;
  to: string;
  issuedOn: string;
  totals: WorkTotals;
  courses: CompletedCourse[];
  /** Skills earned in a course by the end of the period. */
  skills: EarnedSkill[];
  digibanks: AttestationDigibank[];
}

/**
 * The period the attestation covers, from the query string: by default from "digihelper since"
 * (else the first shift worked, else today) to today.
 */
export async function readAttestationPeriod(
  db: Database,
  userId: number,
  params: URLSearchParams,
  { now = new Date() }: { now?: Date } = {},
): Promise<Read<{ from: string; to: string }>> {
  const today = localToday(now);
  const user = await db
    .selectFrom("users")
    .select("volunteering_since")
    .where("id", "=", userId)
    .executeTakeFirst();
  let from = user?.volunteering_since ?? null;
  if (!from) from = (await listWorkedShifts(db, userId, { now }))[0]?.date ?? today;
  return readDateSpan(params, { from: from <= today ? from : today, to: today });
}

/** The attestation for this person and period; null for someone who is not an active account. */
export async function loadAttestation(
  db: Database,
  userId: number,
  period: { from: string; to: string },
  { now = new Date() }: { now?: Date } = {},
): Promise<Attestation | null> {
  const user = await db
    .selectFrom("users")
    .select("name")
    .where("id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!user) return null;
  const [worked, courses, skills] = await Promise.all([
    listWorkedShifts(db, userId, { now }),
    listCompletedCourses(db, userId),
    listEarnedSkills(db, userId),
  ]);
  const inPeriod = worked.filter((s) => within(s.date, period));
  const perDigibank = new Map<number, { shifts: number; minutes: number }>();
  for (const shift of inPeriod) {
    const sum = perDigibank.get(shift.digibankId) ?? { shifts: 0, minutes: 0 };
    sum.shifts += 1;
    sum.minutes += shift.minutes;
    perDigibank.set(shift.digibankId, sum);
  }
  // Without work in the period, the digibanken the person volunteers for.
  const digibankIds = perDigibank.size
    ? [...perDigibank.keys()]
    : (
        await db
          .selectFrom("role_assignments")
          .select("digibank_id")
          .where("user_id", "=", userId)
          .where("role", "=", "volunteer")
          .where("digibank_id", "is not", null)
          .execute()
      ).map((r) => r.digibank_id!);
  return {
    name: user.name,
    from: period.from,
    to: period.to,
    issuedOn: localToday(now),
    totals: sumWork(inPeriod),
    courses: courses.filter((c) => within(c.date, period)),
    skills: skills.filter((s) => s.date <= period.to),
    digibanks: (await listDigibanksWithCoordinator(db, digibankIds)).map((d) => ({
      ...d,
      ...(perDigibank.get(d.id) ?? { shifts: 0, minutes: 0 }),
    })),
  };
}

/**
 * Each digibank's name and one coordinator's name: the longest-serving active coordinator of the
 * digibank itself, else of its region.
 */
async function listDigibanksWithCoordinator(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("digibanks as d")
    .select((eb) => {
      const coordinator = (scope: "digibank" | "region") =>
        eb
          .selectFrom("role_assignments as a")
          .innerJoin("users as u", "u.id", "a.user_id")
          .select("u.name")
          .where("a.role", "=", "coordinator")
          .where("u.status", "=", "active")
          .$call((qb) =>
            scope === "digibank"
              ? qb.whereRef("a.digibank_id", "=", "d.id")
              : qb.whereRef("a.region_id", "=", "d.region_id").where("a.digibank_id", "is", null),
          )
          .orderBy("a.created_at")
          .orderBy("a.id")
          .limit(1);
      return [
        "d.id",
        "d.name",
        eb.fn
          .coalesce(coordinator("digibank"), coordinator("region"))
          .$castTo<string | null>()
          .as("coordinator"),
      ];
    })
    .where("d.id", "in", [...new Set(ids)])
    .orderBy(sql`d.name`)
    .orderBy("d.id")
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, coordinator: row.coordinator }));
}
