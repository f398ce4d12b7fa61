import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";

// The course sessions a person has a place in: for their calendar at /shifts (and its list), their
// calendar feed and the home page's "what comes next". Only a place counts: waiting is not a plan.

type Db = Kysely<DB> | Transaction<DB>;

export interface MyCourseSession {
  sessionId: number;
  courseId: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** A digipunt's name, another address, or null when online. */
  place: string | null;
  online: boolean;
}

/** The person's scheduled sessions of published courses they are enrolled in, within [from, to). */
export async function listMyCourseSessions(
  db: Db,
  userId: number,
  { from, to, limit = 500 }: { from: Date; to?: Date; limit?: number },
): Promise<MyCourseSession[]> {
  const rows = await db
    .selectFrom("course_enrolments as e")
    .innerJoin("courses as c", "c.id", "e.course_id")
    .innerJoin("course_sessions as s", "s.course_id", "c.id")
    .leftJoin("digipunten as p", "p.id", "s.digipunt_id")
    .select([
      "s.id as sessionId",
      "c.id as courseId",
      "c.title",
      "s.starts_at as startsAt",
      "s.ends_at as endsAt",
      "s.address",
      "s.online_url as onlineUrl",
      "p.name as digipuntName",
    ])
    .where("e.user_id", "=", userId)
    .where("e.status", "=", "enrolled")
    .where("c.status", "=", "published")
    .where("s.status", "=", "scheduled")
    .where("s.ends_at", ">", from)
    .$if(to !== undefined, (q) => q.where("s.starts_at", "<", to!))
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    sessionId: row.sessionId,
    courseId: row.courseId,
    title: row.title,
    startsAt: new Date(row.startsAt),
    endsAt: new Date(row.endsAt),
    place: row.digipuntName ?? row.address,
    online: row.onlineUrl !== null,
  }));
}
