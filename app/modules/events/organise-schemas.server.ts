import { z } from "zod";
import { id, multiLineText, singleLineText } from "~/utils/schemas.ts";

// What the organiser's page and the door list send. Messages are catalog keys.

const required = "auth:fields.required";
/** A fresh key per form shown: the same form posted twice acts once (a UUID). */
const formKey = z
  .string({ required_error: required })
  .regex(/^[0-9a-f-]{36}$/, "eventPlanning:message.badKey");

/** The forms of /events/manage/<id>: send one invitation again, withdraw one, write to the yeses. */
export const EventOverviewActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("resend"), invitationId: id(), formKey }),
  z.object({ intent: z.literal("withdraw"), invitationId: id() }),
  z.object({
    intent: z.literal("message"),
    formKey,
    subject: singleLineText({ max: 150 }),
    // As a course message: the matrix's 5,000 characters are over-long for every field.
    body: multiLineText({ max: 4000 }).refine((text) => text.length > 0, required),
  }),
]);

/** One tap at the door: this person's state, as wanted (not a toggle), and the list's view. */
export const DoorArrivalSchema = z.object({
  invitationId: id(),
  arrived: z.enum(["true", "false"]),
  /** The list's search, kept on the way back; refused with control characters like any text. */
  q: singleLineText({ max: 100, min: 0 }).optional(),
  everyone: z.enum(["1"]).optional(),
});
