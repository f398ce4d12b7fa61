import { z } from "zod";
import { secretText, singleLineText } from "~/utils/schemas.ts";
import { PASSWORD_MIN_LENGTH } from "./password-rules.ts";

// Form schemas, shared by the browser (instant feedback) and the server (the check that counts).
// Messages are catalog keys, translated where they are shown.

export const email = z
  .string({ required_error: "auth:fields.required" })
  .trim()
  .max(254, "auth:fields.tooLong")
  .email("auth:fields.emailInvalid");

export const SignInSchema = z.object({
  email,
  password: secretText({ max: 200 }),
  redirectTo: singleLineText({ max: 2000 }).optional(),
});

export const EmailOnlySchema = z.object({ email });

export const NEW_PASSWORD_MIN_LENGTH = PASSWORD_MIN_LENGTH;

export const NewPasswordSchema = z
  .object({
    password: secretText({
      max: 200,
      min: NEW_PASSWORD_MIN_LENGTH,
      minMessage: "auth:reset.tooShort",
    }),
    confirm: secretText({ max: 200 }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "auth:reset.mismatch" });
