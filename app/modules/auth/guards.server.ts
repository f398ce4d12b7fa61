import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { type Actor, type Permission, isAdmin, may } from "./access.server.ts";
import { readSession } from "./session.server.ts";

// How loaders and actions ask the access module. Each request reads its session once, and with it
// its actor (one query).

interface Auth {
  actor: Actor | null;
  sessionId: string | null;
  /** A Set-Cookie header for the session (extended or cleared), for the root loader to send. */
  setCookie: string | null;
}

// Remix hands each loader its own copy of the Request (it strips its own search parameters), so
// the root loader and the page's loader of one page view are told apart from other requests by
// what they do share: the load context, made once per HTTP request. An action's request keeps its
// own entry, so the loaders that follow it on a no-script form post read what it changed.
const perRequest = new WeakMap<object, { cookie: string | null; auth: Promise<Auth> }>();

export function getAuth(request: Request, context: AppLoadContext): Promise<Auth> {
  const key = request.method === "GET" || request.method === "HEAD" ? context : request;
  const cookie = request.headers.get("Cookie");
  let entry = perRequest.get(key);
  if (!entry || entry.cookie !== cookie) {
    const auth = (async () => {
      const { user, setCookie } = await readSession(context.db, request);
      return { actor: user?.actor ?? null, sessionId: user?.sessionId ?? null, setCookie };
    })();
    entry = { cookie, auth };
    perRequest.set(key, entry);
  }
  return entry.auth;
}

export async function getActor(request: Request, context: AppLoadContext) {
  return (await getAuth(request, context)).actor;
}

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireActor(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await getActor(request, context);
  if (!actor) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : "/";
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return actor;
}

/** The signed-in person when they hold the permission; otherwise sign-in first, or a 403. */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
): Promise<Actor> {
  const actor = await requireActor(request, context);
  if (!may(actor, permission)) throw new Response("Forbidden", { status: 403 });
  return actor;
}

export async function requireAdmin(request: Request, context: AppLoadContext): Promise<Actor> {
  const actor = await requireActor(request, context);
  if (!isAdmin(actor)) throw new Response("Forbidden", { status: 403 });
  return actor;
}
