import type { LoaderFunctionArgs } from "@remix-run/node";
import { openMailbox, readMailboxRaw } from "~/modules/mail/mailbox.server.ts";

// One message of the local mailbox as an .eml file, for a mail program (or a test) to open.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const open = await openMailbox(request, context);
  const raw = open ? await readMailboxRaw(context.db, params.id ?? "") : null;
  if (raw === null) throw new Response(null, { status: 404 });
  return new Response(raw, {
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="message-${params.id}.eml"`,
    },
  });
}
