import { z } from "zod";

// Who an event invites, as rules kept on the event (events.audience) and read again at each send,
// so people who joined since are found by the next run. The rules are open-ended on purpose: a new
// kind of rule (say, people who attended a past event) is one more field here and one more clause
// in audience.server.ts.

export const AUDIENCE_ROLES = ["volunteer", "coordinator", "trainer"] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

const ids = z.array(z.number().int().min(1).max(2_147_483_647)).max(500).default([]);

export const AudienceRulesSchema = z.object({
  /** Only these digibanken of the region (none: all of them; a digibank's event: only its own). */
  digibankIds: ids,
  /** Only digibanken with a digipunt in these municipalities (adds to digibankIds). */
  municipalityIds: ids,
  /** Which of their people: volunteers, coordinators, and trainers of the region's courses. */
  roles: z.array(z.enum(AUDIENCE_ROLES)).max(3).default(["volunteer", "coordinator"]),
  /** When set (with courseIds): only people holding one of these skills ... */
  skillIds: ids,
  /** ... or who completed one of these courses. */
  courseIds: ids,
});

export type AudienceRules = z.infer<typeof AudienceRulesSchema>;

/** The rules an event keeps; anything unreadable counts as the default audience. */
export function readAudienceRules(value: unknown): AudienceRules {
  const parsed = AudienceRulesSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : AudienceRulesSchema.parse({});
}
