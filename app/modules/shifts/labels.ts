import type { TFunction } from "i18next";

// How a shift's state reads on the calendar and the list: always a word and an icon, never colour
// alone, so it reads the same for everyone (and for screen readers).

export type ShiftState = "mine" | "reserve" | "full" | "open" | "cancelled" | "past";

export interface ShiftStateInput {
  cancelled: boolean;
  myStatus: "confirmed" | "reserve" | null;
  confirmedCount: number;
  capacity: number;
  /** When it starts: once started, free spots and "full" no longer mean anything to a reader. */
  startsAt?: Date | string;
}

export function shiftState(shift: ShiftStateInput, now = new Date()): ShiftState {
  if (shift.cancelled) return "cancelled";
  if (shift.myStatus === "confirmed") return "mine";
  if (shift.myStatus === "reserve") return "reserve";
  if (shift.startsAt !== undefined && new Date(shift.startsAt) <= now) return "past";
  return shift.confirmedCount >= shift.capacity ? "full" : "open";
}

// Plain symbols that common fonts carry (emoji would show as empty boxes on some systems): an
// empty circle has room, a full one has none, a half one waits in line.
export const STATE_ICONS: Record<ShiftState, string> = {
  mine: "✓",
  reserve: "◐",
  full: "●",
  open: "○",
  cancelled: "✕",
  past: "–",
};

/**
 * The state as its icon and its words ("✓", "Jij staat erop"). Pages show the icon hidden from
 * screen readers, which would read "check mark" or "white circle" before the words
 * (`IconText`).
 */
export function shiftStateParts(
  t: TFunction<"shifts">,
  shift: ShiftStateInput,
  now = new Date(),
): { icon: string; text: string } {
  const state = shiftState(shift, now);
  const text =
    state === "open"
      ? t("state.open", { count: shift.capacity - shift.confirmedCount })
      : t(`state.${state}`);
  return { icon: STATE_ICONS[state], text };
}

/** "✓ Jij staat erop", "○ Nog 2 plaatsen": one line of text, for the calendar's event titles. */
export function shiftStateLabel(
  t: TFunction<"shifts">,
  shift: ShiftStateInput,
  now = new Date(),
): string {
  const { icon, text } = shiftStateParts(t, shift, now);
  return `${icon} ${text}`;
}
