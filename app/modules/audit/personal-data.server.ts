import { sql } from "kysely";
import type { PersonalDataPart } from "~/modules/people/personal-data.server.ts";
import { escapeLike } from "~/utils/db.server.ts";

// The audit log's part of the personal data: events done by the person or about them.

const KEPT =
  "points to the person's row, which erasure anonymises; the log keeps what happened to an account";

export const auditPersonalData: PersonalDataPart = {
  name: "audit",
  tables: [
    {
      table: "audit_events",
      userColumns: {
        actor_id: { kept: KEPT },
        subject_id: { kept: KEPT },
        ip: "erased",
        details: "erased",
      },
    },
  ],

  async download(db, subject) {
    const events = await db
      .selectFrom("audit_events")
      .select(["occurred_at", "action", "actor_id", "subject_id", "ip", "details"])
      .where((eb) => eb.or([eb("subject_id", "=", subject.id), eb("actor_id", "=", subject.id)]))
      .orderBy("occurred_at")
      .orderBy("id")
      .execute();
    // A client address is shown only where the person acted themselves: a failed sign-in on
    // their address may come from someone else.
    return {
      auditEvents: events.map((event) => ({
        occurredAt: event.occurred_at,
        action: event.action,
        byYou: event.actor_id === subject.id,
        aboutYou: event.subject_id === subject.id,
        ip: event.actor_id === subject.id ? event.ip : null,
        details: event.details,
      })),
    };
  },

  async erase(trx, subject) {
    const aboutThem = trx
      .updateTable("audit_events")
      .where((eb) => eb.or([eb("subject_id", "=", subject.id), eb("actor_id", "=", subject.id)]));
    await aboutThem.set({ ip: null }).execute();
    // Details hold ids and outcomes, but an email change records addresses: blank any that
    // still names the person, wherever it is.
    const identifiers = [subject.email, subject.name, subject.phone].filter(
      (v): v is string => !!v,
    );
    for (const value of identifiers) {
      await trx
        .updateTable("audit_events")
        .set({ details: sql<Record<string, unknown>>`'{}'::jsonb` })
        .where(sql`details::text`, "ilike", `%${escapeLike(value)}%`)
        .execute();
    }
  },
};
