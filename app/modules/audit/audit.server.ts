import type { Database } from "~/utils/db.server.ts";

// Who did what to whom, when (UTC). Details hold ids, roles and outcomes, never a password or token.
export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "sign_out_everywhere"
  | "password_reset"
  | "password_changed"
  | "role_granted"
  | "role_revoked"
  | "account_disabled"
  | "account_enabled"
  | "account_invited"
  | "invitation_accepted"
  | "data_exported"
  | "account_deleted"
  | "email_changed"
  | "calendar_feed_regenerated"
  | "region_settings_changed"
  | "shift_claim_removed"
  | "shift_release_granted"
  | "shifts_exported"
  | "course_exported"
  | "event_invitations_unsubscribed"
  | "event_answers_exported"
  | "board_post_hidden"
  | "board_post_shown"
  | "report_exported";

export async function recordAuditEvent(
  db: Database,
  event: {
    action: AuditAction;
    actorId?: number | null;
    subjectId?: number | null;
    ip?: string | null;
    details?: Record<string, unknown>;
  },
) {
  await db
    .insertInto("audit_events")
    .values({
      action: event.action,
      actor_id: event.actorId ?? null,
      subject_id: event.subjectId ?? null,
      ip: event.ip ?? null,
      details: JSON.stringify(event.details ?? {}) as unknown as Record<string, unknown>,
    })
    .execute();
}
