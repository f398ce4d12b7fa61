import { z } from "zod";
import { boundedInt, id } from "~/utils/schemas.ts";

// The region settings form, shared by the browser and the server. Messages are catalog keys.

export const MAX_RELEASE_CUTOFF_HOURS = 168;

export const RegionSettingsSchema = z.object({
  regionId: id(),
  releaseCutoffHours: boundedInt({
    min: 0,
    max: MAX_RELEASE_CUTOFF_HOURS,
    message: "regions:errors.cutoff",
  }),
});
