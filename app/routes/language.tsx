import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { supportedLanguages } from "~/utils/i18n.ts";
import { requireCsrfToken } from "~/utils/csrf.server.ts";
import { readFormData } from "~/utils/forms.server.ts";
import { singleLineText } from "~/utils/schemas.ts";
import { languageCookie } from "~/utils/i18n.server.ts";
import { safeRedirectPath } from "~/utils/redirect.ts";

const LanguageChoice = z.object({
  lng: z.enum(supportedLanguages),
  redirectTo: singleLineText({ max: 2000 }).optional(),
  csrf: z.string(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  await requireCsrfToken(request, formData, context.secret);
  const choice = LanguageChoice.safeParse(Object.fromEntries(formData));
  if (!choice.success) throw new Response("Unknown language", { status: 400 });
  return redirect(safeRedirectPath(choice.data.redirectTo), {
    headers: { "Set-Cookie": await languageCookie.serialize(choice.data.lng) },
  });
}

// A GET has nothing to change; send the reader home rather than to an error page.
export function loader() {
  return redirect("/");
}

// A page route (not a resource route), so a refused choice shows the site's error page.
export default function Language() {
  return null;
}
