import { type AppLoadContext, createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import type { Outcome } from "./outcome.ts";

// One way to tell the outcome of an action after its redirect (post/redirect/get): the action puts
// the outcome in a short-lived signed cookie, the next page's loader reads it, and the root loader
// clears it on that same request, so it shows once and never lingers in the address bar.

function outcomeCookie(request: Request, secret: string) {
  const secure = new URL(request.url).protocol === "https:";
  return createCookie(secure ? "__Host-outcome" : "outcome", {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "lax",
    secrets: [secret],
  });
}

const OutcomeSchema = z.object({
  tone: z.enum(["success", "error"]),
  message: z.string(),
  values: z.record(z.union([z.string(), z.number()])).optional(),
  at: z.string().optional(),
  id: z.string(),
});

/**
 * A redirect to `url` that tells the next page how the action went. With `outcome.at` the address
 * gets that fragment, so the page opens where the reader acted, also without JavaScript.
 */
export async function redirectWithOutcome(
  request: Request,
  context: Pick<AppLoadContext, "secret">,
  url: string,
  outcome: Omit<Outcome, "id">,
  init: ResponseInit = {},
) {
  const headers = new Headers(init.headers);
  const value: Outcome = { ...outcome, id: crypto.randomUUID() };
  headers.append("Set-Cookie", await outcomeCookie(request, context.secret).serialize(value));
  return redirect(outcome.at ? `${url}#${outcome.at}` : url, { ...init, headers });
}

/** The outcome the last action left for this page, if any. */
export async function readOutcome(
  request: Request,
  context: Pick<AppLoadContext, "secret">,
): Promise<Outcome | null> {
  const value = await outcomeCookie(request, context.secret).parse(request.headers.get("Cookie"));
  const parsed = OutcomeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A Set-Cookie that removes the outcome, when the request carries one (for the root loader). */
export async function clearOutcome(
  request: Request,
  context: Pick<AppLoadContext, "secret">,
): Promise<string | null> {
  const cookie = outcomeCookie(request, context.secret);
  const sent = (request.headers.get("Cookie") ?? "")
    .split(";")
    .some((pair) => pair.trim().startsWith(`${cookie.name}=`));
  return sent ? cookie.serialize("", { maxAge: 0 }) : null;
}
