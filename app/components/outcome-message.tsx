import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Outcome } from "~/utils/outcome.ts";

/**
 * The outcome of the reader's last action, shown where they acted. A page passes the outcome its
 * loader read; `at` names the element this message stands in (none: the page as a whole), so one
 * page can hold several places and the message appears only in the one it belongs to. It is a live
 * region (an alert for a refusal), and takes the focus when it appears, so a screen reader reads
 * it and the screen scrolls to it.
 */
export function OutcomeMessage({ outcome, at }: { outcome: Outcome | null; at?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = outcome && outcome.at === at ? outcome : null;
  const id = shown?.id;
  useEffect(() => {
    if (id) ref.current?.focus({ preventScroll: false });
  }, [id]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={`notice notice--${shown.tone} outcome`}
      role={shown.tone === "error" ? "alert" : "status"}
    >
      {String(t(shown.message as never, shown.values as never))}
    </div>
  );
}
