import { z } from "zod";
import { id, multiLineText, readId, secretText, singleLineText } from "~/utils/schemas.ts";
import { NEW_PASSWORD_MIN_LENGTH as PASSWORD_MIN, email } from "../auth/schemas.ts";

// Form schemas of the people pages, shared by the browser and the server. Messages are catalog keys.
const required = "auth:fields.required";

const name = singleLineText({ max: 120 });
/** "digibank:<id>" or "region:<id>": where a role applies. */
const scope = () =>
  z
    .string({ required_error: required })
    .refine((value) => parseScope(value) !== null, "people:invite.errors.scope");
const language = z.enum(["nl", "fr", "en"], { required_error: required });

export const InviteSchema = z.object({
  email,
  name,
  language,
  role: z.enum(["volunteer", "coordinator", "regional_staff"], {
    required_error: required,
    invalid_type_error: "people:invite.errors.role",
  }),
  /** "digibank:<id>" or "region:<id>": where the role applies. */
  scope: scope(),
});

export const AcceptInvitationSchema = z
  .object({
    name,
    language,
    password: secretText({
      max: 200,
      min: PASSWORD_MIN,
      minMessage: "people:accept.errors.passwordShort",
    }),
    confirm: secretText({ max: 200 }),
    privacy: z.literal("on", {
      errorMap: () => ({ message: "people:accept.errors.privacy" }),
    }),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "people:accept.errors.mismatch",
  });

export const JoinSchema = z.object({
  digibankId: id(),
  name,
  email,
  language,
  message: multiLineText({ max: 2000 }).optional(),
  /** The honeypot: people never see it, so anything in it came from a robot. */
  website: z.string().max(2000).optional(),
});

export const PersonActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate"), personId: id() }),
  z.object({ intent: z.literal("reactivate"), personId: id() }),
  z.object({
    intent: z.literal("grant"),
    personId: id(),
    role: z.enum(["admin", "regional_staff", "coordinator", "volunteer"]),
    scope: scope().optional(),
  }),
  z.object({ intent: z.literal("revoke"), personId: id(), assignmentId: id() }),
]);

export const DecideRequestSchema = z.object({
  intent: z.enum(["approve", "decline"]),
  requestId: id(),
});

export type Scope = { kind: "digibank" | "region"; id: number };

export function parseScope(value: string | undefined): Scope | null {
  const match = value?.match(/^(digibank|region):(\d+)$/);
  const scopeId = readId(match?.[2]);
  return match && scopeId ? { kind: match[1] as Scope["kind"], id: scopeId } : null;
}
