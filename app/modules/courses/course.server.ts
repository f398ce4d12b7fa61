import type { CourseRef } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";

// What the access rules need to know about a course (its scope, state, audience and trainers),
// loaded once for every page and action that asks may() about it.

export interface CourseAccess extends CourseRef {
  id: number;
}

/** The course's access facts, or null when there is no such course. */
export async function loadCourseAccess(
  db: Database,
  courseId: number,
): Promise<CourseAccess | null> {
  const course = await db
    .selectFrom("courses")
    .select(["id", "region_id", "digibank_id", "status", "audience"])
    .where("id", "=", courseId)
    .executeTakeFirst();
  if (!course) return null;
  const trainers = await db
    .selectFrom("course_trainers")
    .select("user_id")
    .where("course_id", "=", courseId)
    .where("user_id", "is not", null)
    .execute();
  return {
    id: course.id,
    regionId: course.region_id,
    digibankId: course.digibank_id,
    status: course.status,
    audience: course.audience,
    trainerUserIds: trainers.map((t) => t.user_id!),
  };
}
