import { sql } from "kysely";
import type { PersonalDataPart } from "./personal-data.server.ts";

// The people capability's part of the personal data: the profile, roles, skills and requests to
// join a digibank.

/** What a deleted account keeps as its name; its address is `deleted-<id>@deleted.invalid`. */
export const DELETED_NAME = "Verwijderde gebruiker";
export const deletedAddress = (userId: number) => `deleted-${userId}@deleted.invalid`;

const ANONYMISED_ROW =
  "points to the person's row, which erasure anonymises; the counts per digibank need it";

export const peoplePersonalData: PersonalDataPart = {
  name: "people",
  tables: [
    {
      table: "users",
      userColumns: { email: "erased", name: "erased", phone: "erased", password_hash: "erased" },
    },
    { table: "role_assignments", userColumns: { user_id: { kept: ANONYMISED_ROW } } },
    { table: "volunteer_skills", userColumns: { user_id: "erased" } },
    {
      table: "join_requests",
      userColumns: {
        email: "erased",
        name: "erased",
        message: "erased",
        decided_by: {
          kept: "points to the coordinator's row, which erasure anonymises; the digibank keeps who decided",
        },
      },
    },
  ],

  async download(db, subject) {
    const profile = await db
      .selectFrom("users")
      .select([
        "email",
        "name",
        "phone",
        "language",
        "status",
        "volunteering_since",
        "created_at",
        "privacy_accepted_at",
        "last_active_at",
        "inactivity_warned_at",
        "notify_reminders",
        "notify_event_invitations",
        "notify_newsletters",
        "notify_report_requests",
      ])
      .where("id", "=", subject.id)
      .executeTakeFirstOrThrow();

    const roles = await db
      .selectFrom("role_assignments as ra")
      .leftJoin("digibanks as d", "d.id", "ra.digibank_id")
      .leftJoin("regions as r", (join) =>
        join.on((eb) => eb("r.id", "=", eb.fn.coalesce("ra.region_id", "d.region_id"))),
      )
      .select(["ra.role", "d.name as digibank", "r.name as region", "ra.created_at"])
      .where("ra.user_id", "=", subject.id)
      .orderBy("ra.created_at")
      .execute();

    const skills = await db
      .selectFrom("volunteer_skills as vs")
      .innerJoin("skills as s", "s.id", "vs.skill_id")
      .select("s.code as skill")
      .where("vs.user_id", "=", subject.id)
      .orderBy("s.id")
      .execute();

    const joinRequests = await db
      .selectFrom("join_requests as j")
      .innerJoin("digibanks as d", "d.id", "j.digibank_id")
      .select([
        "d.name as digibank",
        "j.name",
        "j.email",
        "j.language",
        "j.message",
        "j.status",
        "j.created_at",
        "j.decided_at",
      ])
      .where(sql`lower(j.email)`, "=", subject.email.toLowerCase())
      .orderBy("j.created_at")
      .execute();

    // Requests this person decided as a coordinator: when and how, not who asked (that is
    // someone else's data).
    const joinRequestsDecided = await db
      .selectFrom("join_requests as j")
      .innerJoin("digibanks as d", "d.id", "j.digibank_id")
      .select(["d.name as digibank", "j.status", "j.decided_at"])
      .where("j.decided_by", "=", subject.id)
      .orderBy("j.decided_at")
      .execute();

    return { profile, roles, skills, joinRequests, joinRequestsDecided };
  },

  async erase(trx, subject) {
    await trx
      .updateTable("users")
      .set({
        name: DELETED_NAME,
        email: subject.placeholderEmail,
        phone: null,
        password_hash: null,
        privacy_accepted_at: null,
        status: "deleted",
        deleted_at: sql<Date>`now()`,
        notify_reminders: false,
        notify_event_invitations: false,
        notify_newsletters: false,
        notify_report_requests: false,
      })
      .where("id", "=", subject.id)
      .execute();
    await trx.deleteFrom("volunteer_skills").where("user_id", "=", subject.id).execute();
    await trx
      .deleteFrom("join_requests")
      .where(sql`lower(email)`, "=", subject.email.toLowerCase())
      .execute();
  },
};
