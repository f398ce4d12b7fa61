import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/forms.tsx";

// One button that acts on one course (enrol, cancel): a small POST form with the CSRF token, so it
// works without JavaScript and with the keyboard alone.

export function CourseActionButton({
  intent,
  text,
  tone = "primary",
}: {
  intent: "enrol" | "cancel";
  text: string;
  tone?: "primary" | "secondary";
}) {
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={tone === "primary" ? "button" : "button button--secondary"}>
        {text}
      </button>
    </Form>
  );
}
