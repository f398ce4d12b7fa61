import { createCookie } from "@remix-run/node";
import { CSRF, CSRFError } from "remix-utils/csrf/server";

// The token half of CSRF protection (the Origin check in server/app.ts is the other half): a
// signed token in a cookie that every form repeats in a hidden field.
export const CSRF_FIELD = "csrf";

function csrfFor(request: Request, secret: string) {
  const secure = new URL(request.url).protocol === "https:";
  const cookie = createCookie(secure ? "__Host-csrf" : "csrf", {
    path: "/",
    httpOnly: true,
    secure,
    sameSite: "lax",
    secrets: [secret],
  });
  return new CSRF({ cookie, secret, formDataKey: CSRF_FIELD });
}

/** The token for this page's forms, and a Set-Cookie header when a new one was made. */
export function commitCsrfToken(request: Request, secret: string) {
  return csrfFor(request, secret).commitToken(request);
}

/** Throws a 403 unless the form carries the token of this browser's cookie. */
export async function requireCsrfToken(request: Request, formData: FormData, secret: string) {
  try {
    await csrfFor(request, secret).validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) throw new Response("Invalid CSRF token", { status: 403 });
    throw error;
  }
}
