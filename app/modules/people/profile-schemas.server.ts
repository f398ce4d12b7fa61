import { z } from "zod";
import { calendarDate, id, multiLineText } from "~/utils/schemas.ts";
import {
  AVAILABILITY_SLOTS,
  BOARD_SHOWS,
  INTRODUCTION_MAX,
  PROFILE_LANGUAGES,
} from "./profile-codes.ts";

// The profile form (/account/profile). Server-only: the page sends plain form fields and shows the
// errors the action returns (decision 021). Messages are catalog keys.

/** A list of tick-box values: absent is none, one value comes as a string. */
function choices<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(values, { errorMap: () => ({ message }) })).max(values.length, message),
  );
}

export const ProfileFormSchema = z.object({
  since: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    calendarDate("profile:errors.since").optional(),
  ),
  municipality: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(id("profile:errors.municipality")).max(200, "profile:errors.municipality"),
  ),
  language: choices(PROFILE_LANGUAGES, "profile:errors.language"),
  availability: choices(
    AVAILABILITY_SLOTS as unknown as [string, ...string[]],
    "profile:errors.availability",
  ),
  shows: choices(BOARD_SHOWS, "profile:errors.shows"),
  introduction: z.preprocess((value) => value ?? "", multiLineText({ max: INTRODUCTION_MAX })),
});

export type ProfileFormValues = z.infer<typeof ProfileFormSchema>;
