import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/csrf-field.tsx";
import type { ShiftIntent } from "~/modules/shifts/schemas.ts";

// One button that acts on one shift: a small POST form with the CSRF token, so it works without
// JavaScript and with the keyboard alone. `label` names the shift for screen readers when several
// such buttons share a page (the list).

export function ShiftActionButton({
  intent,
  shiftId,
  text,
  label,
  action,
  tone = "primary",
}: {
  intent: ShiftIntent;
  shiftId: number;
  text: string;
  label?: string;
  action?: string;
  tone?: "primary" | "secondary";
}) {
  return (
    <Form method="post" action={action} className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="shiftId" value={shiftId} />
      <button
        type="submit"
        className={tone === "primary" ? "button" : "button button--secondary"}
        aria-label={label}
      >
        {text}
      </button>
    </Form>
  );
}
