import { z } from "zod";

// The region settings form, shared by the browser and the server. Messages are catalog keys.

export const MAX_RELEASE_CUTOFF_HOURS = 168;

export const RegionSettingsSchema = z.object({
  regionId: z.coerce.number().int().positive(),
  releaseCutoffHours: z.coerce
    .number({ required_error: "auth:fields.required", invalid_type_error: "regions:errors.cutoff" })
    .int("regions:errors.cutoff")
    .min(0, "regions:errors.cutoff")
    .max(MAX_RELEASE_CUTOFF_HOURS, "regions:errors.cutoff"),
});
