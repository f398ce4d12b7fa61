import type { FeedSource } from "~/modules/shifts/feed.server.ts";
import { courseCalendarEntries, loadCourseSnapshot } from "./calendar.server.ts";
import { courseUrl } from "./enrolment-notices.server.ts";

// The courses' part of the personal calendar feed: every session of the courses the person has a
// place in, and those of a course cancelled while they had one (marked cancelled, so calendars
// drop them). The UIDs are those of the enrolment email's .ics: each session shows once.

export const courseFeedSource: FeedSource = {
  async entries(db, person, { from, appUrl }) {
    const courses = await db
      .selectFrom("course_enrolments as e")
      .innerJoin("courses as c", "c.id", "e.course_id")
      .select("c.id")
      .distinct()
      .where("e.user_id", "=", person.id)
      .where((eb) =>
        eb.or([
          eb.and([eb("e.status", "=", "enrolled"), eb("c.status", "=", "published")]),
          eb.and([eb("e.status", "=", "cancelled"), eb("c.status", "=", "cancelled")]),
        ]),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("course_sessions as s")
            .select("s.id")
            .whereRef("s.course_id", "=", "c.id")
            .where("s.ends_at", ">=", from),
        ),
      )
      .orderBy("c.id")
      .execute();
    const entries = [];
    for (const { id } of courses) {
      const snapshot = await loadCourseSnapshot(db, id);
      if (!snapshot) continue;
      entries.push(
        ...courseCalendarEntries(snapshot, person.language, courseUrl(appUrl, id)).filter(
          (entry) => entry.end >= from,
        ),
      );
    }
    return entries;
  },
};
