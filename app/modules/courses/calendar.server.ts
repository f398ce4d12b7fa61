import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { CalendarEntry } from "~/modules/calendar/ical.server.ts";
import type { CourseSnapshot } from "~/modules/mail/messages.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";

// The one way to describe a course's sessions as calendar events, for the personal feed and for
// the .ics attached to course emails: one VEVENT per session, with a stable UID per session, so a
// calendar that got the course by mail and by feed sees each session once.

type Db = Kysely<DB> | Transaction<DB>;

/** The stable UID of a course session's event. */
export const courseSessionUid = (sessionId: number) => `course-session-${sessionId}@digihelpers`;

/** The course as its emails tell about it now: its sessions in order, cancelled ones included. */
export async function loadCourseSnapshot(db: Db, courseId: number): Promise<CourseSnapshot | null> {
  const course = await db
    .selectFrom("courses as c")
    .innerJoin("regions as r", "r.id", "c.region_id")
    .leftJoin("digibanks as b", "b.id", "c.digibank_id")
    .select([
      "c.id",
      "c.title",
      "c.status",
      "c.sequence",
      "r.name as regionName",
      "b.name as digibankName",
    ])
    .where("c.id", "=", courseId)
    .executeTakeFirst();
  if (!course) return null;
  const sessions = await db
    .selectFrom("course_sessions as s")
    .leftJoin("digipunten as p", "p.id", "s.digipunt_id")
    .select([
      "s.id",
      "s.starts_at",
      "s.ends_at",
      "s.sequence",
      "s.status",
      "s.online_url",
      sql<string | null>`coalesce(s.address, p.name || coalesce(', ' || p.address, ''))`.as(
        "location",
      ),
    ])
    .where("s.course_id", "=", courseId)
    .orderBy("s.starts_at")
    .orderBy("s.id")
    .execute();
  const cancelled = course.status === "cancelled";
  return {
    courseId: course.id,
    title: course.title,
    cancelled,
    organiserName: course.digibankName ?? course.regionName,
    sessions: sessions.map((s) => ({
      sessionId: s.id,
      startsAt: new Date(s.starts_at).toISOString(),
      endsAt: new Date(s.ends_at).toISOString(),
      // Both only ever rise, so their sum does too: a change to the course or to one session
      // makes calendars take the newer version.
      sequence: s.sequence + course.sequence,
      cancelled: cancelled || s.status === "cancelled",
      location: s.location,
      onlineUrl: s.online_url,
    })),
  };
}

/** One calendar entry per session of the course, in the reader's language. */
export function courseCalendarEntries(
  course: CourseSnapshot,
  language: Language,
  url?: string | null,
): CalendarEntry[] {
  const t = getFixedT(language, "mail");
  const total = course.sessions.length;
  return course.sessions.map((session, index) => {
    const lines = [t("calendar.courseDescription", { organiserName: course.organiserName })];
    if (session.onlineUrl) lines.push(session.onlineUrl);
    if (url) lines.push(url);
    return {
      uid: courseSessionUid(session.sessionId),
      start: new Date(session.startsAt),
      end: new Date(session.endsAt),
      sequence: session.sequence,
      cancelled: course.cancelled || session.cancelled,
      summary:
        total > 1
          ? t("calendar.courseSessionSummary", { title: course.title, n: index + 1, total })
          : t("calendar.courseSummary", { title: course.title }),
      description: lines.join("\n\n"),
      location: session.location ?? session.onlineUrl,
      url: url ?? null,
    };
  });
}
