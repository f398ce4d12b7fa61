import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";

// The shift reports' part of the personal data: the reports a person filed (or a coordinator
// recorded for them) and those they recorded for others. Erasure keeps the figures (people helped,
// topics, hours), which the digibank's reports to its funder count, and blanks the reflection: the
// one thing in a report in the person's own words.

export const shiftReportsPersonalData: PersonalDataPart = {
  name: "shift reports",
  tables: [
    {
      table: "shift_reports",
      userColumns: {
        user_id: {
          kept: "points to the person's row, which erasure anonymises; the digibank's hours and people helped count these reports",
        },
        recorded_by: {
          kept: "points to the coordinator's row, which erasure anonymises; the report keeps who recorded it",
        },
        reflection: "erased",
        volunteer_name: {
          notPersonal:
            "names a volunteer without an account, whom no download or erasure of an account concerns",
        },
      },
    },
  ],

  async download(db, subject) {
    const shiftReports = await db
      .selectFrom("shift_reports as r")
      .innerJoin("shifts as s", "s.id", "r.shift_id")
      .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
      .innerJoin("digibanks as d", "d.id", "p.digibank_id")
      .select([
        "d.name as digibank",
        "p.name as digipunt",
        "s.starts_at",
        "r.people_helped",
        "r.topics",
        "r.other_topic",
        "r.minutes_worked",
        "r.referrals",
        "r.reflection",
        "r.created_at",
        "r.updated_at",
      ])
      .where("r.user_id", "=", subject.id)
      .orderBy("s.starts_at")
      .orderBy("r.id")
      .execute();
    // Reports this person recorded as a coordinator: for whom is someone else's data.
    const shiftReportsRecorded = await db
      .selectFrom("shift_reports as r")
      .innerJoin("shifts as s", "s.id", "r.shift_id")
      .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
      .select(["p.name as digipunt", "s.starts_at", "r.created_at"])
      .where("r.recorded_by", "=", subject.id)
      .orderBy("r.created_at")
      .execute();
    return { shiftReports, shiftReportsRecorded };
  },

  async erase(trx, subject) {
    await trx
      .updateTable("shift_reports")
      .set({ reflection: "" })
      .where("user_id", "=", subject.id)
      .execute();
  },
};
