import { z } from "zod";
import { NEW_PASSWORD_MIN_LENGTH as PASSWORD_MIN, email } from "../auth/schemas.ts";

// Form schemas of the people pages, shared by the browser and the server. Messages are catalog keys.
const required = "auth:fields.required";

const name = z
  .string({ required_error: required })
  .trim()
  .min(1, required)
  .max(120, "auth:fields.tooLong");
const language = z.enum(["nl", "fr", "en"], { required_error: required });
const id = z.coerce.number({ required_error: required }).int().positive(required);

export const InviteSchema = z.object({
  email,
  name,
  language,
  role: z.enum(["volunteer", "coordinator", "regional_staff"], {
    required_error: required,
    invalid_type_error: "people:invite.errors.role",
  }),
  /** "digibank:<id>" or "region:<id>": where the role applies. */
  scope: z
    .string({ required_error: required })
    .regex(/^(digibank|region):\d+$/, "people:invite.errors.scope"),
});

export const AcceptInvitationSchema = z
  .object({
    name,
    language,
    password: z
      .string({ required_error: required })
      .min(PASSWORD_MIN, "people:accept.errors.passwordShort")
      .max(200, "auth:fields.tooLong"),
    confirm: z.string({ required_error: required }),
    privacy: z.literal("on", {
      errorMap: () => ({ message: "people:accept.errors.privacy" }),
    }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "people:accept.errors.mismatch",
  });

export const JoinSchema = z.object({
  digibankId: id,
  name,
  email,
  language,
  message: z.string().trim().max(2000, "auth:fields.tooLong").optional(),
  /** The honeypot: people never see it, so anything in it came from a robot. */
  website: z.string().optional(),
});

export const PersonActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate"), personId: id }),
  z.object({ intent: z.literal("reactivate"), personId: id }),
  z.object({
    intent: z.literal("grant"),
    personId: id,
    role: z.enum(["admin", "regional_staff", "coordinator", "volunteer"]),
    scope: z
      .string()
      .regex(/^(digibank|region):\d+$/, "people:invite.errors.scope")
      .optional(),
  }),
  z.object({ intent: z.literal("revoke"), personId: id, assignmentId: id }),
]);

export const DecideRequestSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  requestId: id,
});

export type Scope = { kind: "digibank" | "region"; id: number };

export function parseScope(value: string | undefined): Scope | null {
  const match = value?.match(/^(digibank|region):(\d+)$/);
  return match ? { kind: match[1] as Scope["kind"], id: Number(match[2]) } : null;
}
