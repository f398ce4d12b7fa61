import { z } from "zod";
import { id, multiLineText } from "~/utils/schemas.ts";
import { HIDE_REASON_MAX, POST_MAX } from "./board.server.ts";

// The board's forms, told apart by their intent. Server-only (decision 021). Messages are catalog
// keys.

const required = "auth:fields.required";

const nonEmpty = (max: number) =>
  multiLineText({ max }).refine((text) => text.length > 0, required);

export const BoardFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("share"),
    region: id(),
    body: nonEmpty(POST_MAX),
    from: id().optional(),
  }),
  z.object({ intent: z.literal("thank"), post: id() }),
  z.object({ intent: z.literal("unthank"), post: id() }),
  z.object({ intent: z.literal("hide"), post: id(), reason: nonEmpty(HIDE_REASON_MAX) }),
  z.object({ intent: z.literal("show"), post: id() }),
]);
