import { z } from "zod";

// Form schemas of the digipunten pages, shared by the browser and the server.

const required = "auth:fields.required";
const id = z.coerce.number({ required_error: required }).int().positive(required);
const optionalText = z.string().trim().max(2000, "auth:fields.tooLong").optional();

export const DigipuntSchema = z
  .object({
    digibankId: id,
    municipalityId: id,
    name: z
      .string({ required_error: required })
      .trim()
      .min(1, required)
      .max(120, "auth:fields.tooLong"),
    kind: z.enum(["fixed", "mobile"], { required_error: required }),
    address: z.string().trim().max(300, "auth:fields.tooLong").optional(),
    accessibilityNotes: optionalText,
    contact: z.string().trim().max(300, "auth:fields.tooLong").optional(),
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
  digipuntId: id,
});
