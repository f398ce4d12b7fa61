import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../../db/schema.ts";
import type { CalendarEntry } from "~/modules/calendar/ical.server.ts";
import type { ShiftSnapshot } from "~/modules/mail/messages.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";

// The one way to describe a shift as a calendar event, for the personal feed and for the .ics
// attached to shift emails: same UID, same SEQUENCE, same words, so a calendar that got the
// event by mail and by feed sees one event.

type Db = Kysely<DB> | Transaction<DB>;

/** The stable UID of a shift's event. */
export const shiftUid = (shiftId: number) => `shift-${shiftId}@digihelpers`;

/** The columns a ShiftSnapshot is made of, from shifts joined with its digipunt and digibank. */
export function selectShiftSnapshot(db: Db) {
  return db
    .selectFrom("shifts as s")
    .innerJoin("digipunten as p", "p.id", "s.digipunt_id")
    .innerJoin("digibanks as b", "b.id", "p.digibank_id")
    .select([
      "s.id as shiftId",
      "s.starts_at",
      "s.ends_at",
      "s.sequence",
      "s.status",
      "s.notes",
      "s.cancel_reason",
      "s.capacity",
      "s.confirmed_count",
      "p.name as digipuntName",
      "p.digibank_id",
      "b.name as digibankName",
      "b.region_id",
      // A mobile digipunt stands somewhere else each time: the shift's address comes first.
      (eb) => eb.fn.coalesce("s.address", "p.address").as("location"),
    ]);
}

type ShiftRow = Awaited<
  ReturnType<ReturnType<typeof selectShiftSnapshot>["executeTakeFirstOrThrow"]>
>;

export function toShiftSnapshot(row: ShiftRow): ShiftSnapshot {
  return {
    shiftId: row.shiftId,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    sequence: row.sequence,
    cancelled: row.status === "cancelled",
    digipuntName: row.digipuntName,
    digibankName: row.digibankName,
    location: row.location,
    notes: row.notes,
  };
}

export function shiftCalendarEntry(
  shift: ShiftSnapshot,
  language: Language,
  url?: string | null,
): CalendarEntry {
  const t = getFixedT(language, "mail");
  const lines = [t("calendar.shiftDescription", { digibankName: shift.digibankName })];
  if (shift.notes) lines.push(shift.notes);
  if (url) lines.push(url);
  return {
    uid: shiftUid(shift.shiftId),
    start: new Date(shift.startsAt),
    end: new Date(shift.endsAt),
    sequence: shift.sequence,
    cancelled: shift.cancelled,
    summary: t("calendar.shiftSummary", { digipuntName: shift.digipuntName }),
    description: lines.join("\n\n"),
    location: shift.location ?? shift.digipuntName,
    url: url ?? null,
  };
}
