import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/modules/auth/password-rules.ts";
import { email } from "~/modules/auth/schemas.ts";
import { supportedLanguages } from "~/utils/i18n.ts";
import { secretText, singleLineText } from "~/utils/schemas.ts";

// The "My account" forms, shared by the browser and the server. Messages are catalog keys.

const required = "auth:fields.required";

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  name: singleLineText({ max: 100 }),
  // Loose on purpose: Belgian, French and other numbers are written in many ways.
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +/-]{6,20}$/, "account:fields.phoneInvalid")
    .optional(),
  language: z.enum(supportedLanguages, { required_error: required }),
  notifyReminders: z.boolean().default(false),
  notifyReportRequests: z.boolean().default(false),
  notifyEventInvitations: z.boolean().default(false),
  notifyNewsletters: z.boolean().default(false),
});

const PasswordFields = z.object({
  intent: z.literal("password"),
  currentPassword: secretText({ max: PASSWORD_MAX_LENGTH }),
  newPassword: secretText({
    max: PASSWORD_MAX_LENGTH,
    min: PASSWORD_MIN_LENGTH,
    minMessage: "account:fields.passwordTooShort",
  }),
  confirmPassword: secretText({ max: PASSWORD_MAX_LENGTH }),
});

export const EmailChangeSchema = z.object({
  intent: z.literal("email"),
  newEmail: email,
  currentPassword: secretText({ max: PASSWORD_MAX_LENGTH }),
});

/** Makes the personal calendar address (keeps the one there is). */
export const CalendarFeedSchema = z.object({ intent: z.literal("calendar") });

/** Replaces the calendar address: the old one stops working, so the person confirms first. */
export const CalendarFeedRegenerateSchema = z.object({
  intent: z.literal("calendar_regenerate"),
  confirm: z
    .boolean({ required_error: "account:fields.confirmRegenerate" })
    .refine((value) => value, "account:fields.confirmRegenerate"),
});

function newPasswordsMatch(
  value: { intent: string; newPassword?: string; confirmPassword?: string },
  ctx: z.RefinementCtx,
) {
  if (value.intent === "password" && value.newPassword !== value.confirmPassword)
    ctx.addIssue({
      code: "custom",
      path: ["confirmPassword"],
      message: "account:fields.passwordsDiffer",
    });
}

export const PasswordSchema = PasswordFields.superRefine(newPasswordsMatch);

/** The /account action takes any of its forms, told apart by its `intent`. */
export const AccountFormSchema = z
  .discriminatedUnion("intent", [
    ProfileSchema,
    PasswordFields,
    EmailChangeSchema,
    CalendarFeedSchema,
    CalendarFeedRegenerateSchema,
  ])
  .superRefine(newPasswordsMatch);

export const DeleteAccountSchema = z.object({
  confirmation: secretText({ max: PASSWORD_MAX_LENGTH }),
});

export const SkillsSchema = z.object({
  // A form without any box ticked sends no field at all: that is an empty list.
  skill: z
    .array(
      z
        .string()
        .max(40)
        .regex(/^[a-z_]+$/),
    )
    .max(100)
    .default([]),
});
