import type { Database } from "~/utils/db.server.ts";
import type { SkillCode } from "./skill-codes.ts";

// What a volunteer can help with (itsme, Tax-on-web, ...). A shift may ask for one of these
// skills; claiming it checks the volunteer holds it (claims.server.ts). A holding is declared by
// the person, or earned in a course (dated, the course named). Some skills only a course grants:
// nobody declares those (docs/decisions/020-earned-skills.md).

export interface Skill {
  id: number;
  code: SkillCode;
  /** Only completing a course grants it. */
  courseOnly: boolean;
}

/** Every skill, in a fixed order. Labels live in the catalogs under common:skill.<code>. */
export async function listSkills(db: Database): Promise<Skill[]> {
  const rows = await db
    .selectFrom("skills")
    .select(["id", "code", "course_only"])
    .orderBy("id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    code: row.code as SkillCode,
    courseOnly: row.course_only,
  }));
}

/** The codes of every skill the person holds, declared or earned. */
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

export interface SkillHolding {
  code: string;
  source: "declared" | "course";
  earnedAt: Date | null;
  /** The course that granted it; null when declared, or when that course was deleted since. */
  courseTitle: string | null;
}

/** The person's skills, each with where it comes from. */
export async function listSkillHoldings(db: Database, userId: number): Promise<SkillHolding[]> {
  const rows = await db
    .selectFrom("volunteer_skills as v")
    .innerJoin("skills as s", "s.id", "v.skill_id")
    .leftJoin("courses as c", "c.id", "v.course_id")
    .select(["s.code", "v.source", "v.earned_at", "c.title"])
    .where("v.user_id", "=", userId)
    .orderBy("s.id")
    .execute();
  return rows.map((row) => ({
    code: row.code,
    source: row.source,
    earnedAt: row.earned_at,
    courseTitle: row.title,
  }));
}

export type DeclareSkillsOutcome =
  { ok: true } | { ok: false; reason: "course_only"; codes: string[] };

/**
 * Replaces the skills the person declared with these codes; unknown codes are ignored, skills
 * earned in a course stay as they are. A skill only a course grants is refused and nothing is
 * written: checked here for a clear answer, and held by the volunteer_skills_course_only trigger
 * for a skill marked course-only while the form was open.
 */
export async function setSkillsOf(
  db: Database,
  userId: number,
  codes: readonly string[],
): Promise<DeclareSkillsOutcome> {
  const wanted = [...new Set(codes)];
  const refused = wanted.length
    ? await db
        .selectFrom("skills")
        .select("code")
        .where("code", "in", wanted)
        .where("course_only", "=", true)
        .orderBy("id")
        .execute()
    : [];
  if (refused.length)
    return { ok: false, reason: "course_only", codes: refused.map((r) => r.code) };
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("volunteer_skills")
        .where("user_id", "=", userId)
        .where("source", "=", "declared")
        .execute();
      if (wanted.length === 0) return;
      // Waits for a skill being marked course-only right now, so the trigger below sees the mark.
      await trx.selectFrom("skills").select("id").where("code", "in", wanted).forShare().execute();
      await trx
        .insertInto("volunteer_skills")
        .columns(["user_id", "skill_id"])
        .expression((eb) =>
          eb
            .selectFrom("skills")
            .select([eb.val(userId).as("user_id"), "id as skill_id"])
            .where("code", "in", wanted),
        )
        // Already earned in a course: that holding says more than a declaration.
        .onConflict((oc) => oc.columns(["user_id", "skill_id"]).doNothing())
        .execute();
    });
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    if (code === "23514" && constraint === "volunteer_skills_course_only")
      return { ok: false, reason: "course_only", codes: await courseOnlyAmong(db, wanted) };
    throw error;
  }
  return { ok: true };
}

async function courseOnlyAmong(db: Database, codes: string[]) {
  const rows = await db
    .selectFrom("skills")
    .select("code")
    .where("code", "in", codes)
    .where("course_only", "=", true)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.code);
}

/**
 * Marks a skill as granted by courses only, or lifts that. Marking it removes the declarations
 * people made of it (earned holdings stay): from then on only a course vouches for it, and a shift
 * that asks for it is claimable by those who earned it. Returns how many declarations went.
 */
export async function setSkillCourseOnly(
  db: Database,
  code: string,
  courseOnly: boolean,
): Promise<{ ok: true; removedDeclarations: number } | { ok: false; reason: "not_found" }> {
  return db.transaction().execute(async (trx) => {
    const skill = await trx
      .updateTable("skills")
      .set({ course_only: courseOnly })
      .where("code", "=", code)
      .returning("id")
      .executeTakeFirst();
    if (!skill) return { ok: false as const, reason: "not_found" as const };
    if (!courseOnly) return { ok: true as const, removedDeclarations: 0 };
    const removed = await trx
      .deleteFrom("volunteer_skills")
      .where("skill_id", "=", skill.id)
      .where("source", "=", "declared")
      .executeTakeFirst();
    return { ok: true as const, removedDeclarations: Number(removed.numDeletedRows) };
  });
}
