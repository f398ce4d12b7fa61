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

const perRequest = new WeakMap<Request, Promise<Auth>>();

export function getAuth(request: Request, context: AppLoadContext): Promise<Auth> {
  let auth = perRequest.get(request);
  if (!auth) {
    auth = (async () => {
      const { user, setCookie } = await readSession(context.db, request);
      return { actor: user?.actor ?? null, sessionId: user?.sessionId ?? null, setCookie };
    })();
    perRequest.set(request, auth);
  }
  return auth;
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
