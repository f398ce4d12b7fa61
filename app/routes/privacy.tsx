import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LegalPageView } from "~/components/legal-page.tsx";
import { operatorFromEnv, privacyNotice } from "~/modules/legal/pages.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";

// The privacy notice: public, in the reader's language, figures from RETENTION.
export async function loader({ request }: LoaderFunctionArgs) {
  return privacyNotice(await getLanguage(request), operatorFromEnv());
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Digihelpers` : "Digihelpers" },
];

export default function Privacy() {
  return <LegalPageView page={useLoaderData<typeof loader>()} />;
}
