import { z } from "zod";

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
