import { z } from "zod";
import { calendarDate } from "~/utils/schemas.ts";

// The send page's form (server only: the page has no client-side validation to share it with).

const required = "auth:fields.required";

export const SendActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("send") }),
  z.object({
    intent: z.literal("schedule"),
    date: calendarDate(),
    time: z
      .string({ required_error: required })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "planning:errors.time"),
  }),
  z.object({ intent: z.literal("clearSchedule") }),
]);
