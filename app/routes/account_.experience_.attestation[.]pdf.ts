import type { LoaderFunctionArgs } from "@remix-run/node";
import { may } from "~/modules/auth/access.server.ts";
import { requireActor } from "~/modules/auth/guards.server.ts";
import { renderAttestationPdf } from "~/modules/experience/attestation-pdf.server.ts";
import { loadAttestation, readAttestationPeriod } from "~/modules/experience/attestation.server.ts";
import { describeAttestation, readerLanguage } from "~/modules/experience/view.server.ts";
import { getFixedT } from "~/utils/i18n.server.ts";

// The attestation of volunteer work as a PDF, made on the server, in the volunteer's language (the
// language switch's choice, else their profile's). Always the reader's own.

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!may(actor, { action: "view_profile", person: actor }))
    throw new Response("Forbidden", { status: 403 });
  const language = await readerLanguage(request, actor.language);
  const period = await readAttestationPeriod(
    context.db,
    actor.id,
    new URL(request.url).searchParams,
  );
  if (!period.ok) {
    const t = getFixedT(language, "experience");
    return new Response(t(period.error.replace("experience:", "") as "errors.date"), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Language": language },
    });
  }
  const attestation = await loadAttestation(context.db, actor.id, period.value);
  if (!attestation) throw new Response("Not Found", { status: 404 });
  const text = describeAttestation(attestation, language);
  const pdf = await renderAttestationPdf(text);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${text.filename}"`,
      "Content-Language": language,
      "Cache-Control": "private, no-store",
    },
  });
}
