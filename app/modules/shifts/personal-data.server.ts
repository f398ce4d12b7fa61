import { sql } from "kysely";
import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";

// The shifts capability's part of the personal data: the shifts a person took (with their date,
// times and digipunt), their places on reserve lists, release requests, attendance, the series
// they planned and their calendar feed.

export const shiftsPersonalData: PersonalDataPart = {
  name: "shifts",
  tables: [
    {
      table: "shift_claims",
      userColumns: {
        user_id: {
          kept: "points to the person's row, which erasure anonymises; fill rates and hours per digipunt count these claims",
        },
      },
    },
    {
      table: "shift_series",
      userColumns: {
        created_by: {
          kept: "points to the coordinator's row, which erasure anonymises; the planning keeps who made a series",
        },
      },
    },
    // The token is the secret address: erasure deletes the row, so the address opens nothing.
    { table: "calendar_feeds", userColumns: { user_id: "erased", token: "erased" } },
  ],

  async download(db, subject) {
    const claims = db
      .selectFrom("shift_claims as c")
      .innerJoin("shifts as s", "s.id", "c.shift_id")
      .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
      .innerJoin("digibanks as d", "d.id", "p.digibank_id")
      .where("c.user_id", "=", subject.id);

    const shiftClaims = await claims
      .select([
        "d.name as digibank",
        "p.name as digipunt",
        sql<string | null>`coalesce(s.address, p.address)`.as("address"),
        "s.starts_at",
        "s.ends_at",
        "s.status as shift_status",
        "c.status",
        "c.claimed_at",
        "c.release_requested_at",
        "c.attendance",
      ])
      .orderBy("s.starts_at")
      .orderBy("c.id")
      .execute();

    // The place in line, counted as promoteFromReserveList serves it.
    const reserveList = await claims
      .select((eb) => [
        "d.name as digibank",
        "p.name as digipunt",
        "s.starts_at",
        "s.ends_at",
        "c.claimed_at",
        eb
          .selectFrom("shift_claims as o")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("o.shift_id", "=", "c.shift_id")
          .where("o.status", "=", "reserve")
          .where(sql<boolean>`(o.claimed_at, o.id) <= (c.claimed_at, c.id)`)
          .as("place"),
      ])
      .where("c.status", "=", "reserve")
      .orderBy("s.starts_at")
      .execute();

    const releaseRequests = await claims
      .select([
        "d.name as digibank",
        "p.name as digipunt",
        "s.starts_at",
        "s.ends_at",
        "c.release_requested_at",
        "c.status",
      ])
      .where("c.release_requested_at", "is not", null)
      .orderBy("c.release_requested_at")
      .execute();

    const plannedSeries = await db
      .selectFrom("shift_series as r")
      .innerJoin("digipunten as p", "p.id", "r.digipunt_id")
      .select([
        "p.name as digipunt",
        "r.first_date",
        "r.last_date",
        "r.start_time",
        "r.end_time",
        "r.created_at",
      ])
      .where("r.created_by", "=", subject.id)
      .orderBy("r.created_at")
      .execute();

    // The address itself is a secret that opens the calendar: only that one exists, and since when.
    const feed = await db
      .selectFrom("calendar_feeds")
      .select("created_at")
      .where("user_id", "=", subject.id)
      .executeTakeFirst();

    return {
      shiftClaims,
      reserveList,
      releaseRequests,
      plannedSeries,
      calendarFeed: feed ? { exists: true, created_at: feed.created_at } : null,
    };
  },

  async erase(trx, subject) {
    // The calendar address would still show their shifts to whoever has it. Claims stay, with the
    // anonymised person: the figures count them.
    await trx.deleteFrom("calendar_feeds").where("user_id", "=", subject.id).execute();
  },
};
