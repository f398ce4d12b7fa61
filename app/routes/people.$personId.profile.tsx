import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ProfileView } from "~/components/profile-view.tsx";
import { may } from "~/modules/auth/access.server.ts";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { findProfilePerson, loadProfile } from "~/modules/people/profile.server.ts";
import { formatDay } from "~/utils/format.ts";
import { getFixedT, getLanguage } from "~/utils/i18n.server.ts";
import { readId } from "~/utils/ids.ts";
import communityStyles from "~/styles/community.css";

// A volunteer's profile as their coordinators (and admins) read it. Anyone else: 404, so the page
// does not tell who volunteers where.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  // Read without zod (ids.ts), so this page's scripts hold none; anything but an id is a 404.
  const personId = readId(params.personId);
  if (personId === null) throw new Response("Not Found", { status: 404 });
  const person = await findProfilePerson(context.db, personId);
  if (!person || !may(actor, { action: "view_profile", person }))
    throw new Response("Not Found", { status: 404 });
  const profile = await loadProfile(context.db, personId);
  if (!profile) throw new Response("Not Found", { status: 404 });
  const language = await getLanguage(request);
  return {
    title: getFixedT(language, "profile")("personTitle", { name: profile.name }),
    profile,
    since: profile.since ? formatDay(profile.since, language) : null,
  };
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: communityStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title} · Digihelpers` },
];

export default function PersonProfile() {
  const { t } = useTranslation("profile");
  const { profile, since } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>{t("personTitle", { name: profile.name })}</h1>
      <p>{t("personIntro", { name: profile.name })}</p>
      <ProfileView profile={profile} since={since} />
      <p>
        <Link to="/people">{t("backPeople")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
