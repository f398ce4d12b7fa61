import { z } from "zod";
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
  password: z.string({ required_error: "auth:fields.required" }).max(200, "auth:fields.tooLong"),
  redirectTo: z.string().optional(),
});

export const EmailOnlySchema = z.object({ email });

export const NEW_PASSWORD_MIN_LENGTH = PASSWORD_MIN_LENGTH;

export const NewPasswordSchema = z
  .object({
    password: z
      .string({ required_error: "auth:fields.required" })
      .min(NEW_PASSWORD_MIN_LENGTH, "auth:reset.tooShort")
      .max(200, "auth:fields.tooLong"),
    confirm: z.string({ required_error: "auth:fields.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "auth:reset.mismatch" });
