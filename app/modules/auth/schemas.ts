import { z } from "zod";
import { sameSitePath } from "~/utils/redirect.ts";
import { secretText } from "~/utils/schemas.ts";
import { PASSWORD_MIN_LENGTH } from "./password-rules.ts";

// Form schemas, shared by the browser (instant feedback) and the server (the check that counts).
// Messages are catalog keys, translated where they are shown.

export const email = z
  .string({ required_error: "auth:fields.required" })
  .trim()
  .max(254, "auth:fields.tooLong")
  .email("auth:fields.emailInvalid");

/**
 * Where to go after signing in, normalised. The page only ever offers a safe path, so anything else
 * was made up: the form is refused before anything is written (no session, no audit entry).
 */
export const redirectTo = z
  .string()
  .max(2000, "auth:fields.tooLong")
  .optional()
  .transform((value, ctx) => {
    if (!value) return "/";
    const path = sameSitePath(value);
    if (path === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "auth:fields.notThisSite" });
      return z.NEVER;
    }
    return path;
  });

export const SignInSchema = z.object({
  email,
  password: secretText({ max: 200 }),
  redirectTo,
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
