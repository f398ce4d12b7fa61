import type { AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import type { z } from "zod";
import { requireCsrfToken } from "./csrf.server.ts";

/** What a form body may hold, unless the table below says otherwise for a path. */
export const DEFAULT_BODY_LIMIT = { bytes: 64 * 1024, fields: 200 };

/**
 * The paths whose forms may send more (an upload), each with its own limits: the one place a
 * larger body is allowed. First match wins; a path not listed gets DEFAULT_BODY_LIMIT.
 */
export const BODY_LIMITS: ReadonlyArray<{
  path: RegExp;
  /** Only bodies of this media type get the larger limits (none: every form encoding). */
  mediaType?: string;
  bytes: number;
  fields: number;
}> = [
  // An event's audience page: guests come as a CSV file of up to 1 MB (MAX_GUEST_BYTES), and the
  // confirm step carries the checked text again; the audience rules tick up to a few hundred boxes.
  // Its forms post multipart; anything else sent there keeps the default limits.
  {
    path: /^\/events\/manage\/\d{1,10}\/audience(\.data)?\/?$/,
    mediaType: "multipart/form-data",
    bytes: 3 * 1024 * 1024,
    fields: 2000,
  },
];

export function bodyLimitFor(pathname: string, mediaType?: string) {
  return (
    BODY_LIMITS.find(
      (limit) => limit.path.test(pathname) && (!limit.mediaType || limit.mediaType === mediaType),
    ) ?? DEFAULT_BODY_LIMIT
  );
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * The one way a request body is read: only form encodings (415 otherwise), at most the path's
 * number of bytes (413, told by Content-Length before anything is read, or counted while a
 * chunked body streams in) and fields (413), and well formed (400). Each refusal is a thrown
 * response, which the root error boundary shows in the reader's language.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  const limit = bodyLimitFor(new URL(request.url).pathname, mediaType);
  if (!FORM_TYPES.includes(mediaType))
    throw new Response("Unsupported Media Type", { status: 415 });

  const declared = request.headers.get("Content-Length");
  if (declared !== null && !(Number(declared) <= limit.bytes))
    throw new Response("Payload Too Large", { status: 413 });
  const body = await readBytes(request, limit.bytes);

  let formData: FormData;
  try {
    formData = await new Request(request.url, {
      method: "POST",
      headers: { "Content-Type": contentType },
      body,
    }).formData();
  } catch {
    // A multipart body without (or with a wrong) boundary, or otherwise cut short.
    throw new Response("Bad Request", { status: 400 });
  }
  let fields = 0;
  for (const _ of formData.keys())
    if (++fields > limit.fields) throw new Response("Too many fields", { status: 413 });
  return formData;
}

/** The body, up to `max` bytes; past that a 413, without reading any further. */
async function readBytes(request: Request, max: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // Not cancelled: that would close the connection before the answer is sent. The HTTP
      // server closes it once the answer is out (server/app.ts).
      reader.releaseLock();
      throw new Response("Payload Too Large", { status: 413 });
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The one way an action reads a form: the body is read within its limits, the CSRF token is
 * checked, then the fields are parsed with the route's zod schema (through conform, so the page
 * can show each field's error).
 */
export async function readForm<Schema extends z.ZodTypeAny>(
  request: Request,
  context: AppLoadContext,
  schema: Schema,
) {
  const formData = await readFormData(request);
  await requireCsrfToken(request, formData, context.secret);
  return parseWithZod(formData, { schema });
}
