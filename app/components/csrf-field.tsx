import { useRouteLoaderData } from "@remix-run/react";

/** The page's CSRF token, which rides along in every form (forms.tsx re-exports it). */
export function CsrfField() {
  // The root loader hands out the token; an error page rendered without it shows no token, and a
  // post from it is refused, which is the safe way round.
  const root = useRouteLoaderData<{ csrfToken?: string }>("root");
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ""} />;
}
