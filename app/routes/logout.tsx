import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordAuditEvent } from "~/modules/audit/audit.server.ts";
import { getAuth } from "~/modules/auth/guards.server.ts";
import { clearSessionCookie, endAllSessions, endSession } from "~/modules/auth/session.server.ts";
import { requireCsrfToken } from "~/utils/csrf.server.ts";
import { readFormData } from "~/utils/forms.server.ts";

// POST only: signing out changes state, so a link or a prefetch can never do it.
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  await requireCsrfToken(request, formData, context.secret);
  const { actor, sessionId } = await getAuth(request, context);
  if (!actor || !sessionId)
    throw redirect("/", { headers: { "Set-Cookie": clearSessionCookie(request) } });

  const everywhere = formData.get("scope") === "everywhere";
  if (everywhere) await endAllSessions(context.db, actor.id);
  const cookie = await endSession(context.db, request, sessionId);
  await recordAuditEvent(context.db, {
    action: everywhere ? "sign_out_everywhere" : "sign_out",
    actorId: actor.id,
    subjectId: actor.id,
    ip: context.clientIp,
  });
  throw redirect("/", { headers: { "Set-Cookie": cookie } });
}

export function loader() {
  return redirect("/");
}

export default function Logout() {
  return null;
}
