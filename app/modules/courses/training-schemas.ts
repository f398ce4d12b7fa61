import { z } from "zod";
import { id } from "~/utils/schemas.ts";

// What the attendance and course-only forms send. Shared by the browser and the server.

/** One tap on the roster: this person's state at this session, as wanted (not a toggle). */
export const AttendanceSchema = z.object({
  sessionId: id(),
  userId: id(),
  present: z.enum(["true", "false"]),
});

/** Marks one skill course-only, or lifts the mark. */
export const CourseOnlySchema = z.object({
  skill: z
    .string()
    .max(40)
    .regex(/^[a-z_]+$/),
  courseOnly: z.enum(["true", "false"]),
});
