import { z } from "zod";
import { id, multiLineText, singleLineText } from "~/utils/schemas.ts";

// Form schemas of the digipunten pages, shared by the browser and the server.

const required = "auth:fields.required";

export const DigipuntSchema = z
  .object({
    digibankId: id(),
    municipalityId: id(),
    name: singleLineText({ max: 120 }),
    kind: z.enum(["fixed", "mobile"], { required_error: required }),
    address: singleLineText({ max: 300 }).optional(),
    accessibilityNotes: multiLineText({ max: 2000 }).optional(),
    contact: singleLineText({ max: 300 }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "fixed" && !value.address)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["address"],
        message: "planning:errors.addressFixed",
      });
  });

export const DigipuntListActionSchema = z.object({
  intent: z.enum(["archive", "restore"]),
  digipuntId: id(),
});
