import type { Database } from "~/utils/db.server.ts";
import type { SkillCode } from "./skill-codes.ts";

// What a volunteer can help with (itsme, Tax-on-web, ...). A shift may ask for one of these
// skills; claiming it checks the volunteer recorded it (claims.server.ts).

/** Every skill, in a fixed order. Labels live in the catalogs under common:skill.<code>. */
export async function listSkills(db: Database): Promise<Array<{ id: number; code: SkillCode }>> {
  const rows = await db.selectFrom("skills").select(["id", "code"]).orderBy("id").execute();
  return rows.map((row) => ({ id: row.id, code: row.code as SkillCode }));
}

export async function getSkillsOf(db: Database, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("volunteer_skills")
    .innerJoin("skills", "skills.id", "volunteer_skills.skill_id")
    .select("skills.code")
    .where("volunteer_skills.user_id", "=", userId)
    .orderBy("skills.id")
    .execute();
  return rows.map((row) => row.code);
}

/** Replaces the person's skills with these codes; unknown codes are ignored. */
export async function setSkillsOf(db: Database, userId: number, codes: readonly string[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("volunteer_skills").where("user_id", "=", userId).execute();
    if (codes.length === 0) return;
    await trx
      .insertInto("volunteer_skills")
      .columns(["user_id", "skill_id"])
      .expression((eb) =>
        eb
          .selectFrom("skills")
          .select([eb.val(userId).as("user_id"), "id as skill_id"])
          .where("code", "in", [...codes]),
      )
      .execute();
  });
}
