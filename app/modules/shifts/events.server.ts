import type { Actor } from "~/modules/auth/access.server.ts";
import type { Database } from "~/utils/db.server.ts";
import type { Language } from "~/utils/i18n.ts";
import { getFixedT } from "~/utils/i18n.server.ts";
import { shiftStateLabel } from "./labels.ts";
import { listShiftsWithActions } from "./queries.server.ts";
import type { ShiftFilters } from "./filters.ts";

// The calendar's events: the shifts of a window in the reader's words. Each event is a link to its
// shift page; its title says the state, the digipunt, and a skill the reader still lacks.

export interface ShiftEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  url: string;
  /** The code of a required skill the reader lacks (see ShiftListRow.missingSkill). */
  missingSkill: string | null;
  /** That in words: "Vraagt de vaardigheid eID en kaartlezer, die je nog niet hebt". */
  skillNote: string | null;
}

export async function listShiftEvents(
  db: Database,
  actor: Actor,
  window: { from: Date; to: Date; filters?: ShiftFilters },
  language: Language,
  { now = new Date() }: { now?: Date } = {},
): Promise<ShiftEvent[]> {
  const t = getFixedT(language, "shifts");
  const tc = getFixedT(language);
  const shifts = await listShiftsWithActions(db, actor, window, { now });
  return shifts.map((shift) => {
    const skillNote = shift.missingSkill
      ? t("skillNote", {
          skill: tc(`skill.${shift.missingSkill}` as "skill.eid", shift.missingSkill),
        })
      : null;
    return {
      id: String(shift.id),
      title: [shiftStateLabel(t, shift, now), shift.digipuntName, skillNote]
        .filter(Boolean)
        .join(" · "),
      start: shift.startsAt.toISOString(),
      end: shift.endsAt.toISOString(),
      url: `/shifts/${shift.id}`,
      missingSkill: shift.missingSkill,
      skillNote,
    };
  });
}
