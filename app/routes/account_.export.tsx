import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { downloadPersonalData } from "~/modules/people/personal-data.server.ts";
import { readForm } from "~/utils/forms.server.ts";

// A POST although it only reads: every export is written to the audit log.
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  await readForm(request, context, z.object({}));
  const personalData = await downloadPersonalData(context.db, actor.id, { ip: context.clientIp });
  return new Response(JSON.stringify(personalData, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="digihelpers-mijn-gegevens.json"',
    },
  });
}

export function loader() {
  return redirect("/account");
}
