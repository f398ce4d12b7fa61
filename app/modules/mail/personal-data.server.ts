import { sql } from "kysely";
import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";

// The mail capability's part of the personal data: every email sent to the person, found by
// account or by address (a join request is answered before there is an account). The local
// mailbox (the embedded demo's copy of what was sent) is not in the download, whose `emails`
// already lists those messages; erasure deletes the copies addressed to the person.

export const mailPersonalData: PersonalDataPart = {
  name: "mail",
  tables: [
    {
      table: "email_messages",
      userColumns: {
        recipient_id: {
          kept: "points to the person's row, which erasure anonymises; the outbox keeps what was sent",
        },
        to_address: "erased",
        payload: "erased",
        idempotency_key: "erased",
        last_error: "erased",
      },
    },
    {
      table: "mailbox_messages",
      userColumns: { to_address: "erased", subject: "erased", text: "erased", raw: "erased" },
    },
  ],

  async download(db, subject) {
    const emails = await db
      .selectFrom("email_messages")
      .select(["template", "language", "status", "created_at", "sent_at"])
      .where((eb) =>
        eb.or([
          eb("recipient_id", "=", subject.id),
          eb(sql`lower(to_address)`, "=", subject.email.toLowerCase()),
        ]),
      )
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return { emails };
  },

  async erase(trx, subject) {
    await trx
      .updateTable("email_messages")
      .set({
        to_address: subject.placeholderEmail,
        // A key may be built from the address; the message is sent, so a fresh unique one will do.
        idempotency_key: sql<string>`'deleted:' || id::text`,
        payload: sql<Record<string, unknown>>`'{}'::jsonb`,
        payload_erased_at: sql<Date>`coalesce(payload_erased_at, now())`,
        last_error: null,
      })
      .where((eb) =>
        eb.or([
          eb("recipient_id", "=", subject.id),
          eb(sql`lower(to_address)`, "=", subject.email.toLowerCase()),
        ]),
      )
      .execute();
    await trx
      .deleteFrom("mailbox_messages")
      .where(sql`lower(to_address)`, "=", subject.email.toLowerCase())
      .execute();
  },
};
