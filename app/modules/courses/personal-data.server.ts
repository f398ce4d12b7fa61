import type { Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";
import { promoteFromWaitingList } from "./enrolment.server.ts";

// The courses capability's part of the personal data: the courses a person enrolled in (and their
// place on waiting lists), their attendance per session, the courses they train and those they
// planned. Skills earned in a course are in the people part, with the person's other skills.

export const coursesPersonalData: PersonalDataPart = {
  name: "courses",
  tables: [
    {
      table: "course_enrolments",
      userColumns: {
        user_id: {
          kept: "points to the person's row, which erasure anonymises; enrolment and completion figures count these rows",
        },
      },
    },
    {
      table: "course_attendance",
      userColumns: {
        user_id: {
          kept: "points to the person's row, which erasure anonymises; attendance figures count these rows",
        },
        recorded_by: {
          kept: "points to the recorder's row, which erasure anonymises; the course keeps who took attendance",
        },
      },
    },
    // A trainer who leaves stops training: the course names nobody in their place.
    { table: "course_trainers", userColumns: { user_id: "erased" } },
    {
      table: "courses",
      userColumns: {
        created_by: {
          kept: "points to the coordinator's row, which erasure anonymises; the planning keeps who made a course",
        },
      },
    },
  ],

  async download(db, subject) {
    const enrolments = await db
      .selectFrom("course_enrolments as e")
      .innerJoin("courses as c", "c.id", "e.course_id")
      .select(["c.title as course", "e.status", "e.queued_at", "e.ended_at", "e.completed_at"])
      .where("e.user_id", "=", subject.id)
      .orderBy("e.queued_at")
      .orderBy("e.id")
      .execute();

    const attendance = await db
      .selectFrom("course_attendance as a")
      .innerJoin("course_sessions as s", "s.id", "a.session_id")
      .innerJoin("courses as c", "c.id", "s.course_id")
      .select(["c.title as course", "s.starts_at", "s.ends_at", "a.present", "a.recorded_at"])
      .where("a.user_id", "=", subject.id)
      .orderBy("s.starts_at")
      .execute();

    const training = await db
      .selectFrom("course_trainers as t")
      .innerJoin("courses as c", "c.id", "t.course_id")
      .select(["c.title as course", "c.status"])
      .where("t.user_id", "=", subject.id)
      .orderBy("c.id")
      .execute();

    const plannedCourses = await db
      .selectFrom("courses")
      .select(["title as course", "status", "created_at"])
      .where("created_by", "=", subject.id)
      .orderBy("created_at")
      .execute();

    return { courseEnrolments: enrolments, courseAttendance: attendance, training, plannedCourses };
  },

  async erase(trx, subject, { jobs = null } = {}) {
    await trx.deleteFrom("course_trainers").where("user_id", "=", subject.id).execute();
    // Someone who left takes no place in a course: their enrolments end, and each place they held
    // goes to the first in line, who is told (when the erasure has a job queue to tell them with).
    const active = await trx
      .selectFrom("course_enrolments")
      .select(["id", "course_id as courseId", "status"])
      .where("user_id", "=", subject.id)
      .where("status", "in", ["enrolled", "waiting"])
      .orderBy("course_id")
      .execute();
    const now = new Date();
    for (const enrolment of active) {
      const t = trx as Transaction<DB>;
      // The course row first, as a cancellation does, so promotions take turns in line order.
      await t
        .selectFrom("courses")
        .select("id")
        .where("id", "=", enrolment.courseId)
        .forUpdate()
        .execute();
      await t
        .updateTable("course_enrolments")
        .set({ status: "cancelled", ended_at: now, updated_at: now })
        .where("id", "=", enrolment.id)
        .execute();
      if (enrolment.status === "enrolled") {
        await promoteFromWaitingList(t, jobs, enrolment.courseId, { now });
      }
    }
  },
};
