import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LegalPageView } from "~/components/legal-page.tsx";
import { accessibilityStatement, operatorFromEnv } from "~/modules/legal/pages.server.ts";
import { getLanguage } from "~/utils/i18n.server.ts";

// The accessibility statement: public, in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  return accessibilityStatement(await getLanguage(request), operatorFromEnv());
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Digihelpers` : "Digihelpers" },
];

export default function Accessibility() {
  return <LegalPageView page={useLoaderData<typeof loader>()} />;
}
