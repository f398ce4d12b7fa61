import type { AppLoadContext } from "@remix-run/node";
import { data } from "@remix-run/node";
import { readForm } from "~/utils/forms.server.ts";
import { tooManyRequests } from "./rate-limit.server.ts";
import { requestPasswordReset, requestSignInLink } from "./recovery.server.ts";
import { EmailOnlySchema } from "./schemas.ts";

/**
 * The action behind "send me a sign-in link" and "forgot my password": the same form, the same
 * answer whether or not the address is known, a clear message when rate limited.
 */
export async function answerEmailRequest(
  request: Request,
  context: AppLoadContext,
  kind: "sign_in" | "password_reset",
) {
  const submission = await readForm(request, context, EmailOnlySchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sent: false, retryAfter: 0 }, { status: 400 });
  }
  const send = kind === "sign_in" ? requestSignInLink : requestPasswordReset;
  const outcome = await send(context.db, context.jobs, {
    email: submission.value.email,
    ip: context.clientIp,
    appUrl: context.appUrl,
  });
  if (!outcome.ok) {
    return data(
      { result: submission.reply(), sent: false, retryAfter: outcome.retryAfterSeconds },
      tooManyRequests(outcome.retryAfterSeconds),
    );
  }
  return data({ result: submission.reply({ resetForm: true }), sent: true, retryAfter: 0 });
}
