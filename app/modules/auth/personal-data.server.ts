import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";
import { escapeLike } from "~/utils/db.server.ts";

// The auth capability's part of the personal data: sessions, emailed links and the rate-limit
// windows kept per address. Never a session id, token or hash: they would sign someone in.

export const authPersonalData: PersonalDataPart = {
  name: "auth",
  tables: [
    { table: "sessions", userColumns: { user_id: "erased" } },
    { table: "auth_tokens", userColumns: { user_id: "erased", new_email: "erased" } },
    // Keys such as `sign_in:account:<address>`; windows last 15 minutes and are not downloaded.
    { table: "rate_limits", userColumns: { key: "erased" } },
  ],

  async download(db, subject) {
    const sessions = await db
      .selectFrom("sessions")
      .select(["created_at", "expires_at"])
      .where("user_id", "=", subject.id)
      .orderBy("created_at")
      .execute();
    const emailedLinks = await db
      .selectFrom("auth_tokens")
      .select(["purpose", "new_email", "created_at", "expires_at", "used_at"])
      .where("user_id", "=", subject.id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return { sessions, emailedLinks };
  },

  async erase(trx, subject) {
    await trx.deleteFrom("sessions").where("user_id", "=", subject.id).execute();
    await trx.deleteFrom("auth_tokens").where("user_id", "=", subject.id).execute();
    await trx
      .deleteFrom("rate_limits")
      .where("key", "like", `%:account:${escapeLike(subject.email.toLowerCase())}`)
      .execute();
  },
};
