import type { AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { requireCsrfToken } from "./csrf.server.ts";

/**
 * The one way an action reads a form: the CSRF token is checked first, then the fields are parsed
 * with the route's zod schema (through conform, so the page can show each field's error).
 */
export async function readForm<Schema extends z.ZodTypeAny>(
  request: Request,
  context: AppLoadContext,
  schema: Schema,
) {
  const formData = await request.formData();
  await requireCsrfToken(request, formData, context.secret);
  return parseWithZod(formData, { schema });
}
